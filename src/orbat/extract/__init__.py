"""Claim extraction: relations and events from one analysed document, each attributed.

Build the dependencies once per process, then call per document, right after recognition
(``analysis.parse`` must be the spaCy Doc of the clean text, with its dependency parse)::

    deps = build_extract_deps(theatre)
    claims = extract_claims(analysis, deps=deps)

Relations come from :mod:`orbat.extract.relations`, events from :mod:`orbat.extract.events`;
every claim then gets its claimant, modality and polarity from
:func:`orbat.extract.attribution.attribute`, and its confidence is scaled by the attribution's
factor. Alias claims are recognition's (``analysis.claims``) and are not repeated here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from orbat.extract.attribution import Attribution, attribute
from orbat.extract.relations import RelationDeps, build_relation_deps, extract_relations, find_relations
from orbat.extract.speakers import with_speakers
from orbat.model import Analysis, Claim, Evidence
from orbat.theatres import Theatre

__all__ = ["ExtractDeps", "build_extract_deps", "extract_claims", "attribute", "Attribution", "EventFinder", "presupposed"]

EventFinder = Callable[..., list[tuple[Claim, int]]]  # (analysis, *, deps) -> [(claim, trigger token)]


@dataclass(frozen=True)
class ExtractDeps:
    """Everything extraction needs, built once per process by :func:`build_extract_deps` and shared read-only.

    ``find_events`` and ``event_deps`` are injectable so that relations can be tested alone.
    """

    theatre: Theatre
    relations: RelationDeps
    event_deps: Any  # orbat.extract.events.EventDeps
    find_events: EventFinder


def build_extract_deps(theatre: Theatre) -> ExtractDeps:
    """Index the relation lexicon, the event lexicon and the theatre (cheap: no model is loaded)."""
    from orbat.extract.events import build_event_deps, extract_events

    return ExtractDeps(theatre, build_relation_deps(theatre), build_event_deps(theatre), extract_events)


def extract_claims(analysis: Analysis, *, deps: ExtractDeps) -> tuple[Claim, ...]:
    """Relation and event claims of one document, attributed, in text order of their triggers."""
    relations = deps.relations
    analysis = with_speakers(analysis, relations.entity_kinds, partial(find_relations, deps=relations), relations.bodies)
    found = extract_relations(analysis, deps=deps.relations)
    found += deps.find_events(analysis, deps=deps.event_deps)
    found.sort(key=lambda pair: pair[1])
    links = _coreference_links(analysis)
    return tuple(_with_antecedents(analysis, _attributed(analysis, claim, trigger), links) for claim, trigger in found)


Link = tuple[int, str, tuple[int, int]]  # where a coreference mention starts, its entity, its antecedent's span


def _coreference_links(analysis: Analysis) -> list[Link]:
    return [(m.start, m.entity, span) for m in analysis.mentions
            if m.entity and (span := m.antecedent) is not None]  # fmt: skip


def _with_antecedents(analysis: Analysis, claim: Claim, links: list[Link]) -> Claim:
    """A claim made through a pronoun ("It said its fighters …") also quotes the name the pronoun stands
    for when that lies outside the claim's sentence: the evidence of who "it" is."""
    if not links or not claim.evidence:
        return claim
    first = claim.evidence[0]
    named = {claim.subject, claim.object, claim.claimant, *claim.actors, *claim.recipients}
    spans = dict.fromkeys(span for at, entity, span in links
                          if first.start <= at < first.end and entity in named and not first.start <= span[0] < first.end)  # fmt: skip
    if not spans:
        return claim
    text = analysis.document.clean_text
    extra = tuple(Evidence(first.document, lo, hi, text[lo:hi]) for lo, hi in spans)
    return replace(claim, evidence=(*claim.evidence, *extra))


def _attributed(analysis: Analysis, claim: Claim, trigger: int) -> Claim:
    evidence = claim.evidence[0] if claim.evidence else None
    if evidence is not None and not analysis.document.is_body(evidence.start, evidence.end):
        return claim  # a photo caption speaks for the picture desk: asserted, outlet's voice
    a = attribute(analysis.parse, trigger, analysis.mentions, text=analysis.document.clean_text)
    if claim.predicate != "event" and presupposed(analysis.parse[trigger]):
        # "the truce does not apply to al-Qaeda affiliate the Nusra Front": the clause's negation,
        # denial or conditional is about the truce; the description is the speaker's, and stands
        keep = a.modality in ("reported", "claimed")
        a = Attribution(a.claimant if keep else None, "reported" if keep else "asserted", "affirmed",
                        a.confidence_factor if keep else 1.0, a.claimant_text if keep else None)  # fmt: skip
    return replace(
        claim,
        claimant=a.claimant,
        modality=a.modality,
        polarity=a.polarity,
        confidence=round(claim.confidence * a.confidence_factor, 3),
    )


_MODIFIERS = frozenset({"amod", "compound", "appos", "nmod", "poss", "npadvmod", "nummod"})


def presupposed(trigger: Any) -> bool:
    """A relation named by a noun inside a noun phrase ("Turkish President Erdogan", "its ally Hezbollah",
    "the Iran-backed militia") rather than stated by a verb or a predicate noun ("X is not a member
    of Y"): what the clause around it negates or doubts is something else."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in _MODIFIERS:  # "Iran-backed" (a participle), "Turkish President", "its ally"
        return True
    # "Al-Qaeda affiliate the Nusra Front": a noun renamed by an apposition names who someone is;
    # a bare relation noun ("denied any coordination with the SDF") is what the clause is about
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "appos" for c in tok.children)
