"""Attribution and stance: who makes a claim, how (modality) and whether it is affirmed or negated.

    attribute(parse, trigger_index, mentions) -> Attribution

Read off the dependency path from the claim's trigger token up to its sentence root:

- **claimant**: the subject of the innermost speech verb the trigger sits in the *content* of
  ("X said …", "… , X told Rudaw", "Rudaw reported …") — reached through a clausal complement,
  object or parataxis, never through the verb's own subject ("X, the commander of Y, said …"
  is the outlet's statement about X). Else "according to X" in the sentence. Else, inside a
  quotation with no speech verb in the sentence, the speaker named where the quotation closes
  (or opens) in the same paragraph. The speaker is the entity of the mention covering it, the
  last person named before a pronoun ("he said"), or a provisional id made from the
  description: "two security officials in Damascus" → ``claimant:two-security-officials-in-damascus``.
  None means the outlet's own voice.
- **modality**: ``denied`` (deny, reject, dismiss, refute …; polarity negated) > ``feared``
  (fears, concerns, warned …) > ``future`` (will, plans to, preparing for, is set to, vowed to;
  "would" under a speech verb) / ``hypothetical`` (could, might, would, if, seeks to, hopes to)
  > ``claimed`` (claimed, alleged, purportedly; a trigger in scare quotes, "Assad's “war” on ISIL", or
  after "so-called") > ``reported`` (said, told, according to) > ``asserted``.
- **polarity**: ``negated`` for a denial, or for "not", "never", "no", "without" on the trigger or
  on a word above it in its own clause.

The confidence factor is the extraction's own doubt: 1.0 for plain statements, lower for
speculative modalities and for a speaker found across sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from orbat.model import Mention, MentionLabel

__all__ = ["Attribution", "attribute", "claimant_id", "SPEECH_VERBS"]

SPEECH_VERBS: dict[str, str] = {
    **{w: "reported" for w in ("say", "said", "says", "saying", "tell", "told", "tells", "state", "stated", "states",
                               "add", "added", "adds", "announce", "announced", "announces", "note", "noted", "notes",
                               "explain", "explained", "report", "reported", "reports", "confirm", "confirmed",
                               "write", "wrote", "writes", "quote", "quoted", "acknowledge", "acknowledged",
                               "describe", "described", "declare", "declared", "believe", "believes", "suggest",
                               "suggested", "think", "estimate", "estimated", "show", "showed", "indicate", "indicated")},
    **{w: "claimed" for w in ("claim", "claimed", "claims", "claiming", "allege", "alleged", "alleges", "insist",
                              "insisted", "insists", "accuse", "accused", "accuses", "purport", "purported")},
    **{w: "denied" for w in ("deny", "denied", "denies", "denying", "reject", "rejected", "rejects", "rejecting",
                             "dismiss", "dismissed", "dismisses", "dismissing", "refute", "refuted", "rebuff",
                             "rebuffed", "contradict", "contradicted", "disputed", "dispute")},
    **{w: "feared" for w in ("fear", "fears", "feared", "fearing", "warn", "warned", "warns", "warning", "worry",
                             "worried", "worries", "concern", "concerns", "concerned", "anxiety", "alarm", "risk")},
}
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "must", "'d"})
_FUTURE_GOVERNORS = frozenset({
    "plan", "plans", "planned", "planning", "prepare", "prepares", "prepared", "preparing", "preparation",
    "preparations", "intend", "intends", "intended", "set", "going", "expected", "expect", "due", "vow", "vowed",
    "vows", "pledge", "pledged", "pledges", "promise", "promised", "threaten", "threatened", "threatens", "poised",
    "about", "scheduled", "ready", "aim", "aims", "aimed", "decide", "decided", "agreed", "agree"})
_HYPOTHETICAL_GOVERNORS = frozenset({
    "seek", "seeks", "seeking", "sought", "want", "wants", "wanted", "hope", "hopes", "hoped", "hoping", "try",
    "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting", "wish", "wishes", "look", "looking",
    "bid", "effort", "efforts", "ambition", "goal", "prospect", "possibility", "likelihood", "scenario", "able",
    "unlikely", "likely", "possible", "would-be", "consider", "considering", "considered", "mull", "mulling"})
_NEGATORS = frozenset({"not", "n't", "never", "no", "without", "neither", "nor", "none"})
_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "parataxis", "advcl", "pobj", "prep", "conj", "acl", "attr",
                           "oprd", "relcl", "pcomp", "dep", "advmod"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj"})
_CLAIMED_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly", "reportedly"})
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_QUOTES = re.compile(r"[\"“”]")
_STRIP = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_FACTOR = {"asserted": 1.0, "reported": 1.0, "claimed": 0.95, "denied": 0.95, "future": 0.9,
           "hypothetical": 0.85, "feared": 0.85}
_ORDER = ("denied", "feared", "conditional", "future", "hypothetical", "claimed", "reported", "asserted")


@dataclass(frozen=True, slots=True)
class Attribution:
    claimant: str | None  # entity id, provisional ``claimant:<slug>``, or None for the outlet itself
    modality: str
    polarity: str
    confidence_factor: float
    claimant_text: str | None = None  # the words naming the claimant, when it is a description


@dataclass(slots=True)
class _Reading:
    """What the walk up the tree found (lives for one call)."""

    modalities: set[str]
    negated: bool = False
    speaker: Any = None  # the innermost speech verb token


def attribute(parse: Any, trigger_index: int, mentions: Sequence[Mention], *, text: str | None = None) -> Attribution:
    """The claimant, modality and polarity of the claim whose trigger is token ``trigger_index``.

    ``text`` is ``parse.text`` when the caller has it at hand (spaCy joins its tokens on every read).
    """
    tok = parse[trigger_index]
    text = parse.text if text is None else text
    reading = _walk(tok)
    _sentence_cues(tok, reading)
    if _distanced(parse, tok, text):
        reading.modalities.add("claimed")
    claimant, said, factor = _claimant(parse, tok, reading, mentions, text)
    if claimant is not None and not reading.modalities & {"reported", "claimed", "denied", "feared"}:
        reading.modalities.add("reported")
    modality = next((m for m in _ORDER if m in reading.modalities), "asserted")
    modality = "hypothetical" if modality == "conditional" else modality
    if modality == "denied":
        reading.negated = True
    polarity = "negated" if reading.negated else "affirmed"
    return Attribution(claimant, modality, polarity, round(_FACTOR[modality] * factor, 3), said)


def _walk(tok: Any) -> _Reading:
    reading = _Reading(set())
    in_clause, under_speech, prev, cur = True, False, None, tok
    while True:
        lower = cur.lower_
        if in_clause and _has_negator(cur, prev):
            reading.negated = True
        if prev is not None and prev.dep_ in _CONTENT_DEPS:
            kind = SPEECH_VERBS.get(lower)
            if kind is not None and (cur.pos_ in ("VERB", "NOUN", "ADJ") or kind != "reported"):
                reading.modalities.add(kind)
                under_speech = True
                reading.speaker = reading.speaker if reading.speaker is not None else cur
            elif lower in _FUTURE_GOVERNORS and cur.i != tok.i:
                reading.modalities.add("future")
            elif lower in _HYPOTHETICAL_GOVERNORS and cur.i != tok.i:
                reading.modalities.add("hypothetical")
        if not under_speech:
            _clause_modals(cur, reading)
        if cur.dep_ in _CLAUSE_DEPS:
            in_clause = False
        if cur.head.i == cur.i:
            return reading
        prev, cur = cur, cur.head


def _has_negator(tok: Any, prev: Any) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in _NEGATORS and c.dep_ in ("det", "advmod", "preconj", "prep")):
            following = c.nbor(1).lower_ if c.i + 1 < len(c.doc) else ""
            if following not in ("only", "just", "merely") and (prev is None or c.i != prev.i):
                return True
    return False


def _clause_modals(tok: Any, reading: _Reading) -> None:
    for c in tok.children:
        if c.dep_ not in ("aux", "auxpass", "mark", "advmod"):
            continue
        lower = c.lower_
        if lower in _FUTURE_AUX:
            reading.modalities.add("future")
        elif lower == "if" and c.dep_ == "mark":
            reading.modalities.add("conditional")
        elif lower in _HYPOTHETICAL_AUX:
            reading.modalities.add("hypothetical")
        elif lower in _CLAIMED_ADVERBS:
            reading.modalities.add("claimed" if lower != "reportedly" else "reported")


def _sentence_cues(tok: Any, reading: _Reading) -> None:
    """"would" under a speech verb is a future; "there were fears that …" colours the whole sentence."""
    if "hypothetical" in reading.modalities and reading.speaker is not None and not _has_aux(tok, {"could", "might", "may"}):
        reading.modalities.discard("hypothetical")
        reading.modalities.add("future")


_OPENING = frozenset({'"', "“", "‘", "'"})
_CLOSING = frozenset({'"', "”", "’", "'"})


def _distanced(parse: Any, tok: Any, text: str) -> bool:
    """The writer keeps the word at arm's length: "Assad's “war” on ISIL is a sham", "the so-called
    caliphate" — what it names is someone's claim, not the outlet's statement."""
    i = tok.i
    if 0 < i < len(parse) - 1 and parse[i - 1].text in _OPENING and parse[i + 1].text in _CLOSING:
        return not parse[i - 1].whitespace_ and not tok.whitespace_  # quotes hugging one word
    return text[max(0, tok.idx - 12) : tok.idx].rstrip().lower().endswith("so-called")


def _has_aux(tok: Any, words: set[str]) -> bool:
    return any(c.lower_ in words for t in (tok, *tok.ancestors) for c in t.children if c.dep_ == "aux")


def _claimant(parse: Any, tok: Any, reading: _Reading, mentions: Sequence[Mention],
              text: str) -> tuple[str | None, str | None, float]:
    if reading.speaker is not None:
        found = _speaker_of(parse, reading.speaker, mentions)
        if found is not None:
            return (*found, 1.0)
    according = _according_to(tok)
    if according is not None:
        reading.modalities.add("reported")
        return (*_describe(parse, according, mentions), 1.0)
    verb = _quote_speech_verb(parse, tok, text)
    if verb is not None:
        kind = SPEECH_VERBS.get(verb.lower_, "reported")
        reading.modalities.add(kind)
        found = _speaker_of(parse, verb, mentions)
        if found is not None:
            return (*found, 0.9)
    return None, None, 1.0


def _speaker_of(parse: Any, verb: Any, mentions: Sequence[Mention]) -> tuple[str | None, str | None] | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is not None and subj.dep_ == "agent":
        subj = next((g for g in subj.children if g.dep_ == "pobj"), None)
    if subj is None:
        return None
    return _describe(parse, subj, mentions)


def _describe(parse: Any, head: Any, mentions: Sequence[Mention]) -> tuple[str | None, str | None]:
    m = _mention_at(mentions, head.idx)
    if m is not None and m.entity and m.label in (MentionLabel.PERSON, MentionLabel.ACTOR):
        return m.entity, None
    if head.lower_ in _PRONOUNS:
        person = _last_person_before(mentions, head.idx)
        return (person, None) if person else (None, None)
    if head.pos_ == "PRON":
        return None, None
    words = [t for t in head.subtree if t.dep_ not in ("punct", "appos") and not t.is_space]
    while words and words[0].lower_ in _STRIP:
        words.pop(0)
    text = " ".join(t.text for t in words[:10])
    return (claimant_id(text), text) if text else (None, None)


def claimant_id(description: str) -> str:
    """A deterministic provisional claimant id from a description ("two officials" → ``claimant:two-officials``)."""
    slug = re.sub(r"[^0-9a-z]+", "-", description.lower()).strip("-")
    return "claimant:" + slug[:80].rstrip("-")


def _mention_at(mentions: Sequence[Mention], index: int) -> Mention | None:
    starts = [m.start for m in mentions]
    k = bisect_right(starts, index) - 1
    while k >= 0 and mentions[k].start <= index:
        if index < mentions[k].end and mentions[k].label is not MentionLabel.DATE:
            return mentions[k]
        k -= 1
        if k >= 0 and index - mentions[k].start > 200:
            break
    return None


def _last_person_before(mentions: Sequence[Mention], index: int) -> str | None:
    people = [m for m in mentions if m.label is MentionLabel.PERSON and m.entity and m.end <= index]
    return people[-1].entity if people else None


def _according_to(tok: Any) -> Any | None:
    for t in tok.sent:
        if t.lower_ == "according":
            to = next((c for c in t.children if c.lower_ == "to"), None)
            obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                return obj
    return None


def _quote_speech_verb(parse: Any, tok: Any, text: str) -> Any | None:
    """Inside a quotation without a speech verb of its own: the speech verb where it closes or opens."""
    para_start = text.rfind("\n", 0, tok.idx) + 1
    para_end = text.find("\n", tok.idx)
    para_end = len(text) if para_end < 0 else para_end
    before = _QUOTES.findall(text, para_start, tok.idx)
    opened = sum(1 for q in before if q == "“") > sum(1 for q in before if q == "”") or (
        before.count('"') % 2 == 1)
    if not opened:
        return None
    close = _QUOTES.search(text, tok.idx, para_end)
    for index in ([close.end()] if close else []) + [para_start]:
        verb = _speech_verb_near(parse, index, len(text))
        if verb is not None:
            return verb
    return None


def _speech_verb_near(parse: Any, index: int, text_length: int) -> Any | None:
    span = parse.char_span(index, min(index + 1, text_length), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sent = span[0].sent
    for t in sent:
        if t.idx >= index - 1 and t.lower_ in SPEECH_VERBS and t.pos_ == "VERB":
            return t
    return None
