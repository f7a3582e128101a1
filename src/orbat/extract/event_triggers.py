"""Event triggers: the lexicon indexed once (:func:`build_event_deps`) and matched token by token.

A token is looked up by its base form: our own inflection table first (generated from the
lexicon, so matching does not need spaCy's lemmatizer), then spaCy's lemma, then the lower-cased
text. Multi-word phrases win over single words; verbs count only as clause heads (a participle
modifier such as "Iran-backed" or "US-led" is no event); nouns used as modifiers ("attack
helicopters") are not triggers; tokens inside actor, person or place mentions never are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from spacy.attrs import LEMMA, LOWER

from orbat.extract import event_lexicon as lx
from orbat.extract.event_roles import DocContext
from orbat.model import Analysis, MentionLabel, states_by_country
from orbat.theatres import Theatre

__all__ = ["Trigger", "EventDeps", "build_event_deps", "document_context", "match_trigger", "phrase_head"]


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    mode: str | None
    reliability: float
    kind: str = ""
    guarded: bool = False  # came from GUARDED_VERBS: its telling object is part of the event


@dataclass(frozen=True, slots=True)
class EventDeps:
    """Lexicon look-ups and theatre facts, built once by :func:`build_event_deps`."""

    forms: Mapping[str, str]  # inflected form -> base
    verbs: Mapping[str, Trigger]
    nouns: Mapping[str, Trigger]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], Trigger], ...]]  # first base -> longest first
    guarded: Mapping[str, tuple[tuple[str, frozenset[str], Trigger], ...]]  # verb -> (class, words, trigger)
    kinds: Mapping[str, str]  # entity id -> entity kind
    precision: Mapping[str, str]  # place entity id -> precision
    designated: frozenset[str]  # entities designated as terrorist by someone in the pack
    not_args: frozenset[str] = frozenset()  # bases that never head an actor or recipient phrase
    starts: frozenset[str] = frozenset()  # every base a trigger can start with (most tokens start none)
    states: Mapping[str, str] = field(default_factory=dict)  # ISO3 -> the pack's state entity




def build_event_deps(theatre: Theatre, *, place_precision: Mapping[str, str] | None = None) -> EventDeps:
    """Index the lexicon and the theatre. ``place_precision`` adds gazetteer places (id -> precision)."""
    forms: dict[str, str] = {}
    verbs = _trigger_map(lx.VERB_TRIGGERS, forms, _verb_forms)
    nouns = _trigger_map(lx.NOUN_TRIGGERS, forms, _noun_forms)
    phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
    for event_type, mode, rel, kind, words in lx.PHRASE_TRIGGERS:
        for phrase in words.split("|"):
            bases = tuple(phrase.split())
            _add_forms(forms, bases[0], _verb_forms)
            _add_forms(forms, bases[-1], _noun_forms)
            phrases.setdefault(bases[0], []).append((bases, Trigger(event_type, mode, rel, kind)))
    guarded = {verb: tuple(_guard(cls, row) for cls, row in rules) for verb, rules in lx.GUARDED_VERBS.items()}
    for verb in guarded:
        _add_forms(forms, verb, _verb_forms)
    for words in lx.OBJECT_CLASSES.values():
        for w in words.split():
            _add_forms(forms, w, _noun_forms)
    forms.update(lx.IRREGULAR)
    precision = {e.id: e.precision for e in theatre.entities if e.precision}
    precision.update(place_precision or {})
    designated = frozenset(r.subject for r in theatre.relations if r.predicate == "designated_by")
    things = " ".join(lx.OBJECT_CLASSES[c] for c in lx.THING_CLASSES).split()
    not_args = lx.NOT_ACTOR_WORDS | frozenset(nouns) | frozenset(things) | frozenset(lx.VAGUE_NUMBERS)
    return EventDeps(
        MappingProxyType(forms), MappingProxyType(verbs), MappingProxyType(nouns),
        MappingProxyType({k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()}),
        MappingProxyType(guarded), MappingProxyType({e.id: e.kind.value for e in theatre.entities}),
        MappingProxyType(precision), designated, not_args, frozenset(phrases) | frozenset(verbs) | frozenset(guarded)
        | frozenset(nouns), MappingProxyType({iso: e.id for iso, e in states_by_country(theatre.entities).items()}),
    )  # fmt: skip


def _trigger_map(rows: Iterable[lx.Row], forms: dict[str, str], inflect: Any) -> dict[str, Trigger]:
    out: dict[str, Trigger] = {}
    for event_type, mode, rel, kind, words in rows:
        for w in words.split():
            out[w] = Trigger(event_type, mode, rel, kind)
            _add_forms(forms, w, inflect)
    return out


def _guard(cls: str, row: lx.Row) -> tuple[str, frozenset[str], Trigger]:
    event_type, mode, rel, kind, _ = row
    return cls, frozenset(lx.OBJECT_CLASSES.get(cls, "").split()), Trigger(event_type, mode, rel, kind, True)


def _add_forms(forms: dict[str, str], base: str, inflect: Any) -> None:
    for f in inflect(base):
        forms.setdefault(f, base)


def _verb_forms(v: str) -> set[str]:
    if v.endswith("e"):
        return {v, v + "s", v + "d", v[:-1] + "ing"}
    if v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
        return {v, v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    out = {v, v + ("es" if v.endswith(("s", "sh", "ch", "x", "z")) else "s"), v + "ed", v + "ing"}
    if len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou":
        out |= {v + v[-1] + "ed", v + v[-1] + "ing"}  # ban -> banned; over-generation is harmless
    return out


def _noun_forms(n: str) -> set[str]:
    if n.endswith("y") and len(n) > 2 and n[-2] not in "aeiou":
        return {n, n[:-1] + "ies"}
    return {n, n + ("es" if n.endswith(("s", "sh", "ch", "x", "z")) else "s")}


def document_context(analysis: Analysis, deps: EventDeps) -> DocContext:
    """Base forms and the token -> mention index of one parsed document."""
    doc = analysis.parse
    strings = doc.vocab.strings  # one array read instead of a Token object per token and attribute
    pairs = [(strings[low], strings[lemma] if lemma else "") for low, lemma in doc.to_array([LOWER, LEMMA]).tolist()]
    lower = tuple(low for low, _ in pairs)
    base = tuple(deps.forms.get(low) or (lemma.lower() if lemma else low) for low, lemma in pairs)
    by_token: dict[int, Any] = {}
    for m in analysis.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for tok in span if span is not None else ():
            by_token.setdefault(tok.i, m)
    has_pos = doc.has_annotation("TAG") or doc.has_annotation("POS")
    return DocContext(doc, base, MappingProxyType(by_token), doc.has_annotation("DEP"), has_pos, deps.not_args, lower)


def match_trigger(ctx: DocContext, deps: EventDeps, i: int, end: int) -> tuple[Trigger, int, int] | None:
    """The trigger starting at token ``i`` (sentence ends at ``end``): (trigger, first, last token) or None."""
    b = ctx.base[i]
    if b not in deps.starts and ctx.lower[i] not in deps.nouns:  # the look-ups below would all miss
        return None
    tok = ctx.doc[i]
    m = ctx.mention.get(i)
    if m is not None and m.label is not MentionLabel.DATE:
        return None
    for bases, trig in deps.phrases.get(b, ()):
        n = len(bases)
        if i + n <= end and all(ctx.base[i + k] == bases[k] or ctx.doc[i + k].lower_ == bases[k] for k in range(1, n)):
            return trig, i, i + n - 1
    verbish = not ctx.has_pos or tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")
    if verbish and tok.dep_ not in ("amod", "compound") and not _attributes(ctx, tok, b):
        found = _guarded(ctx, deps, tok) if b in deps.guarded else deps.verbs.get(b)
        if found is not None:
            return found, i, i
    nounish = not ctx.has_pos or tok.tag_.startswith("NN") or tok.pos_ in ("NOUN", "PROPN")
    if nounish and tok.dep_ != "compound" and not (tok.text[:1].isupper() and not tok.is_sent_start):
        found = deps.nouns.get(tok.lower_) or deps.nouns.get(b)
        if found is not None:
            return found, i, i
    return None


def _attributes(ctx: DocContext, tok: Any, base: str) -> bool:
    """ "a rights group charged that ..." only says who claims the clause: no event of its own."""
    return base in lx.ATTRIBUTION_VERBS and any(c.dep_ == "ccomp" for c in tok.children)


def _guarded(ctx: DocContext, deps: EventDeps, verb: Any) -> Trigger | None:
    objects = _objects(ctx, verb)
    words = {ctx.base[o.i] for o in objects} | {o.lower_ for o in objects}
    on_prep = any(c.dep_ == "prep" and c.lower_ in {"on", "at", "into", "upon"} for c in verb.children)
    is_place = any((m := ctx.mention.get(o.i)) is not None and m.label is MentionLabel.PLACE for o in objects)
    for cls, cls_words, trig in deps.guarded[ctx.base[verb.i]]:
        if cls == "*" or words & cls_words or (cls == "territory" and is_place) or (cls == "onprep" and on_prep):
            return trig
    return None


def _objects(ctx: DocContext, verb: Any) -> list[Any]:
    if not ctx.has_dep:
        return list(ctx.doc[verb.i + 1: min(verb.i + 5, len(ctx.doc))])
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "dative", "attr", "oprd"):
            out.append(c)
        elif c.dep_ in ("prep", "prt"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    out.extend(g for o in list(out) for g in o.children if g.dep_ in ("compound", "conj"))
    out.extend(g for o in list(out) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj")  # "hundreds of militiamen"
    return out


def phrase_head(ctx: DocContext, first: int, last: int) -> int:
    """The syntactic head of the trigger tokens first..last (the last token without a parse, the verb for verb phrases)."""
    if first == last:
        return first
    if ctx.has_dep:
        for t in ctx.doc[first: last + 1]:
            if not first <= t.head.i <= last or t.head.i == t.i:
                return t.i
    return first if ctx.doc[first].tag_.startswith("VB") else last
