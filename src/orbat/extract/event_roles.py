"""Who did it to whom: the agent and recipient phrases of an event trigger, from the dependency parse.

Rules (spaCy's English dependency labels):

- verb trigger: agents are ``nsubj`` and the object of the passive ``agent`` ("by X"); recipients
  are ``dobj``/``dative``, ``nsubjpass`` and the objects of "against/on/at/toward/into"; the objects
  of "with/between/among" are co-actors (both sides of a clash or a meeting). A trigger with no
  subject of its own (``xcomp``, ``conj``, ``advcl``: "..., killing 12") takes the subject of the
  verb it hangs from; a relative clause's "who/which" is replaced by the noun it modifies.
- noun trigger: agents are the possessor ("Turkey's offensive"), actor modifiers ("US strikes",
  "Israeli raid") and "by X"; recipients the objects of "against/on/of/targeting"; with no agent
  of its own, the subject of the verb that governs it ("X launched a drone strike"), and for
  "killed in a drone strike" that verb's victims too.
- "Y came under attack (fire) from X": X is the agent, Y the recipient. "Fighting that saw 40
  soldiers killed": the subject of a bare participle under "see"/"leave" is a victim. "X's
  capacity to attack Y": an infinitive after a possessed noun is the possessor's act.
- An argument phrase is the head with its compound/adjective/possessive modifiers ("three
  Kataib Hezbollah fighters" → "Kataib Hezbollah fighters"), or the mention it lies in. "Fighters
  of X" carries X's entity; so does a name right before a bare noun that the parser did not read
  as a noun ("IS fighters", "IS" taken for "is"). Every item of a list counts, also where the
  parser made "A, B, C and D" an apposition of A or left A hanging from the verb. Pronouns,
  dates, weapons and event nouns are never arguments.
- Weapons (``find_weapons``): of a confiscation, what was seized (its object, every item of a
  list); of an attack, what was fired, launched or dropped ("fired rockets at the base"), the objects of "using/employing/with" in the trigger's
  clause ("conducted 15 strikes using attack, bomber, fighter and remotely piloted aircraft",
  "attacked the checkpoint with mortars and rockets"), every item of that list when one of them
  names a weapon; and weapon modifiers of the trigger noun ("a drone strike", "mortar fire").
- No parse: the nearest actor mention before the trigger is the agent, the nearest after it the recipient.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from orbat.extract import event_lexicon as lx
from orbat.extract.relation_args import NAMED_UNIT_HEADS, infinitive_owner, list_items, misread_name
from orbat.extract.relation_lexicon import hyphen_modifier
from orbat.model import Mention, MentionLabel

__all__ = ["DocContext", "Argument", "distinct_weapons", "find_roles", "find_weapons", "in_weapon_list", "clause_depth"]

_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "csubj"})
_ACTOR_LABELS = (MentionLabel.ACTOR, MentionLabel.PERSON)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_TO_RECIPIENT = frozenset({"AID", "SUPPORT", "COOPERATE", "REQUEST", "AGREE", "CONCEDE"})
# Acts aimed at someone named inside the clause they govern: "threatened to cut ties with Russia",
# "demanded that Israel ease …", "threatened to strike unless Iraq …"
_AIMED = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "ACCUSE"})
_AIMED_PREPS = frozenset({"with", "to", "against", "on", "from"})
_CONDITION_MARKS = frozenset({"unless", "if"})
_TOPIC_ON = frozenset({"CONSULT", "AGREE", "REQUEST", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE", "THREATEN"})
_FORCE_WORDS = lx.TROOP_WORDS | lx.MILITIA_WORDS | lx.POLICE_WORDS
_UNDER_ATTACK = frozenset({"attack", "assault", "fire", "shelling", "bombing", "bombardment"})
_WITNESS_FORMS = frozenset({"see", "sees", "saw", "seen", "seeing", "leave", "leaves", "left", "leaving"})
_USING = frozenset({"using", "employing", "deploying", "wielding"})  # "… strikes using X": X is the weapon
_USING_DEPS = frozenset({"advcl", "acl", "conj", "xcomp", "prep"})
_FIRING = frozenset({"fire", "launch", "drop", "lob", "detonate", "hurl", "shoot"})  # their object is the weapon
_WIELDERS = lx.GROUP_WORDS | frozenset("rebel regime government opposition coalition army militia insurgent jihadist "
                                       "terrorist enemy".split())  # "rebel rockets": who fired them, not what


@dataclass(frozen=True, slots=True)
class DocContext:
    """One parsed document as the extractor sees it."""

    doc: Any  # spaCy Doc
    base: tuple[str, ...]  # base form of each token
    mention: Mapping[int, Mention]  # token index -> the mention covering it
    has_dep: bool
    has_pos: bool
    not_args: frozenset[str] = frozenset()  # bases that never head an argument (weapons, event nouns ...)
    lower: tuple[str, ...] = ()  # lower-cased text of each token


@dataclass(frozen=True, slots=True)
class Argument:
    start: int  # character span of the phrase in the clean text
    end: int
    text: str
    entities: tuple[str, ...]  # resolved ACTOR/PERSON mentions inside the phrase
    place: str | None = None  # the resolved PLACE mention the phrase is, if any
    words: frozenset[str] = frozenset()  # base forms of the phrase's words


def clause_depth(ctx: DocContext, tok: Any) -> int:
    """How far below the sentence's news the token sits: 1 per embedded clause, 2 for a
    subordinate clause ("as/while/unless ..."), 3 under a background preposition ("after clashes")."""
    if not ctx.has_dep:
        return 0
    depth = 0
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lx.SUBORDINATORS for m in a.children):
            depth += 2
        elif a.dep_ in _CLAUSAL:
            depth += 1
        elif a.dep_ == "pobj" and a.head.lower_ in lx.BACKGROUND_PREPS:
            depth += 3
    return depth


def find_roles(ctx: DocContext, tok: Any, event_type: str, kind: str,
               sent: tuple[int, int]) -> tuple[list[Argument], list[Argument]]:
    """(actors, recipients) of the trigger token ``tok`` in the sentence of tokens ``sent``."""
    if not ctx.has_dep:
        return _nearest(ctx, tok, sent)
    verbal = tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")
    agents, patients, co = _verb_roles(ctx, tok) if verbal else _noun_roles(ctx, tok)
    if event_type in _TO_RECIPIENT:  # "sent aid to X": X receives
        patients += [g for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in _pobj(c)]
    if event_type in _TOPIC_ON:  # "talks on border security": a topic, not a recipient
        patients = [p for p in patients if not (p.dep_ == "pobj" and p.head.lower_ in ("on", "at", "upon"))]
    if event_type == "MOBILIZE":  # "sent 3,000 troops": the force moved, not a recipient
        patients = [p for p in patients if ctx.base[p.i] not in _FORCE_WORDS or p.i in ctx.mention]
    if kind == "host":  # the host receives the visitor: PLOVER codes the visitor as source
        agents, patients = patients, agents
    if event_type in _AIMED and not any(p.i in ctx.mention for p in patients):
        patients += _aimed_at(ctx, tok)
    actors = _arguments(ctx, [*agents, *co])
    recipients = [a for a in _arguments(ctx, patients) if a.start not in {x.start for x in actors}]
    return actors, recipients


def find_weapons(ctx: DocContext, tok: Any, *, seized: bool = False) -> list[Argument]:
    """The weapons the attack with trigger token ``tok`` was made with (see the module's rules) or,
    ``seized``, the things a confiscation took ("ISIL seized the tanks and other military hardware")."""
    if not ctx.has_dep:
        return []
    verbal = tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")
    if seized:  # only arms and equipment: "seized the eastern half" is ground, not a confiscation's haul
        lists = [[o, *list_items(o)] for o in tok.children if o.dep_ in ("dobj", "nsubjpass") and o.i not in ctx.mention]
        taken = [t for items in lists if _names_weapon(ctx, items) for t in items if t.pos_ in ("NOUN", "PROPN")]
        return distinct_weapons([_weapon(ctx, t) for t in taken]) if verbal else []
    anchors = [tok] if verbal or tok.head is tok else [tok, tok.head]  # "conducted strikes using X"
    objects = [o for a in anchors for u in _using_words(a) for o in u.children
               if o.dep_ in (("pobj",) if u.lower_ == "with" else ("dobj", "pobj"))]  # fmt: skip
    if verbal and ctx.base[tok.i] in _FIRING:  # "fired rockets at the base": what was fired
        objects += [o for o in tok.children if o.dep_ == "dobj"]
    heads = [items for o in objects if _names_weapon(ctx, items := [o, *list_items(o)])]
    out = [_weapon(ctx, t) for items in heads for t in items]
    if not verbal:  # "a drone strike", "mortar fire", "rocket attacks"; not "bombing raids": an act, no weapon
        out += [_weapon(ctx, c) for c in tok.lefts if c.dep_ in ("compound", "nmod") and ctx.base[c.i] in lx.ARMS
                and not c.lower_.endswith("ing")]  # fmt: skip
    return distinct_weapons(out)


def distinct_weapons(weapons: Iterable[Argument]) -> list[Argument]:
    """One weapon per phrase and per spelling ("Mortar" at the head of the sentence, "mortar" later)."""
    seen: dict[str, Argument] = {}
    for w in weapons:
        seen.setdefault(w.text.lower(), w)
    return list(seen.values())


def _using_words(anchor: Any) -> list[Any]:
    """"using/employing" clauses and "with" phrases of ``anchor``, one step down a chain of clauses
    ("strikes coordinated with … using X": "using" coordinated with the participle)."""
    found, todo = [], [(anchor, 0)]
    while todo:
        t, depth = todo.pop()
        for c in t.children:
            if (c.dep_ == "prep" and c.lower_ == "with") or (c.dep_ in _USING_DEPS and c.lower_ in _USING):
                found.append(c)
            elif c.dep_ in ("advcl", "acl", "conj") and c.pos_ == "VERB" and depth < 1:
                todo.append((c, depth + 1))
    return found


def in_weapon_list(ctx: DocContext, tok: Any) -> bool:
    """Whether ``tok`` is an item of the weapons a "using/with" phrase names ("using attack, bomber
    and fighter aircraft": "attack" is a kind of aircraft here, not an event)."""
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    user = first.head
    if first.dep_ not in ("dobj", "pobj") or not (user.lower_ in _USING or user.lower_ == "with"):
        return False
    return _names_weapon(ctx, [first, *list_items(first)])


def _names_weapon(ctx: DocContext, items: list[Any]) -> bool:
    return any(ctx.base[t.i] in lx.ARMS for t in items)


def _weapon(ctx: DocContext, tok: Any) -> Argument:
    """The weapon phrase headed by ``tok`` ("remotely piloted aircraft", "rocket artillery"), without
    who fired it or when ("US missile", "regime barrel bombs", "Saturday's rocket" are missiles, …)."""
    left = min([tok.i, *(c.left_edge.i for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod"))])
    while left < tok.i and (ctx.doc[left].pos_ in ("DET", "NUM", "PUNCT", "PROPN") or left in ctx.mention
                            or ctx.base[left] in _WIELDERS or ctx.doc[left].ent_type_):
        left += 1
    span = ctx.doc[left: tok.i + 1]
    return Argument(span.start_char, span.end_char, span.text, (), None, frozenset(ctx.base[left: tok.i + 1]))


def _verb_roles(ctx: DocContext, v: Any) -> tuple[list[Any], list[Any], list[Any]]:
    agents, patients, co = _clause(ctx, v)
    if _witnessed(ctx, v):  # "fighting that saw 120 soldiers killed": the soldiers are the victims
        agents, patients = [], patients + agents
    if not agents:  # "killed in a raid conducted by X": the raid's agent
        agents = [a for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "during") for n in _pobj(p)
                  for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for b in c.children if b.dep_ == "agent" for a in _pobj(b)]  # fmt: skip
    hop, cur = 0, v
    while not agents and cur.dep_ in ("xcomp", "conj", "advcl", "ccomp") and hop < 4:
        cur, hop = cur.head, hop + 1
        agents = _clause(ctx, cur)[0]
    if v.dep_ == "relcl":
        agents = [v.head if a.lower_ in _RELATIVE else a for a in agents]
        patients = [v.head if a.lower_ in _RELATIVE else a for a in patients]
    elif v.dep_ == "acl":  # "fighters killed by X": the victims; "X's capacity to attack Y": X's act
        owner = [] if agents else infinitive_owner(v)
        agents += owner
        if not owner:
            (patients if v.tag_ == "VBN" else agents).append(v.head)
    return agents, patients, co


def _witnessed(ctx: DocContext, v: Any) -> bool:
    """A bare participle under "see" or "leave" ("clashes that saw 30 fighters killed", "the blast left
    12 people wounded"): its subject is who it happened to (the parser often tags the participle VBD)."""
    if v.dep_ not in ("ccomp", "xcomp", "oprd") or v.tag_ not in ("VBN", "VBD") or v.head.lower_ not in _WITNESS_FORMS:
        return False
    return not any(c.dep_ in ("aux", "auxpass", "mark", "dobj") for c in v.children)


def _aimed_at(ctx: DocContext, tok: Any) -> list[Any]:
    """Named targets of the clause an act governs: the subject of "that …" or of a condition
    ("unless X …"), the object of "to …" (an xcomp) and what its with/to/against name (also when
    they hang from the object: "to cut ties with X"); one level down, named ones only."""
    found = []
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "acl", "advcl"):
            marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
            if c.dep_ != "advcl" or marks & _CONDITION_MARKS:
                found += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            if c.dep_ in ("xcomp", "acl"):
                objects = [g for g in c.children if g.dep_ == "dobj"]
                found += objects  # "… to cut ties with X": the prep may hang from the object
                found += [o for h in (c, *objects) for g in h.children if g.dep_ == "prep" and g.lower_ in _AIMED_PREPS
                          for o in _pobj(g)]  # fmt: skip
    return [g for g in found if g.i in ctx.mention]


def _clause(ctx: DocContext, v: Any) -> tuple[list[Any], list[Any], list[Any]]:
    agents, patients, co = [], [], []
    for c in v.children:
        d = c.dep_
        if d in ("nsubj", "csubj"):
            agents.append(c)
        elif d == "agent":
            agents.extend(_pobj(c))
        elif d in ("dobj", "dative", "nsubjpass"):
            patients.append(c)
        elif d == "prep" and c.lower_ in lx.RECIPIENT_PREPS:
            patients.extend(_pobj(c))
        elif d == "prep" and c.lower_ in lx.COACTOR_PREPS:
            co.extend(_pobj(c))
        elif d in ("xcomp", "advcl", "acl") and ctx.base[c.i] == "target":
            patients.extend(g for g in c.children if g.dep_ == "dobj")
    return agents, patients, co


def _noun_roles(ctx: DocContext, n: Any) -> tuple[list[Any], list[Any], list[Any]]:
    agents, patients, co = [], [], []
    for c in n.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and _is_actor_modifier(ctx, c)):
            agents.append(c)
        elif c.dep_ == "prep" and c.lower_ == "by":
            agents.extend(_pobj(c))
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "a raid conducted by X", "strikes carried out by X"
            agents.extend(g for a in c.children if a.dep_ == "agent" for g in _pobj(a))
        elif c.dep_ == "prep" and (c.lower_ in lx.RECIPIENT_PREPS or c.lower_ == "of"):
            patients.extend(_pobj(c))
        elif c.dep_ == "prep" and c.lower_ in lx.COACTOR_PREPS:
            co.extend(_pobj(c))
        elif c.dep_ in ("acl", "xcomp") and ctx.base[c.i] == "target":
            patients.extend(g for g in c.children if g.dep_ == "dobj")
    if agents or n.head is n:
        return agents, patients, co
    gov = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else n.head
    if n.dep_ == "pobj" and n.head.lower_ == "under" and ctx.base[n.i] in _UNDER_ATTACK and gov.pos_ in ("VERB", "AUX"):
        # "Y came under attack (fire) from X": Y is attacked, X attacks
        attackers = [g for h in (n, gov) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                     for g in _pobj(c)]  # fmt: skip
        return attackers, patients + [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")], co
    if n.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "conj") and gov.pos_ in ("VERB", "AUX"):
        a, p, c2 = _verb_roles(ctx, gov)
        victims = p if n.dep_ == "pobj" else []
        return a, patients + [x for x in victims if x is not n], co + c2
    if n.dep_ == "nsubj":
        return agents, patients + [c for c in n.head.children if c.dep_ in ("dobj", "nsubjpass")], co
    return agents, patients, co


def _is_actor_modifier(ctx: DocContext, tok: Any) -> bool:
    label = ctx.mention.get(tok.i)
    if label is not None:
        return label.label in _ACTOR_LABELS
    return tok.ent_type_ in ("NORP", "GPE", "ORG")


def _pobj(prep: Any) -> list[Any]:
    return [g for g in prep.children if g.dep_ == "pobj"]


def _arguments(ctx: DocContext, heads: list[Any]) -> list[Argument]:
    out: list[Argument] = []
    seen: set[int] = set()
    for h in heads:
        for tok in (h, *list_items(h)):
            if tok.i in seen or not _can_be_argument(ctx, tok):
                continue
            seen.add(tok.i)
            out.append(_argument(ctx, tok))
    return out


def _can_be_argument(ctx: DocContext, tok: Any) -> bool:
    m = ctx.mention.get(tok.i)
    if m is not None:
        return m.label is not MentionLabel.DATE
    if tok.pos_ in ("PRON", "DET", "NUM", "ADV") or tok.like_num:
        return False
    return ctx.base[tok.i] not in ctx.not_args and tok.lower_ not in ctx.not_args


def _argument(ctx: DocContext, tok: Any) -> Argument:
    doc = ctx.doc
    m = ctx.mention.get(tok.i) or _named_unit(ctx, tok)
    if m is not None:  # the mention wins over the parse's idea of the phrase
        return _from_mention(ctx, m, tok.i)
    left = right = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and not c.like_num:
            left = min(left, c.left_edge.i)
    while left < tok.i and doc[left].pos_ in ("DET", "NUM", "PUNCT"):
        left += 1
    if left == tok.i and _misread_name(ctx, tok.i - 1):  # "IS fighters" with "IS" read as the verb "is"
        left = tok.i - 1
    extra = _group_of(ctx, tok) if ctx.base[tok.i] in lx.GROUP_WORDS else []
    own = [i for i in range(left, right + 1) if not hyphen_modifier(doc, i)]  # "Iran-backed": Iran is the sponsor
    group = _ids(ctx, extra)
    ids = _ids(ctx, own) + group
    if group:  # "fighters of Kataib Hezbollah": the phrase runs to the group's name
        right = max(right, extra[-1])
    span = doc[left: right + 1]
    words = frozenset(ctx.base[i] for i in range(left, right + 1))
    place = None if ids else _modifying_place(ctx, left, tok.i)  # "US Special Operations", "Syrian territory"
    return Argument(span.start_char, span.end_char, span.text, tuple(dict.fromkeys(ids)), place, words)


def _misread_name(ctx: DocContext, i: int) -> bool:
    """Token ``i`` is a resolved actor's name the parser did not read as a noun ("IS" as "is"), so the
    noun after it lost its modifier ("IS fighters")."""
    m = ctx.mention.get(i) if i >= 0 else None
    return m is not None and m.label is MentionLabel.ACTOR and bool(m.entity) and misread_name(ctx.doc[i])


def _named_unit(ctx: DocContext, tok: Any) -> Mention | None:
    """"the city of Husaybah", "the village of Safina": the place the generic noun introduces."""
    if tok.lower_ not in NAMED_UNIT_HEADS:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for g in _pobj(prep):
                m = ctx.mention.get(g.i)
                if m is not None and m.label is MentionLabel.PLACE and m.entity:
                    return m
    return None


def _modifying_place(ctx: DocContext, left: int, head: int) -> str | None:
    """The resolved place named among the modifiers before the head (a country acting through its
    forces, or the place a noun is of); the caller decides which it is."""
    for i in range(left, head):
        m = ctx.mention.get(i)
        if m is not None and m.label is MentionLabel.PLACE and m.entity:
            return m.entity
    return None


def _from_mention(ctx: DocContext, m: Mention, i: int) -> Argument:
    ids = (m.entity,) if m.entity and m.label in _ACTOR_LABELS else ()
    place = m.entity if m.entity and m.label is MentionLabel.PLACE else None
    words = frozenset(w.lower() for w in m.text.split()) | {ctx.base[i]}
    return Argument(m.start, m.end, m.text, ids, place, words)


def _group_of(ctx: DocContext, tok: Any) -> list[int]:
    """Tokens of "of X" / "from X" / "loyal to X" after a group noun ("fighters of Kataib Hezbollah")."""
    out: list[int] = []
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "to"):
            out.extend(range(c.i, c.right_edge.i + 1))
        elif c.dep_ == "amod" and c.lower_ == "loyal":
            out.extend(range(c.i, c.right_edge.i + 1))
    return out


def _ids(ctx: DocContext, indices: Any) -> list[str]:
    out = []
    for i in indices:
        m = ctx.mention.get(i)
        if m is not None and m.entity and m.label in _ACTOR_LABELS:
            out.append(m.entity)
    return out


def _nearest(ctx: DocContext, tok: Any, sent: tuple[int, int]) -> tuple[list[Argument], list[Argument]]:
    before = after = None
    for i in range(sent[0], sent[1]):
        m = ctx.mention.get(i)
        if m is None or m.label not in _ACTOR_LABELS:
            continue
        if i < tok.i:
            before = (m, i)
        elif i > tok.i and after is None:
            after = (m, i)
    actors = [_from_mention(ctx, *before)] if before else []
    recipients = [_from_mention(ctx, *after)] if after and (not before or after[0] is not before[0]) else []
    return actors, recipients
