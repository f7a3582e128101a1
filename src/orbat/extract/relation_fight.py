"""Relations read off more than one word's frame: taking ground from someone, fighting alongside
someone, and belonging within an organisation.

- "X seized Y from Z" / "Y was retaken from Z by X" → X opposed_to Z, and Z controls Y (it held Y
  until then; the claim's valid time is the sentence's, so a reader sees it as the earlier state).
- "X's capture of Y (from Z)" / "the occupation of Y by X" → X controls Y (and the same for Z).
- "X fought Z alongside W" → W opposed_to Z and X allied_with W ("X fought alongside W": allied only).
- "X within Y" (Y an organisation, not a place) → X part_of Y; "X works with W within Y" → both.
- "Y, an X stronghold" / "the X stronghold of Y" / "Y is X's capital" → X controls Y.
- "2nd Battalion, 5th Special Forces Group" / "3rd Company, 1st Battalion": a numbered unit named
  with the larger numbered unit it belongs to → part_of (the military way of writing a unit's place).

Each returns :class:`~orbat.extract.relation_patterns.Found` rows; :mod:`orbat.extract.relations`
checks the argument types as for every other pattern.
"""

from __future__ import annotations

from typing import Any

from orbat.extract import relation_lexicon as lx
from orbat.extract.relation_args import Arg, DocIndex, arg_at, children, phrase_args, subjects
from orbat.extract.relation_patterns import Found
from orbat.model import MentionLabel

__all__ = ["SEIZE_FORMS", "SEIZURE_FORMS", "FIGHT_FORMS", "STRONGHOLD_FORMS", "ECHELONS", "FLEET_NOUNS",
           "fleet_relations", "seize_from_relations",
           "seizure_relations", "alongside_relations", "within_relations", "stronghold_relations", "echelon_relations"]

SEIZE_FORMS = frozenset(form for base in lx.SEIZE_VERBS for form in lx.verb_forms(base))
FIGHT_FORMS = frozenset(form for base, frames in lx.VERB_FRAMES.items()
                        if any(f.predicate == "opposed_to" for f in frames) and base not in ("oppose", "counter")
                        for form in lx.verb_forms(base))
_WITHIN_VERBS = frozenset(form for base in ("work", "cooperate", "coordinate", "collaborate", "partner", "serve")
                          for form in lx.verb_forms(base))
_CONTROL_NOUNS = frozenset({"control", "hold", "grip"})
_PAST = frozenset({"former", "ex", "erstwhile", "onetime", "one-time", "old"})
SEIZURE_FORMS = frozenset(form for base in ("capture", "seizure", "recapture", "retaking", "liberation", "occupation",
                                          "takeover") for form in lx.noun_forms(base))
# Sizes of military units, smallest first: "2nd Battalion, 5th Special Forces Group" names a battalion of the group.
ECHELONS: dict[str, int] = {
    "team": 0, "squad": 1, "section": 1, "platoon": 2, "company": 3, "battery": 3, "troop": 3, "flight": 3,
    "battalion": 4, "squadron": 4, "regiment": 5, "group": 5, "wing": 5, "brigade": 5, "division": 6, "corps": 7,
}
_ORDINAL_START = frozenset("0123456789")
STRONGHOLD_FORMS = frozenset(form for base in ("stronghold", "capital", "bastion", "fiefdom", "redoubt")
                             for form in lx.noun_forms(base))


def _pobjs(tok: Any, *preps: str) -> list[Any]:
    return [g for p in children(tok, "prep", "agent") if p.lower_ in preps for g in children(p, "pobj")]


def _args(ix: DocIndex, toks: list[Any], *, places: bool = False) -> tuple[Arg, ...]:
    out: list[Arg] = []
    for t in toks:
        out.extend(a for a in phrase_args(ix, t, places=places) if a not in out)
    return tuple(out)


def _is_passive(tok: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN")


def seize_from_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"X seized Y from Z" → X opposed_to Z; Z controls Y when Y is a place."""
    if tok.pos_ != "VERB":
        return []
    losers = _args(ix, _pobjs(tok, "from"))
    if not losers:
        return []
    if _is_passive(tok):
        takers = _args(ix, _pobjs(tok, "by"))
        ground = list(children(tok, "nsubjpass")) or ([tok.head] if tok.dep_ == "acl" else [])
    else:
        takers = _args(ix, subjects(ix, tok, passive_object=False))
        ground = list(children(tok, "dobj"))
    ground = [g for d in ground for g in (_pobjs(d, "of", "over") if d.lower_ in _CONTROL_NOUNS else [d])]
    places = tuple(a for a in _args(ix, ground, places=True) if a.label is MentionLabel.PLACE)
    out = []
    if takers and (places or not tok.lower_.startswith(("take", "took", "free"))):
        out.append(Found("opposed_to", takers, losers, 0.7, "seize-from:" + tok.lower_))
    if places:
        out.append(Found("controls", losers, places, 0.55, "seize-from:" + tok.lower_))
    return out


def seizure_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"X's capture of Y from Z" / "the occupation of Y by X" → X controls Y, Z controls Y, X opposed_to Z."""
    places = tuple(a for a in _args(ix, _pobjs(tok, "of"), places=True) if a.label is MentionLabel.PLACE)
    takers = tuple(a for a in _args(ix, list(children(tok, "poss", "compound")) + _pobjs(tok, "by"))
                   if a.label is not MentionLabel.PLACE)
    losers = _args(ix, _pobjs(tok, "from"))
    pattern = "seizure:" + tok.lower_
    out = [Found("controls", takers, places, 0.6, pattern)] if takers and places else []
    if losers and places:
        out.append(Found("controls", losers, places, 0.55, pattern))
    if takers and losers:
        out.append(Found("opposed_to", takers, losers, 0.65, pattern))
    return out


def alongside_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"X fought Z alongside W" → W opposed_to Z, X allied_with W."""
    if tok.pos_ != "VERB":
        return []
    partners = _args(ix, _pobjs(tok, "alongside"))
    if not partners:
        return []
    foes = _args(ix, list(children(tok, "dobj")) + _pobjs(tok, "against"))
    fighters = _args(ix, subjects(ix, tok, passive_object=False))
    out = []
    if foes:
        out.append(Found("opposed_to", partners, foes, 0.7, "alongside:" + tok.lower_))
    if fighters:
        out.append(Found("allied_with", fighters, partners, 0.7, "alongside:" + tok.lower_))
    return out


def within_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"Kataib Hezbollah within the PMF" / "X works closely with W within NATO" → part_of the organisation."""
    if tok.dep_ != "prep":
        return []
    wholes = tuple(a for a in (arg_at(ix, g) for g in children(tok, "pobj")) if a and a.label is MentionLabel.ACTOR)
    head = tok.head
    if not wholes:
        return []
    if head.pos_ in ("NOUN", "PROPN"):
        parts = tuple(a for a in (arg_at(ix, t) for t in (head, *children(head, "conj"))) if a is not None)
    elif head.lower_ in _WITHIN_VERBS:
        parts = _args(ix, _pobjs(head, "with") + subjects(ix, head, passive_object=False))
    else:
        return []
    parts = tuple(a for a in parts if a.entity not in {w.entity for w in wholes})
    return [Found("part_of", parts, wholes, 0.6, "within")] if parts else []


def stronghold_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"Y, an X stronghold" / "the X stronghold of Y" / "Y is X's de facto capital" → X controls Y."""
    if tok.pos_ != "NOUN" or any(t.lower_ in _PAST for t in tok.doc[tok.left_edge.i:tok.i]):  # "a former X stronghold"
        return []
    named = [a for a in (arg_at(ix, c) for c in children(tok, "compound", "poss", "nmod")) if a is not None]
    named += [a for a in _args(ix, _pobjs(tok, "of"), places=True) if a not in named]
    holders = tuple(a for a in named if a.label is not MentionLabel.PLACE)
    held = [tok.head] if tok.dep_ == "appos" else list(children(tok, "appos"))
    if tok.dep_ == "attr":
        held += list(children(tok.head, "nsubj"))
    places = tuple(a for a in (*_args(ix, held, places=True), *named) if a.label is MentionLabel.PLACE)
    if not holders or not places:
        return []
    return [Found("controls", holders, places, 0.7, "stronghold:" + tok.lower_)]


FLEET_NOUNS = frozenset(form for base in ("ship", "warship", "vessel", "frigate", "destroyer", "submarine", "carrier",
                                          "corvette", "cruiser") for form in (base, base + "s"))


def fleet_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"U.S. ships USS Hopper and USS Mahan, and U.K. ships HMS Ocean": ``tok`` is the class noun before a
    named ship, its modifier the state the ship (and the ships listed after it, up to the next class noun)
    belongs to."""
    if tok.dep_ != "compound" or tok.head.pos_ != "PROPN":
        return []
    states = _args(ix, list(children(tok, "compound", "amod", "nmod", "poss")), places=True)
    ships: list[Any] = [tok.head]
    for item in ships:  # the list goes on through conjuncts that have no class noun of their own
        ships.extend(c for c in children(item, "conj")
                     if not any(g.lower_ in FLEET_NOUNS for g in children(c, "compound")))  # fmt: skip
    named = tuple(a for t in ships if (a := arg_at(ix, t)) is not None and a.label is MentionLabel.ACTOR)
    if not states or not named:
        return []
    return [Found("part_of", named, states, 0.6, "fleet:" + tok.lower_)]


def echelon_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"2nd Battalion, 5th Special Forces Group": ``tok`` ends one numbered unit's mention, a comma and a
    larger numbered unit's mention follow → the first is part of the second."""
    small = ix.by_token[tok.i]
    nxt = tok.i + 2
    if small is None or small.label is not MentionLabel.ACTOR or nxt >= len(ix.doc) or ix.doc[tok.i + 1].text != ",":
        return []
    big = ix.by_token[nxt]
    if big is None or big is small or big.label is not MentionLabel.ACTOR or ix.doc[nxt].idx != big.start:
        return []
    if small.end != tok.idx + len(tok) or small.text[:1] not in _ORDINAL_START or big.text[:1] not in _ORDINAL_START:
        return []
    big_head = big.text.split()[-1].lower()
    if ECHELONS.get(big_head, -1) <= ECHELONS[tok.lower_]:
        return []
    return [Found("part_of", (arg_at(ix, tok),), (arg_at(ix, ix.doc[nxt]),), 0.7, "echelon:" + tok.lower_)]
