"""Resolution: every recognised span to an entity id with a score in 0–1.

Actors and people, in this order (first answer wins):

1. a name the document itself introduced ("Popular Mobilization Forces (PMF)") — 0.85;
2. the entity ruler's id, or the exact normalised key / acronym of a pack name — 1.0 / 0.95;
3. a demonym force ("Syrian fighters") → that state's forces entity — 0.8 (not when qualified:
   "Kurdish Syrian fighters", "rebel Syrian troops" stay unresolved);
4. a person's last name alone ("Muhandis", "General Votel") → the person named earlier in the
   document — 0.8 (0.6 when that one is provisional), or the one pack person with that last
   name — 0.7; the first words of a person named earlier ("Abu Jandal") → that person — 0.6;
5. a fuzzy match (Jaro–Winkler ≥ 0.93 on normalised keys) — 0.9 × similarity;
6. an unknown name shaped like an armed group ("… Brigade", "Kataib …") or, from spaCy's
   NER, like an organisation ("… Ministry", "… Squadron", "… Observatory") → a provisional
   entity ``prov:<slug>`` (``prov:<slug>:<document>`` when its words are all generic, as in
   "Interior Ministry") — 0.6; an unknown full name of a person (two or more capitalised
   name tokens once titles like "Lt. Gen." are set apart) → ``prov:person:<slug>`` — 0.6.
   The rules that judge those shapes are in :mod:`orbat.nlp.provisional`.

Short forms ("the brigade", "the militia") take the last compatible actor of the previous
three sentences — 0.5. Generic forces (:mod:`orbat.nlp.forces`): "the coalition",
"coalition aircraft" → the last coalition named before, else the first named after, else the
pack's one military coalition — 0.6 / 0.6 / 0.5; "government forces", "regime troops" → the
regular forces of the state the previous three sentences name last — 0.5; unresolved ones
are dropped. Collectives (:mod:`orbat.nlp.collectives`): "civilians", "Shia militiamen",
"Kurdish fighters" → the category's entity for the country the phrase names ("Syrian rebels"),
else the country of the town nearest it in its sentence, else the one the document names most
("Civilians (Syria)") — 0.7. A single word spaCy calls a place or organisation that is the last name of a
person named before it is that person ("Booker" after "Isiah L. Booker").

Fuzzy, surname, short-form and generic resolutions each leave an ``IdentityJudgement``
(positive or unsure) so a merge can be undone. Places go through the injected place resolver
(the gazetteer); every provisional and collective entity is returned in ``Resolved.entities``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from orbat.model import (
    Alias, Claim, Document, Entity, EntityKind, Evidence, IdentityJudgement, Mention, MentionLabel, is_warship_name,
    stable_id,
)  # fmt: skip
from orbat.nlp.aliases import AliasIndex, AliasLink, alias_claim, find_alias_links
from orbat.nlp.collectives import COUNTRY_MARK, collective_entity, with_collectives
from orbat.nlp.forces import COALITION, called_coalition, pick_coalition, recent_country, with_generic_forces
from orbat.nlp.normalise import acronym_key, is_acronym, name_key, name_tokens, token_key
from orbat.nlp.provisional import (
    TITLE_WORDS, is_generic_org_name, looks_like_person, organisation_kind, split_person_name,
)
from orbat.nlp.recognise import Candidate

__all__ = ["Resolved", "PlaceResolver", "resolve_candidates", "FUZZY_THRESHOLD", "looks_like_armed_group"]

PlaceResolver = Callable[[Sequence[str]], list[tuple[Entity | None, float]]]
FUZZY_THRESHOLD = 0.93
_SOURCE = "orbat.resolve/1"
_ACTOR_KINDS = frozenset(EntityKind) - {EntityKind.PERSON, EntityKind.PLACE}
_GROUP_HEAD = re.compile(r"^(?:kataib|katib|saraya|harakat|harakat|liwa|asaib|firqat|jaish|jabhat|ansar)$")
_GROUP_TAIL = frozenset({"brigade", "brigades", "forces", "front", "army", "battalion", "battalions", "division", "movement", "regiment"})
_SHORT_KINDS = {
    "brigade": frozenset({EntityKind.UNIT, EntityKind.ARMED_GROUP}),
    "battalion": frozenset({EntityKind.UNIT, EntityKind.ARMED_GROUP}),
    "division": frozenset({EntityKind.UNIT, EntityKind.ARMED_GROUP, EntityKind.STATE_FORCE}),
    "militia": frozenset({EntityKind.UNIT, EntityKind.ARMED_GROUP}),
    "movement": frozenset({EntityKind.ARMED_GROUP, EntityKind.PARTY}),
    "front": frozenset({EntityKind.ARMED_GROUP, EntityKind.COALITION}),
    "regime": frozenset({EntityKind.GOVERNMENT_BODY}),  # "the Asad regime … press the regime"
}
_SHORT_DEFAULT = frozenset({EntityKind.ARMED_GROUP, EntityKind.UNIT, EntityKind.ORGANISATION, EntityKind.PARTY})
_NEEDS_NAME = frozenset({"brigade", "battalion", "division", "movement", "front"})
# a word before "Syrian fighters" that makes them someone else than the state's forces
_QUALIFIED = re.compile(r"(?i)\b(?:kurdish|kurd|arab|sunni|shia|shiite|shi'ite|turkmen|yazidi|christian|druze|assyrian|"
                        r"tribal|rebel|opposition|islamist|jihadist|allied|pro-government|anti-government|"
                        r"free|moderate)\s+$")
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w.]*)\s+$")  # the word right before a span
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
_IN_COUNTRY = re.compile(r"\s+(?:in|from|of|across)\s+(?:the\s+)?")
_PLACE_RELABEL_SCORE = 0.8
_LINK_CONFIDENCE = {"parenthesis": 0.9, "called": 0.9, "dash": 0.75, "also-called": 0.65}
_COUNTRY_KINDS = frozenset({EntityKind.STATE, EntityKind.STATE_FORCE, EntityKind.GOVERNMENT_BODY})
_PROVISIONAL_SCORE = 0.6
_COLLECTIVE_SCORE = 0.7  # the category is read off the words; the country off the context
# Peoples and faiths spaCy may tag as a name: a gazetteer town so named ("Arab", Alabama) is not meant.
_PEOPLES = frozenset("""arab arabs kurd kurds kurdish yazidi yezidi turkmen druze alawite alawites sunni sunnis shia
                        shiite shiites christian christians assyrian assyrians chaldean armenian circassian bedouin
                        persian baluch""".split())


@dataclass(frozen=True, slots=True)
class Resolved:
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    judgements: tuple[IdentityJudgement, ...]


@dataclass(slots=True)
class _State:
    """What one document has established so far (lives for one call)."""

    doc: Document
    index: AliasIndex
    local: dict[str, str] = field(default_factory=dict)  # key or acronym -> entity id
    provisional: dict[str, Entity] = field(default_factory=dict)  # entity id -> provisional entity
    provisional_keys: dict[str, str] = field(default_factory=dict)  # name key -> provisional entity id
    person_names: dict[str, str] = field(default_factory=dict)  # key of a provisional person's first words -> id
    countries: list[tuple[int, str]] = field(default_factory=list)  # (end, ISO3) of mentions of state bodies
    later_coalitions: list[tuple[int, str]] = field(default_factory=list)  # (start, id) of coalitions the ruler named
    places: dict[str, Entity] = field(default_factory=dict)  # gazetteer places outside the pack, by id
    place_countries: list[tuple[int, str, bool]] = field(default_factory=list)  # (start, ISO3, a country?) of places
    actors: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, entity id) in order
    people: list[tuple[str, int, int, str | None]] = field(default_factory=list)  # (last key, start, end, id)
    ships: dict[str, str] = field(default_factory=dict)  # key of a warship's name without its prefix -> entity id
    claims: list[Claim] = field(default_factory=list)
    judgements: list[IdentityJudgement] = field(default_factory=list)


def resolve_candidates(
    doc: Document,
    candidates: Sequence[Candidate],
    *,
    index: AliasIndex,
    forces: Mapping[str, str],
    resolve_places: PlaceResolver,
) -> Resolved:
    """Resolve the recognised ``candidates`` of ``doc`` (sorted by start)."""
    text = doc.clean_text
    named = [c for c in candidates if c.source != "shortform"]
    actors = [(c.start, c.end) for c in named if c.label is MentionLabel.ACTOR]
    links = find_alias_links(text, [(c.start, c.end) for c in named], leading_anchors=actors)
    candidates = with_collectives(text, with_generic_forces(text, _with_alias_spans(candidates, links)))
    candidates, place_results = _resolve_places(text, candidates, index, resolve_places)
    by_anchor: dict[tuple[int, int], list[AliasLink]] = {}
    for link in links:
        by_anchor.setdefault(link.anchor, []).append(link)
    state = _State(doc, index)
    state.place_countries = sorted((span[0], p.country, p.feature == "country" or p.kind is EntityKind.STATE)
                                   for span, (p, _) in place_results.items() if p and p.country)  # fmt: skip
    state.later_coalitions = [(c.start, c.hint) for c in candidates if c.hint in index.entities
                              and index.entities[c.hint].kind is EntityKind.COALITION
                              and called_coalition(index.entities[c.hint])]
    mentions: list[Mention] = []
    for c in candidates:
        if c.label is MentionLabel.OTHER:
            continue
        if c.label is MentionLabel.PLACE:
            place, score = place_results.get((c.start, c.end), (None, 0.0))
            entity_id, method = (place.id if place else None), "gazetteer"
            if place is not None and place.id not in index.entities:  # a GeoNames place: the store needs its row
                state.places[place.id] = place
        elif c.source == "collective":
            entity_id, score, method = _collective(state, c), _COLLECTIVE_SCORE, "collective"
        elif c.source in ("shortform", "generic"):
            entity_id, score, method = (_short_form(state, c) if c.source == "shortform"
                                        else _generic_force(state, c, forces))
            if entity_id is None:
                continue
        elif (ship := state.ships.get(name_key(text[c.start : c.end]))) is not None:
            c, entity_id, score, method = replace(c, label=MentionLabel.ACTOR), ship, _SHIP_NAME_SCORE, "shortform"
        else:
            c = _organisation_not_person(text, _person_by_surname(state, c))
            entity_id, score, method = _resolve_name(state, c, index, forces)
            _note_ship(state, text[c.start : c.end], entity_id)
        if c.label is MentionLabel.ACTOR and entity_id:
            state.actors.append((c.start, c.end, entity_id))
        if entity_id:
            _note_country(state, c.end, entity_id)
        if c.label is MentionLabel.PERSON:
            state.people.append((_last_key(text[c.start : c.end]), c.start, c.end, entity_id))
        for link in by_anchor.get((c.start, c.end), ()):
            _register_alias(state, link, entity_id)
        mentions.append(_mention(doc, c, entity_id, score, method))
    entities = (*state.places.values(), *state.provisional.values())
    return Resolved(tuple(mentions), entities, tuple(state.claims), tuple(state.judgements))


def _resolve_places(
    text: str, candidates: list[Candidate], index: AliasIndex, resolve_places: PlaceResolver
) -> tuple[list[Candidate], dict[tuple[int, int], tuple[Entity | None, float]]]:
    """Resolve PLACE spans in one call (the resolver uses the whole document as context).

    Names spaCy calls PERSON or ORG that no pack name explains ("Palmyra", "Al Bukamal", "Ayn
    Issa") are asked too, and become PLACE when the gazetteer is confident about them. A single
    word spaCy calls anything that is the last name of a person named before it becomes PERSON
    and is not asked.
    """
    candidates, surnames = _surnames_as_people(text, candidates, index)
    maybe = [c for c in candidates if c.source == "spacy" and c.label is not MentionLabel.PLACE
             and (c.start, c.end) not in surnames and _place_shaped(text, c, index)]
    asked = [c for c in candidates if c.label is MentionLabel.PLACE] + maybe
    results = dict(zip(((c.start, c.end) for c in asked), resolve_places([text[c.start : c.end] for c in asked])))
    relabel = {(c.start, c.end) for c in maybe if _confident_place(text[c.start : c.end], *results[(c.start, c.end)])}
    out = [replace(c, label=MentionLabel.PLACE) if (c.start, c.end) in relabel else c for c in candidates]
    return out, results


def _surnames_as_people(
    text: str, candidates: list[Candidate], index: AliasIndex
) -> tuple[list[Candidate], set[tuple[int, int]]]:
    """"Booker" after "Isiah L. Booker": spaCy's one word is that person (PERSON, no place to ask about)."""
    first: dict[str, int] = {}  # last name of a person -> where the person is first named
    out, spans = [], set()
    for c in candidates:
        surface = text[c.start : c.end]
        if c.label is MentionLabel.PERSON and " " in surface:
            first.setdefault(_last_key(surface), c.start)
        elif (first and c.source == "spacy" and " " not in surface
              and first.get(token_key(surface), c.start) < c.start and not index.exact(surface)):
            c = replace(c, label=MentionLabel.PERSON)
            spans.add((c.start, c.end))
        out.append(c)
    return out, spans


def _confident_place(surface: str, place: Entity | None, score: float) -> bool:
    if place is None:
        return False
    if score >= _PLACE_RELABEL_SCORE:
        return True
    key = name_key(surface)
    return score >= 0.5 and any(name_key(n) == key for n in (place.name, *(a.name for a in place.aliases)))


def _place_shaped(text: str, c: Candidate, index: AliasIndex) -> bool:
    """One word, or an article and one word, that names no pack actor or person; or an unknown
    person's name ("Ayn Issa" is a town)."""
    surface = text[c.start : c.end]
    words = [w for w in name_tokens(surface) if token_key(w)]
    before = _PREVIOUS_WORD.search(text, max(0, c.start - 40), c.start)
    if c.label is MentionLabel.PERSON and before and before.group(1).lower() in TITLE_WORDS:
        return False  # "Secretary Kerry", "General Townsend": a titled person, not County Kerry
    if c.label is MentionLabel.PERSON and len(words) >= 2:
        return len(words) <= 4 and not index.exact(surface)
    return (len(words) == 1 and token_key(words[0]) not in _PEOPLES and not index.exact(surface)
            and not looks_like_armed_group(surface))


def _with_alias_spans(candidates: Sequence[Candidate], links: list[AliasLink]) -> list[Candidate]:
    """Alias spans no recogniser found become candidates of their anchor's label."""
    out = list(candidates)
    labels = {(c.start, c.end): c.label for c in candidates}
    for link in links:
        s, e = link.alias
        if not any(c.start < e and s < c.end for c in out) and link.anchor in labels:
            out.append(Candidate(s, e, labels[link.anchor], "alias"))
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _mention(doc: Document, c: Candidate, entity_id: str | None, score: float, method: str) -> Mention:
    source = c.source if c.source in ("shortform", "alias", "demonym") or method in ("exact", "ruler") else method
    segment = doc.segment_at(c.start)
    if segment is not None and not doc.is_body(c.start, c.end):
        source = f"{source}:{segment.kind.value}"
    return Mention(doc.id, c.start, c.end, doc.clean_text[c.start : c.end], c.label, entity_id, round(score, 3), source)


def _resolve_name(
    state: _State, c: Candidate, index: AliasIndex, forces: Mapping[str, str]
) -> tuple[str | None, float, str]:
    surface = state.doc.clean_text[c.start : c.end]
    local = state.local.get(acronym_key(surface) if is_acronym(surface) else name_key(surface))
    ruler = c.hint if c.hint and c.hint in index.entities else None
    if ruler and local in (None, ruler):
        return ruler, 1.0, "ruler"
    if local:
        return local, 0.85, "alias"
    kinds = _ACTOR_KINDS if c.label is MentionLabel.ACTOR else frozenset({EntityKind.PERSON})
    ids = [i for i in index.exact(surface) if index.entities[i].kind in kinds]
    if not ids and c.label is MentionLabel.PERSON:  # "President Bashar al-Assad"
        name = split_person_name(surface).name
        ids = [i for i in index.exact(name) if index.entities[i].kind in kinds] if name and name != surface else []
    if ids:
        if len(ids) > 1:
            _judge(state, c, ids[0], "unsure", "ambiguous-name")
        return ids[0], (0.95 if len(ids) == 1 else 0.5), "exact"
    if c.hint and c.hint.startswith("demonym:") and c.hint[8:] in forces:
        if _QUALIFIED.search(state.doc.clean_text, max(0, c.start - 24), c.start):
            return None, 0.0, "unresolved"  # "Kurdish Syrian fighters", "rebel Syrian troops": not the state's
        return forces[c.hint[8:]], 0.8, "demonym"
    if c.source == "demonym":
        return None, 0.0, "unresolved"
    if c.label is MentionLabel.PERSON:
        return _person(state, c, surface, index)
    return _fuzzy_or_provisional(state, c, surface, index, kinds)


_SHIP_NAME_SCORE = 0.6


def _note_ship(state: _State, surface: str, entity_id: str | None) -> None:
    """"FS Forbin": later in the document, "Forbin" alone is the same ship."""
    if entity_id and is_warship_name(surface):
        state.ships.setdefault(name_key(surface.partition(" ")[2]), entity_id)


def _person_by_surname(state: _State, c: Candidate) -> Candidate:
    """An ORG-labelled single word, title words aside, that is the last name of a person named earlier is
    that person ("General Townsend")."""
    if c.label is not MentionLabel.ACTOR or c.source != "spacy":
        return c
    name = split_person_name(state.doc.clean_text[c.start : c.end]).name
    words = [t for t in name_tokens(name) if token_key(t)]
    if len(words) == 1 and any(key == token_key(words[0]) for key, *_ in state.people):
        return replace(c, label=MentionLabel.PERSON)
    return c


def _organisation_not_person(text: str, c: Candidate) -> Candidate:
    """spaCy's PERSON "Jaish al-Ta'ifa al-Mansurah" or "Saray al-Jihad Group" is an organisation."""
    if c.label is not MentionLabel.PERSON or c.source != "spacy":
        return c
    surface = text[c.start : c.end]
    if looks_like_armed_group(surface) or organisation_kind(surface) is not None:
        return replace(c, label=MentionLabel.ACTOR)
    return c


def _person(state: _State, c: Candidate, surface: str, index: AliasIndex) -> tuple[str | None, float, str]:
    name = split_person_name(surface).name
    tokens = [t for t in name_tokens(name) if token_key(t)]
    last = token_key(tokens[-1]) if tokens else ""
    if len(tokens) == 1 and len(last) >= 4:
        for key, s, e, entity_id in reversed(state.people):
            if key == last:
                right = entity_id or f"mention:{state.doc.id}:{s}-{e}"
                _judge(state, c, right, "positive", "surname")
                score = 0.0 if not entity_id else _PROVISIONAL_SCORE if entity_id in state.provisional else 0.8
                return entity_id, score, "surname"
        pack = [i for i in index.surname(name) if index.entities[i].kind is EntityKind.PERSON]
        if len(pack) == 1:
            _judge(state, c, pack[0], "unsure", "surname")
            return pack[0], 0.7, "surname"
    known = state.person_names.get(name_key(name)) if len(tokens) >= 2 else None
    if known is not None:  # "Abu Jandal" after "Abu Jandal al-Kuwaiti"
        _judge(state, c, known, "positive", "first-names")
        return known, _PROVISIONAL_SCORE, "first-names"
    found = _fuzzy(state, c, surface, index, frozenset({EntityKind.PERSON}))
    if found[0] is None and looks_like_person(name):
        return _provisional_person(state, c, surface).id, _PROVISIONAL_SCORE, "provisional"
    return found


def _last_key(surface: str) -> str:
    tokens = [t for t in name_tokens(surface) if token_key(t)]
    return token_key(tokens[-1]) if tokens else ""


def _fuzzy_or_provisional(
    state: _State, c: Candidate, surface: str, index: AliasIndex, kinds: frozenset[EntityKind]
) -> tuple[str | None, float, str]:
    found = _fuzzy(state, c, surface, index, kinds)
    if found[0] is not None or c.label is not MentionLabel.ACTOR:
        return found
    if looks_like_armed_group(surface):
        return _provisional(state, c, surface).id, _PROVISIONAL_SCORE, "provisional"
    kind = organisation_kind(surface) if c.source == "spacy" else None
    if kind is not None:
        return _provisional(state, c, surface, kind).id, _PROVISIONAL_SCORE, "provisional"
    return None, 0.0, "unresolved"


def _fuzzy(
    state: _State, c: Candidate, surface: str, index: AliasIndex, kinds: frozenset[EntityKind]
) -> tuple[str | None, float, str]:
    best = index.fuzzy(surface, threshold=FUZZY_THRESHOLD)
    if best is not None and index.entities[best[0]].kind in kinds:
        _judge(state, c, best[0], "positive" if best[1] >= 0.97 else "unsure", "fuzzy")
        return best[0], 0.9 * best[1], "fuzzy"
    return None, 0.0, "unresolved"


def looks_like_armed_group(name: str) -> bool:
    """"… Brigade(s)", "Kataib …", "Saraya …", "Harakat …", "Liwa …", "… Forces", "… Front", "… Army"…"""
    words = name.split()
    tokens = name_tokens(name)
    if len(tokens) < 2 or not all(w[0].isupper() or w[:3].lower() in ("al-", "el-") or w.islower() and len(w) <= 3 for w in words):
        return False
    return bool(_GROUP_HEAD.match(token_key(tokens[0]))) or tokens[-1] in _GROUP_TAIL


def _provisional(state: _State, c: Candidate, surface: str, kind: EntityKind | None = None) -> Entity:
    key = name_key(surface)
    if key in state.provisional_keys:
        return state.provisional[state.provisional_keys[key]]
    name = surface[4:] if surface.lower().startswith("the ") else surface
    tokens = name_tokens(name)
    slug = "-".join(t for t in tokens if t not in ("al", "el"))
    if kind is None:
        unit = tokens[-1] in ("brigade", "battalion", "division", "regiment")
        kind = EntityKind.UNIT if unit else EntityKind.ARMED_GROUP
    scope = f":{state.doc.id[:12]}" if is_generic_org_name(name) else ""  # "Interior Ministry": whose, elsewhere?
    entity = Entity(id=f"prov:{slug}{scope}", kind=kind, name=name, provisional=True,
                    source=f"document:{state.doc.id}:{c.start}-{c.end}")
    return _keep_provisional(state, key, entity)


def _provisional_person(state: _State, c: Candidate, surface: str) -> Entity:
    """A person the pack does not know, named by the words after any title."""
    person = split_person_name(surface)
    key = "person:" + name_key(person.name)
    if key in state.provisional_keys:
        return state.provisional[state.provisional_keys[key]]
    start = c.start + person.offset
    entity = _keep_provisional(state, key, Entity(
        id="prov:person:" + "-".join(name_tokens(person.name)), kind=EntityKind.PERSON, name=person.name,
        provisional=True, source=f"document:{state.doc.id}:{start}-{c.end}",
        description=f"Titled {person.title} in the document." if person.title else None))
    words = person.name.split()
    for n in range(2, len(words)):  # "Abu Jandal" of "Abu Jandal al-Kuwaiti"
        state.person_names.setdefault(name_key(" ".join(words[:n])), entity.id)
    return entity


def _short_form(state: _State, c: Candidate) -> tuple[str | None, float, str]:
    noun = c.hint or ""
    kinds = _SHORT_KINDS.get(noun, _SHORT_DEFAULT)
    text = state.doc.clean_text
    for start, end, entity_id in reversed(state.actors):
        if len(_SENTENCE_END.findall(text, end, c.start)) > 3:
            break
        entity = _entity(state, entity_id)
        if entity is None or entity.kind not in kinds:
            continue
        if noun in _NEEDS_NAME and noun not in text[start:end].lower() and noun not in entity.name.lower():
            continue
        _judge(state, c, entity_id, "unsure", "short-form")
        return entity_id, 0.5, "shortform"
    return None, 0.0, "shortform"


def _keep_provisional(state: _State, key: str, entity: Entity) -> Entity:
    """The document's provisional entity with ``entity``'s id (the first one made), now also under ``key``."""
    kept = state.provisional.setdefault(entity.id, entity)
    state.provisional_keys[key] = kept.id
    return kept


def _entity(state: _State, entity_id: str) -> Entity | None:
    return state.provisional.get(entity_id) or state.index.entities.get(entity_id) or state.places.get(entity_id)


def _generic_force(state: _State, c: Candidate, forces: Mapping[str, str]) -> tuple[str | None, float, str]:
    """"the coalition" / "coalition aircraft" / "government forces" → an entity from the context, or None."""
    text = state.doc.clean_text
    if c.hint == COALITION:
        earlier = ((end, e) for _, end, i in reversed(state.actors) if (e := _entity(state, i)) is not None)
        entity_id, score = pick_coalition(text, c.start, earlier, state.later_coalitions,
                                          state.index.entities.values(), day=state.doc.published,
                                          active=state.index.active)  # fmt: skip
    else:
        country = recent_country(text, c.start, state.countries)
        entity_id, score = (forces.get(country), 0.5) if country else (None, 0.0)
    if entity_id is None:
        return None, 0.0, "generic"
    _judge(state, c, entity_id, "unsure", "generic-force")
    return entity_id, score, "generic"


def _collective(state: _State, c: Candidate) -> str:
    """The category's entity for the country the phrase names ("Syrian rebels"), else the country of
    the town or province nearest it in its sentence (where the civilians were), else the country the
    document names most (states and places). Not the state named last: that is often a sponsor
    ("Iran-backed", "advised by the United States")."""
    key, _, country = (c.hint or "").partition(COUNTRY_MARK)
    if not country:
        named = Counter(iso for _, iso in state.countries) + Counter(iso for _, iso, _ in state.place_countries)
        country = _place_country_near(state, c) or (named.most_common(1)[0][0] if named else "")
    named_state = state.index.states.get(country)
    entity = collective_entity(key, country or None, named_state.name if named_state else None)
    return state.provisional.setdefault(entity.id, entity).id


def _place_country_near(state: _State, c: Candidate) -> str | None:
    """A country named right after the phrase ("Shiite militias in Iraq"), else the country of the
    town or province nearest it in its sentence (a country further off may be a sponsor's)."""
    text = state.doc.clean_text
    for start, iso, _ in state.place_countries:
        if start > c.end and _IN_COUNTRY.fullmatch(text, c.end, start):
            return iso
    same = [(abs(start - c.start), iso) for start, iso, whole_country in state.place_countries
            if not whole_country and not _SENTENCE_END.search(text, min(start, c.end), max(start, c.start))]
    return min(same)[1] if same else None


def _note_country(state: _State, end: int, entity_id: str) -> None:
    entity = _entity(state, entity_id)
    if entity is not None and entity.country and (entity.kind in _COUNTRY_KINDS or entity.feature == "country"):
        state.countries.append((end, entity.country))


def _register_alias(state: _State, link: AliasLink, entity_id: str | None) -> None:
    """Later mentions of the alias resolve to ``entity_id``; the link becomes an alias_of claim."""
    if entity_id is None:
        return
    alias = state.doc.clean_text[link.alias[0] : link.alias[1]]
    state.local[acronym_key(alias) if is_acronym(alias) else name_key(alias)] = entity_id
    state.claims.append(alias_claim(state.doc, link, entity_id, confidence=_LINK_CONFIDENCE[link.cue]))
    provisional = state.provisional.get(entity_id)
    if provisional is not None and alias not in (a.name for a in provisional.aliases):
        source = f"document:{state.doc.id}:{link.alias[0]}-{link.alias[1]}"
        state.provisional[entity_id] = replace(provisional, aliases=(*provisional.aliases, Alias(alias, source)))


def _judge(state: _State, c: Candidate, right: str, verdict: str, how: str) -> None:
    doc = state.doc
    left = f"mention:{doc.id}:{c.start}-{c.end}"
    quote = doc.clean_text[c.start : c.end]
    state.judgements.append(
        IdentityJudgement(
            id="j" + stable_id(left, right, how),
            left=left,
            right=right,
            verdict=verdict,
            evidence=(Evidence(doc.id, c.start, c.end, quote),),
            source=f"{_SOURCE}:{how}",
        )
    )
