"""The words that signal a relation, as data: read by :mod:`orbat.extract.relations`.

Verb entries are base forms; their inflections come from :func:`verb_forms`, so matching does
not need spaCy's lemmatizer. Each entry carries the reliability of the pattern (0–1), which
becomes the claim's confidence before attribution scales it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "VerbFrame", "VERB_FRAMES", "ROLE_NOUNS", "ROLE_PREFIXES", "PART_NOUNS", "MEMBER_NOUNS", "COMPOUND_MODIFIERS",
    "DEMONYMS", "NOUN_RELATIONS", "AGAINST_NOUNS", "EFFORT_NOUNS", "SEIZE_VERBS", "HIT_VERBS", "ADJ_RELATIONS",
    "GENERIC_GOVERNMENT", "verb_forms", "noun_forms",
]


@dataclass(frozen=True, slots=True)
class VerbFrame:
    """A verb (with an optional particle or preposition) and how its arguments map to a claim.

    ``obj`` names where the object is found: ``dobj`` or a preposition ("to", "from" …).
    ``inverse``: the grammatical object is the claim's subject ("Iran backs X" → X backed_by Iran).
    ``place``: the object must be a place (controls, present_at).
    """

    predicate: str
    obj: tuple[str, ...]
    reliability: float
    inverse: bool = False
    place: bool = False
    role: str | None = None
    particle: str | None = None  # "over" in "took over", "away" in "broke away"
    passive_only: bool = False  # "X was assigned to Y" (but not "the ministry assigned funds to Y")
    people_only: bool = False  # the subject must be a person ("soldiers attached to Y" are no unit of Y's)


_AT = ("to", "at", "along", "in", "near", "on", "into", "across", "inside", "around", "outside")

VERB_FRAMES: dict[str, tuple[VerbFrame, ...]] = {
    # territorial control
    "seize": (VerbFrame("controls", ("dobj",), 0.75, place=True),),
    "capture": (VerbFrame("controls", ("dobj",), 0.75, place=True),),
    "retake": (VerbFrame("controls", ("dobj",), 0.75, place=True),),
    "recapture": (VerbFrame("controls", ("dobj",), 0.75, place=True),),
    "liberate": (VerbFrame("controls", ("dobj",), 0.65, place=True),),
    "occupy": (VerbFrame("controls", ("dobj",), 0.7, place=True),),
    "control": (VerbFrame("controls", ("dobj",), 0.8, place=True),),
    "hold": (VerbFrame("controls", ("dobj",), 0.6, place=True),),
    "take": (VerbFrame("controls", ("dobj",), 0.7, place=True, particle="over"),
             VerbFrame("controls", ("dobj",), 0.6, place=True)),
    # presence
    "deploy": (VerbFrame("present_at", _AT, 0.8, place=True),),
    "redeploy": (VerbFrame("present_at", _AT, 0.75, place=True),),
    "station": (VerbFrame("present_at", _AT, 0.85, place=True),),
    "base": (VerbFrame("present_at", ("in", "at", "near", "on", "inside"), 0.8, place=True),),
    "position": (VerbFrame("present_at", _AT, 0.7, place=True),),
    "patrol": (VerbFrame("present_at", (*_AT, "dobj"), 0.7, place=True),),
    "arrive": (VerbFrame("present_at", ("at", "in", "to", "on"), 0.65, place=True),),
    "send": (VerbFrame("present_at", ("to", "into"), 0.55, place=True),),
    "mass": (VerbFrame("present_at", _AT, 0.65, place=True),),
    "guard": (VerbFrame("present_at", ("dobj", "at", "along"), 0.6, place=True),),
    "stand": (VerbFrame("present_at", ("at", "along", "in", "near", "on"), 0.6, place=True, particle="guard"),),
    "operate": (VerbFrame("present_at", ("in", "at", "along", "near", "inside"), 0.6, place=True),),
    "enter": (VerbFrame("present_at", ("dobj",), 0.6, place=True),),
    "cross": (VerbFrame("present_at", ("into",), 0.6, place=True),),
    # sponsorship (the sponsor is the grammatical subject)
    "back": (VerbFrame("backed_by", ("dobj",), 0.8, inverse=True),),
    "sponsor": (VerbFrame("backed_by", ("dobj",), 0.8, inverse=True),),
    "fund": (VerbFrame("backed_by", ("dobj",), 0.8, inverse=True),),
    "finance": (VerbFrame("backed_by", ("dobj",), 0.8, inverse=True),),
    "arm": (VerbFrame("backed_by", ("dobj",), 0.75, inverse=True),),
    "train": (VerbFrame("backed_by", ("dobj",), 0.6, inverse=True),),
    "equip": (VerbFrame("backed_by", ("dobj",), 0.7, inverse=True),),
    "support": (VerbFrame("backed_by", ("dobj",), 0.6, inverse=True),),
    "assist": (VerbFrame("backed_by", ("dobj",), 0.6, inverse=True),),
    # hostility and alliance
    "fight": (VerbFrame("opposed_to", ("dobj", "against"), 0.75),),
    "battle": (VerbFrame("opposed_to", ("dobj", "against", "with"), 0.75),),
    "clash": (VerbFrame("opposed_to", ("with", "against"), 0.8),),
    "skirmish": (VerbFrame("opposed_to", ("with", "against"), 0.8),),
    "combat": (VerbFrame("opposed_to", ("dobj",), 0.7),),
    "confront": (VerbFrame("opposed_to", ("dobj",), 0.65),),
    "oppose": (VerbFrame("opposed_to", ("dobj",), 0.7),),
    "defeat": (VerbFrame("opposed_to", ("dobj",), 0.6),),
    "counter": (VerbFrame("opposed_to", ("dobj",), 0.55),),
    "attack": (VerbFrame("opposed_to", ("dobj",), 0.6),),
    "ambush": (VerbFrame("opposed_to", ("dobj",), 0.6),),
    "ally": (VerbFrame("allied_with", ("with", "to"), 0.8),),
    "align": (VerbFrame("allied_with", ("with",), 0.65),),
    "partner": (VerbFrame("allied_with", ("with",), 0.7),),
    "cooperate": (VerbFrame("allied_with", ("with",), 0.55),),
    "coordinate": (VerbFrame("allied_with", ("with",), 0.55),),
    "join": (VerbFrame("allied_with", ("with",), 0.6, particle="forces"), VerbFrame("part_of", ("dobj",), 0.65)),
    # membership and structure
    "belong": (VerbFrame("part_of", ("to",), 0.75),),
    "assign": (VerbFrame("part_of", ("to",), 0.7, passive_only=True, people_only=True),),
    "attach": (VerbFrame("part_of", ("to",), 0.6, passive_only=True, people_only=True),),
    "include": (VerbFrame("part_of", ("dobj",), 0.6, inverse=True),),
    "comprise": (VerbFrame("part_of", ("dobj", "of"), 0.65, inverse=True),),
    "consist": (VerbFrame("part_of", ("of",), 0.65, inverse=True),),
    "make": (VerbFrame("part_of", ("of",), 0.65, inverse=True, particle="up"),),
    "command": (VerbFrame("commands", ("dobj",), 0.75, role="commander"),),
    "lead": (VerbFrame("leads", ("dobj",), 0.7, role="leader"),),
    "head": (VerbFrame("leads", ("dobj",), 0.7, role="head"),),
    "run": (VerbFrame("leads", ("dobj",), 0.5, role="head"),),
    "found": (VerbFrame("leads", ("dobj",), 0.7, role="founder"),),
    "establish": (VerbFrame("leads", ("dobj",), 0.55, role="founder"),),
    # genealogy
    "form": (VerbFrame("formed_from", ("from", "out"), 0.75),),
    "create": (VerbFrame("formed_from", ("from", "out"), 0.7),),
    "emerge": (VerbFrame("formed_from", ("from", "out"), 0.7),),
    "grow": (VerbFrame("formed_from", ("from", "out"), 0.6, particle="out"),),
    "splinter": (VerbFrame("splinter_of", ("from", "off"), 0.8),),
    "split": (VerbFrame("splinter_of", ("from",), 0.75),),
    "break": (VerbFrame("splinter_of", ("from",), 0.7, particle="away"),),
    "defect": (VerbFrame("splinter_of", ("from",), 0.6),),
    "merge": (VerbFrame("merged_into", ("into", "with"), 0.75),),
    "absorb": (VerbFrame("merged_into", ("into",), 0.7),),
    "fold": (VerbFrame("merged_into", ("into",), 0.65),),
    "integrate": (VerbFrame("merged_into", ("into",), 0.6),),
    # designation
    "designate": (VerbFrame("designated_by", ("dobj",), 0.85, inverse=True),),
    "blacklist": (VerbFrame("designated_by", ("dobj",), 0.85, inverse=True),),
    "sanction": (VerbFrame("designated_by", ("dobj",), 0.75, inverse=True),),
    "list": (VerbFrame("designated_by", ("dobj",), 0.5, inverse=True),),
}

# Role nouns: "X, the deputy commander of Y" → X leads Y (role). Multi-word roles are matched by
# their head noun plus a modifier ("deputy commander").
ROLE_NOUNS: dict[str, str] = {
    "commander": "commander", "leader": "leader", "chief": "head", "head": "head", "chairman": "head",
    "director": "head", "president": "head", "emir": "leader", "amir": "leader",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "representative": "representative", "envoy": "representative", "secretary-general": "secretary-general",
    "founder": "founder", "co-founder": "founder", "commander-in-chief": "commander",
}
ROLE_PREFIXES: dict[str, str] = {"deputy": "deputy ", "vice": "deputy ", "assistant": "deputy ", "former": ""}

# "X, part of Y", "a faction of Y", "Y's al-Tufuf Brigade"
PART_NOUNS: dict[str, float] = {
    "part": 0.85, "faction": 0.8, "brigade": 0.75, "unit": 0.7, "wing": 0.7, "arm": 0.65, "branch": 0.7,
    "component": 0.7, "affiliate": 0.65, "subsidiary": 0.7, "division": 0.6, "battalion": 0.7, "regiment": 0.7,
    "group": 0.55, "formation": 0.6, "constituent": 0.7, "militia": 0.55,
}
MEMBER_NOUNS: dict[str, float] = {
    "member": 0.8, "fighter": 0.7, "official": 0.6, "officer": 0.65, "militant": 0.65, "figure": 0.6,
    "operative": 0.7, "cadre": 0.65, "lieutenant": 0.7, "captain": 0.65, "colonel": 0.7, "sergeant": 0.7,
    "corporal": 0.7, "pilot": 0.7, "soldier": 0.7, "commando": 0.65, "agent": 0.6, "diplomat": 0.6,
}

# Nouns that carry a relation to the "of"/"for" phrase: (predicate, reliability, holder is the subject)
NOUN_RELATIONS: dict[str, tuple[str, float]] = {
    "ally": ("allied_with", 0.75), "partner": ("allied_with", 0.6), "alliance": ("allied_with", 0.65),
    "proxy": ("backed_by", 0.75), "client": ("backed_by", 0.6), "backer": ("backed_by", -0.75),
    "sponsor": ("backed_by", -0.75), "patron": ("backed_by", -0.7),
    "enemy": ("opposed_to", 0.7), "foe": ("opposed_to", 0.7), "rival": ("opposed_to", 0.6),
    "adversary": ("opposed_to", 0.7), "front": ("front_for", 0.7), "facade": ("front_for", 0.7),
    "splinter": ("splinter_of", 0.8), "offshoot": ("splinter_of", 0.75), "successor": ("formed_from", 0.6),
    "fight": ("opposed_to", 0.6), "war": ("opposed_to", 0.6), "campaign": ("opposed_to", 0.55),
    "offensive": ("opposed_to", 0.6), "clash": ("opposed_to", 0.7), "fighting": ("opposed_to", 0.65),
    "operation": ("opposed_to", 0.5), "battle": ("opposed_to", 0.65), "coordination": ("allied_with", 0.5),
    "cooperation": ("allied_with", 0.5), "co-operation": ("allied_with", 0.5), "contact": ("allied_with", 0.4),
    "support": ("backed_by", -0.55), "backing": ("backed_by", -0.65), "designation": ("designated_by", -0.7),
    "presence": ("present_at", 0.65), "patrol": ("present_at", 0.6), "deployment": ("present_at", 0.65), "control": ("controls", 0.7), "defense": ("opposed_to", 0.5),
    "defence": ("opposed_to", 0.5), "attack": ("opposed_to", 0.5), "assault": ("opposed_to", 0.55),
    "hostility": ("opposed_to", 0.6), "conflict": ("opposed_to", 0.55), "confrontation": ("opposed_to", 0.6),
}
# Nouns of armed action that signal hostility only with "against": "positions against Y", "airstrikes against Y"
AGAINST_NOUNS: dict[str, float] = {
    "position": 0.55, "airstrike": 0.65, "strike": 0.6, "munition": 0.55, "raid": 0.6, "mission": 0.5,
    "effort": 0.5, "struggle": 0.6, "resistance": 0.55, "counteroffensive": 0.6, "counter-offensive": 0.6,
    "counterattack": 0.6, "bombing": 0.55, "shelling": 0.55, "push": 0.5, "drive": 0.5, "use": 0.5,
    "fire": 0.6,  # "came under fire from Y", "opened fire on Y" (read by relation_patterns._fire)
}
# Verbs whose subject can be one of those nouns, hitting the other side: "a US strike hit Y's vehicles"
HIT_VERBS = ("hit", "target", "kill", "destroy", "strike", "pound", "bomb", "shell", "wound")
# Nouns naming an effort whose infinitive says what it is against: "the campaign to defeat Y"
EFFORT_NOUNS = frozenset(form for base in ("campaign", "effort", "fight", "operation", "offensive", "war", "mission",
                                            "push", "bid", "attempt", "drive", "battle", "struggle", "plan", "strategy")
                         for form in (base, base + "s"))
# Verbs of taking ground: "X seized Y from Z" says X fought Z, who had held Y
SEIZE_VERBS = ("seize", "capture", "retake", "recapture", "liberate", "wrest", "reclaim", "free", "take")

# Adjectives with a prepositional object: "opposed to Y", "allied with Y", "present in Y"
ADJ_RELATIONS: dict[str, tuple[str, tuple[str, ...], float]] = {
    "opposed": ("opposed_to", ("to",), 0.7), "hostile": ("opposed_to", ("to", "toward", "towards"), 0.65),
    "allied": ("allied_with", ("with", "to"), 0.75), "loyal": ("allied_with", ("to",), 0.6),
    "affiliated": ("part_of", ("with", "to"), 0.6), "linked": ("allied_with", ("to", "with"), 0.45),
    "present": ("present_at", ("in", "at", "on", "along", "near", "inside"), 0.7),
    "subordinate": ("subordinate_of", ("to",), 0.75)
}

# "Iran-backed X", "US-designated X", "Turkish-backed X", "Lebanon-based X", "Damascus-affiliated X"
COMPOUND_MODIFIERS: dict[str, tuple[str, float]] = {
    "backed": ("backed_by", 0.85), "supported": ("backed_by", 0.8), "sponsored": ("backed_by", 0.85),
    "funded": ("backed_by", 0.85), "armed": ("backed_by", 0.75), "trained": ("backed_by", 0.7),
    "aligned": ("allied_with", 0.6), "allied": ("allied_with", 0.7), "affiliated": ("allied_with", 0.55),
    "designated": ("designated_by", 0.9), "sanctioned": ("designated_by", 0.8),
    "based": ("present_at", 0.8), "held": ("controls", 0.75), "controlled": ("controls", 0.8),
}

HYPHENS = frozenset({"-", "‐", "‑", "–"})


def hyphen_modifier(doc: Any, i: int) -> str | None:
    """The modifier of "X-backed", "X-based", "X-held" … when token ``i`` is the X glued to it, else None."""
    if i + 2 < len(doc) and doc[i + 1].text in HYPHENS and not doc[i + 1].whitespace_:
        word = doc[i + 2].lower_
        return word if word in COMPOUND_MODIFIERS else None
    return None


# Demonyms and short state names → ISO 3166-1 alpha-3, mapped to the pack's state entity.
DEMONYMS: dict[str, str] = {
    "iranian": "IRN", "iran": "IRN", "tehran": "IRN", "iraqi": "IRQ", "iraq": "IRQ", "baghdad": "IRQ",
    "syrian": "SYR", "syria": "SYR", "damascus": "SYR", "us": "USA", "u.s.": "USA", "american": "USA",
    "america": "USA", "washington": "USA", "turkish": "TUR", "turkey": "TUR", "ankara": "TUR",
    "russian": "RUS", "russia": "RUS", "moscow": "RUS", "israeli": "ISR", "israel": "ISR",
    "jordanian": "JOR", "jordan": "JOR", "lebanese": "LBN", "lebanon": "LBN", "british": "GBR",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "saudi": "SAU", "west": "", "western": "",
}

# Common nouns that, as the subject of a relation, mean a country's government ("a government
# created from HTS" in a sentence about Syria) — used only with a state named in the sentence.
GENERIC_GOVERNMENT = frozenset({"government", "regime", "authorities", "administration"})

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "hold": ("held",), "take": ("took", "taken"), "fight": ("fought",), "lead": ("led",), "send": ("sent",),
    "break": ("broke", "broken"), "split": ("split",), "grow": ("grew", "grown"), "make": ("made",),
    "run": ("ran",), "found": ("founded",), "arm": ("armed",), "back": ("backed",),
    "retake": ("retook", "retaken"), "free": ("freed",), "hit": ("hit",), "give": ("gave", "given"),
    "lend": ("lent",), "strike": ("struck", "stricken"), "stand": ("stood",), "set": ("set",),
    "withdraw": ("withdrew", "withdrawn"),
}
_DOUBLE_FINAL = frozenset({"control", "patrol", "equip", "plan", "stop", "drop", "rebel", "commit"})


def verb_forms(base: str) -> tuple[str, ...]:
    """The inflected forms of a regular or listed irregular English verb."""
    if base in _IRREGULAR and _IRREGULAR[base]:
        past: tuple[str, ...] = _IRREGULAR[base]
    elif base.endswith("e"):
        past = (base + "d",)
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        past = (base[:-1] + "ied",)
    elif base in _DOUBLE_FINAL and not base.endswith("y"):
        past = (base + base[-1] + "ed",)
    else:
        past = (base + "ed",)
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    else:
        third = base + "s"
    if base.endswith("e") and not base.endswith("ee"):
        ing = base[:-1] + "ing"
    elif base in _DOUBLE_FINAL and not base.endswith("y"):
        ing = base + base[-1] + "ing"
    else:
        ing = base + "ing"
    extra = ("running",) if base == "run" else ()
    return (base, third, ing, *past, *extra)


def noun_forms(base: str) -> tuple[str, ...]:
    """Singular and plural of a noun ("ally" → "allies", "spokesman" → "spokesmen")."""
    if base.endswith("man"):
        return (base, base[:-3] + "men")
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return (base, base[:-1] + "ies")
    if base.endswith(("s", "sh", "ch", "x")):
        return (base, base + "es")
    return (base, base + "s")
