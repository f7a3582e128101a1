"""Names the pack does not know that still name someone: people and organisations.

Resolution gives such a name a *provisional* entity (``provisional=True``, sourced to the
document span) so that relations about it can be stated and an analyst can later merge it
into a curated entity. The rules here only judge the shape of one name; they read no parse.

- A person: at least two capitalised name tokens once leading titles ("General", "Lt. Gen.",
  "President", "Sheikh") are set apart, no digits, no place or organisation word at its end
  ("Samarra Barrage", "Supporters Brigades"), no preposition ("Near Palmyra") or ship prefix
  ("USS Hopper") at its start.
- An organisation: capitalised words ending in (or, before "of", headed by) a word that names
  an organisation — "Ministry", "Council", "Command", "Squadron", "Observatory" … — whose kind
  follows from that word. Operation names ("Operation Steel Curtain"), names with digits other
  than ordinals ("F-16"), commas or brackets are not organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orbat.model import WARSHIP_PREFIXES, EntityKind, is_warship_name
from orbat.nlp.normalise import is_acronym, name_tokens, token_key

__all__ = ["PersonName", "split_person_name", "looks_like_person", "organisation_kind", "is_generic_org_name",
           "TITLE_WORDS"]

# Words that precede a name as a rank, office or honorific; "U.S. Army General", "Lt. Gen.", "Defense Secretary".
TITLE_WORDS = frozenset(
    """general gen gen. lieutenant lt lt. lt.-gen. maj maj. major col col. colonel capt capt. captain cmdr cmdr.
    cdr cdr. commander commodore admiral adm adm. vice rear brig brig. brigadier sgt sgt. sergeant cpl cpl.
    corporal pvt pvt. private staff master chief marshal field air navy army marine marines u.s. us
    president vice-president prime premier minister secretary foreign defense defence state deputy senior
    senator sen sen. rep rep. representative governor gov gov. ambassador envoy special spokesman spokeswoman
    spokesperson sheikh shaikh shaykh sheik mullah imam ayatollah grand cleric emir amir caliph king queen
    prince princess crown lord sir dame mr mr. mrs mrs. ms ms. dr dr. prof prof. professor judge
    sayyid sayed hajji haji mufti bishop patriarch pope father rev rev. reverend""".split()
)
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "di", "van", "von", "der", "den", "du", "la",
                        "le", "ul", "ud", "abd", "y", "e"})
_NOT_A_NAME_END = frozenset(
    """barrage dam library gate book mountain mountains mount river lake lakes road street bridge square
    mosque church shrine hospital school university museum palace airport base camp crossing border
    district province governorate city town village valley desert plain farm farms field fields island
    brigade brigades battalion group forces force army front movement council committee ministry
    party agency command office department commission board network fund institute centre center
    company corporation media news television tv radio times post agency"""
    .split()
)
_NOT_A_NAME_START = frozenset(
    """near in at from on to into north south east west northern southern eastern western central
    greater upper lower operation exercise the
    jabal jebel jabl jbel wadi tal tall tell tuloul tulul ras bir ain ayn qasr nahr bahr jazirat sahl marj
    khirbet khirbat qalaat hay souq suq kitab kiteba ciya ciyaye ciyayen cheya""".split()
)  # English prepositions and compass words; Arabic and Kurdish words for mountain, valley, hill, spring, book …
_SHIP_PREFIXES = WARSHIP_PREFIXES | {"mv"}  # a navy's ship is one of its units; a merchant vessel is no one's
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_BAD_CHARS = re.compile(r"[0-9@/\\\[\](){}<>|#,;:!?\n]")
_WORD = re.compile(r"[^\s]+")

# Organisation words and the kind of entity they head.
_ORG_HEADS: dict[str, EntityKind] = {
    **dict.fromkeys("""ministry department office commission board bureau authority government administration
                    parliament assembly court directorate secretariat inspectorate""".split(),
                    EntityKind.GOVERNMENT_BODY),
    **dict.fromkeys("""squadron battalion regiment division company platoon wing group unit detachment
                    corps""".split(), EntityKind.UNIT),
    **dict.fromkeys("""navy police guard command marines""".split(), EntityKind.STATE_FORCE),
    **dict.fromkeys("""front movement network brigades army militia""".split(), EntityKind.ARMED_GROUP),
    **dict.fromkeys("""party""".split(), EntityKind.PARTY),
    **dict.fromkeys("""coalition alliance league""".split(), EntityKind.COALITION),
    **dict.fromkeys("""council committee observatory organisation organization fund foundation institute
                    university association federation union society agency bank nations centre center
                    service services trust charity""".split(), EntityKind.ORGANISATION),
}
_FORCE_TAIL = re.compile(r"\b(?:air force|air forces|armed forces|special forces|task force)$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_GROUP_NOUNS = frozenset({"brigade", "brigades", "battalion", "battalions", "division", "regiment", "forces", "army",
                          "front", "movement", "squadron", "company"})
_ORG_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "to", "in", "al", "el", "de", "&"})
_NOT_AN_ORG_START = frozenset({"operation", "exercise", "battle", "siege", "campaign", "the"})
# Words that, beside an organisation word, still leave the name generic ("Interior Ministry", "War Committee"):
# such a name is provisional within its document only.
_GENERIC_WORDS = frozenset(
    """interior foreign defence defense war security health finance justice education higher culture affairs
    internal home national general supreme central military public human rights state federal joint special
    high royal armed air naval task regional local provincial media information intelligence border
    executive political military-political religious legal judicial economic trade development""".split()
)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person mention's surface split into its leading title words and the name proper."""

    title: str  # "Lt. Gen.", "" when none
    name: str  # "Stephen J. Townsend"
    offset: int  # where ``name`` starts in the surface


def split_person_name(surface: str) -> PersonName:
    """Leading title words set apart: "Army Lt. Gen. Stephen J. Townsend" → "Army Lt. Gen." and "Stephen J.
    Townsend"; a quoted nickname ("J.D.") is left out of the name."""
    text = _QUOTED.sub(lambda m: " " * len(m.group(0)), surface)  # same length: offsets stay the surface's
    offset = 0
    for m in _WORD.finditer(text):
        if m.group(0).lower().rstrip(".") not in TITLE_WORDS and m.group(0).lower() not in TITLE_WORDS:
            offset = m.start()
            break
    else:
        return PersonName(surface.strip(), "", len(surface))
    name = " ".join(text[offset:].split())
    return PersonName(" ".join(text[:offset].split()), name, offset)


def looks_like_person(name: str) -> bool:
    """At least two capitalised name tokens and nothing that makes it a place, ship or organisation."""
    if not name or _BAD_CHARS.search(name):
        return False
    words = name.split()
    first = name_tokens(words[0])
    if len(words) > 6 or not first or first[0] in _NOT_A_NAME_START or first[0] in _SHIP_PREFIXES:
        return False
    named = 0
    for w in words:
        bare = w.lower()
        if bare in _PARTICLES or bare.rstrip("-") in _PARTICLES:
            continue
        head, _, rest = w.partition("-")
        if head.lower() in _PARTICLES and rest:  # "al-Kasasbeh"
            w = rest
        if not w[0].isupper():
            return False
        if len(w.rstrip(".")) > 1:
            named += 1
    tokens = name_tokens(name)
    return named >= 2 and bool(tokens) and tokens[-1] not in _NOT_A_NAME_END and not name.isupper()


def organisation_kind(name: str) -> EntityKind | None:
    """The kind of organisation ``name`` is shaped like, or None when it is not shaped like one."""
    if _BAD_CHARS.sub("", name) != name and not _ordinals_only(name):
        return None
    words = name.split()
    if is_warship_name(name) and all(w[0].isupper() or w.lower() in _PARTICLES for w in words[1:]) and (
            words[-1][0].isupper()):  # fmt: skip
        return EntityKind.UNIT  # "USS Hopper", "FS Charles de Gaulle"
    if len(words) < 2 or words[0].lower() in _NOT_AN_ORG_START or words[0].lower() in _SHIP_PREFIXES:
        return None
    if _ORDINAL.match(words[0]) and all(is_acronym(w) for w in words[1:]):
        return EntityKind.UNIT  # "407th AEG", "5th SFG": a numbered unit under its abbreviation
    for w in words:
        if w.lower() in _ORG_FUNCTION_WORDS or _ORDINAL.match(w) or w[:3].lower() in ("al-", "el-"):
            continue
        if not w[0].isupper():
            return None
    tokens = [t for t in name_tokens(name) if t != "the"]
    if len(tokens) < 2:  # "The Coalition"
        return None
    if _FORCE_TAIL.search(" ".join(tokens)):
        return EntityKind.UNIT if tokens[-2:] == ["task", "force"] else EntityKind.STATE_FORCE
    at = tokens.index("of") - 1 if "of" in tokens[1:] else len(tokens) - 1
    if at > 0 and tokens[at - 1] == "and":  # "Joint and Coalition": two qualifiers, no name
        return None
    kind = _ORG_HEADS.get(tokens[at])
    if kind is EntityKind.UNIT and not (_ORDINAL.match(words[0]) or len(tokens) >= 3):
        return None  # "Special Group" is too vague a unit; "Amphibious Task Group", "5th Group" are not
    return kind


def _ordinals_only(name: str) -> bool:
    """Digits only inside ordinals ("134th", "5th") and no other odd character."""
    rest = " ".join(w for w in name.split() if not _ORDINAL.match(w))
    return not _BAD_CHARS.search(rest)


def is_generic_org_name(name: str) -> bool:
    """True when every word of the name is an organisation word, a function word or a generic
    modifier ("Interior Ministry", "the War Committee"): the same words name other bodies elsewhere."""
    return all(t in _ORG_HEADS or t in _GENERIC_WORDS or t in _ORG_FUNCTION_WORDS or _ORDINAL.match(t)
               or t.isdigit() or t in _GROUP_NOUNS or not token_key(t) for t in name_tokens(name))
