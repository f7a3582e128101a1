"""Relation patterns over one dependency-parsed sentence: verbs, role and part nouns, relation
nouns, adjectives and hyphenated modifiers ("Iran-backed"). Each returns :class:`Found` rows
(predicate, subject arguments, object arguments); :mod:`orbat.extract.relations` checks the
argument types and turns rows into frames.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from orbat.extract import relation_lexicon as lx
from orbat.extract.relation_args import (
    NAMING_FORMS,
    Arg,
    DocIndex,
    arg_at,
    children,
    given_names,
    named_as,
    participants,
    phrase_args,
    subjects,
)
from orbat.model import MentionLabel

__all__ = ["Found", "UNDER_NOUNS", "verb_relations", "noun_relations", "adjective_relations", "modifier_relations"]

_LIGHT_NOUNS = frozenset({"control", "charge", "command", "hold"})
_LIGHT_VERBS = frozenset({"have", "has", "had", "having", "gain", "gained", "gains", "take", "took", "taken", "taking",
                          "launch", "launched", "launches", "wage", "waged", "wages", "lead", "led", "leads",
                          "establish", "established", "maintain", "maintains", "maintained", "exercise", "exercises",
                          "receive", "receives", "received", "enjoy", "enjoys", "get", "gets", "got", "seek", "sought",
                          "seeks", "expand", "expanded", "increase", "increased", "deny", "denied", "denies", "say",
                          "conduct", "conducted", "begin", "began", "continue", "continued", "step", "stepped",
                          "claim", "claims", "claimed", "carry", "carrying", "carried", "mount", "mounted", "stage",
                          "staged", "fight", "fought", "fighting", "wage", "waging", "intensify", "intensified",
                          "deliver", "delivered", "delivers", "drop", "dropped", "drops", "fire", "fired", "fires",
                          "hold", "held", "holds", "direct", "directed", "directs", "join", "joined", "joins",
                          "fly", "flew", "flown", "flies", "flying", "execute", "executed", "perform", "performed",
                          "open", "opened", "opens", "return", "returned", "enhance", "enhanced", "redouble",
                          "redoubled", "boost", "boosted", "coordinate", "coordinated"})
_ACHIEVED = frozenset(form for base in ("manage", "succeed", "begin", "start", "continue")
                      for form in lx.verb_forms(base))
_GIVE_FORMS = frozenset(form for base in ("provide", "give", "offer", "lend", "pledge", "extend", "send", "deliver")
                        for form in lx.verb_forms(base))
_PERSONAL = frozenset({"ally", "partner", "proxy", "client", "enemy", "foe", "rival", "adversary", "front", "facade",
                       "splinter", "offshoot", "successor"})
_HIT_FORMS = frozenset(form for base in lx.HIT_VERBS for form in lx.verb_forms(base))
_PLACE_PREPS = ("in", "at", "on", "along", "inside", "near", "across", "within")
_RELATIVE = frozenset({"which", "who", "that"})
_RANKED_ROLES = frozenset({"commander", "leader", "head"})  # roles an organisation has many of, at many levels
_UNDER = {"control": "controls", "command": "subordinate_of", "umbrella": "part_of", "auspices": "part_of",
          "leadership": "subordinate_of", "banner": "part_of", "authority": "subordinate_of", "wing": "part_of"}
# Nouns read only after "under" ("under the command of Y"; "the command" alone is no relation); the looser
# ones ("under the banner of", "under state authority") say too little about whose unit it is
UNDER_NOUNS = frozenset({"command", "leadership"})


@dataclass(frozen=True, slots=True)
class Found:
    predicate: str
    subjects: tuple[Arg, ...]
    objects: tuple[Arg, ...]
    reliability: float
    pattern: str
    role: str | None = None


def _pobjs(tok: Any, *preps: str) -> list[Any]:
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out.extend(children(p, "pobj"))
            out.extend(g for c in children(p, "prep", "pcomp") if c.lower_ == "of" for g in children(c, "pobj"))
    return out


def _args(ix: DocIndex, toks: list[Any], *, places: bool = False) -> tuple[Arg, ...]:
    out: list[Arg] = []
    for t in toks:
        out.extend(a for a in phrase_args(ix, t, places=places) if a not in out)
    return tuple(out)


def _single(ix: DocIndex, toks: list[Any]) -> tuple[Arg, ...]:
    """The mentions the tokens themselves stand in (no coordination: "Trump and Putin" are two holders);
    a relative pronoun stands for the phrase its clause hangs from ("X, which flies … as part of Y")."""
    toks = [t.head.head if t.lower_ in _RELATIVE and t.head.dep_ == "relcl" else t for t in toks]
    return tuple(a for a in (arg_at(ix, t) for t in toks) if a is not None)


def _passive(tok: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN")


def verb_relations(ix: DocIndex, tok: Any, base: str) -> list[Found]:
    """Relations carried by a verb: "seized Al-Qaim", "deployed to the border", "backed by Iran"."""
    if tok.dep_ in ("amod", "compound") or tok.pos_ not in ("VERB", "AUX"):
        return []
    kids = {c.lower_ for c in tok.children if c.dep_ in ("prt", "dobj", "advmod", "prep")}
    for frame in lx.VERB_FRAMES[base]:
        if frame.particle is not None and frame.particle not in kids:
            continue
        found = _verb_frame(ix, tok, frame)
        if found is not None:
            return [found]
    return []


def _verb_frame(ix: DocIndex, tok: Any, frame: lx.VerbFrame) -> Found | None:
    passive = _passive(tok)
    if (frame.passive_only and not passive) or (frame.predicate == "controls" and _purpose(tok)):
        return None
    objs: list[Any] = []
    subj: list[Any] = []
    for spec in frame.obj:
        if spec == "dobj" and passive:
            objs += [c for c in tok.children if c.dep_ == "nsubjpass"] or ([tok.head] if tok.dep_ == "acl" else [])
            subj += _pobjs(tok, "by")
        elif spec == "dobj":
            objs += [g for d in children(tok, "dobj") for g in _light_object(d)]
        else:
            objs += _pobjs(tok, spec) + [g for d in children(tok, "dobj") for g in _pobjs(d, spec)]
    if not (passive and "dobj" in frame.obj):
        subj = subjects(ix, tok, passive_object=passive)
    s, o = _args(ix, subj), _args(ix, objs, places=frame.place)
    if frame.people_only:
        s = tuple(a for a in s if a.label is MentionLabel.PERSON)
    if not s and frame.predicate == "opposed_to" and _infinitive_of(tok) and tok.head.lower_ in lx.EFFORT_NOUNS:
        # "X's campaign to defeat Y" (an effort to take a place is no control of it yet)
        s = _args(ix, effort_owners(ix, tok.head))
    if not s or not o:
        return None
    if frame.inverse:
        s, o = o, s
    return Found(frame.predicate, s, o, frame.reliability, "verb:" + tok.lower_, frame.role)


def _infinitive_of(tok: Any) -> bool:
    """A verb that completes the noun it hangs from: "the campaign to defeat Y" (the parser's acl, or its
    relcl when it misreads the infinitive as a relative clause)."""
    if tok.dep_ == "acl":
        return True
    return tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _purpose(tok: Any) -> bool:
    """"X launched an offensive to retake Y" / "X tried to seize Y": an aim, not (yet) a deed."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return not (tok.dep_ == "xcomp" and tok.head.lower_ in _ACHIEVED)


def _light_object(dobj: Any) -> list[Any]:
    """"took control of X" → X; other objects stand for themselves."""
    if dobj.lower_ in _LIGHT_NOUNS:
        return _pobjs(dobj, "of", "over")
    return [dobj]


def effort_owners(ix: DocIndex, noun: Any) -> list[Any]:
    """Who wages the effort a noun names: "X's campaign", "the X campaign", "X launched a campaign",
    "X took part in the campaign"."""
    return list(children(noun, "poss", "compound")) + _verb_subjects(ix, noun) + participants(ix, noun)


def _holders(ix: DocIndex, tok: Any) -> list[Any]:
    """The phrase a noun describes: "X, part of Y" / "X is part of Y" / "as part of Y" / "one of the …"."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "among") and tok.head.head.lower_ in ("one", "some", "among", "many"):
        tok = tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "among":
        return subjects(ix, tok.head.head, passive_object=True)
    if tok.dep_ == "appos":
        return [tok.head]
    if tok.dep_ == "oprd":  # "appointed X the commander of Y"
        return list(children(tok.head, "dobj")) or subjects(ix, tok.head, passive_object=True)
    if tok.dep_ == "attr":
        return subjects(ix, tok.head, passive_object=True)
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        return subjects(ix, tok.head.head, passive_object=True)
    return list(children(tok, "appos"))


def _verb_subjects(ix: DocIndex, tok: Any) -> list[Any]:
    """"X launched an offensive against Y" → X (the subject of a light verb governing the noun)."""
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lower_ in _LIGHT_VERBS:
        return subjects(ix, tok.head, passive_object=False)
    return []


def _own_mention(ix: DocIndex, tok: Any) -> tuple[Arg, ...]:
    arg = arg_at(ix, tok)
    return (arg,) if arg is not None else ()


def role_relations(ix: DocIndex, tok: Any, base: str) -> list[Found]:
    """"Y, the deputy commander of X" / "X's commander Y" / "X spokesman Y" / "a spokesman for X, Y," → Y
    leads X (role). "Y, a X commander" / "an X leader" names one of X's commanders: Y member_of X."""
    prefix = next((lx.ROLE_PREFIXES[c.lower_] for c in tok.children if c.lower_ in lx.ROLE_PREFIXES), "")
    role = (prefix + lx.ROLE_NOUNS[base]).strip()
    topical = _pobjs(tok, "for", "in", "at")  # "envoy for Syria", "commander in Iraq": places there are no org
    of = _pobjs(tok, "of")
    orgs = _args(ix, of + list(children(tok, "poss")))
    orgs += tuple(a for a in _args(ix, topical) if not _state_or_place(ix, a))
    orgs += tuple(a for a in _args(ix, list(children(tok, "compound", "nmod"))) if a.label is not MentionLabel.PLACE)
    complements = of + topical
    # "the Syrian commander for AQI's logistics": with a complement, a demonym is the holder's nationality
    orgs = orgs or (() if complements else tuple(_state_modifiers(ix, tok))) or _listed_org(ix, tok)
    within = () if orgs else _args(ix, [p for c in complements for p in children(c, "poss")])  # "for AQI's logistics"
    holder_toks = _holders(ix, tok) + [a for t in topical for a in children(t, "appos")]  # "a spokesman for X, Y,"
    if tok.dep_ == "compound" or (tok.dep_ == "nsubj" and ix.by_token[tok.head.i] is not None):
        holder_toks.append(tok.head)
    people = tuple(a for a in (*_own_mention(ix, tok), *_single(ix, holder_toks)) if a.label is MentionLabel.PERSON)
    orgs = tuple(a for a in orgs if a.label is not MentionLabel.PERSON)
    within = tuple(a for a in within if a.label is MentionLabel.ACTOR)
    if people and within:  # a role in a part of X (unnamed): a member of X, not its leader
        return [Found("part_of", people, within, 0.65, "role-within:" + base)]
    if not people or not orgs:
        return []
    reliability = 0.85 if tok.dep_ in ("appos", "attr") else 0.75
    if lx.ROLE_NOUNS[base] in _RANKED_ROLES and _one_of_many(tok):
        return [Found("part_of", people, orgs, reliability - 0.1, "role-member:" + base)]
    return [Found("leads", people, orgs, reliability, "role:" + base, role)]


def _state_or_place(ix: DocIndex, arg: Arg) -> bool:
    """"envoy for Syria", "commander in Iraq": what the role is about or where it is held, not whose it is."""
    return arg.label is MentionLabel.PLACE or arg.text.lower().removeprefix("the ") in ix.states


def _one_of_many(tok: Any) -> bool:
    """"a Hezbollah commander", "an ISIL gang leader", "one of the commanders": not the one who leads."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("one", "some", "several")


def _listed_org(ix: DocIndex, tok: Any) -> tuple[Arg, ...]:
    """"Y, commander, X Command": a role apposition followed straight by the organisation's name."""
    if tok.dep_ != "appos":
        return ()
    nxt = next((c for c in (*children(tok, "appos"), *children(tok.head, "appos")) if c.i > tok.i), None)
    if nxt is None or nxt.left_edge.i - tok.i != 2 or ix.doc[tok.i + 1].text != ",":
        return ()
    arg = arg_at(ix, nxt)
    return (arg,) if arg is not None and arg.label is MentionLabel.ACTOR else ()


def _state_modifiers(ix: DocIndex, tok: Any) -> list[Arg]:
    out = []
    for c in children(tok, "amod", "compound"):
        state = ix.states.get(c.lower_)
        if state and arg_at(ix, c) is None:
            out.append(Arg(state, MentionLabel.ACTOR, c.idx, c.idx + len(c), c.text))
    return out


def part_relations(ix: DocIndex, tok: Any, base: str, reliability: float) -> list[Found]:
    """"X, part of Y" / "a Y faction" / "Y's al-Tufuf Brigade" / "a member of Y" → part_of / member_of."""
    own = _own_mention(ix, tok)
    wholes = _args(ix, _pobjs(tok, "of", "within", "from") + list(children(tok, "poss")))
    if not own:
        wholes += _args(ix, list(children(tok, "compound", "nmod")))
    holder_toks = _holders(ix, tok)
    if not own and tok.dep_ == "compound" and base in lx.MEMBER_NOUNS:  # "Royal Jordanian Air Force pilot X"
        holder_toks.append(tok.head)
    parts = own or _single(ix, holder_toks)
    if base in lx.MEMBER_NOUNS and base != "member":  # "a Mossad official": people only
        parts = tuple(a for a in parts if a.label is MentionLabel.PERSON)
    if not parts or not wholes:
        return []
    return [Found("part_of", parts, wholes, reliability, "part:" + base)]


def noun_relations(ix: DocIndex, tok: Any, base: str, kinds: Mapping[str, str]) -> list[Found]:
    """Role, part and relation nouns ("ally of", "a front for", "presence in", "under the control of")."""
    out: list[Found] = []
    if kinds.get(base) == "role":
        out += role_relations(ix, tok, base)
    if kinds.get(base) == "part":
        out += part_relations(ix, tok, base, lx.PART_NOUNS.get(base) or lx.MEMBER_NOUNS[base])
    if base in _UNDER and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        out += _under(ix, tok, base)
    elif base in _UNDER_ATTACK and tok.dep_ == "pobj" and tok.head.lower_ == "under":  # "Y came under attack from X"
        out += _fire(ix, tok, base)
    elif base in lx.NOUN_RELATIONS:
        out += _relation_noun(ix, tok, base)
    elif base == "fire":
        out += _fire(ix, tok)
    elif base in lx.AGAINST_NOUNS:  # "X maintained positions against Y", "X's airstrikes against Y"
        owners, targets = _holders(ix, tok) + effort_owners(ix, tok), _against(tok)
        if tok.dep_ == "nsubj" and tok.head.lower_ in _HIT_FORMS:  # "a US strike hit Y's vehicles"
            targets += [d for d in children(tok.head, "dobj") if d.pos_ == "NOUN"]  # "… fighters", "… convoy"
        out += _found(ix, "opposed_to", owners, targets, lx.AGAINST_NOUNS[base], base)
    return out


_UNDER_ATTACK = frozenset({"attack", "assault", "shelling", "bombing"})
_HOSTILE_PREPS = frozenset({"against", "on", "at", "into", "toward", "towards", "targeting"})  # "came under attack (shelling) from X"


def _fire(ix: DocIndex, tok: Any, base: str = "fire") -> list[Found]:
    """"Y came under fire (attack) from X" / "Y received fire from X" → X opposed_to Y; "X opened fire on Y"."""
    gov = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "under" else tok.head
    received = tok.dep_ in ("dobj", "pobj") and gov.pos_ == "VERB"  # "received fire", "came under fire"
    shooters = _pobjs(tok, "from") or (_pobjs(gov, "from") if received else [])
    if shooters:
        targets = subjects(ix, gov, passive_object=True) if received else []
        return _found(ix, "opposed_to", shooters, targets, lx.AGAINST_NOUNS["fire"], base)
    targets = _pobjs(tok, "on", "at") + _against(tok)
    if tok.dep_ == "dobj" and tok.head.lower_ in _LIGHT_VERBS:
        targets += _pobjs(tok.head, "on", "at")
    return _found(ix, "opposed_to", _verb_subjects(ix, tok), targets, lx.AGAINST_NOUNS["fire"], "fire")


def _under(ix: DocIndex, tok: Any, base: str) -> list[Found]:
    """"X is under the control of Y" / "areas under IS control" / "under the umbrella of Y"."""
    ruler = _args(ix, _pobjs(tok, "of") + list(children(tok, "poss", "compound", "nmod")))
    gov = tok.head.head
    ruled = _args(ix, subjects(ix, gov, passive_object=True) if gov.pos_ in ("VERB", "AUX") else [gov], places=base == "control")
    if not ruler or not ruled:
        return []
    predicate = _UNDER[base]
    if predicate == "controls":
        return [Found("controls", ruler, ruled, 0.8, "under:" + base)]
    people = tuple(a for a in ruler if a.label is MentionLabel.PERSON)
    if people and predicate == "subordinate_of":
        return [Found("leads", people, ruled, 0.75, "under:" + base, "commander")]
    return [Found(predicate, ruled, ruler, 0.75, "under:" + base)]


def _relation_noun(ix: DocIndex, tok: Any, base: str) -> list[Found]:
    predicate, rel = lx.NOUN_RELATIONS[base]
    if predicate in ("present_at", "controls"):
        preps = _PLACE_PREPS if predicate == "present_at" else ("of", "over")
        owners = _pobjs(tok, "of", "by") + list(children(tok, "poss", "compound")) + _verb_subjects(ix, tok)
        return _found(ix, predicate, owners, _pobjs(tok, *preps), abs(rel), base, places=True)
    if rel < 0:  # the noun names the sponsor side: "Iran, the PMF's backer" / "support from Iran"
        sponsors, clients = _sponsorship(ix, tok, base)
        return _found(ix, predicate, clients, sponsors, -rel, base)
    out = _between(ix, tok, predicate, rel, base)
    preps = ("with", "of", "for", "to") if predicate == "allied_with" else ("against", "with", "on", "of", "for", "to", "from")
    targets = _pobjs(tok, *preps)
    if base in _PERSONAL:  # "Iran's ally Hezbollah" / "their Hezbollah allies": the possessor is the other side
        owners = _holders(ix, tok) + list(children(tok, "compound")) + _verb_subjects(ix, tok)
        return out + _found(ix, predicate, owners, targets + list(children(tok, "poss")), rel, base)
    owners = _holders(ix, tok) + effort_owners(ix, tok)
    return out + _found(ix, predicate, owners, targets, rel, base)


def _sponsorship(ix: DocIndex, tok: Any, base: str) -> tuple[list[Any], list[Any]]:
    """(sponsor tokens, client tokens) of a noun naming the sponsor side."""
    if base in ("backer", "sponsor", "patron"):  # "Iran, the PMF's backer"
        return _holders(ix, tok), _pobjs(tok, "of", "for", "to") + list(children(tok, "poss"))
    own = _pobjs(tok, "from", "by") + list(children(tok, "poss", "compound"))
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head
    if base in ("support", "backing") and tok.dep_ == "pobj" and gov.pos_ == "VERB":
        if tok.head.lower_ == "in":  # "X struck targets in support of Y"
            return own + subjects(ix, gov, passive_object=False), _pobjs(tok, "of", "for", "to")
        if tok.head.lower_ == "with":  # "X advanced with the support of Y"
            clients = _pobjs(gov, "by") if _passive(gov) else subjects(ix, gov, passive_object=False)
            return own + _pobjs(tok, "of"), clients
    if base in ("support", "backing") and tok.dep_ == "pobj" and tok.head.lower_ == "in" and gov.pos_ in ("NOUN", "PROPN"):
        while gov.dep_ == "conj" and gov.head.i != gov.i:  # "X, Y and others in support of Z": all of them
            gov = gov.head
        if gov.dep_ == "pobj" and gov.head.lower_ in _HOSTILE_PREPS:  # "the fight against Y in support of Z": not Y
            return own, []
        return own + [gov], _pobjs(tok, "of", "for", "to")  # "coalition jets in support of Y"
    if base in ("support", "backing") and tok.dep_ == "dobj" and tok.head.lower_ in _GIVE_FORMS:
        clients = _pobjs(tok, "for", "to", "of") + _pobjs(tok.head, "to", "for")  # "X lent support to Y"
        return own + subjects(ix, tok.head, passive_object=False), clients
    if tok.dep_ == "dobj" and tok.head.lower_ in _LIGHT_VERBS:  # "X received support from Y" ("from" on the verb)
        own += _pobjs(tok.head, "from")
    return own, _pobjs(tok, "for", "to", "of") + _verb_subjects(ix, tok)


def _between(ix: DocIndex, tok: Any, predicate: str, rel: float, base: str) -> list[Found]:
    sides = _args(ix, _pobjs(tok, "between"))
    return [Found(predicate, (a,), (b,), rel, "between:" + base) for i, a in enumerate(sides) for b in sides[i + 1:]]


def _against(tok: Any) -> list[Any]:
    """Whom an armed action is against: "strikes against Y", "strikes using aircraft against Y" (inside the
    noun's phrase), "conducted strikes … against Y" (on the light verb the noun is the object of)."""
    found = _pobjs(tok, "against")
    if found:
        return found
    inner = [t for t in tok.subtree if t.lower_ == "against" and t.dep_ == "prep" and t.head.i != tok.i]
    found = [g for p in inner[:1] for g in children(p, "pobj")]
    if not found and tok.dep_ == "dobj" and tok.head.lower_ in _LIGHT_VERBS:
        after = [t for t in tok.head.subtree if t.i > tok.i and t.lower_ == "against" and t.dep_ == "prep"]
        found = [g for p in after[:1] for g in children(p, "pobj")]
    return found


def _found(ix: DocIndex, predicate: str, subj: list[Any], obj: list[Any], rel: float, base: str,
           *, places: bool = False) -> list[Found]:
    s, o = _args(ix, subj), _args(ix, obj, places=places)
    return [Found(predicate, s, o, rel, "noun:" + base)] if s and o else []


def adjective_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"X is opposed to Y", "forces allied with Iran", "X is present in Y"."""
    predicate, preps, rel = lx.ADJ_RELATIONS[tok.lower_]
    if tok.dep_ in ("acomp", "attr", "oprd"):
        holders = subjects(ix, tok.head, passive_object=True)
    elif tok.dep_ in ("amod", "acl", "appos"):
        holders = [tok.head]
    else:
        holders = subjects(ix, tok, passive_object=True)
    return _found(ix, predicate, holders, _pobjs(tok, *preps), rel, tok.lower_)


def modifier_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"Iran-backed X", "US-designated X", "Lebanon-based X", "SDF-held X": the name before the hyphen."""
    name_tok = _hyphen_name(ix, tok)
    if name_tok is None:
        return []
    predicate, rel = lx.COMPOUND_MODIFIERS[tok.lower_]
    name = arg_at(ix, name_tok)
    state = ix.states.get(name_tok.lower_)
    if predicate not in ("present_at", "controls") and state and (name is None or name.label is MentionLabel.PLACE):
        name = Arg(state, MentionLabel.ACTOR, name_tok.idx, name_tok.idx + len(name_tok), name_tok.text)
    if name is None:
        return []
    holder = _modified(ix, tok, name)
    if holder is None:
        return []
    if predicate in ("present_at",):
        return [Found(predicate, (holder,), (name,), rel, "modifier:" + tok.lower_)]
    if predicate == "controls":
        return [Found(predicate, (name,), (holder,), rel, "modifier:" + tok.lower_)]
    return [Found(predicate, (holder,), (name,), rel, "modifier:" + tok.lower_)]


def _hyphen_name(ix: DocIndex, tok: Any) -> Any | None:
    return ix.doc[tok.i - 2] if tok.i >= 2 and lx.hyphen_modifier(ix.doc, tok.i - 2) else None


def _modified(ix: DocIndex, tok: Any, name: Arg) -> Arg | None:
    """The entity the modifier describes: the mention covering it, or the head noun's mention."""
    own = arg_at(ix, tok)
    if own is not None and own.entity != name.entity:
        return own
    head = tok.head if ix.has_dep else None
    while head is not None and head.dep_ in ("amod", "compound") and head.head.i != head.i and head.i > tok.i:
        if arg_at(ix, head) is not None:
            break
        head = head.head
    if head is None or head.i < tok.i:
        return None
    for t in (head, *children(head, "compound", "amod", "nmod"), *named_as(head)):  # "… militias known as X"
        found = arg_at(ix, t)
        if found is not None and found.entity != name.entity:
            return found
    holders = _holders(ix, head) if head.dep_ in ("attr", "appos") else []
    found_args = _args(ix, holders)
    return next((a for a in found_args if a.entity != name.entity), None)


_GROUP_NOUNS = frozenset({"group", "groups", "faction", "factions", "brigade", "militia", "unit", "battalion", "wing",
                          "branch", "offshoot", "division", "formation", "force"})  # fmt: skip


def naming_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"the PMF group known as Kataib al-Imam Ali", "a Hezbollah unit called Y": the named one is part of
    the group named before the noun."""
    if not ix.has_dep or tok.dep_ != "acl" or tok.head.lower_ not in _GROUP_NOUNS:
        return []
    noun = tok.head
    parents = [a for c in children(noun, "compound", "amod", "poss", "nmod") if (a := arg_at(ix, c)) is not None]
    named_toks = [*given_names(tok), *children(tok, "dobj")]
    named = [a for t in named_toks if (a := arg_at(ix, t)) is not None]
    if not parents or not named:
        return []
    return [Found("part_of", (named[0],), (parents[0],), 0.75, "naming:" + tok.lower_)]


_TAKE_CONTROL = frozenset(f for base in ("take", "seize", "gain", "regain", "wrest", "assume", "establish", "retain",
                                         "maintain", "keep", "have", "tighten", "extend")
                          for f in lx.verb_forms(base))  # fmt: skip
_PORTION = frozenset({"most", "much", "part", "parts", "all", "some", "half", "swathes", "areas", "large"})


def control_noun_relations(ix: DocIndex, tok: Any) -> list[Found]:
    """"X is (fell) under the control of Y" / "under Y's control", and "Y took (has) control of X"."""
    if not ix.has_dep or tok.pos_ != "NOUN":
        return []
    owners = [g for p in children(tok, "prep") if p.lower_ == "of" for g in children(p, "pobj")]
    if tok.dep_ == "pobj" and tok.head.lower_ in ("under", "in"):  # the controller is named inside
        verb = tok.head.head
        controllers = [a for g in [*owners, *children(tok, "poss")] for a in phrase_args(ix, g)]
        places = [a for s in children(verb, "nsubj", "nsubjpass") for a in _place_args(ix, s)]
        return [Found("controls", tuple(controllers), tuple(places), 0.75, "control:under")] if controllers and places else []
    if tok.dep_ == "dobj" and tok.head.lower_ in _TAKE_CONTROL:
        controllers = [a for s in subjects(ix, tok.head, passive_object=False) for a in phrase_args(ix, s)]
        places = [a for g in owners for a in _place_args(ix, g)]
        return [Found("controls", tuple(controllers), tuple(places), 0.75, "control:take")] if controllers and places else []
    return []


def _place_args(ix: DocIndex, tok: Any) -> list[Arg]:
    """The places of a phrase, through "most of", "parts of", "large areas of"."""
    if tok.lower_ in _PORTION:
        return [a for p in children(tok, "prep") if p.lower_ == "of" for g in children(p, "pobj")
                for a in phrase_args(ix, g, places=True)]  # fmt: skip
    return phrase_args(ix, tok, places=True)
