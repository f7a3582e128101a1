"""Resolution: every recognised span to an entity id with a score in 0–1.

Actors and people, in this order (first answer wins):

1. a name the document itself introduced ("Popular Mobilization Forces (PMF)") — 0.85;
2. the entity ruler's id, or the exact normalised key / acronym of a pack name — 1.0 / 0.95;
3. a demonym force ("Syrian fighters") → that state's forces entity — 0.8;
4. a person's last name alone ("Muhandis") → the person named earlier in the document — 0.8,
   or the one pack person with that last name — 0.7;
5. a fuzzy match (Jaro–Winkler ≥ 0.93 on normalised keys) — 0.9 × similarity;
6. an unknown name shaped like an armed group ("… Brigade", "Kataib …") → a provisional
   entity ``prov:<slug>`` — 0.6.

Short forms ("the brigade", "the militia") take the last compatible actor of the previous
three sentences — 0.5. Fuzzy, surname and short-form resolutions each leave an
``IdentityJudgement`` (positive or unsure) so a merge can be undone. Places go through the
injected place resolver (the gazetteer).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from orbat.model import Alias, Claim, Document, Entity, EntityKind, Evidence, IdentityJudgement, Mention, MentionLabel, stable_id
from orbat.nlp.aliases import AliasIndex, AliasLink, alias_claim, find_alias_links
from orbat.nlp.normalise import acronym_key, is_acronym, name_key, name_tokens, token_key
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
}
_SHORT_DEFAULT = frozenset({EntityKind.ARMED_GROUP, EntityKind.UNIT, EntityKind.ORGANISATION, EntityKind.PARTY})
_NEEDS_NAME = frozenset({"brigade", "battalion", "division", "movement", "front"})
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
_PLACE_RELABEL_SCORE = 0.8
_LINK_CONFIDENCE = {"parenthesis": 0.9, "called": 0.9, "dash": 0.75, "also-called": 0.65}


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
    provisional: dict[str, Entity] = field(default_factory=dict)
    places: dict[str, Entity] = field(default_factory=dict)  # gazetteer places outside the pack, by id
    actors: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, entity id) in order
    people: list[tuple[str, int, int, str | None]] = field(default_factory=list)  # (last key, start, end, id)
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
    candidates = _with_alias_spans(candidates, links)
    candidates, place_results = _resolve_places(text, candidates, index, resolve_places)
    by_anchor: dict[tuple[int, int], list[AliasLink]] = {}
    for link in links:
        by_anchor.setdefault(link.anchor, []).append(link)
    state = _State(doc, index)
    mentions: list[Mention] = []
    for c in candidates:
        if c.label is MentionLabel.OTHER:
            continue
        if c.label is MentionLabel.PLACE:
            place, score = place_results.get((c.start, c.end), (None, 0.0))
            entity_id, method = (place.id if place else None), "gazetteer"
            if place is not None and place.id not in index.entities:  # a GeoNames place: the store needs its row
                state.places[place.id] = place
        elif c.source == "shortform":
            entity_id, score, method = _short_form(state, c)
            if entity_id is None:
                continue
        else:
            c = _person_by_surname(state, c)
            entity_id, score, method = _resolve_name(state, c, index, forces)
        if c.label is MentionLabel.ACTOR and entity_id:
            state.actors.append((c.start, c.end, entity_id))
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

    Names spaCy calls PERSON or ORG that no pack name explains ("Palmyra", "Al Bukamal") are
    asked too, and become PLACE when the gazetteer is confident about them.
    """
    maybe = [c for c in candidates if c.source == "spacy" and c.label is not MentionLabel.PLACE and _place_shaped(text, c, index)]
    asked = [c for c in candidates if c.label is MentionLabel.PLACE] + maybe
    results = dict(zip(((c.start, c.end) for c in asked), resolve_places([text[c.start : c.end] for c in asked])))
    relabel = {(c.start, c.end) for c in maybe if _confident_place(text[c.start : c.end], *results[(c.start, c.end)])}
    out = [replace(c, label=MentionLabel.PLACE) if (c.start, c.end) in relabel else c for c in candidates]
    return out, results


def _confident_place(surface: str, place: Entity | None, score: float) -> bool:
    if place is None:
        return False
    if score >= _PLACE_RELABEL_SCORE:
        return True
    key = name_key(surface)
    return score >= 0.5 and any(name_key(n) == key for n in (place.name, *(a.name for a in place.aliases)))


def _place_shaped(text: str, c: Candidate, index: AliasIndex) -> bool:
    """One word, or an article and one word, that names no pack actor or person."""
    surface = text[c.start : c.end]
    words = [w for w in name_tokens(surface) if token_key(w)]
    return len(words) == 1 and not index.exact(surface) and not looks_like_armed_group(surface)


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
    if ids:
        if len(ids) > 1:
            _judge(state, c, ids[0], "unsure", "ambiguous-name")
        return ids[0], (0.95 if len(ids) == 1 else 0.5), "exact"
    if c.hint and c.hint.startswith("demonym:") and c.hint[8:] in forces:
        return forces[c.hint[8:]], 0.8, "demonym"
    if c.source == "demonym":
        return None, 0.0, "unresolved"
    if c.label is MentionLabel.PERSON:
        return _person(state, c, surface, index)
    return _fuzzy_or_provisional(state, c, surface, index, kinds)


def _person_by_surname(state: _State, c: Candidate) -> Candidate:
    """An ORG-labelled single word that is the last name of a person named earlier is that person."""
    if c.label is not MentionLabel.ACTOR or c.source != "spacy":
        return c
    words = [t for t in name_tokens(state.doc.clean_text[c.start : c.end]) if token_key(t)]
    if len(words) == 1 and any(key == token_key(words[0]) for key, *_ in state.people):
        return replace(c, label=MentionLabel.PERSON)
    return c


def _person(state: _State, c: Candidate, surface: str, index: AliasIndex) -> tuple[str | None, float, str]:
    tokens = [t for t in name_tokens(surface) if token_key(t)]
    last = _last_key(surface)
    if len(tokens) == 1 and len(last) >= 4:
        for key, s, e, entity_id in reversed(state.people):
            if key == last:
                right = entity_id or f"mention:{state.doc.id}:{s}-{e}"
                _judge(state, c, right, "positive", "surname")
                return entity_id, (0.8 if entity_id else 0.0), "surname"
        pack = [i for i in index.surname(surface) if index.entities[i].kind is EntityKind.PERSON]
        if len(pack) == 1:
            _judge(state, c, pack[0], "unsure", "surname")
            return pack[0], 0.7, "surname"
    return _fuzzy_or_provisional(state, c, surface, index, frozenset({EntityKind.PERSON}))


def _last_key(surface: str) -> str:
    tokens = [t for t in name_tokens(surface) if token_key(t)]
    return token_key(tokens[-1]) if tokens else ""


def _fuzzy_or_provisional(
    state: _State, c: Candidate, surface: str, index: AliasIndex, kinds: frozenset[EntityKind]
) -> tuple[str | None, float, str]:
    best = index.fuzzy(surface, threshold=FUZZY_THRESHOLD)
    if best is not None and index.entities[best[0]].kind in kinds:
        _judge(state, c, best[0], "positive" if best[1] >= 0.97 else "unsure", "fuzzy")
        return best[0], 0.9 * best[1], "fuzzy"
    if c.label is MentionLabel.ACTOR and looks_like_armed_group(surface):
        return _provisional(state, c, surface).id, 0.6, "provisional"
    return None, 0.0, "unresolved"


def looks_like_armed_group(name: str) -> bool:
    """"… Brigade(s)", "Kataib …", "Saraya …", "Harakat …", "Liwa …", "… Forces", "… Front", "… Army"…"""
    words = name.split()
    tokens = name_tokens(name)
    if len(tokens) < 2 or not all(w[0].isupper() or w[:3].lower() in ("al-", "el-") or w.islower() and len(w) <= 3 for w in words):
        return False
    return bool(_GROUP_HEAD.match(token_key(tokens[0]))) or tokens[-1] in _GROUP_TAIL


def _provisional(state: _State, c: Candidate, surface: str) -> Entity:
    key = name_key(surface)
    if key in state.provisional:
        return state.provisional[key]
    name = surface[4:] if surface.lower().startswith("the ") else surface
    slug = "-".join(t for t in name_tokens(name) if t not in ("al", "el"))
    kind = EntityKind.UNIT if name_tokens(name)[-1] in ("brigade", "battalion", "division", "regiment") else EntityKind.ARMED_GROUP
    entity = Entity(
        id=f"prov:{slug}",
        kind=kind,
        name=name,
        provisional=True,
        source=f"document:{state.doc.id}:{c.start}-{c.end}",
    )
    state.provisional[key] = entity
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


def _entity(state: _State, entity_id: str) -> Entity | None:
    for e in state.provisional.values():
        if e.id == entity_id:
            return e
    return state.index.entities.get(entity_id)


def _register_alias(state: _State, link: AliasLink, entity_id: str | None) -> None:
    """Later mentions of the alias resolve to ``entity_id``; the link becomes an alias_of claim."""
    if entity_id is None:
        return
    alias = state.doc.clean_text[link.alias[0] : link.alias[1]]
    state.local[acronym_key(alias) if is_acronym(alias) else name_key(alias)] = entity_id
    state.claims.append(alias_claim(state.doc, link, entity_id, confidence=_LINK_CONFIDENCE[link.cue]))
    provisional = next((e for e in state.provisional.values() if e.id == entity_id), None)
    if provisional is not None and alias not in (a.name for a in provisional.aliases):
        source = f"document:{state.doc.id}:{link.alias[0]}-{link.alias[1]}"
        key = name_key(provisional.name)
        state.provisional[key] = replace(provisional, aliases=(*provisional.aliases, Alias(alias, source)))


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
