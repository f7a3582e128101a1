"""First-person plural pronouns standing for the body that speaks: "we", "us", "our".

"We will keep striking ISIS," the coalition said: "we" is the coalition. "We will not allow ISIL to
keep those capabilities," said Col. John Dorrian, the CJTF-OIR spokesperson: "we" is CJTF-OIR, the
body the speaker speaks for. Relation and event extraction then find an argument where the sentence
has only the pronoun, as they do for "it" and "they" (:mod:`orbat.nlp.coreference`, which leaves the
first person here because who says "we" is attribution's question):

- the speaker is attribution's claimant of the pronoun (:func:`orbat.extract.attribution.attribute`):
  the subject of the speech verb whose content the pronoun is in, or the speaker named where its
  quotation opens or closes;
- a body (a state, a force, a group, a government body, an organisation) speaks for itself; an outlet,
  a place or a collective ("residents said we …") is no one's "we" here;
- a person speaks for the one body this document gives them an office in ("commander of U.S. Central
  Command", "the CJTF-OIR spokesperson", "a member of the SDF"): their leads and member_of
  relations, found by relation extraction. A person with no office, or with offices in two bodies, is
  left unnamed: their "we" may be any group they belong to;
- with no speaker, outside any quotation, the pronoun is the outlet's own voice: the body that
  published the document when the outlet is one the pack knows by that name (a press release of
  U.S. Central Command or the State Department: "We will continue to strike ISIL"); a news outlet's
  "we" is its reporters', and stays unnamed, as does a quotation whose speaker is not found.

Each mention made here carries the body's entity, a lower score than a name's, and the source
``coref:<start>-<end>``: the span of the body's name (the speaker's own, or the office's), the
evidence of who "we" is, which claims made through the pronoun quote (``orbat.extract``); for the
outlet's voice the source is ``outlet``, the document's own metadata being the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache
from typing import Any

import numpy as np

from orbat.extract.attribution import attribute
from orbat.model import COREF_SOURCE, Analysis, Mention, MentionLabel, is_collective

__all__ = ["FIRST_PERSON", "NOT_A_SPEAKING_BODY", "OUTLET_SOURCE", "with_speakers"]

FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves"})
NOT_A_SPEAKING_BODY = frozenset({"person", "place", "media"})
_OFFICES = frozenset({"leads", "member_of"})
_SCORE = 0.5
OUTLET_SOURCE = "outlet"  # a Mention's source for the outlet's own "we"
_QUOTES = re.compile(r'["“”]')

Named = tuple[str, tuple[int, int]]  # an entity and the span of a mention naming it
Offices = Callable[[], Mapping[str, "Named | None"]]  # person -> the body they speak for, or None (made when asked)
Frames = Callable[[Analysis], list[Any]]  # the document's relation frames (orbat.extract.relations.find_relations)


def with_speakers(analysis: Analysis, kinds: Mapping[str, str], frames: Frames,
                  bodies: Mapping[str, str] | None = None) -> Analysis:  # fmt: skip
    """The analysis with a mention for each first-person plural pronoun whose speaker is known.

    ``kinds``: entity id → kind (the theatre's; entities made for this document are read off it);
    ``frames``: the document's relation frames (``find_relations``), called only when a person speaks;
    ``bodies``: case-folded name → pack body, which the document's outlet is looked up in.
    """
    doc = analysis.parse
    if doc is None or not doc.has_annotation("DEP"):
        return analysis
    words = np.fromiter((doc.vocab.strings[w] for w in FIRST_PERSON), dtype=np.uint64)  # a string's hash
    pronouns = [t for i in np.flatnonzero(np.isin(doc.to_array("LOWER"), words)) if (t := doc[int(i)]).pos_ == "PRON"]
    if not pronouns:
        return analysis
    covered = {(m.start, m.end) for m in analysis.mentions}
    made = {e.id: e.kind.value for e in analysis.entities}

    def kind_of(entity: str) -> str | None:
        return kinds.get(entity) or made.get(entity)

    @cache
    def office_of() -> Mapping[str, Named | None]:
        return _offices(analysis, frames, kind_of)

    text = analysis.document.clean_text
    outlet = (bodies or {}).get((analysis.document.outlet or "").casefold())
    out: list[Mention] = []
    for tok in pronouns:
        if (tok.idx, tok.idx + len(tok)) in covered:
            continue
        speaker = attribute(doc, tok.i, analysis.mentions, text=text).claimant
        body = _body(analysis, speaker, tok.idx, kind_of, office_of)
        if body is not None:
            entity, (lo, hi) = body
            source = f"{COREF_SOURCE}:{lo}-{hi}"
        elif speaker is None and outlet is not None and not _quoted(text, tok.idx):
            entity, source = outlet, OUTLET_SOURCE
        else:
            continue
        out.append(Mention(analysis.document.id, tok.idx, tok.idx + len(tok), tok.text, MentionLabel.ACTOR, entity,
                           _SCORE, source))  # fmt: skip
    if not out:
        return analysis
    return replace(analysis, mentions=tuple(sorted((*analysis.mentions, *out), key=lambda m: (m.start, m.end))))


def _body(analysis: Analysis, speaker: str | None, at: int, kind_of: Callable[[str], str | None],
          office_of: Offices) -> Named | None:  # fmt: skip
    """The body a speaker's "we" stands for, with the span naming it; None when unknown."""
    if speaker is None or is_collective(speaker):
        return None
    named = [m for m in analysis.mentions if m.entity == speaker and m.antecedent is None]
    kind = kind_of(speaker)
    if any(m.label is MentionLabel.PERSON for m in named) or kind == "person":
        return office_of().get(speaker)
    if not named or kind is None or kind in NOT_A_SPEAKING_BODY:
        return None
    nearest = min(named, key=lambda m: (m.start > at, abs(m.start - at)))  # the nearest name before it, else after
    return speaker, (nearest.start, nearest.end)


def _quoted(text: str, at: int) -> bool:
    """Inside a quotation: an odd number of quotation marks between the paragraph's start and ``at``."""
    start = text.rfind("\n", 0, at) + 1
    return len(_QUOTES.findall(text, start, at)) % 2 == 1


def _offices(analysis: Analysis, frames: Frames, kind_of: Callable[[str], str | None]) -> dict[str, Named | None]:
    """Person → the one body the document gives them an office in (None for two or more)."""
    found: dict[str, Named | None] = {}
    for f in frames(analysis):
        body = f.object.entity
        if f.predicate not in _OFFICES or f.subject.label is not MentionLabel.PERSON or is_collective(body):
            continue
        if kind_of(body) in NOT_A_SPEAKING_BODY:
            continue
        person = f.subject.entity
        if person not in found:
            found[person] = (body, (f.object.start, f.object.end))
        elif found[person] is not None and found[person][0] != body:  # type: ignore[index]
            found[person] = None
    return found
