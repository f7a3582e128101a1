"""Recognition: spans of the clean text that name actors, people, places and dates.

spaCy's statistical NER runs after an ``entity_ruler`` written from the theatre pack, so
pack names win ("Kataib Hezbollah" is an ACTOR, "Tarfawi" a PLACE, whatever the model
thinks). spaCy labels are then mapped:

- ORG → ACTOR; PERSON → PERSON; GPE, LOC, FAC → PLACE; DATE, TIME → date candidates;
  NORP → ACTOR only when the name itself is a pack actor ("Peshmerga"), else dropped.
- A country name is an ACTOR when it acts, a PLACE otherwise. Simple, documented rules:
  followed by "-backed", "-led", "-supported", … or by a reporting/auxiliary verb
  ("Iran says", "Syria has sent") and not preceded by a locative preposition → ACTOR.
- A demonym before a force noun ("Syrian fighters", "Turkish forces") is one ACTOR span,
  tied to the state's forces entity when the pack has one (see ``resolve``).
- A kunya spaCy's model misses ("Abu Ghadiya", "Umm Sayyaf") is a PERSON candidate (resolution asks
  the gazetteer about it, so "Abu Ghraib" stays a place).
- A warship ("USS Hopper", "FS Forbin") is an ACTOR (a unit of its navy) whatever spaCy calls it;
  ``resolve`` makes its bare name later in the document ("Forbin") the same ship.
- Spans lose a leading "the" and a trailing possessive, and an ORG drawn around its people ("the
  Men and Women of the 407th AEG") the words before "of the".
- Short forms ("the brigade", "the militia", …) are proposed here and kept only when
  ``resolve`` finds an antecedent for them.

Captions, credits, pull quotes and boilerplate: mentions there are kept with their score and
``source`` suffixed ``:<segment kind>`` (e.g. ``ruler:caption``); the span itself, through
``Document.is_body``, remains the authority later stages use to tell body text from the rest.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from orbat.model import Document, Entity, EntityKind, MentionLabel, is_warship_name
from orbat.nlp.aliases import AliasIndex
from orbat.nlp.normalise import is_acronym, spelling_variants

__all__ = ["Candidate", "add_entity_ruler", "ruler_patterns", "recognise_spans", "DEMONYMS", "RULER_NAME"]

RULER_NAME = "orbat_entity_ruler"
_DEMONYM_AND_NAME = frozenset({"us", "u.s."})  # demonyms that are also the country's name
DEMONYMS: Mapping[str, str] = {
    "syrian": "SYR", "iraqi": "IRQ", "iranian": "IRN", "turkish": "TUR", "american": "USA", "us": "USA",
    "u.s.": "USA", "russian": "RUS", "israeli": "ISR", "jordanian": "JOR", "lebanese": "LBN",
    "british": "GBR", "french": "FRA", "saudi": "SAU",
}  # fmt: skip
FORCE_NOUNS = ("forces", "troops", "soldiers", "army", "military", "fighters", "force", "units", "servicemen")
MILITIA_NOUNS = ("militias", "militiamen", "militia", "militants", "rebels", "insurgents", "tribesmen")
_KIND_LABEL = {EntityKind.PERSON: "PERSON", EntityKind.PLACE: "PLACE", EntityKind.STATE: "PLACE"}
_SPACY_LABEL = {"ORG": "ACTOR", "PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "NORP"}
_ACTING_AFTER = frozenset(
    "backed led supported aligned allied linked affiliated sponsored funded controlled designated trained armed".split()
)
_ACTING_VERBS = frozenset(
    """says said say has have had is was will would could may might must should can accused accuses denied
    denies announced announces launched launches sent sends warned warns backs supports supported wants
    wanted remains rejected rejects condemned condemns claimed claims deployed deploys struck strikes
    attacked attacks threatened threatens urged urges agreed agrees refused refuses insists insisted""".split()
)
_LOCATIVE = frozenset("in into inside from to across near at throughout towards toward within of via".split())
_DEMONYM_SHAPE = re.compile(r"(?:ians?|ish|ese|ans?|is?|s)$", re.IGNORECASE)
_SHORT_FORM = re.compile(
    r"\b[Tt]he (?:same |latter |aforementioned )?(brigade|group|militia|movement|organi[sz]ation|faction|battalion|division|front|regime)\b(?!['’]s? \w+ (?:of|in))"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    label: MentionLabel
    source: str  # ruler, spacy, demonym, shortform
    hint: str | None = None  # the ruler's entity id, "demonym:<ISO3>", or the short-form noun


def ruler_patterns(entities: Iterable[Entity], index: AliasIndex, nlp: Language) -> list[dict[str, object]]:
    """Entity-ruler patterns for every English name and alias of ``entities``, plus demonym forces."""
    patterns: list[dict[str, object]] = []
    seen: set[tuple[str, str, str]] = set()  # spellings of two aliases often meet ("al-Hashd al-Shaabi", "Al-Hashd …")
    for e in entities:
        label = _KIND_LABEL.get(e.kind, "ACTOR")
        for name in dict.fromkeys([e.name, *(a.name for a in e.aliases if a.lang == "en")]):
            ids = index.exact(name)
            pid = {"id": ids[0]} if len(ids) == 1 else {}
            for p in _name_patterns(name, nlp):
                key = (label, pid.get("id", ""), p if isinstance(p, str) else repr(p))
                if key not in seen:
                    seen.add(key)
                    patterns.append({"label": label, "pattern": p, **pid})
    for demonym, country in DEMONYMS.items():  # "Iraqi security forces", "Syrian militias"
        forces = (f"{demonym} {q}{noun}" for q in _FORCE_QUALIFIERS for noun in FORCE_NOUNS)
        patterns.extend({"label": "ACTOR", "pattern": p, "id": f"demonym:{country}"} for p in forces)
        militias = (f"{demonym} {noun}" for noun in MILITIA_NOUNS)
        patterns.extend({"label": "ACTOR", "pattern": p, "id": f"demonym-militia:{country}"} for p in militias)
    return patterns


_FORCE_QUALIFIERS = ("", "security ", "government ", "regime ", "armed ", "special ")
_MAX_SPELLINGS = 4096  # a multi-word name with more spelling combinations stays a token pattern
_OPTIONAL_WORDS = ("al", "el", "the")
_HYPHENS = ("-", "‐", "–")
_CASE_KEY = "orbat_case_sensitive"  # marks a phrase pattern for the case-sensitive ruler


def _name_patterns(name: str, nlp: Language) -> list[object]:
    """Ruler patterns for one name: phrases where possible (spaCy's PhraseMatcher is a hash look-up,
    its Matcher tries every token pattern at every token), token patterns where a phrase list would
    explode. Single words are case-sensitive phrases (a capitalised name, never the common word)."""
    if is_acronym(name):
        return [{_CASE_KEY: form} for form in dict.fromkeys((name, name.replace(".", "")))]
    words = [t.text for t in nlp.make_doc(name)]
    if len(words) == 1:
        spellings = spelling_variants(words[0])
        cased = {form for v in spellings for form in (v.capitalize(), v.upper(), _recased(v, words[0]))}
        return [{_CASE_KEY: form} for form in sorted(cased)]
    options = [_word_options(w) for w in words]
    if _product(len(o) for o in options) > _MAX_SPELLINGS:
        return [name, _token_pattern(words)]
    phrases = {" ".join(t for t in combo if t) for combo in itertools.product(*options)}
    if words[0].lower() == "the" and len(words) == 2:  # "The National" without its article is the word "national"
        phrases = {p for p in phrases if " " in p}
    return [p for p in sorted(phrases | {name}) if p]


def _recased(variant: str, original: str) -> str:
    """``variant`` with the capitals of ``original`` where the letters line up ("Hizballah" for "HizbAllah")."""
    return "".join(c.upper() if i < len(original) and original[i].isupper() else c for i, c in enumerate(variant))


def _word_options(word: str) -> tuple[str, ...]:
    if word.lower() in _OPTIONAL_WORDS:
        return ("", *_OPTIONAL_WORDS)
    if word in _HYPHENS:
        return ("", *_HYPHENS)
    return spelling_variants(word)


def _product(sizes: Iterable[int]) -> int:
    total = 1
    for n in sizes:
        total *= n
    return total


def _token_pattern(words: list[str]) -> list[dict[str, object]]:
    pattern: list[dict[str, object]] = []
    for w in words:
        if w.lower() in _OPTIONAL_WORDS:
            pattern.append({"LOWER": {"IN": list(_OPTIONAL_WORDS)}, "OP": "?"})
        elif w in _HYPHENS:
            pattern.append({"ORTH": {"IN": list(_HYPHENS)}, "OP": "?"})
        else:
            pattern.append({"LOWER": {"IN": list(spelling_variants(w))}})
    return pattern


def add_entity_ruler(nlp: Language, patterns: list[dict[str, object]]) -> None:
    """Add the pack's entity rulers at the head of the pipeline, so before the statistical NER (pack
    names win). They read only the text (LOWER, ORTH), and being first spares them from running the
    whole model over thousands of pattern phrases while they are built.

    The first ruler matches phrases case-insensitively and the token patterns; the second, after
    it, matches the case-sensitive single-word phrases where the first found nothing.
    """
    folded = [p for p in patterns if not isinstance(p["pattern"], dict)]
    cased = [{**p, "pattern": p["pattern"][_CASE_KEY]} for p in patterns if isinstance(p["pattern"], dict)]
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, first=True,
                         config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True, "validate": False})  # fmt: skip
    ruler.add_patterns(folded)  # type: ignore[attr-defined]
    words = nlp.add_pipe("entity_ruler", name=RULER_NAME + "_words", after=RULER_NAME,
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False, "validate": False})  # fmt: skip
    words.add_patterns(cased)  # type: ignore[attr-defined]


def recognise_spans(doc: Document, sdoc: Doc, index: AliasIndex) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Entity candidates (sorted) and spaCy DATE/TIME spans (candidates for the date parser)."""
    candidates: list[Candidate] = []
    dates: list[tuple[int, int]] = []
    for ent in sdoc.ents:
        if ent.label_ in ("DATE", "TIME"):
            dates.append((ent.start_char, ent.end_char))
            continue
        cand = _candidate(ent, index)
        if cand is not None:
            candidates.append(cand)
    candidates = _merge_demonyms(doc.clean_text, candidates)
    candidates.extend(_kunyas(doc.clean_text, candidates))
    candidates.extend(_short_forms(doc.clean_text, candidates))
    candidates.sort(key=lambda c: (c.start, -c.end))
    return candidates, dates


def _candidate(ent: Span, index: AliasIndex) -> Candidate | None:
    span = _trim(ent)
    if span is None:
        return None
    if ent.ent_id_:
        source = "demonym" if ent.ent_id_.startswith("demonym") else "ruler"
    else:
        source = "ruler" if ent.label_ in ("ACTOR", "PLACE") else "spacy"
    label = _SPACY_LABEL.get(ent.label_, ent.label_)
    ids = index.exact(span.text)
    kinds = {index.entities[i].kind for i in ids}
    if is_warship_name(span.text) and not kinds:  # "USS Hopper": a unit, whether spaCy says PERSON or PRODUCT
        return Candidate(span.start_char, span.end_char, MentionLabel.ACTOR, "spacy", None)
    if label == "NORP":
        if kinds and not kinds & {EntityKind.PERSON, EntityKind.PLACE, EntityKind.STATE}:
            label = "ACTOR"
        elif _DEMONYM_SHAPE.search(span.text) or len(span) > 1:
            return None
        else:  # spaCy calls some towns NORP ("in Aleppo"): resolve may find it is a place
            label = "OTHER"
    if label not in ("ACTOR", "PERSON", "PLACE", "OTHER"):
        return None
    if label == "PLACE" and (EntityKind.STATE in kinds or ent.label_ == "GPE") and _acting(span):
        label = "ACTOR"
    elif label == "PERSON" and _regime(span):  # the ruler's id is the person's: the phrase is looked up anew
        span = span.doc[span.start : span.end + 1]
        return Candidate(span.start_char, span.end_char, MentionLabel.ACTOR, "spacy", None)
    elif label == "PERSON" and kinds and EntityKind.PERSON not in kinds:
        label = "PLACE" if kinds <= {EntityKind.PLACE, EntityKind.STATE} else "ACTOR"
    return Candidate(span.start_char, span.end_char, MentionLabel(label), source, ent.ent_id_ or None)


def _merge_demonyms(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A lone demonym ("Iraqi") joins the actor right after it ("Iraqi Popular Mobilization Forces")."""
    out: list[Candidate] = []
    for i, c in enumerate(candidates):
        if text[c.start : c.end].lower() not in DEMONYMS:
            out.append(c)
            continue
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        if nxt is not None and nxt.label is MentionLabel.ACTOR and text[c.end : nxt.start] == " ":
            candidates[i + 1] = replace(nxt, start=c.start)
        elif text[c.start : c.end].lower() in _DEMONYM_AND_NAME and text[c.end : c.end + 1] not in _HYPHENS:
            out.append(c)  # "the US sent troops": the state itself ("US-backed" stays a modifier)
    return out


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_space or doc[start].is_punct):
        start += 1
    if ent.label_ == "ORG":  # "the Men and Women of the 407th AEG": the unit is named after "of the"
        start = _after_personnel(doc, start, end)
    for i in range(start, end):
        if doc[i].text.startswith("["):  # a wiki footnote mark glued to the name
            end = i
            break
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


_PERSONNEL = frozenset("""men women members soldiers airmen airwomen sailors marines troops personnel staff
    fighters officers crew crews and""".split())


def _after_personnel(doc: Doc, start: int, end: int) -> int:
    """Where the organisation's name starts in "members of the X" / "the Men and Women of the X" (an ORG
    spaCy drew around its people): after "of" and "the", when only personnel words come before "of"."""
    for i in range(start, min(end - 1, start + 4)):
        if doc[i].lower_ == "of":
            if i == start or doc[start].lower_ == "and":
                return start
            nxt = i + 2 if doc[i + 1].lower_ == "the" else i + 1
            return nxt if nxt < end else start
        if doc[i].lower_ not in _PERSONNEL:
            return start
    return start


def _regime(span: Span) -> bool:
    """"Assad regime", "Assad government": a person's name standing for their government."""
    nxt = span.doc[span.end : span.end + 1]
    return len(nxt) == 1 and nxt[0].lower_ in ("regime", "government", "administration")


def _acting(span: Span) -> bool:
    doc = span.doc
    nxt = [t for t in doc[span.end : span.end + 2]]
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    if len(nxt) == 2 and nxt[0].text in ("-", "‐", "–") and nxt[1].lower_ in _ACTING_AFTER:
        return True
    if nxt and nxt[0].lower_ in _ACTING_AFTER:
        return True
    return bool(nxt) and prev not in _LOCATIVE and nxt[0].lower_ in _ACTING_VERBS


_KUNYA = re.compile(r"\b(?:Abu|Umm)\s+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s+(?:al|el)-[A-Z][a-z'’]+)*")


def _kunyas(text: str, taken: list[Candidate]) -> list[Candidate]:
    """"Abu Ghadiya", "Umm Sayyaf": a name by kunya that spaCy's model missed is a person's (a place named
    so, "Abu Ghraib", is told by resolution, which asks the gazetteer about names spaCy calls people)."""
    return [Candidate(m.start(), m.end(), MentionLabel.PERSON, "spacy") for m in _KUNYA.finditer(text)
            if not _overlaps(taken, m.start(), m.end())]  # fmt: skip


def _overlaps(taken: list[Candidate], start: int, end: int) -> bool:
    return any(c.start < end and start < c.end for c in taken)


def _short_forms(text: str, taken: list[Candidate]) -> list[Candidate]:
    out = []
    for m in _SHORT_FORM.finditer(text):
        start = m.start(1)
        if not _overlaps(taken, start, m.end()):
            out.append(Candidate(start, m.end(1), MentionLabel.ACTOR, "shortform", m.group(1).lower()))
    return out
