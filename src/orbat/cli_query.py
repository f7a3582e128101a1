"""Query commands: parse → call one orbat.query function → format. ``--json`` prints the same result as JSON.

Registered on the ``orbat`` group by importing this module (``orbat.cli`` does so at its end).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import click

from orbat import query
from orbat.cli import _call, _connection, _echo_json, cli
from orbat.reason import KINDS, Contradiction
from orbat.settings import Settings
from orbat.store.claims import ClaimRecord

__all__ = ["actor", "events", "state", "contradictions", "timeline", "sources", "claims", "evidence", "review"]

_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
_LIMIT = click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
_OFFSET = click.option("--offset", type=click.IntRange(0), default=0)


def _json(value: Any) -> Any:
    """Dataclasses (nested) as dicts; claim records gain who says so and their independent-source key."""
    if isinstance(value, ClaimRecord):
        return {**dataclasses.asdict(value), "voice": value.voice, "source_key": value.source_key}
    if isinstance(value, Contradiction):
        return {"id": value.id, "kind": value.kind, "explanation": value.explanation,
                "left": _json(value.left), "right": _json(value.right)}  # fmt: skip
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _json(v) for k, v in value.items()}
    return value


def _n(names: Mapping[str, str], entity: str | None) -> str:
    return "-" if entity is None else names.get(entity, entity)


def _date(r: ClaimRecord) -> str:
    return (r.claim.valid.start or r.claim.reported or "?")[:10]


def _quote(r: ClaimRecord, width: int = 90) -> str:
    if r.claim.evidence:
        q = " ".join(r.claim.evidence[0].quote.split())
        return f'"{q[: width - 3]}…"' if len(q) > width else f'"{q}"'
    return f"[{r.claim.source_note}]" if r.claim.source_note else ""


@cli.command()
@click.argument("name")
@click.option("--events", "n_events", type=click.IntRange(0, 200), default=10, show_default=True, help="Latest events shown.")
@_JSON
@click.pass_obj
def actor(settings: Settings, name: str, n_events: int, as_json: bool) -> None:
    """Profile of an actor, person or place (id, name or alias): structure, allies, leaders, events, facts."""
    with _connection(settings, readonly=True) as conn:
        p = _call(query.actor_profile, conn, name, events=n_events)
    if as_json:
        _echo_json(_json(p))
        return
    e, nm = p.entity, p.names
    click.echo(f"{e.name}  ({e.id}, {e.kind.value}{', ' + e.country if e.country else ''})")
    click.echo(f"  {p.claim_count} claims, reported {p.first_reported or '?'} to {p.last_reported or '?'}")
    if p.aliases:
        click.echo("aliases:")
        for a in p.aliases:
            where = f"{a.outlet or a.document} {a.published or ''}: \"{a.quote}\"" if a.document else a.source
            click.echo(f"  {a.name:32} {where}")
    sections = (("chain of command", p.chain_of_command), ("subordinates", p.subordinates),
                ("affiliates", p.affiliates), ("opponents", p.opponents), ("leaders", p.leaders),
                ("roles", p.roles), ("designations", p.designations))  # fmt: skip
    for title, links in sections:
        if links:
            click.echo(f"{title}:")
            for link in links:
                _echo_link(link, nm)
    _echo_places(p, nm)
    if p.events:
        click.echo(f"events ({len(p.events)} latest of {p.event_count}):")
        _echo_events(p.events, nm)


def _echo_link(link: query.Link, nm: Mapping[str, str]) -> None:
    f = link.fact
    span = f"{f.valid.start or '…'} – {f.valid.end or '…'}"
    role = f" ({link.role})" if link.role else ""
    indent = "  " * link.depth
    click.echo(f"{indent}{link.predicate:14} {_n(nm, link.entity)[:40]:40}{role:24} {span:25} "
               f"{f.independent_sources} src  {f.status}")  # fmt: skip


def _echo_places(p: query.ActorProfile, nm: Mapping[str, str]) -> None:
    if p.places:
        click.echo("places:")
        for pl in p.places:
            when = f"{pl.first_reported or ''} – {pl.last_reported or ''}" if pl.first_reported else ""
            click.echo(f"  {pl.how:11} {_n(nm, pl.place)[:40]:40} {pl.claims:5} claims  {when}")


def _echo_events(records: Sequence[ClaimRecord], nm: Mapping[str, str]) -> None:
    for r in records:
        c = r.claim
        who = ", ".join(_n(nm, a) for a in c.actors) + (" → " + ", ".join(_n(nm, x) for x in c.recipients) if c.recipients else "")
        figures = c.size or ""
        if c.weapons:
            figures += (" " if figures else "") + "with " + ", ".join(c.weapons)
        if c.fatalities.best is not None or c.fatalities.low is not None:
            figures += f" killed {c.fatalities.low if c.fatalities.low is not None else '?'}-{c.fatalities.high or '?'}"
        click.echo(f"  {_date(r):10} {c.event_type or '?':10} {who[:40]:40} @ {_n(nm, c.place)[:20]:20} "
                   f"{figures[:22]:22} {_n(nm, r.voice)[:24]:24} {c.id}")  # fmt: skip


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise click.BadParameter("use LAT,LON,KM, e.g. 34.38,40.92,25", param_hint="--near") from exc
    return lat, lon, km


@cli.command()
@click.option("--actor", help="Actor or recipient (id, name or alias).")
@click.option("--type", "event_type", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--place", help="Place (id, name or alias).")
@click.option("--near", metavar="LAT,LON,KM", help="Within KM of a point.")
@click.option("--since", "date_from", metavar="DATE")
@click.option("--until", "date_to", metavar="DATE")
@click.option("--claimant", help="Claimant (entity, claimant id or outlet).")
@click.option("--include-denied", is_flag=True, help="Also list negated reports.")
@_LIMIT
@_OFFSET
@_JSON
@click.pass_obj
def events(settings: Settings, near: str | None, as_json: bool, **kw: Any) -> None:
    """Events, newest first, filtered by actor, type, place or radius, dates and claimant."""
    filt = query.EventFilter(near=_near(near), **kw)
    with _connection(settings, readonly=True) as conn:
        page = _call(query.find_events, conn, filt)
    if as_json:
        _echo_json(_json(page))
        return
    _echo_events(page.events, page.names)
    click.echo(f"-- {len(page.events)} of {page.total} events")


@cli.command()
@click.option("--as-of", "as_of", metavar="DATE", required=True, help="ISO date (a partial one means its last day).")
@click.option("--place", help="Only this place (id, name or alias).")
@click.option("--actor", help="Only relations of this actor.")
@click.option("--stale-after-days", type=click.IntRange(1), default=365, show_default=True,
              help="How long a dated observation holds when nothing newer is said.")
@click.option("--limit", type=click.IntRange(1, 1000), default=200, show_default=True)
@_OFFSET
@_JSON
@click.pass_obj
def state(settings: Settings, as_of: str, place: str | None, actor: str | None, stale_after_days: int,
          limit: int, offset: int, as_json: bool) -> None:  # fmt: skip
    """Who controls, is present at, belongs to, is backed by, allied with or leads whom on a date."""
    from orbat.reason import StateRules

    with _connection(settings, readonly=True) as conn:
        view = _call(query.state_as_of, conn, as_of, place, actor, rules=StateRules(stale_after_days=stale_after_days),
                     limit=limit, offset=offset)  # fmt: skip
    if as_json:
        _echo_json(_json(view))
        return
    nm = view.names
    click.echo(f"state as of {view.date}")
    for e in view.entries:
        role = f" ({e.role})" if e.role else ""
        mark = "  CONTESTED" if e.contested else ""
        click.echo(f"  {_n(nm, e.subject)[:34]:34} {e.predicate:14} {_n(nm, e.object)[:34]:34}{role:18} "
                   f"{e.since or '…':10} – {e.until or '…':10} {e.basis:11} {e.independent_sources} src{mark}")  # fmt: skip
        latest = e.supporting[-1]
        if latest.claim.evidence:
            click.echo(f"      {_n(nm, latest.voice)} {latest.claim.reported or ''}: {_quote(latest)}")
        else:
            click.echo(f"      curated: {latest.claim.source_note or latest.claim.extractor}")
        for c in e.contesting:
            click.echo(f"      contested by {_n(nm, c.voice)} {c.claim.reported or ''}: {_quote(c)}")
    click.echo(f"-- {len(view.entries)} of {view.total} relations")


@cli.command()
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--entity", help="Only contradictions naming this entity.")
@_LIMIT
@_OFFSET
@_JSON
@click.pass_obj
def contradictions(settings: Settings, kind: str | None, entity: str | None, limit: int, offset: int,
                   as_json: bool) -> None:  # fmt: skip
    """Claims that cannot all be true: denials, control conflicts, differing figures, dates or places."""
    with _connection(settings, readonly=True) as conn:
        page = _call(query.contradictions, conn, kind, entity=entity, limit=limit, offset=offset)
    if as_json:
        _echo_json(_json(page))
        return
    for c in page.items:
        click.echo(f"{c.kind:8} {c.explanation}  [{c.id}]")
        for side, records in (("+", c.left), ("-", c.right)):
            for r in records:
                click.echo(f"   {side} {r.claim.id:18} {_date(r):10} {_n(page.names, r.voice)[:24]:24} {_quote(r, 70)}")
    click.echo(f"-- {len(page.items)} of {page.total} contradictions")


@cli.command()
@click.option("--actor", help="Actor (id, name or alias).")
@click.option("--place", help="Place (id, name or alias).")
@click.option("--limit", type=click.IntRange(1, 1000), default=100, show_default=True)
@_OFFSET
@_JSON
@click.pass_obj
def timeline(settings: Settings, actor: str | None, place: str | None, limit: int, offset: int, as_json: bool) -> None:
    """Every claim about an actor or a place, oldest first."""
    with _connection(settings, readonly=True) as conn:
        page = _call(query.timeline, conn, actor, place, limit=limit, offset=offset)
    if as_json:
        _echo_json(_json(page))
        return
    _echo_claims(page.events, page.names)
    click.echo(f"-- {len(page.events)} of {page.total} claims")


def _echo_claims(records: Sequence[ClaimRecord], nm: Mapping[str, str]) -> None:
    for r in records:
        c = r.claim
        what = c.event_type if c.predicate == "event" else c.predicate
        neg = "NOT " if c.polarity == "negated" else ""
        click.echo(f"{_date(r):10} {neg}{what:14} {_n(nm, c.subject)[:28]:28} {_n(nm, c.object or c.place)[:28]:28} "
                   f"{c.modality:9} {c.review:8} {_n(nm, r.voice)[:24]:24} {c.id}")  # fmt: skip


@cli.command()
@click.option("--limit", type=click.IntRange(1, 1000), default=100, show_default=True)
@_JSON
@click.pass_obj
def sources(settings: Settings, limit: int, as_json: bool) -> None:
    """Per outlet and per claimant: claims, how many an independent source corroborates, how many are contradicted."""
    with _connection(settings, readonly=True) as conn:
        view = _call(query.sources, conn, limit=limit)
    if as_json:
        _echo_json(_json(view))
        return
    for title, rows, total in (("outlet", view.outlets, view.total_outlets),
                               ("claimant", view.claimants, view.total_claimants)):  # fmt: skip
        click.echo(f"{title:40} {'claims':>8} {'corroborated':>13} {'contradicted':>13}")
        for row in rows:
            click.echo(f"{_n(view.names, row.name)[:40]:40} {row.claims:8} {row.corroborated:13} {row.contradicted:13}")
        click.echo(f"-- {len(rows)} of {total} {title}s\n")


@cli.command()
@click.option("--entity", help="Subject, object, actor or recipient.")
@click.option("--subject")
@click.option("--predicate")
@click.option("--object", "object_")
@click.option("--place")
@click.option("--claimant")
@click.option("--polarity", type=click.Choice(["affirmed", "negated"]))
@click.option("--modality")
@click.option("--review", type=click.Choice(["machine", "accepted", "rejected"]))
@click.option("--document")
@click.option("--since", "date_from", metavar="DATE")
@click.option("--until", "date_to", metavar="DATE")
@_LIMIT
@_OFFSET
@_JSON
@click.pass_obj
def claims(settings: Settings, object_: str | None, as_json: bool, **kw: Any) -> None:
    """List claims, newest first (rejected ones only with --review rejected)."""
    with _connection(settings, readonly=True) as conn:
        page = _call(query.list_claims, conn, query.ClaimFilter(object=object_, **kw))
    if as_json:
        _echo_json(_json(page))
        return
    _echo_claims(page.claims, page.names)
    click.echo(f"-- {len(page.claims)} of {page.total} claims")


@cli.command()
@click.argument("claim_id")
@_JSON
@click.pass_obj
def evidence(settings: Settings, claim_id: str, as_json: bool) -> None:
    """One claim with its quotes in context, its document, the document's duplicates and its reviews."""
    with _connection(settings, readonly=True) as conn:
        view = _call(query.claim_evidence, conn, claim_id)
    if as_json:
        _echo_json(_json(view))
        return
    c, nm = view.record.claim, view.names
    what = c.event_type if c.predicate == "event" else c.predicate
    click.echo(f"{c.id}: {_n(nm, c.subject)} {'NOT ' if c.polarity == 'negated' else ''}{what} "
               f"{_n(nm, c.object) if c.object else ''}{' @ ' + _n(nm, c.place) if c.place else ''}  "
               f"valid {c.valid.start or '…'} – {c.valid.end or '…'}")  # fmt: skip
    click.echo(f"  says: {_n(nm, view.claimant)} ({c.modality}), reported {c.reported or '?'}, review {c.review}, "
               f"extractor {c.extractor}, confidence {c.confidence}")  # fmt: skip
    if c.source_note:
        click.echo(f"  source: {c.source_note}")
    for q in view.quotes:
        click.echo(f"  {q.outlet or '?'} {q.published or ''} {q.title or ''} {q.url or ''}")
        click.echo(f"    quote: \"{q.evidence.quote}\" [{q.evidence.document} {q.evidence.start}-{q.evidence.end}]")
        click.echo(f"    paragraph: {q.paragraph}")
    for d in view.duplicates:
        click.echo(f"  duplicate: {d['id']} {d['outlet'] or '-'} {d['published'] or ''} {d['title'] or ''}")
    for r in view.reviews:
        click.echo(f"  review: {r.decision} by {r.reviewer} at {r.made}")


@cli.command()
@click.argument("claim_id")
@click.argument("decision", type=click.Choice(["accept", "reject", "reset"]))
@click.option("--by", "reviewer", required=True, metavar="NAME", help="Who decides.")
@_JSON
@click.pass_obj
def review(settings: Settings, claim_id: str, decision: str, reviewer: str, as_json: bool) -> None:
    """Accept or reject a claim, or reset it to machine. Every decision is kept; the latest wins."""
    with _connection(settings) as conn:
        view = _call(query.set_review, conn, claim_id, decision, reviewer)
    if as_json:
        _echo_json(_json(view))
        return
    click.echo(f"{view.claim_id}: {view.review}")
    for r in view.history:
        click.echo(f"  {r.made}  {r.decision:9} by {r.reviewer}")
