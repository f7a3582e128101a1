"""Relation extraction: part_of, leads, backed_by, opposed_to, controls, present_at … from one analysed document.

    deps = build_relation_deps(theatre)                       # once per process
    for claim, trigger in extract_relations(analysis, deps=deps): ...

Sentence by sentence over ``analysis.parse``, every token is looked up once (by its lower-cased
form: the inflections come from the lexicon, so no lemmatizer is needed) as a relation verb
("seized", "deployed", "backed"), a role noun ("deputy commander of"), a part noun ("part of",
"a PMF faction"), a relation noun ("ally of", "a front for", "presence in", "under the control
of", "under the command of", "came under attack from"), an adjective ("opposed to", "allied
with") or a hyphenated modifier ("Iran-backed", "US-designated", "Lebanon-based");
:mod:`orbat.extract.relation_patterns` reads the arguments
off the dependency parse, and they count only where a resolved mention stands for them.
:mod:`orbat.extract.relation_fight` reads the frames that span several words ("seized Y from Z",
"fought Z alongside W", "X within NATO", "Y, an X stronghold", "X's capture of Y", "2nd Battalion,
5th Special Forces Group").

Argument types are then checked: ``controls``/``present_at`` need a place object; ``leads`` a
person subject (an actor leading an actor ``commands`` it); ``part_of`` with a person subject
is ``member_of``; actor slots accept a place only when it is named like a state ("backed by
Iran"), which then stands for the state. Alias claims come from recognition, not from here.

Evidence is the sentence. Valid time: the DATE mention of the sentence nearest the trigger,
else the publication date (its own precision). Confidence = the pattern's reliability, × 0.6 in
a photo caption: a caption ("members of the PMF stand guard at … in Al-Qaim") does show
presence, but it is the picture desk's line, not the report; its modality stays ``asserted``.
Credits, pull quotes (repeats of the body) and boilerplate are skipped. Without a dependency
parse only the hyphenated modifiers can be read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from orbat.errors import OrbatError
from orbat.extract import relation_fight as fight
from orbat.extract import relation_lexicon as lx
from orbat.extract.relation_args import Arg, DocIndex, as_actor, index_document
from orbat.extract.relation_patterns import (
    NAMING_FORMS,
    UNDER_NOUNS,
    Found,
    adjective_relations,
    control_noun_relations,
    modifier_relations,
    naming_relations,
    noun_relations,
    verb_relations,
)
from orbat.extract.speakers import NOT_A_SPEAKING_BODY
from orbat.model import (
    Analysis, Claim, Evidence, EntityKind, MentionLabel, SegmentKind, TimeSpan, is_warship_name, stable_id,
    states_by_country,
)  # fmt: skip
from orbat.theatres import Theatre
from orbat.versions import RELATIONS

__all__ = ["EXTRACTOR", "RelationDeps", "RelationFrame", "build_relation_deps", "find_relations",
           "extract_relations", "relation_claim", "sentence_spans", "valid_time"]

# 2: efforts, ground taken, strongholds, role appositions, support; 3: unit echelons, ranks, "a X commander"
# (member), fire, strikes against, countries the pack lacks as actors; 6: lists whose first item the parser
# misplaced, "X's capacity to attack Y", "under the command of", "came under attack from", an appositive
# naming a relation ("an al-Qaeda affiliate") is not another name of the subject; 7: "we" is the speaking body
# (orbat.extract.speakers); 8: "men of X" are X's, "X's strategy to defeat Y" parsed as a relative clause;
# 9: "U.S. ships USS Hopper", a role in an unnamed part of X ("commander for AQI's logistics"), a demonym
# before a role with a complement is a nationality; 10: a trigger in scare quotes or after "so-called" is claimed
EXTRACTOR = RELATIONS  # its history: orbat.versions
CAPTION_FACTOR = 0.6
_PLACE_OBJECT = frozenset({"controls", "present_at"})
_NOMINAL_DEPS = frozenset({"pobj", "nsubj", "nsubjpass", "dobj", "appos", "attr"})
_SKIPPED = frozenset({SegmentKind.CREDIT, SegmentKind.PULL_QUOTE, SegmentKind.BOILERPLATE})


@dataclass(frozen=True, slots=True)
class RelationDeps:
    """Lexicon look-ups and the theatre's states, built once by :func:`build_relation_deps`."""

    verbs: Mapping[str, str]  # inflected verb form -> base
    nouns: Mapping[str, str]  # noun form -> base
    noun_kinds: Mapping[str, str]  # noun base -> "role" | "part" | "relation"
    states: Mapping[str, str]  # lower-case state name, alias or demonym -> state entity id
    words: frozenset[str] = frozenset()  # every word _token_relations looks at (most tokens are none)
    entity_kinds: Mapping[str, str] = field(default_factory=dict)  # the theatre's entity id -> kind (who can say "we")
    bodies: Mapping[str, str] = field(default_factory=dict)  # case-folded name or alias -> a pack body (an outlet's "we")


@dataclass(frozen=True, slots=True)
class RelationFrame:
    """One relation before it becomes a claim; keeps the argument spans (evaluation reads them)."""

    predicate: str
    subject: Arg
    object: Arg
    trigger: int  # token index in the parse
    sentence: tuple[int, int]  # character span of the sentence
    reliability: float
    pattern: str
    role: str | None = None


def build_relation_deps(theatre: Theatre) -> RelationDeps:
    verbs = {form: base for base in lx.VERB_FRAMES for form in lx.verb_forms(base) if form != "found"}  # "found" = find
    nouns: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for table, kind in ((dict.fromkeys(UNDER_NOUNS), "under"), (lx.NOUN_RELATIONS, "relation"),
                        (lx.AGAINST_NOUNS, "relation"), (lx.PART_NOUNS, "part"), (lx.MEMBER_NOUNS, "part"),
                        (lx.ROLE_NOUNS, "role")):
        for base in table:
            kinds[base] = kind
            nouns.update((form, base) for form in lx.noun_forms(base))
    words = (frozenset(verbs) | frozenset(nouns) | frozenset(lx.COMPOUND_MODIFIERS) | frozenset(lx.ADJ_RELATIONS)
             | fight.SEIZE_FORMS | fight.FIGHT_FORMS | fight.SEIZURE_FORMS | fight.STRONGHOLD_FORMS | {"within"}
             | fight.FLEET_NOUNS
             | frozenset(fight.ECHELONS) | NAMING_FORMS | {"control"})
    entity_kinds = MappingProxyType({e.id: e.kind.value for e in theatre.entities})
    return RelationDeps(MappingProxyType(verbs), MappingProxyType(nouns), MappingProxyType(kinds), _states(theatre),
                        words, entity_kinds, _bodies(theatre))  # fmt: skip


def _bodies(theatre: Theatre) -> Mapping[str, str]:
    """The names an outlet may go by that name one body of the pack (a state, a force, a ministry, a group)."""
    found: dict[str, set[str]] = {}
    for e in theatre.entities:
        if e.kind.value not in NOT_A_SPEAKING_BODY:
            for name in (e.name, *(a.name for a in e.aliases if not a.ambiguous)):
                found.setdefault(name.casefold(), set()).add(e.id)
    return MappingProxyType({name: next(iter(ids)) for name, ids in found.items() if len(ids) == 1})


def _states(theatre: Theatre) -> Mapping[str, str]:
    by_country = {iso: e.id for iso, e in states_by_country(theatre.entities).items()}
    out = {word: by_country[iso] for word, iso in lx.DEMONYMS.items() if iso in by_country}
    for e in theatre.entities:
        if e.kind is EntityKind.STATE:
            out.update((name.lower(), e.id) for name in (e.name, *(a.name for a in e.aliases)))
    return MappingProxyType(out)


def sentence_spans(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of the sentences (punctuation splits when the parse has no sentence boundaries)."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(s.start, s.end) for s in doc.sents]
    spans, start = [], 0
    for t in doc:
        if t.text in {".", "!", "?"} or "\n\n" in t.text:
            spans.append((start, t.i + 1))
            start = t.i + 1
    if start < len(doc):
        spans.append((start, len(doc)))
    return spans


def _char_span(doc: Any, start: int, end: int) -> tuple[int, int]:
    while end > start + 1 and doc[end - 1].is_space:
        end -= 1
    while start < end - 1 and doc[start].is_space:
        start += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def find_relations(analysis: Analysis, *, deps: RelationDeps) -> list[RelationFrame]:
    """All relations of the document as frames, in text order, at most one per (predicate, subject, object) and sentence."""
    if analysis.parse is None:
        raise OrbatError("relation extraction needs analysis.parse (the spaCy Doc of the clean text, with its "
                         "dependency parse): run recognition in the same process with the parser enabled")
    ix = index_document(analysis, deps.states)
    out: list[RelationFrame] = []
    for start, end in sentence_spans(ix.doc):
        if start >= end:
            continue
        chars = _char_span(ix.doc, start, end)
        segment = analysis.document.segment_at(chars[0])
        if segment is not None and segment.kind in _SKIPPED:
            continue
        factor = CAPTION_FACTOR if segment is not None and segment.kind is SegmentKind.CAPTION else 1.0
        out.extend(_best(_sentence_frames(ix, deps, (start, end), chars, factor)))
    return out


def _sentence_frames(ix: DocIndex, deps: RelationDeps, toks: tuple[int, int], chars: tuple[int, int],
                     factor: float) -> Iterator[RelationFrame]:
    for i in range(toks[0], toks[1]):
        if ix.lower[i] not in deps.words:
            continue
        tok = ix.doc[i]
        for found in _token_relations(ix, deps, tok):
            for subj in found.subjects:
                for obj in found.objects:
                    frame = _typed(ix, found, subj, obj)
                    if frame is not None:
                        predicate, s, o = frame
                        yield RelationFrame(predicate, s, o, tok.i, chars, round(found.reliability * factor, 3),
                                            found.pattern, found.role if predicate == "leads" else None)


def _token_relations(ix: DocIndex, deps: RelationDeps, tok: Any) -> list[Found]:
    text = tok.lower_
    out: list[Found] = []
    if text in lx.COMPOUND_MODIFIERS:
        out += modifier_relations(ix, tok)
    if not ix.has_dep:
        return out
    if text in deps.verbs:
        out += verb_relations(ix, tok, deps.verbs[text])
    if text in fight.SEIZE_FORMS:
        out += fight.seize_from_relations(ix, tok)
    if text in fight.FIGHT_FORMS:
        out += fight.alongside_relations(ix, tok)
    if text in fight.SEIZURE_FORMS and tok.pos_ in ("NOUN", "PROPN"):
        out += fight.seizure_relations(ix, tok)
    if text in fight.STRONGHOLD_FORMS:
        out += fight.stronghold_relations(ix, tok)
    if text == "within":
        out += fight.within_relations(ix, tok)
    if text in NAMING_FORMS:
        out += naming_relations(ix, tok)
    if text == "control":
        out += control_noun_relations(ix, tok)
    if text in fight.ECHELONS:
        out += fight.echelon_relations(ix, tok)
    if text in fight.FLEET_NOUNS:
        out += fight.fleet_relations(ix, tok)
    if text in deps.nouns and (tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in _NOMINAL_DEPS):  # "airstrikes"/VBZ
        out += noun_relations(ix, tok, deps.nouns[text], deps.noun_kinds)
    if text in lx.ADJ_RELATIONS and tok.pos_ in ("ADJ", "VERB"):
        out += adjective_relations(ix, tok)
    return out


def _typed(ix: DocIndex, found: Found, subj: Arg, obj: Arg) -> tuple[str, Arg, Arg] | None:
    """Check argument types; rename the predicate where the types say so (person part_of → member_of)."""
    predicate = found.predicate
    if predicate in _PLACE_OBJECT:
        s = as_actor(ix, subj)
        o = obj if obj.label is MentionLabel.PLACE else None
    else:
        s = subj if subj.label is MentionLabel.PERSON else as_actor(ix, subj)
        o = obj if obj.label is MentionLabel.PERSON else as_actor(ix, obj)
    if s is None or o is None or s.entity == o.entity:
        return None
    if predicate == "leads" and s.label is not MentionLabel.PERSON:
        predicate = "commands" if found.role == "commander" and o.label is not MentionLabel.PERSON else ""
    if predicate == "commands" and s.label is MentionLabel.PERSON:
        predicate = "leads"
    if predicate == "part_of" and s.label is MentionLabel.PERSON:
        predicate = "member_of"
    if predicate == "part_of" and is_warship_name(o.text):  # "Forbin is joining USS Hopper": a ship holds no unit
        return None
    if predicate not in _PLACE_OBJECT and o.label is MentionLabel.PERSON and predicate not in ("allied_with", "opposed_to"):
        return None
    return (predicate, s, o) if predicate else None


def _best(frames: Iterator[RelationFrame]) -> list[RelationFrame]:
    best: dict[tuple[str, str, str], RelationFrame] = {}
    for f in frames:
        key = (f.predicate, f.subject.entity, f.object.entity)
        if key not in best or f.reliability > best[key].reliability:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.trigger, f.predicate))


def valid_time(analysis: Analysis, chars: tuple[int, int], anchor: int) -> TimeSpan:
    """The sentence's DATE mention nearest ``anchor`` (a character index), else the publication date."""
    dates = [m for m in analysis.mentions
             if m.label is MentionLabel.DATE and m.time is not None and chars[0] <= m.start < chars[1]]
    if dates:
        return min(dates, key=lambda m: abs(m.start - anchor)).time or TimeSpan()
    return published_span(analysis.document.published)


def published_span(published: str | None) -> TimeSpan:
    if not published:
        return TimeSpan()
    day = published[:10]
    precision = {4: "year", 7: "month", 10: "day"}.get(len(day), "unknown")
    return TimeSpan(day, day, precision)


def relation_claim(analysis: Analysis, frame: RelationFrame) -> Claim:
    doc = analysis.document
    start, end = frame.sentence
    anchor = analysis.parse[frame.trigger].idx
    return Claim(
        id=stable_id(doc.id, frame.predicate, frame.subject.entity, frame.object.entity, str(start), str(end)),
        predicate=frame.predicate,
        subject=frame.subject.entity,
        object=frame.object.entity,
        role=frame.role,
        valid=valid_time(analysis, frame.sentence, anchor),
        reported=doc.published,
        evidence=(Evidence(doc.id, start, end, doc.clean_text[start:end]),),
        extractor=EXTRACTOR,
        confidence=frame.reliability,
    )


def extract_relations(analysis: Analysis, *, deps: RelationDeps) -> list[tuple[Claim, int]]:
    """Relation claims of one document, each with its trigger token index (attribution is the caller's)."""
    return [(relation_claim(analysis, f), f.trigger) for f in find_relations(analysis, deps=deps)]
