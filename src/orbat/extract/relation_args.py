"""Arguments of a relation: the resolved mentions behind the phrases of a dependency parse.

A phrase stands for an entity when a resolved ACTOR, PERSON or PLACE mention covers its head,
one of its modifiers ("Hezbollah fighters", "the PMF's brigades") or its "of" phrase ("members
of the PMF"); coordinated phrases ("the army and the SDF") give one argument each, also the
first items of a list the parser left out of the coordination; a lone appositive naming a
relation ("the Nusra Front, an al-Qaeda affiliate") is not another name of the phrase. A place
named like a state ("Iran", "Syria") stands for the state where the slot wants an actor, and so
does a gazetteer country the pack has no state for ("Australia").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from orbat.extract import relation_lexicon as lx
from orbat.model import Analysis, EntityKind, Mention, MentionLabel

__all__ = ["Arg", "DocIndex", "index_document", "arg_at", "phrase_args", "as_actor", "subjects", "children",
           "participants", "supported", "listed_before", "list_items", "infinitive_owner", "misread_name"]

_ARG_LABELS = frozenset({MentionLabel.ACTOR, MentionLabel.PERSON, MentionLabel.PLACE})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_GENERIC_HEADS = frozenset({
    "fighter", "force", "troop", "member", "militiaman", "militant", "unit", "soldier", "group", "official",
    "commander", "army", "police", "personnel", "element", "militia", "faction", "brigade", "ranks", "side",
    "government", "regime", "authority", "authorities", "administration", "military", "jet", "aircraft", "drone",
    "warplane", "positions", "affiliate", "proxy", "detachment", "convoy", "reinforcement", "advisor", "adviser",
    "strike", "airstrike", "artillery", "vehicle", "man", "woman", "airman", "sailor", "crew", "staff",
})
_STATE_HEADS = frozenset({
    "government", "regime", "authorities", "administration", "forces", "troops", "army", "military", "soldiers",
    "jets", "warplanes", "aircraft", "navy", "officials", "side", "state", "leadership",
})
_PLACE_HEADS = frozenset({
    "border", "borders", "area", "areas", "base", "bases", "town", "city", "village", "villages", "region", "crossing",
    "province", "district", "territory", "side", "outskirts", "airport", "site", "road", "highway", "desert", "frontier",
    "camp", "position", "positions", "countryside", "governorate", "strip", "zone", "stretch", "corridor",
})
NAMED_UNIT_HEADS = frozenset({"city", "town", "village", "province", "district", "governorate", "region"})
_SUPPORT_NOUNS = frozenset({"support", "help", "assistance", "aid", "backing"})
_SUPPORT_VERBS = frozenset({"support", "supports", "supported", "supporting", "back", "backs", "backed", "backing",
                            "help", "helps", "helped", "helping", "assist", "assists", "assisted", "assisting"})
_ANAPHORS = frozenset({"it", "they", "its", "their"})
_RELATIVE = frozenset({"which", "who", "that", "whom"})


@dataclass(frozen=True, slots=True)
class Arg:
    """One argument: the entity a mention resolved to, and the mention's span."""

    entity: str
    label: MentionLabel
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DocIndex:
    """One parsed document as relation extraction sees it (lives for one call)."""

    doc: Any
    by_token: tuple[Mention | None, ...]  # token index -> resolved argument mention covering it
    has_dep: bool
    states: Mapping[str, str]  # lower-case state name, alias or demonym -> state entity id
    lower: tuple[str, ...] = ()  # lower-cased text of each token
    countries: frozenset[str] = frozenset()  # ids of gazetteer places that are countries the pack has no state for


def index_document(analysis: Analysis, states: Mapping[str, str]) -> DocIndex:
    """Map every token to the resolved mention covering it (one pass over tokens and mentions)."""
    doc = analysis.parse
    cover: list[Mention | None] = [None] * len(doc)
    mentions = sorted((m for m in analysis.mentions if m.label in _ARG_LABELS and m.entity), key=lambda m: m.start)
    lower: list[str] = []
    k = 0
    for tok in doc:
        lower.append(tok.lower_)
        while k < len(mentions) and mentions[k].end <= tok.idx:
            k += 1
        if k < len(mentions) and mentions[k].start < tok.idx + len(tok) and tok.idx < mentions[k].end:
            cover[tok.i] = mentions[k]
    countries = frozenset(e.id for e in analysis.entities if e.kind is EntityKind.PLACE and e.feature == "country")
    return DocIndex(doc, tuple(cover), bool(doc.has_annotation("DEP")), states, tuple(lower), countries)


def arg_at(ix: DocIndex, tok: Any) -> Arg | None:
    m = ix.by_token[tok.i]
    if m is None or m.entity is None:
        return None
    return Arg(m.entity, m.label, m.start, m.end, m.text)


def children(tok: Any, *deps: str) -> Iterator[Any]:
    return (c for c in tok.children if c.dep_ in deps)


def _pobjs(tok: Any, *preps: str) -> Iterator[Any]:
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            yield from children(p, "pobj")


def _one_phrase(ix: DocIndex, tok: Any) -> Arg | None:
    found = arg_at(ix, tok)
    if found is not None:
        return found
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return _one_phrase(ix, tok.head.head)
    if tok.lower_ in _ANAPHORS and tok.dep_ in ("nsubj", "nsubjpass", "poss"):
        return _antecedent(ix, tok)
    for c in tok.children:  # "Hezbollah fighters", "the PMF's brigades" (but "Syria's Kurds" are not Syria)
        if c.dep_ in _MODIFIER_DEPS and (c.dep_ != "poss" or _generic(tok) or tok.lower_ in _STATE_HEADS):
            found = arg_at(ix, c)
            if found is not None:
                return found
    if _generic(tok) and tok.left_edge.i == tok.i and tok.i > 0 and misread_name(ix.doc[tok.i - 1]):
        found = arg_at(ix, ix.doc[tok.i - 1])  # "that IS fighters had …" with "IS" read as the verb "is"
        if found is not None and found.label is MentionLabel.ACTOR:
            return found
    if _generic(tok):
        for g in _pobjs(tok, "of", "from"):
            found = arg_at(ix, g)
            if found is not None:
                return found
    for named in named_as(tok):  # "Kurdish-led forces known as the Syrian Democratic Forces"
        found = arg_at(ix, named)
        if found is not None:
            return found
    found = _state_word(ix, tok)
    if found is None and tok.pos_ == "PROPN" and tok.lower_ in ix.states:  # "the US", unrecognised
        found = Arg(ix.states[tok.lower_], MentionLabel.ACTOR, tok.idx, tok.idx + len(tok), tok.text)
    return found


def _antecedent(ix: DocIndex, tok: Any) -> Arg | None:
    """The nearest phrase above the pronoun's own that can stand for it.

    "X denied that it had …" → X (the subject of a clause above); "support for X in their fight"
    and "X, which said it …" → X (the named phrase the pronoun's phrase hangs from); "W pledged
    support for X in their fight" → X (the supported side, before the clause's subject).
    """
    for above in tok.head.ancestors:
        if above.pos_ in ("NOUN", "PROPN"):
            found = arg_at(ix, above)
            if found is not None and found.label is not MentionLabel.PLACE:
                return found
        for subj in [*supported(above), *children(above, "nsubj", "nsubjpass")]:
            if subj.lower_ not in _ANAPHORS:
                found = arg_at(ix, subj)
                if found is not None and found.label is not MentionLabel.PLACE:
                    return found
    return None


_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "poss", "compound",
                      "amod", "nmod", "npadvmod"})


def misread_name(tok: Any) -> bool:
    """A name the parser did not read as a noun phrase at all ("IS" taken for the verb "is", or hung
    from "that" as a clause): when a bare noun follows it ("IS fighters"), it is that noun's modifier."""
    return tok.dep_ not in _NOMINAL and (tok.pos_ in ("AUX", "VERB") or tok.dep_ in ("pcomp", "ccomp", "dep"))


def _generic(tok: Any) -> bool:
    text = tok.lower_
    return text in _GENERIC_HEADS or text.rstrip("s") in _GENERIC_HEADS or text[:-2] + "an" in _GENERIC_HEADS


def _state_word(ix: DocIndex, tok: Any) -> Arg | None:
    """A demonym modifying a state's generic head ("Iranian forces", "the Syrian regime") names the state."""
    if tok.lower_ not in _STATE_HEADS:
        return None
    for c in children(tok, "amod", "compound", "nmod"):
        state = ix.states.get(c.lower_)
        if state:
            return Arg(state, MentionLabel.ACTOR, c.idx, c.idx + len(c), c.text)
    return None


def phrase_args(ix: DocIndex, tok: Any, *, places: bool = False) -> list[Arg]:
    """The entity arguments of the phrase headed by ``tok`` and of the phrases coordinated with it.

    ``places``: also look inside a generic place phrase ("the border near Tarfawi").
    """
    out: list[Arg] = []
    for t in [tok, *_conjuncts(tok)]:
        if t is not tok and _relational_appositive(ix, t):
            continue
        arg = _one_phrase(ix, t) or (_nested_place(ix, t) if places else None)
        found = [arg] if arg is not None else [a for e in _examples(t) if (a := _one_phrase(ix, e)) is not None]
        out.extend(a for a in found if a not in out)
    return out


_RELATION_NOUNS = frozenset(form for table in (lx.PART_NOUNS, lx.MEMBER_NOUNS, lx.NOUN_RELATIONS)
                            for base in table for form in lx.noun_forms(base))


def _relational_appositive(ix: DocIndex, t: Any) -> bool:
    """"the Nusra Front, an al-Qaeda affiliate, …" / "X, a member of Y, …": a lone appositive that names
    X by its relation to someone else; that someone is not another name of X. (A role is kept: what
    "X, the PMF's commander" denies or does, he does for the PMF.)"""
    return (t.dep_ == "appos" and t.lower_ in _RELATION_NOUNS and ix.by_token[t.i] is None
            and not any(c.dep_ == "conj" for c in t.children))


NAMING_FORMS = frozenset({"known", "called", "named", "dubbed"})


def named_as(tok: Any) -> list[Any]:
    """The name a phrase is given by "known as", "called", "named" or "dubbed" right after it."""
    return [g for acl in children(tok, "acl") if acl.lower_ in NAMING_FORMS for g in given_names(acl)]


def given_names(naming: Any) -> list[Any]:
    """What a naming participle ("known as X", "called X") names."""
    return [g for p in children(naming, "prep") if p.lower_ == "as" for g in children(p, "pobj")] + list(
        children(naming, "oprd", "attr", "xcomp"))


def _examples(tok: Any) -> list[Any]:
    """"movements such as Hezbollah", "militias including Kataib Hezbollah and Nujaba", "groups like X":
    the named examples of a generic phrase (what a relation to the phrase is a relation to)."""
    out: list[Any] = []
    for p in children(tok, "prep"):
        doc = p.doc
        if p.lower_ in ("including", "like") or (p.lower_ == "as" and p.i > 0 and doc[p.i - 1].lower_ == "such"):
            for g in children(p, "pobj"):
                out += [g, *_conjuncts(g)]
    return out


def _nested_place(ix: DocIndex, tok: Any) -> Arg | None:
    """"the border near Tarfawi" / "a base in Al-Qaim" / "the city of Mosul" → the place named inside a
    generic place phrase; "Mosul is the largest city held by X" → the copula's subject."""
    if tok.lower_ not in _PLACE_HEADS:
        return None
    if tok.dep_ == "attr":
        for subj in children(tok.head, "nsubj"):
            found = arg_at(ix, subj) or _nested_place(ix, subj)
            if found is not None and found.label is MentionLabel.PLACE:
                return found
    preps = ("near", "in", "at", "outside")
    if tok.lower_.rstrip("s") in NAMED_UNIT_HEADS:  # "the town of Al-Qaim" (but not "the outskirts of Al-Qaim")
        preps += ("of",)
    for p in children(tok, "prep"):
        if p.lower_ in preps:
            for g in children(p, "pobj"):
                found = arg_at(ix, g)
                if found is not None and found.label is MentionLabel.PLACE:
                    return found
    return None


def _conjuncts(tok: Any) -> list[Any]:
    out, todo = [], [*children(tok, "conj", "appos"), *listed_before(tok)]
    while todo and len(out) < 12:
        t = todo.pop(0)
        out.append(t)
        todo.extend(children(t, "conj"))
    return out


def listed_before(tok: Any) -> list[Any]:
    """The first items of a list "A, B, C and D launched …" that the parser hung from the verb (as
    ``dep``, or as a second subject) instead of coordinating them with B: nouns right before
    ``tok``'s phrase, each followed by a comma, when ``tok`` heads a coordination of its own (a
    list, not a lone noun: "On Sunday, the militia attacked" has no list)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "conj" for c in tok.children):
        return []
    out, edge = [], tok.left_edge.i
    for c in reversed([c for c in tok.head.lefts if c.i < edge and c.dep_ != "punct"]):
        comma = c.right_edge.i if tok.doc[c.right_edge.i].text == "," else c.right_edge.i + 1  # its own or the verb's
        if c.dep_ not in ("dep", tok.dep_) or c.pos_ not in ("NOUN", "PROPN"):
            break
        if comma + 1 != edge or tok.doc[comma].text != ",":
            break
        out.append(c)
        edge = c.left_edge.i
    return out


def list_items(tok: Any) -> list[Any]:
    """Every item of the coordination ``tok`` heads, also where the parser made the list "A, B, C and D"
    an apposition of A (B, C, D coordinated below it) or left A hanging from the verb."""
    out = [*tok.conjuncts, *listed_before(tok)]
    for a in children(tok, "appos"):
        if any(c.dep_ == "conj" for c in a.children):  # a lone appositive renames A; a list continues it
            out += [a, *a.conjuncts]
    return list(dict.fromkeys(out))


# a capital in an actor slot is its government ("Damascus rejected", "under the control of Baghdad")
CAPITALS: Mapping[str, str] = {
    "damascus": "syria", "baghdad": "iraq", "tehran": "iran", "washington": "united states", "moscow": "russia",
    "ankara": "turkey", "amman": "jordan", "beirut": "lebanon", "riyadh": "saudi arabia",
}  # fmt: skip


def as_actor(ix: DocIndex, arg: Arg) -> Arg | None:
    """An argument in an actor slot: places named like states, or like their capitals, become the
    state, and a country the pack has no state for ("Australia") stands for itself; other places drop."""
    if arg.label is not MentionLabel.PLACE:
        return arg
    key = arg.text.lower().removeprefix("the ")
    state = ix.states.get(key) or ix.states.get(CAPITALS.get(key, "")) or (arg.entity if arg.entity in ix.countries else None)
    return Arg(state, MentionLabel.ACTOR, arg.start, arg.end, arg.text) if state else None


def subjects(ix: DocIndex, verb: Any, *, passive_object: bool) -> list[Any]:
    """Tokens heading the verb's subject; climbs through xcomp/conj/advcl when the verb has none.

    ``passive_object``: also accept the passive subject (the logical object of a passive verb).
    """
    deps = ("nsubj", "nsubjpass", "csubj") if passive_object else ("nsubj", "csubj")
    cur = verb
    for _ in range(4):
        found = list(children(cur, *deps))
        if found:
            return found
        if cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
            return infinitive_owner(cur) or [cur.head]
        if cur.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "acomp") or cur.head.i == cur.i:
            return []
        if cur.dep_ == "pcomp":
            cur = cur.head
        cur = cur.head
        if cur.pos_ == "ADV" and cur.dep_ == "advmod" and cur.head.i != cur.i:  # "Elsewhere, to defeat Y, X has …"
            cur = cur.head
    return []


def infinitive_owner(verb: Any) -> list[Any]:
    """"X's capacity to attack Y", "its plan to seize Y": an infinitive after a possessed noun is the
    possessor's act (the noun itself is no actor); [] when the verb is no such infinitive."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    return list(children(verb.head, "poss"))


def _beneficiaries(noun: Any) -> list[Any]:
    return [g for p in children(noun, "prep") if p.lower_ in ("for", "of", "to") for g in children(p, "pobj")]


def supported(verb: Any) -> list[Any]:
    """"W pledged support for X" / "W gave assistance to X" / "W backed X" → X: whom the verb supports."""
    if verb.lower_ in _SUPPORT_VERBS:
        return list(children(verb, "dobj"))
    return [g for d in children(verb, "dobj") if d.lower_ in _SUPPORT_NOUNS for g in _beneficiaries(d)]


def participants(ix: DocIndex, noun: Any) -> list[Any]:
    """Tokens for who takes part in the effort ``noun`` names, from the phrase its "in" hangs from.

    "X took part in the fight against Y" / "X were accused of abuses during operations against Y" → the
    clause's subject; "support for X in the fight" → X; "X in the campaign" → X; "X led efforts in the
    campaign" → the subject of the verb governing the phrase.
    """
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during", "throughout"):
        return []
    gov = noun.head.head
    while gov.pos_ == "ADV" and gov.head.i != gov.i:  # "elsewhere in the campaign, X …"
        gov = gov.head
    if gov.pos_ in ("VERB", "AUX"):
        return supported(gov) or subjects(ix, gov, passive_object=True)
    if gov.lower_ in _SUPPORT_NOUNS:
        return _beneficiaries(gov)
    if phrase_args(ix, gov):
        return [gov]
    if gov.dep_ == "dobj":
        return subjects(ix, gov.head, passive_object=False)
    return []
