"""Migration 5: the state indexes hold what the state rules read of each claim, and the whole-map query
reads them alone."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest

from orbat import store
from orbat.model import Claim, TimeSpan
from orbat.reason import facts, state, time
from orbat.store import claims as claim_store
from orbat.store import schema
from orbat.store.schema import STATE_COLUMNS, STATE_CURATED, STATE_NEGATED, STATE_POINT, STATE_UNREADABLE


def _quoted(sql_list: str) -> set[str]:
    return set(re.findall(r"'([^']*)'", sql_list))


def test_state_index_lists_are_the_rules_lists():
    assert _quoted(schema._HEAD_ROLES) == set(state.HEAD_ROLES)
    assert _quoted(schema._SYMMETRIC) == set(facts.SYMMETRIC)
    assert _quoted(schema._NON_ASSERTING) == set(facts.NON_ASSERTING)
    assert _quoted(schema._STATE_PREDICATES) == set(claim_store.STATE_PREDICATES)
    for precision in [*time._PRECISION_DAYS, "fortnight"]:
        assert schema._PRECISION_DAYS.get(precision, 1) == time._PRECISION_DAYS.get(precision, 1)
    assert (schema.STATE_MIN_DAY, schema.STATE_MAX_DAY) == (time.day_number(date.min), time.day_number(date.max))


def test_whole_map_state_reads_only_the_covering_indexes():
    conn = store.connect(":memory:")
    plan = " / ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + claim_store._STATE_ROWS_SQL,
                                                 {"day": 0, "lookback": 366, "stale": 365}))  # fmt: skip
    for band in ("brief", "short", "long"):
        assert f"COVERING INDEX claims_state_{band}" in plan, plan


def _partial_date(rng: random.Random, day: date) -> str | None:
    return rng.choice([None, "", str(day.year), day.isoformat()[:7], day.isoformat(), day.isoformat() + "T10:00:00Z"])


def _stored(conn, claim_id: str) -> tuple[int, int, int]:
    c = STATE_COLUMNS
    row = conn.execute(f"SELECT {c['lo']}, {c['hi']}, {c['flags']} FROM claims WHERE id = ?", (claim_id,)).fetchone()
    return row[0], row[1], row[2]


def test_state_index_reads_each_claims_dates_as_the_rules_do():
    rng = random.Random(5)
    conn = store.connect(":memory:")
    claims = []
    for i in range(600):
        day = date(2012, 1, 1) + timedelta(days=rng.randrange(5000))
        later = day + timedelta(days=rng.choice([0, 1, 6, 7, 30, 31, 91, 92, 365, 366, 800]))
        claims.append(Claim(
            f"c{i}", rng.choice(claim_store.STATE_PREDICATES), "kh", "qaim",
            valid=TimeSpan(_partial_date(rng, day), _partial_date(rng, later),
                           rng.choice(["day", "week", "month", "season", "year", "unknown", "decade"])),
            reported=_partial_date(rng, later + timedelta(days=rng.randrange(-40, 40))),
            polarity=rng.choice(["affirmed", "negated"]), extractor=rng.choice(["test/1", "theatre:t/1"]),
        ))  # fmt: skip
    with store.transaction(conn):
        for c in claims:
            store.insert_claim(conn, c, "d1")
    for c in claims:
        lo, hi, flags = _stored(conn, c.id)
        span = time.literal_interval(c)
        assert (lo, hi) == (time.day_number(span.lo), time.day_number(span.hi)), c
        assert bool(flags & STATE_POINT) == time.is_point(c), c
        assert bool(flags & STATE_CURATED) == time.is_curated(c), c
        assert bool(flags & STATE_NEGATED) == (c.polarity == "negated"), c
        assert not flags & STATE_UNREADABLE, c


@pytest.mark.parametrize("start, end, reported, role", [
    ("2016-6-3", None, "2016-06-03", None), ("2016-02-30", None, "2016-03-01", None),
    ("0000", None, "2016-01-01", None),
    ("2016-05", "2016-13", None, None), ("2016-05-01", None, "2016\x0005", None), (" 2016", None, None, None),
    ("2016-05-01", None, None, ""), ("2016-05-01", None, None, "x\x01y"),
])  # fmt: skip
def test_state_index_flags_claims_it_cannot_read_as_the_rules_do(start, end, reported, role):
    conn = store.connect(":memory:")
    store.insert_claim(conn, Claim("odd", "leads", "amiri", "kh", role=role, valid=TimeSpan(start, end, "day"),
                                   reported=reported, extractor="test/1"), "d1")  # fmt: skip
    assert _stored(conn, "odd")[2] & STATE_UNREADABLE
