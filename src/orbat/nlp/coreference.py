"""Pronouns standing for an actor or person named before them: coreference mentions.

"Kataib Hezbollah denied the attack. It said its fighters …": "It" and "its" are mentions of
Kataib Hezbollah, so relation and event extraction find an argument where the sentence has only a
pronoun. Rules over the dependency parse and the resolved mentions (no model of its own):

- what may stand for what: he/him/his/she/her → a person; it/its → an actor that is neither a place
  nor a collective ("civilians" are "they"); they/them/their → an actor. "The group" is
  resolution's (``resolve``: a short form of the group named last). "We" and "our" are the
  speaker's and left to attribution;
  "it" is a subject or a possessor only (an object "it" is mostly the attack or the claim), and
  with "be", "seem" or a passive report verb ("it is unclear", "it was reported that") no one.
- where the antecedent is: a resolved mention before the pronoun, in the pronoun's own sentence or
  one of the two before it. For a subject pronoun, first the subject of the nearest clause above
  it ("X denied that it had …"); then, in its own sentence, the nearest name that is not a
  subject or object of the very verb the pronoun is an object of ("X attacked them" never makes
  them X); in an earlier sentence, the subject when it fits, else the one fitting entity named
  there (two different ones and no fitting subject is ambiguous). The nearest sentence wins.
- an unnamed noun that could be who the pronoun is wins over any name further back, and then
  nothing is made: "one militia said it will attack", "Iran-backed militias and their allies",
  "a number of brigades. Some of them", "a senior official said he".

Each mention made here has the antecedent's entity and label, a lower score than a name's, and
the source ``coref:<start>-<end>``, the antecedent's span: the evidence of the link, which claims
made through the pronoun carry (``orbat.extract``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.symbols import PRON

from orbat.model import COREF_SOURCE, EntityKind, Mention, MentionLabel, is_collective

__all__ = ["coreference_mentions"]

_SCORE = 0.55
_SENTENCES_BACK = 2
_PERSONAL = frozenset({"he", "him", "his", "she", "her"})
_SINGULAR = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_NOT_IT = frozenset({EntityKind.PLACE, EntityKind.PERSON, EntityKind.MEDIA})
_EMPTY_VERBS = frozenset({"is", "was", "be", "been", "being", "are", "were", "'s", "’s", "seems", "seemed", "seem",
                          "appears", "appeared", "appear", "remains", "remained", "remain"})
# Unnamed nouns a pronoun would rather stand for than for a name further back ("one militia said it",
# "Iran-backed militias and their allies", "a senior official said he")
_STAND_INS = {
    "it": frozenset({"militia", "group", "government", "army", "organisation", "organization", "movement", "regime",
                     "coalition", "force", "faction", "brigade", "unit", "country", "state", "administration",
                     "ministry", "military", "party", "council", "alliance", "battalion", "division", "command"}),
    "they": frozenset({"militias", "forces", "fighters", "troops", "groups", "factions", "brigades", "rebels",
                       "militants", "insurgents", "soldiers", "officials", "men", "people", "members", "units",
                       "allies", "tribes", "tribesmen", "residents", "jihadists", "authorities", "leaders",
                       "countries", "states", "governments", "parties", "commanders", "kurds", "arabs", "militiamen",
                       "families", "gunmen", "sources", "analysts", "experts", "critics", "locals", "protesters"}),
    "person": frozenset({"man", "woman", "official", "commander", "leader", "spokesman", "spokeswoman",
                         "spokesperson", "minister", "president", "general", "officer", "source", "analyst",
                         "fighter", "soldier", "resident", "witness", "envoy", "ambassador", "diplomat", "chief"}),
}
_PHRASE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "ROOT"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "attr", "oprd"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

Kind = Callable[[str], "EntityKind | None"]  # entity id -> its kind (None when unknown)


def coreference_mentions(doc_id: str, sdoc: Any, mentions: Sequence[Mention], kind_of: Kind) -> list[Mention]:
    """The coreference mentions of one parsed document (``mentions``: its resolved ones, sorted)."""
    if not sdoc.has_annotation("DEP"):
        return []
    if not any(_is_name(m) for m in mentions):
        return []
    pronouns = [sdoc[int(i)] for i in np.flatnonzero(sdoc.to_array("POS") == PRON)]  # a few per document
    if not pronouns:
        return []
    marks = sdoc.to_array("SENT_START").tolist()
    sentences = [0, *(i for i in range(1, len(marks)) if marks[i] == 1), len(marks)]  # each sentence's first token
    by_sentence: list[list[tuple[Mention, Any]]] = [[] for _ in sentences[:-1]]
    named_at: dict[int, Mention] = {}
    covered: set[int] = set()
    starts = sdoc.to_array("IDX").tolist()
    for m in mentions:  # the tokens a mention's characters touch (as spaCy's char_span "expand" finds them)
        first, last = max(bisect_right(starts, m.start) - 1, 0), bisect_left(starts, m.end)
        if last <= first:
            continue
        covered.update(range(first, last))
        if _is_name(m):
            root = sdoc[first:last].root
            by_sentence[_sentence_of(sentences, root.i)].append((m, root))
            named_at.update((i, m) for i in range(first, last))
    ctx = _Context(sdoc, sentences, by_sentence, named_at, covered, kind_of,
                   sdoc.to_array("LOWER").tolist(), {})  # fmt: skip
    out: list[Mention] = []
    for tok in pronouns:
        if tok.i in covered:
            continue
        wants = _wants(tok)
        if wants is None:
            continue
        found = _antecedent(ctx, tok, wants)
        if found is None:
            continue
        out.append(Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, found.label, found.entity, _SCORE,
                           f"{COREF_SOURCE}:{found.start}-{found.end}"))  # fmt: skip
    return out


def _is_name(m: Mention) -> bool:
    return m.entity is not None and m.label in (MentionLabel.ACTOR, MentionLabel.PERSON)


def _sentence_of(sentences: list[int], i: int) -> int:
    """The index of the sentence token ``i`` is in (``sentences``: their first tokens)."""
    return bisect_right(sentences, i) - 1


def _wants(tok: Any) -> str | None:
    """What a pronoun (a token tagged PRON) can stand for: "person", "it", "they", or None."""
    low = tok.lower_
    if low in _PERSONAL:
        return "person"
    if low in _PLURAL:
        return "they"
    if low in _SINGULAR and tok.dep_ in (*_SUBJECT_DEPS, "poss") and not _empty_it(tok):
        return "it"
    return None


def _empty_it(tok: Any) -> bool:
    """"It is unclear", "it remains to be seen", "it was reported that …": no one."""
    if tok.dep_ not in _SUBJECT_DEPS:
        return False
    head = tok.head
    if head.lower_ in _EMPTY_VERBS:
        return True
    return tok.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in head.children)


def _fits(wants: str, m: Mention, kind_of: Kind) -> bool:
    if wants == "person":
        return m.label is MentionLabel.PERSON
    if m.label is not MentionLabel.ACTOR or m.entity is None:
        return False
    kind = kind_of(m.entity)
    if kind is EntityKind.MEDIA:  # an outlet is its reporters' "we", seldom anyone's "they" or "it"
        return False
    if wants == "they":
        return kind is not EntityKind.PERSON
    return kind not in _NOT_IT and not is_collective(m.entity)


@dataclass(frozen=True, slots=True)
class _Context:
    doc: Any
    sentences: list[int]  # each sentence's first token, then the document's length
    by_sentence: list[list[tuple[Mention, Any]]]  # per sentence: its named mentions with their root tokens
    named_at: dict[int, Mention]  # token index -> the named mention covering it
    covered: set[int]  # tokens inside any mention
    kind_of: Kind
    lower: list[int]  # the lower-case form of each token (its string hash)
    stand_ins: dict[str, list[int]]  # per pronoun kind: the tokens that could stand for it (made when asked)


def _antecedent(ctx: _Context, tok: Any, wants: str) -> Mention | None:
    here = _sentence_of(ctx.sentences, tok.i)
    by_syntax = _clause_subject(ctx, tok, wants)
    if by_syntax is not None:
        return by_syntax or None
    own = [(m, root) for m, root in ctx.by_sentence[here] if root.i < tok.i and _fits(wants, m, ctx.kind_of)
           and not _co_argument(tok, root)]  # fmt: skip
    if own:
        m, root = own[-1]
        return None if _stand_in_between(ctx, wants, root.i, tok.i) else m
    for back in range(1, _SENTENCES_BACK + 1):
        if here - back < 0:
            return None
        fitting = [(m, root) for m, root in ctx.by_sentence[here - back] if _fits(wants, m, ctx.kind_of)]
        if not fitting:
            lo, hi = ctx.sentences[here - back], ctx.sentences[here - back + 1]
            if any(ctx.doc[i].dep_ in _SUBJECT_DEPS for i in _stand_ins(ctx, wants) if lo <= i < hi):
                return None  # "One militia said …. It will …": the unnamed subject is who "it" is
            continue
        subjects = [(m, root) for m, root in fitting if root.dep_ in _SUBJECT_DEPS and root.head.dep_ == "ROOT"]
        if not subjects and len({m.entity for m, _ in fitting}) > 1:
            return None  # two candidates, neither the subject: ambiguous
        m, root = (subjects or fitting)[0]
        return None if _stand_in_between(ctx, wants, root.i, tok.i) else m
    return None


def _clause_subject(ctx: _Context, tok: Any, wants: str) -> Mention | bool | None:
    """For a subject pronoun, the subject of the nearest clause above it that has one ("X denied that
    it had …", "one militia said it will …"): the name it is, False when that subject is an unnamed
    noun that can stand for the pronoun (no name then), None otherwise (the nearest name decides).
    A possessive or an object pronoun is left to the nearest name ("pushed the SDF and its fighters")."""
    if tok.dep_ not in _SUBJECT_DEPS:
        return None
    for above in tok.head.ancestors:
        subjects = [c for c in above.children if c.dep_ in _SUBJECT_DEPS and c.i < tok.i]
        if not subjects:
            continue
        subj = subjects[0]
        named = ctx.named_at.get(subj.i)
        if named is not None and _fits(wants, named, ctx.kind_of):
            return named
        return False if named is None and _stand_in(ctx, wants, subj) else None
    return None


def _stand_in(ctx: _Context, wants: str, t: Any) -> bool:
    """An unnamed noun phrase the pronoun could stand for ("the militias", "Iraq's militia leaders";
    not "PMF fighters" or "members of the PMF", which are the PMF's)."""
    if t.i in ctx.covered or t.lower_ not in _STAND_INS[wants] or t.dep_ not in _PHRASE_DEPS:
        return False
    if any(c.i in ctx.named_at for c in t.children if c.dep_ in _MODIFIER_DEPS):
        return False
    return not any(g.i in ctx.named_at for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)


def _stand_ins(ctx: _Context, wants: str) -> list[int]:
    """The document's tokens that could stand for a pronoun of this kind, in order (looked for once)."""
    if wants not in ctx.stand_ins:
        if wants not in _STAND_IN_HASHES:  # a string's hash is the same in every vocabulary
            _STAND_IN_HASHES[wants] = frozenset(ctx.doc.vocab.strings[w] for w in _STAND_INS[wants])
        words = _STAND_IN_HASHES[wants]
        ctx.stand_ins[wants] = [i for i, h in enumerate(ctx.lower) if h in words and _stand_in(ctx, wants, ctx.doc[i])]
    return ctx.stand_ins[wants]


_STAND_IN_HASHES: dict[str, frozenset[int]] = {}


def _stand_in_between(ctx: _Context, wants: str, lo: int, hi: int) -> bool:
    found = _stand_ins(ctx, wants)
    k = bisect_right(found, lo)
    return k < len(found) and found[k] < hi


def _co_argument(pronoun: Any, root: Any) -> bool:
    """The name and a non-possessive pronoun are subject and object of one verb ("X attacked them")."""
    if pronoun.dep_ == "poss":
        return False
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    name_verb = root.head.head if root.dep_ == "pobj" else root.head
    return verb.i == name_verb.i and (pronoun.dep_ in _OBJECT_DEPS or root.dep_ in _OBJECT_DEPS)
