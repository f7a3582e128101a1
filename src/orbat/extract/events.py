"""Event extraction: PLOVER events, with their ACLED types, from one analysed document.

    deps = build_event_deps(theatre)                  # once per process
    for claim, trigger in extract_events(analysis, deps=deps): ...

How an event is found, sentence by sentence over ``analysis.parse``:

1. **Triggers.** Each token is looked up, by its base form, in the lexicon
   (:mod:`orbat.extract.event_lexicon`): multi-word phrases first ("drone strike", "took over"),
   then verbs (only as clause heads: "Iran-backed" is no trigger), then nouns. Some verbs count only
   with a telling object ("sent 3,000 troops", "imposed a curfew", "seized the town"). Tokens inside
   actor, person or place mentions are never triggers ("Popular Mobilization Forces").
2. **Roles** from the dependency parse: the agent is the subject, the "by"-agent of a passive, or
   for a noun its possessor, actor modifier ("US strikes") or "by" phrase, else the subject of
   the verb that governs it ("launched a drone strike"); the recipient is the object or the
   "against/on/at/targeting" phrase. Both sides of a clash or a meeting ("with X") are actors, as
   the PLOVER codebook asks for two-sided events. Without a parse, the nearest actor mention
   before the trigger is the actor and the nearest after it the recipient.
3. **Verbal events govern their complements**: in "threatened to strike the base" or "agreed to
   cooperate" the embedded event is not reported as happening; it is dropped and sets the mode
   of the governing event (THREATEN ``violence``, REQUEST ``meet`` ...). A promise or vow of
   violence is a THREATEN. What a demand would end is happening ("called for an end to the
   attacks on Aleppo"): that event stands.
4. **One event per type per sentence**: "killed three fighters in a drone strike" is one ASSAULT;
   the most reliable trigger stands for it and the roles of all its triggers are pooled.
5. Place, date, size, fatalities, context, ACLED type: see the helpers below.

Confidence = trigger reliability − 0.06 per level below the sentence's news (up to 5; see
:func:`orbat.extract.event_roles.clause_depth`), + 0.1 when an
actor resolved to an entity (+0.05 for an unresolved actor phrase, −0.05 for none); × 0.6 in
a photo caption. Other non-body segments (credits, pull quotes, boilerplate) are skipped: a pull
quote repeats the body and would count an event twice.
"""


from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from orbat.errors import OrbatError
from orbat.extract import event_lexicon as lx
from orbat.extract.event_numbers import read_fatalities, read_size
from orbat.extract.attribution import SPEECH_VERBS
from orbat.extract.event_roles import (Argument, DocContext, clause_depth, distinct_weapons, find_roles, find_weapons,
                                      in_weapon_list)
from orbat.extract.event_triggers import EventDeps, Trigger, build_event_deps, document_context, match_trigger, phrase_head
from orbat.model import Analysis, Claim, Evidence, Fatalities, MentionLabel, SegmentKind, TimeSpan, stable_id
from orbat.versions import EVENTS

__all__ = ["EXTRACTOR", "EventDeps", "Trigger", "Argument", "EventFrame", "build_event_deps",
           "extract_events", "find_event_frames", "acled_types"]

EXTRACTOR = EVENTS  # its history: orbat.versions
_NOT_COMPLEMENT = frozenset({"nsubj", "nsubjpass", "conj", "cc", "punct", "agent", "parataxis", "advcl", "csubj", "mark"})
_WEAPON_MODES = ("drone", "aerial", "heavy-weapons", "explosives", "suicide-attack")
_ARMED = frozenset({"ASSAULT", "COERCE"})  # events with weapons: used in an attack, seized in a confiscation
_COUNTED = frozenset({"ASSAULT", "PROTEST"})  # events that carry fatalities
_SIZED = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "COERCE"})  # events that carry a force size
_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
_INTERVENTION = frozenset({"tear", "disperse", "rubber", "baton", "cannon"})


@dataclass(frozen=True, slots=True)
class EventFrame:
    """One event before it becomes a claim; keeps the argument phrases (evaluation reads them)."""

    trigger: int  # token index in the parse
    start: int  # trigger character span
    end: int
    sentence: tuple[int, int]  # character span of the sentence
    event_type: str
    mode: str | None
    kind: str
    reliability: float
    guarded: bool = False  # its trigger verb needed a telling object, which belongs to this event
    actors: tuple[Argument, ...] = ()
    recipients: tuple[Argument, ...] = ()
    weapons: tuple[Argument, ...] = ()  # what an attack was made with
    depth: int = 0
    context: str | None = None
    place: str | None = None
    geo_precision: str | None = None
    valid: TimeSpan = TimeSpan()
    size: str | None = None
    fatalities: Fatalities = Fatalities()
    acled: tuple[str | None, str | None] = (None, None)
    confidence: float = 0.0
    earlier: tuple[int, int] | None = None  # the sentence of the attack "these strikes" refers back to


def extract_events(analysis: Analysis, *, deps: EventDeps) -> list[tuple[Claim, int]]:
    """Event claims of one document, each with the index of its trigger token in ``analysis.parse``.

    Claimant, modality and polarity keep their defaults: attribution is applied by the caller.
    """
    return [(_claim(f, analysis), f.trigger) for f in find_event_frames(analysis, deps=deps)]


def find_event_frames(analysis: Analysis, *, deps: EventDeps) -> list[EventFrame]:
    """All events of the document as frames, in text order."""
    if analysis.parse is None:
        raise OrbatError(
            "event extraction needs analysis.parse (the spaCy Doc of the clean text): run recognition "
            "in the same process and keep the parse on the Analysis"
        )
    ctx = document_context(analysis, deps)
    out: list[EventFrame] = []
    for start, end in _sentences(ctx.doc):
        chars = (ctx.doc[start].idx, ctx.doc[end - 1].idx + len(ctx.doc[end - 1]))
        segment = analysis.document.segment_at(chars[0])
        caption = segment is not None and segment.kind is SegmentKind.CAPTION
        if not caption and not analysis.document.is_body(*chars):
            continue
        out.extend(_sentence_events(ctx, deps, analysis, (start, end), chars, 0.6 if caption else 1.0))
    return _attacks_referred_back(ctx, out)


_BACK_DETERMINERS = frozenset({"these", "those", "the", "this", "such"})
_ATTACK_NOUNS = frozenset({"strike", "airstrike", "attack", "raid", "bombing", "bombardment", "shelling", "assault"})
_BACK_CHARS = 600  # how far back the attack referred to may be reported
_BACK_FACTOR = 0.9  # the actor is read off another sentence


def _attacks_referred_back(ctx: DocContext, frames: list[EventFrame]) -> list[EventFrame]:
    """"The coalition conducted five airstrikes. These strikes engaged three ISIL units": an attack whose
    only agent is a demonstrative attack noun ("these strikes", "the raids") is carried out by whoever
    carried out the attack reported just before it (at most _BACK_CHARS earlier, no other attack between)."""
    out: list[EventFrame] = []
    last: EventFrame | None = None  # the latest attack with a named actor
    for f in frames:
        subject = _referring_subject(ctx, f) if f.event_type == "ASSAULT" and not f.actors else None
        if subject is not None and last is not None and f.sentence[0] - last.sentence[1] <= _BACK_CHARS:
            phrase = ctx.doc[subject.left_edge.i : subject.i + 1]  # "These strikes"
            entities = tuple(dict.fromkeys(i for a in last.actors for i in a.entities))
            actor = Argument(phrase.start_char, phrase.end_char, phrase.text, entities)
            f = replace(f, actors=(actor,), earlier=last.sentence if last.sentence != f.sentence else None,
                        confidence=round(f.confidence * _BACK_FACTOR, 3))  # fmt: skip
        if f.event_type == "ASSAULT" and any(a.entities for a in f.actors):
            last = f
        out.append(f)
    return out


def _referring_subject(ctx: DocContext, f: EventFrame) -> Any | None:
    """"These strikes", "the raids": the trigger itself, or its subject, when it is such a phrase."""
    trigger = ctx.doc[f.trigger]
    for c in (trigger, *(c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass"))):
        if ctx.base[c.i] in _ATTACK_NOUNS and any(d.dep_ == "det" and d.lower_ in _BACK_DETERMINERS for d in c.children):
            return c
    return None


def _sentences(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of the sentences, trailing whitespace tokens dropped."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        spans = [(s.start, s.end) for s in doc.sents]
    else:
        spans, start = [], 0
        for t in doc:
            if t.text in {".", "!", "?"}:
                spans.append((start, t.i + 1))
                start = t.i + 1
        spans += [(start, len(doc))] if start < len(doc) else []
    out = []
    for start, end in spans:
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _sentence_events(ctx: DocContext, deps: EventDeps, analysis: Analysis, toks: tuple[int, int],
                     chars: tuple[int, int], weight: float) -> list[EventFrame]:
    frames: list[EventFrame] = []
    i = toks[0]
    while i < toks[1]:
        hit = match_trigger(ctx, deps, i, toks[1])
        if hit is None:
            i += 1
            continue
        trig, first, last = hit
        tok = ctx.doc[phrase_head(ctx, first, last)]
        if _a_speaker(tok) or in_weapon_list(ctx, tok):  # "the release said": a document; "using attack
            i = last + 1  # aircraft": a weapon; neither is an event
            continue
        actors, recipients = find_roles(ctx, tok, trig.event_type, trig.kind, toks)
        weapons = find_weapons(ctx, tok, seized=trig.mode == "confiscate") if trig.event_type in _ARMED else []
        frames.append(EventFrame(tok.i, ctx.doc[first].idx, ctx.doc[last].idx + len(ctx.doc[last]), chars,
                                 trig.event_type, trig.mode, trig.kind, trig.reliability, trig.guarded,
                                 tuple(actors), tuple(recipients), tuple(weapons), clause_depth(ctx, tok)))
        i = last + 1
    if not frames:
        return []
    words = frozenset(ctx.base[toks[0]: toks[1]]) | frozenset(ctx.lower[toks[0]: toks[1]])
    frames = [_labor_strike(_retype(ctx, f), ctx, words) for f in frames]
    frames = _peaceful(_merge(_govern(ctx, frames)), words)
    return [_finish(f, ctx, deps, analysis, toks, words, weight) for f in frames]


def _a_speaker(tok: Any) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj" and tok.head.lower_ in SPEECH_VERBS


# ---------------------------------------------------------------- modality, governing, merging


def _retype(ctx: DocContext, f: EventFrame) -> EventFrame:
    """PLOVER codes intentions, not the intended act: on the event's verb, future "will/would" or
    "ready/willing/plans to" makes a cooperative act AGREE and a conflictual one THREATEN (also
    when made conditional with "unless"); a refused future act ("will not accept") is REJECT;
    "X must do Y" is a REQUEST. Verbal events keep their type."""
    if not ctx.has_dep or f.event_type in lx.VERBAL_TYPES:
        return f
    marks = _modal_marks(ctx.doc[f.trigger])
    new = None
    if "future" in marks:
        new = ("REJECT" if "neg" in marks else "THREATEN" if "unless" in marks or f.event_type in lx.CONFLICT_TYPES
               else "AGREE" if f.event_type in lx.COOPERATIVE_TYPES else None)
    elif "must" in marks:
        new = "REQUEST"
    if new is None:
        return f
    mode = _threat_mode([f]) if new == "THREATEN" else None
    return replace(f, event_type=new, mode=mode, kind="", reliability=min(f.reliability, 0.85), guarded=False)


def _modal_marks(tok: Any) -> set[str]:
    verb = tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    marks = set()
    for v in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        for c in v.children:
            if c.dep_ == "aux" and c.lower_ in lx.FUTURE_AUX:
                marks.add("future")
            elif c.dep_ == "aux" and c.lower_ == "must":
                marks.add("must")
            elif c.dep_ == "neg":
                marks.add("neg")
            elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children):
                marks.add("unless")
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_.lower() in lx.INTENT_WORDS or head.lower_ in lx.INTENT_WORDS):
        marks.add("future")
    return marks


def _labor_strike(f: EventFrame, ctx: DocContext, words: frozenset[str]) -> EventFrame:
    """A bare "strike" among workers and no weapon words is a labour strike (PROTEST)."""
    if ctx.base[f.trigger] != "strike" or f.mode or not words & lx.LABOR_WORDS or _weapon_cue(words):
        return f
    return replace(f, event_type="PROTEST", mode="strike-lim", reliability=0.8)


def _govern(ctx: DocContext, frames: list[EventFrame]) -> list[EventFrame]:
    """Drop events embedded under a verbal event (threats, demands, promises); they set its mode."""
    if not ctx.has_dep:
        return frames
    owners = _absorbed(ctx, frames)
    dropped = set(owners)
    updated = {f.trigger: _with_roles_of(f, [g for g in frames if owners.get(g.trigger) == f.trigger])
               for f in frames if f.trigger in owners.values()}
    for f in frames:
        if f.event_type not in lx.VERBAL_TYPES or f.trigger in dropped:
            continue
        scope = _complement(ctx.doc[f.trigger])
        inside = [g for g in frames if g is not f and g.trigger in scope and not _ongoing(ctx.doc[g.trigger])]
        if inside:
            dropped.update(g.trigger for g in inside)
            updated[f.trigger] = _governed(updated.get(f.trigger, f), inside)
    return [updated.get(f.trigger, f) for f in frames if f.trigger not in dropped]


def _absorbed(ctx: DocContext, frames: list[EventFrame]) -> dict[int, int]:
    """Triggers that belong to another event (trigger -> owner): the telling object of a guarded
    verb ("cancelled the visit", "halted aid"), and a demand that is the purpose of an act
    ("blocked roads demanding ..."; PLOVER codes demands made by demonstrating as PROTEST)."""
    triggers = {f.trigger: f for f in frames}
    out: dict[int, int] = {}
    for f in frames:
        tok = ctx.doc[f.trigger]
        if f.guarded:
            scope = {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "prep") for t in c.subtree}
            out.update({i: f.trigger for i in scope if i in triggers and i != f.trigger})
        if f.event_type == "REQUEST" and tok.dep_ in ("advcl", "xcomp", "acl"):
            owner = triggers.get(tok.head.i)
            if owner is not None and owner.event_type not in lx.VERBAL_TYPES:
                out[f.trigger] = owner.trigger
    return out


def _with_roles_of(f: EventFrame, others: list[EventFrame]) -> EventFrame:
    actors = _pool((f.actors, *(g.actors for g in others)))
    taken = {a.start for a in actors}
    recipients = tuple(a for a in _pool((f.recipients, *(g.recipients for g in others))) if a.start not in taken)
    return replace(f, actors=actors, recipients=recipients)


_ENDING_NOUNS = frozenset({"end", "halt", "stop", "cessation", "suspension"})


def _ongoing(tok: Any) -> bool:
    """"called for an end to the regime's attacks": what is to end is happening, and is reported."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "of"):
        return head.head.lower_ in _ENDING_NOUNS
    return False


def _complement(tok: Any) -> set[int]:
    return {t.i for c in tok.children if c.dep_ not in _NOT_COMPLEMENT for t in c.subtree}


def _governed(f: EventFrame, inside: list[EventFrame]) -> EventFrame:
    inside = sorted(inside, key=lambda g: -g.reliability)
    types = {g.event_type for g in inside}
    if f.event_type == "AGREE" and f.kind == "promise" and types & _CONFLICT:
        f = replace(f, event_type="THREATEN")
    taken = {a.start for a in f.actors}
    embedded = tuple(a for g in inside for a in g.recipients if a.start not in taken)
    f = replace(f, recipients=_pool((f.recipients, embedded)))
    if f.event_type == "THREATEN":
        return replace(f, mode=f.mode or _threat_mode(inside))
    if f.event_type in ("REQUEST", "REJECT"):
        asked = ("meet" if "CONSULT" in types else "yield" if types & {"RETREAT", "CONCEDE"}
                 else "assist" if types & {"AID", "COOPERATE", "SUPPORT"} else None)
        return replace(f, mode=f.mode or asked)
    return f


def _threat_mode(inside: list[EventFrame]) -> str | None:
    """THREATEN mode from what is threatened (PLOVER THREATEN modes)."""
    for g in inside:
        if g.event_type == "ASSAULT":
            return "territory" if g.kind in ("take", "retake") else "violence"
        if g.event_type == "MOBILIZE":
            return "violence"
        if g.event_type == "SANCTION":
            return "expel" if g.mode == "expel" else "relations"
        if g.event_type == "COERCE":
            return g.mode if g.mode in ("arrest", "ban") else "expel" if g.mode == "deport" else "restrict"
        if g.event_type == "PROTEST":
            return "restrict"
    return None


def _merge(frames: list[EventFrame]) -> list[EventFrame]:
    """One event per type per sentence: the most reliable trigger stands for it, roles are pooled —
    unless one trigger's actor is another's recipient ("X struck fighters firing on Y": the fighters
    are struck by X and fire on Y; pooled, X would be firing on Y), which makes two events."""
    groups: dict[str, list[EventFrame]] = {}
    for f in frames:
        groups.setdefault(f.event_type, []).append(f)
    out = []
    for same_type in groups.values():
        for group in _sides(sorted(same_type, key=lambda f: (-f.reliability, f.depth, f.trigger))):
            out.append(_pooled(group))
    return sorted(out, key=lambda f: f.trigger)


def _sides(ranked: list[EventFrame]) -> list[list[EventFrame]]:
    """Frames in rank order, grouped so that no group has an argument on both sides of it: the frames
    that cross another go where they share an actor (else a group of their own), the rest join the
    group they share an actor with, else the first."""
    crossing = [f for f in ranked if any(_crossed(f, g) for g in ranked)]
    if not crossing:
        return [ranked]
    out: list[list[EventFrame]] = []
    for f in crossing:
        fits = [g for g in out if not any(_crossed(f, h) for h in g)]
        home = next((g for g in fits if _shares_actor(f, g)), fits[0] if fits else None)
        if home is None:
            out.append([f])
        else:
            home.append(f)
    for f in ranked:
        if f not in crossing:
            next((g for g in out if _shares_actor(f, g)), out[0]).append(f)
    order = {id(f): i for i, f in enumerate(ranked)}
    return [sorted(g, key=lambda f: order[id(f)]) for g in out]


def _crossed(f: EventFrame, g: EventFrame) -> bool:
    """One frame's actor is the other's recipient."""
    return bool({a.start for a in f.actors} & {a.start for a in g.recipients}
                or {a.start for a in f.recipients} & {a.start for a in g.actors})


def _shares_actor(f: EventFrame, group: list[EventFrame]) -> bool:
    return bool({a.start for a in f.actors} & {a.start for g in group for a in g.actors})


def _pooled(ranked: list[EventFrame]) -> EventFrame:
    """One event of frames of one type: the first (most reliable) frame with the roles of all."""
    best = ranked[0]
    actors = _pool(f.actors for f in ranked)
    taken = {a.start for a in actors}
    recipients = tuple(a for a in _pool(f.recipients for f in ranked) if a.start not in taken)
    return replace(best, mode=next((f.mode for f in ranked if f.mode), None),
                   kind=best.kind or next((f.kind for f in ranked if f.kind), ""),
                   actors=actors, recipients=recipients, weapons=_pool(f.weapons for f in ranked),
                   depth=min(f.depth for f in ranked))


def _pool(groups: Iterable[tuple[Argument, ...]]) -> tuple[Argument, ...]:
    seen: dict[int, Argument] = {}
    for group in groups:
        for a in group:
            seen.setdefault(a.start, a)
    return tuple(seen.values())


def _peaceful(frames: list[EventFrame], words: frozenset[str]) -> list[EventFrame]:
    """A takeover beside a withdrawal, with no word of fighting, is a move into ceded ground."""
    withdrew = any(f.event_type == "RETREAT" and f.mode == "withdraw" for f in frames)
    if not withdrew or words & lx.FIGHT_CUES:
        return frames
    return [replace(f, event_type="MOBILIZE", mode=None, kind="take.peaceful")
            if f.event_type == "ASSAULT" and f.kind in ("take", "retake") else f for f in frames]


# ---------------------------------------------------------------- filling in an event


def _finish(f: EventFrame, ctx: DocContext, deps: EventDeps, analysis: Analysis, toks: tuple[int, int],
            words: frozenset[str], weight: float) -> EventFrame:
    sentence = analysis.document.clean_text[f.sentence[0]: f.sentence[1]]
    f = replace(f, actors=tuple(_country_as_state(a, analysis, deps) for a in f.actors))
    if f.event_type not in lx.CONFLICT_TYPES:  # "offered its troops to Lebanon", "give Tanzania a grant"
        f = replace(f, recipients=tuple(r for r in f.recipients if _actor_like(r)))
    if f.weapons and f.mode == "confiscate":  # what was seized is held, not attacked
        f = replace(f, recipients=tuple(r for r in f.recipients if r.start not in {w.start for w in f.weapons}))
    fatalities, span = read_fatalities(sentence) if f.event_type in _COUNTED else (Fatalities(), None)
    f = replace(f, mode=_mode(f, words, deps), place=_place(ctx, f, toks),
                valid=_date(ctx, f, analysis, toks), fatalities=fatalities,
                size=read_size(sentence, skip=span) if f.event_type in _SIZED else None)
    provisional = {e.id: e.precision for e in analysis.entities if e.precision}
    return replace(f, context=_context_of(f, words, deps), acled=acled_types(f, kinds=deps.kinds, words=words),
                   geo_precision=deps.precision.get(f.place or "") or provisional.get(f.place or ""),
                   confidence=_confidence(f, weight))


_PEOPLE = (lx.GROUP_WORDS | lx.CIVILIAN_WORDS | lx.PROTESTER_WORDS | lx.TROOP_WORDS | lx.MILITIA_WORDS
           | lx.POLICE_WORDS | frozenset("""people government leader leadership president minister official
           authority side party delegation negotiator mediator envoy country nation state community peacekeeper
           rebel opposition ally partner neighbour neighbor population""".split()))  # fmt: skip


_OWN = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _actor_like(a: Argument) -> bool:
    """Who an agreement, aid, talks or a demand can be for: a named actor or place, a group of people, or a
    name orbat does not know (a capitalised word); not the thing given or talked about ("a grant of 580
    million shillings", "information", "a formula"), nor the actor's own ("its troops")."""
    if a.entities or a.place:
        return True
    if a.text.split(" ", 1)[0].lower() in _OWN:  # "offered its troops to Iraq": the actor's own, given
        return False
    return bool(a.words & _PEOPLE or any(w[:1].isupper() for w in a.text.split()))


def _country_as_state(a: Argument, analysis: Analysis, deps: EventDeps) -> Argument:
    """A country that acts ("the U.S. struck …", "Iraq launched …") is its state, not a place."""
    if a.entities or a.place is None:
        return a
    if deps.kinds.get(a.place) == "state":
        return replace(a, entities=(a.place,), place=None)
    country = next((e.country for e in analysis.entities if e.id == a.place and e.feature == "country"), None)
    state = deps.states.get(country or "")
    return replace(a, entities=(state,), place=None) if state else a


def _mode(f: EventFrame, words: frozenset[str], deps: EventDeps) -> str | None:
    if f.event_type == "ASSAULT":
        return f.mode or _weapon_cue(words)
    if f.event_type == "MOBILIZE" and f.mode in (None, "troops"):
        kinds = {deps.kinds.get(i) for a in f.actors for i in a.entities} - {None}
        role_words = frozenset().union(*(a.words for a in (*f.actors, *f.recipients)))
        if role_words & lx.POLICE_WORDS:
            return "police"
        if (kinds and kinds <= {"armed_group"}) or role_words & lx.MILITIA_WORDS:
            return "militia"  # orbat: PLOVER's "troops" split for non-state forces
        return "troops"
    return f.mode


def _weapon_cue(words: frozenset[str]) -> str | None:
    for mode, cues in lx.ASSAULT_MODE_CUES:
        if words & cues:
            return mode
    return None


def _place(ctx: DocContext, f: EventFrame, toks: tuple[int, int]) -> str | None:
    """The resolved place nearest the trigger among those introduced by a place preposition
    (in/at/near/along/on/toward ...) or standing as the event's recipient ("shelled Al-Qaim")."""
    recipient_places = {a.place for a in f.recipients if a.place}
    best, best_distance = None, len(ctx.doc) + 1
    for i in range(*toks):
        m = ctx.mention.get(i)
        if m is None or m.label is not MentionLabel.PLACE or not m.entity or ctx.mention.get(i - 1) is m:
            continue
        if ctx.has_dep and m.entity not in recipient_places and not _after_place_prep(ctx.doc[i]):
            continue
        if abs(i - f.trigger) < best_distance:
            best, best_distance = m.entity, abs(i - f.trigger)
    return best or next(iter(sorted(recipient_places)), None)


def _after_place_prep(tok: Any) -> bool:
    for hop, a in enumerate(tok.ancestors):
        if hop >= 4 or a.pos_ in ("VERB", "AUX"):
            return False
        if a.dep_ == "prep" and a.lower_ in lx.PLACE_PREPS:
            return True
    return False


def _date(ctx: DocContext, f: EventFrame, analysis: Analysis, toks: tuple[int, int]) -> TimeSpan:
    """The nearest dated DATE mention of the sentence, else the document's publication date."""
    best, best_distance = None, len(ctx.doc) + 1
    for i in range(*toks):
        m = ctx.mention.get(i)
        if m is None or m.label is not MentionLabel.DATE or m.time is None or m.time.precision == "unknown":
            continue
        if abs(i - f.trigger) < best_distance:
            best, best_distance = m.time, abs(i - f.trigger)
    if best is not None:
        return best
    published = (analysis.document.published or "")[:10]
    precision = {4: "year", 7: "month", 10: "day"}.get(len(published), "unknown")
    return TimeSpan(published, published, precision) if published else TimeSpan()


def _context_of(f: EventFrame, words: frozenset[str], deps: EventDeps) -> str | None:
    """Cue words of the sentence first, then territorial kinds, designated actors, the type's default."""
    for context, cues in lx.CONTEXT_CUES:
        if words & cues:
            return context
    if f.kind in ("take", "retake", "take.peaceful", "enter") or (f.mode == "withdraw" and f.place):
        return "territory"  # orbat: PLOVER folds territory into "resource"
    ids = {i for a in (*f.actors, *f.recipients) for i in a.entities}
    if ids & deps.designated and f.event_type in ("ASSAULT", "MOBILIZE", "THREATEN"):
        return "terrorism"
    return lx.TYPE_CONTEXT.get((f.event_type, f.mode or "*")) or lx.TYPE_CONTEXT.get((f.event_type, "*"))


def acled_types(f: EventFrame, *, kinds: Mapping[str, str], words: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type) of a PLOVER event, from ``ACLED_MAP``; (None, None) outside ACLED's scope."""
    for key in _acled_keys(f, kinds, words):
        for event_type, k, acled_type, acled_sub, _why in lx.ACLED_MAP:
            if event_type == f.event_type and k == key:
                return acled_type, acled_sub
    return None, None


def _acled_keys(f: EventFrame, kinds: Mapping[str, str], words: frozenset[str]) -> list[str]:
    keys = [f.kind] if f.kind else []
    if f.event_type == "ASSAULT" and f.kind in ("take", "retake"):
        actor_kinds = {kinds.get(i) for a in f.actors for i in a.entities} - {None}
        side = "take.state" if actor_kinds & lx.STATE_KINDS else "take.nonstate" if actor_kinds else None
        keys = ([side] if side else []) + keys
    if f.event_type == "RETREAT" and f.mode == "withdraw" and f.place:
        keys.insert(0, "withdraw.place")
    if f.event_type == "PROTEST" and words & _INTERVENTION:
        keys.insert(0, "intervention")
    weapon = f.mode if f.mode in _WEAPON_MODES else _weapon_cue(words) if f.event_type == "ASSAULT" else None
    keys += [weapon] if weapon else []
    keys += [f.mode] if f.mode else []
    victims = frozenset().union(*(a.words for a in f.recipients))
    keys += ["protesters"] if victims & lx.PROTESTER_WORDS else []
    keys += ["civilians"] if victims & lx.CIVILIAN_WORDS else []
    return keys + ["*"]


def _confidence(f: EventFrame, weight: float) -> float:
    score = f.reliability - 0.06 * min(f.depth, 5)
    if any(a.entities for a in f.actors):
        score += 0.1
    else:
        score += 0.05 if f.actors else -0.05
    return round(max(0.05, min(0.99, score * weight)), 3)


def _claim(f: EventFrame, analysis: Analysis) -> Claim:
    doc = analysis.document
    actors = tuple(dict.fromkeys(i for a in f.actors for i in a.entities))
    recipients = tuple(dict.fromkeys(i for a in f.recipients for i in a.entities if i not in actors))
    start, end = f.sentence
    return Claim(
        id=stable_id(doc.id, "event", f.event_type, str(f.start), str(f.end)),
        predicate="event",
        subject=actors[0] if actors else None,
        object=recipients[0] if recipients else None,
        place=f.place,
        valid=f.valid,
        reported=doc.published,
        evidence=(Evidence(doc.id, start, end, doc.clean_text[start:end]),
                  *((Evidence(doc.id, *f.earlier, doc.clean_text[slice(*f.earlier)]),) if f.earlier else ())),
        extractor=EXTRACTOR,
        confidence=f.confidence,
        event_type=f.event_type,
        mode=f.mode,
        context=f.context,
        actors=actors,
        recipients=recipients,
        weapons=tuple(w.text for w in distinct_weapons(f.weapons)),
        size=f.size,
        fatalities=f.fatalities,
        geo_precision=f.geo_precision,
        acled_event_type=f.acled[0],
        acled_sub_event_type=f.acled[1],
    )
