"""Query latency on a generated database of one million claims.

    python bench/query.py                     # temp database, removed afterwards
    python bench/query.py --db /tmp/q.db      # keep (and reuse, when it already holds claims)
    python bench/query.py --claims 200000 --queries 100

Generates ~2,000 entities (actors, people, places with coordinates), ~50,000 documents in ~35,000
duplicate clusters, and claims in a realistic mix (events with places, sizes and fatalities over
2014–2026; present_at, controls, part_of, leads, … relations), with popularity skewed the way reporting
is (a few actors are in most stories). Then times actor_profile, find_events (actor filter, type + date
range, radius) and state_as_of (place, actor, and the whole map on random dates over the corpus span)
over random queries, choosing actors by the same popularity, and prints p50 / p95 / max milliseconds per
query type as JSON. Every query type runs --queries times (the whole map ran a tenth as often while it
took seconds).

Claims are written with raw SQL, which the store's write functions do not see: after generating them the
bench rebuilds the relation facts (store.relation_facts.rebuild_relation_facts). A database from before
migration 3 gets them from the migration when the bench opens it, and one from before migration 5 its
state indexes (~15 s at a million claims, in connect_s).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from orbat import query, store
from orbat.query import EventFilter
from orbat.store.relation_facts import rebuild_relation_facts

TYPES = ["ASSAULT"] * 8 + ["MOBILIZE"] * 3 + ["COERCE"] * 2 + ["ACCUSE", "THREATEN", "SUPPORT", "AGREE", "CONSULT",
                                                               "RETREAT", "AID", "PROTEST", "SANCTION", "REJECT"]
PREDICATES = ([("event", 55), ("present_at", 12), ("controls", 5), ("part_of", 5), ("leads", 3), ("allied_with", 3),
               ("backed_by", 3), ("opposed_to", 3), ("member_of", 3), ("subordinate_of", 2), ("commands", 2),
               ("designated_by", 1), ("alias_of", 3)])  # fmt: skip
START = date(2014, 1, 1)
DAYS = (date(2026, 6, 30) - START).days


def _day(rng: random.Random) -> str:
    return (START + timedelta(days=rng.randrange(DAYS))).isoformat()


def _entities(rng: random.Random, n: int) -> tuple[list[tuple], list[str], list[str], list[str]]:
    actors = [f"actor-{i}" for i in range(int(n * 0.7))]
    people = [f"person-{i}" for i in range(int(n * 0.15))]
    places = [f"place-{i}" for i in range(n - len(actors) - len(people))]
    rows = [(a, "armed_group", f"Actor {i} Brigade", None, None) for i, a in enumerate(actors)]
    rows += [(p, "person", f"Person {i}", None, None) for i, p in enumerate(people)]
    rows += [(p, "place", f"Place {i}", rng.uniform(32.0, 37.0), rng.uniform(38.0, 44.0)) for i, p in enumerate(places)]
    return rows, actors, people, places


def _documents(rng: random.Random, n: int, clusters: int) -> list[tuple]:
    rows = []
    for i in range(n):
        cluster = f"d{i}" if i < clusters else f"d{rng.randrange(clusters)}"
        text = f"Report {i}: fighters of the brigade moved to the crossing near the river. " * 3
        rows.append((f"d{i}", f"Outlet {rng.randrange(120)}", _day(rng), cluster, text))
    return rows


def _claim(i: int, rng: random.Random, w: dict, docs: list[tuple]) -> tuple[tuple, tuple]:
    doc = docs[rng.randrange(len(docs))]
    predicate = rng.choices(w["predicates"], w["predicate_weights"])[0]
    pick = lambda pool: rng.choices(w[pool], w[pool + "_w"])[0]  # noqa: E731
    subject, obj, place, event = pick("actors"), None, None, (None,) * 8
    actors, recipients = [subject], []
    if predicate == "event":
        recipients = [pick("actors")] if rng.random() < 0.5 else []
        place = pick("places") if rng.random() < 0.9 else None
        size = f"{rng.choice([500, 1000, 2000, 3000, 4000])} troops" if rng.random() < 0.1 else None
        low = rng.randrange(0, 30) if rng.random() < 0.2 else None
        event = (rng.choice(TYPES), None, None, size, low, low, low, None)
    elif predicate in ("present_at", "controls"):
        obj = pick("places")
    elif predicate in ("leads", "member_of"):
        subject, obj = pick("people"), pick("actors")
    else:
        obj = pick("actors")
    reported = doc[2]
    valid = reported if rng.random() < 0.7 else (date.fromisoformat(reported) - timedelta(days=rng.randrange(60))).isoformat()
    claimant = None if rng.random() < 0.4 else pick("actors") if rng.random() < 0.5 else f"claimant:officials-{rng.randrange(50)}"
    row = (f"k{i}", doc[0], predicate, subject, obj, "commander" if predicate == "leads" else None, place, valid,
           valid, "day", reported, "negated" if rng.random() < 0.05 else "affirmed", "asserted", claimant,
           "bench/1", round(rng.random(), 2), "machine", event[0], event[1], event[2], json.dumps(actors),
           json.dumps(recipients), event[3], event[4], event[5], event[6], None, None, None)  # fmt: skip
    return row, (f"k{i}", doc[0], 10, 90, "fighters of the brigade moved to the crossing near the river")


def _weights(items: list[str], skew: float) -> list[float]:
    return [1.0 / (rank + 1) ** skew for rank in range(len(items))]


_CLAIM_FIELDS = 29  # what _claim makes per claim: the claims table of migration 1


def generate(conn, *, claims: int, entities: int, documents: int, clusters: int, seed: int) -> dict:
    rng = random.Random(seed)
    rows, actors, people, places = _entities(rng, entities)
    docs = _documents(rng, documents, clusters)
    w = {"actors": actors, "people": people, "places": places, "predicates": [p for p, _ in PREDICATES],
         "predicate_weights": [n for _, n in PREDICATES], "actors_w": _weights(actors, 0.8),
         "people_w": _weights(people, 0.5), "places_w": _weights(places, 0.5)}  # fmt: skip
    started = time.perf_counter()
    with store.transaction(conn):
        conn.executemany("INSERT INTO entities (id, kind, name, lat, lon) VALUES (?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT INTO documents (id, outlet, published, cluster, text, clean_text, kind, offsets, "
                         "segments) VALUES (?, ?, ?, ?, ?, ?, 'article', '[[0],[0],[1]]', '[]')",
                         [(*d, d[4]) for d in docs])  # fmt: skip
    batch = 50_000
    # the columns _claim fills, in table order (columns added by later migrations keep their defaults)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(claims)")][:_CLAIM_FIELDS]
    insert = f"INSERT INTO claims ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for lo in range(0, claims, batch):
        made = [_claim(i, rng, w, docs) for i in range(lo, min(claims, lo + batch))]
        with store.transaction(conn):
            conn.executemany(insert, [m[0] for m in made])
            conn.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?)", [m[1] for m in made])
    with store.transaction(conn):  # raw SQL bypassed the store functions that keep the facts exact
        rebuild_relation_facts(conn)
    conn.execute("ANALYZE")
    return {"generate_s": round(time.perf_counter() - started, 1), "w": w}


def _time(fn: Callable[[], object], n: int) -> dict[str, float]:
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return {"p50_ms": round(statistics.median(samples), 2), "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 2),
            "max_ms": round(samples[-1], 2), "n": n}  # fmt: skip


def run_queries(conn, w: dict, n: int, seed: int) -> dict[str, dict[str, float]]:
    rng = random.Random(seed + 1)
    actor = lambda: rng.choices(w["actors"], w["actors_w"])[0]  # noqa: E731
    place = lambda: rng.choices(w["places"], w["places_w"])[0]  # noqa: E731
    points = store.claims.place_points(conn)

    def near() -> EventFilter:
        lat, lon = points[place()]
        return EventFilter(near=(lat, lon, 30.0))

    def type_range() -> EventFilter:
        start = date.fromisoformat(_day(rng))
        return EventFilter(event_type=rng.choice(TYPES), date_from=start.isoformat(),
                           date_to=(start + timedelta(days=365)).isoformat())  # fmt: skip

    return {
        "actor_profile": _time(lambda: query.actor_profile(conn, actor()), n),
        "find_events_actor": _time(lambda: query.find_events(conn, EventFilter(actor=actor())), n),
        "find_events_type_date": _time(lambda: query.find_events(conn, type_range()), n),
        "find_events_radius": _time(lambda: query.find_events(conn, near()), n),
        "state_as_of_place": _time(lambda: query.state_as_of(conn, _day(rng), place=place()), n),
        "state_as_of_actor": _time(lambda: query.state_as_of(conn, _day(rng), actor=actor()), n),
        "state_as_of_all": _time(lambda: query.state_as_of(conn, _day(rng)), n),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="database to create (or reuse) instead of a temporary one")
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--entities", type=int, default=2_000)
    ap.add_argument("--documents", type=int, default=50_000)
    ap.add_argument("--clusters", type=int, default=35_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "bench.db")
        opened = time.perf_counter()
        conn = store.connect(path)  # migrates (and backfills) a database of an older schema
        connect_s = round(time.perf_counter() - opened, 1)
        have = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        info = {"generate_s": 0.0}
        if have == 0:
            info = generate(conn, claims=args.claims, entities=args.entities, documents=args.documents,
                            clusters=args.clusters, seed=args.seed)  # fmt: skip
        w = info.get("w") or generate_weights(conn, args.seed, args.entities)
        conn.close()
        conn = store.connect(path, readonly=True)  # as the API and the query commands read
        result = {"claims": conn.execute("SELECT count(*) FROM claims").fetchone()[0],
                  "generate_s": info["generate_s"], "connect_s": connect_s,
                  "db_mb": round(Path(path).stat().st_size / 2**20, 1),
                  "queries": run_queries(conn, w, args.queries, args.seed)}  # fmt: skip
        conn.close()
    json.dump(result, sys.stdout, indent=2)
    print()


def generate_weights(conn, seed: int, entities: int) -> dict:
    """The popularity weights of an existing bench database (same seed and entity count)."""
    _, actors, people, places = _entities(random.Random(seed), entities)
    return {"actors": actors, "places": places, "actors_w": _weights(actors, 0.8), "places_w": _weights(places, 0.5)}


if __name__ == "__main__":
    main()
