"""Event lexicon: trigger words, mode and context cues, and the PLOVER → ACLED mapping, as data.

Everything here is a constant; :func:`orbat.extract.events.build_event_deps` turns the tables
into look-up maps once. Event types, modes and contexts follow the PLOVER codebook (Open Event
Data Alliance, PLOVER manual 0.7b1, "Event Categories"); where the codebook has no value orbat
needs, the extension is marked ``# orbat:`` (ASSAULT ``drone``/``aerial``, MOBILIZE ``militia``,
the ``territory`` context). ACLED names are ACLED's own (ACLED codebook, event and sub-event
types).

Trigger rows are ``(event_type, mode, reliability, kind, "base base ...")``. ``reliability`` is how
often the word marks that event in news text (0–1, a judgement, used as the base confidence);
``kind`` is a finer class used by the ACLED mapping and role rules ("clash", "take", "base" ...).
Verb bases are lemmas; their inflections are generated (see ``IRREGULAR``), so extraction does
not depend on spaCy's lemmatizer being in the pipeline.
"""

from __future__ import annotations

__all__ = [
    "VERB_TRIGGERS", "NOUN_TRIGGERS", "PHRASE_TRIGGERS", "GUARDED_VERBS", "OBJECT_CLASSES",
    "THING_CLASSES", "IRREGULAR", "LIGHT_VERBS", "ASSAULT_MODE_CUES", "CONTEXT_CUES", "TYPE_CONTEXT", "FIGHT_CUES",
    "CIVILIAN_WORDS", "PROTESTER_WORDS", "NOT_ACTOR_WORDS", "ACLED_MAP", "ACLED_OUT_OF_SCOPE",
    "VERBAL_TYPES", "STATE_KINDS", "PLACE_PREPS", "RECIPIENT_PREPS", "COACTOR_PREPS",
    "SIZE_UNITS", "GROUP_WORDS", "NUMBER_WORDS", "VAGUE_NUMBERS", "TROOP_WORDS", "MILITIA_WORDS",
    "POLICE_WORDS", "WEAPON_WORDS", "ARMS",
]

Row = tuple[str, str | None, float, str, str]

VERB_TRIGGERS: tuple[Row, ...] = (
    ("ASSAULT", None, 0.8, "", "attack kill murder massacre slaughter raid storm ambush assault"),
    ("ASSAULT", None, 0.7, "", "wound injure target besiege"),
    ("ASSAULT", None, 0.55, "", "hit strike bomb"),
    ("ASSAULT", None, 0.9, "clash", "clash skirmish"),
    ("ASSAULT", None, 0.75, "clash", "fight battle"),
    ("ASSAULT", "heavy-weapons", 0.9, "", "shell bombard pound"),
    ("ASSAULT", "firearms", 0.8, "", "shoot snipe"),
    ("ASSAULT", "primitive", 0.8, "", "stab"),
    ("ASSAULT", "explosives", 0.8, "", "detonate"),
    ("ASSAULT", "assassinate", 0.9, "", "assassinate"),
    ("ASSAULT", "execute", 0.8, "", "execute behead"),
    ("ASSAULT", "torture", 0.9, "", "torture"),
    ("ASSAULT", "beat", 0.6, "", "beat lynch"),
    ("ASSAULT", "abduct", 0.9, "", "abduct kidnap hijack"),
    ("ASSAULT", "sexual", 0.9, "", "rape"),
    ("ASSAULT", "destroy", 0.6, "destroy", "destroy demolish raze torch"),
    ("ASSAULT", None, 0.85, "take", "invade overrun occupy"),
    ("ASSAULT", None, 0.85, "retake", "retake recapture liberate"),
    ("ASSAULT", None, 0.6, "intercept", "intercept"),
    ("MOBILIZE", "troops", 0.8, "", "deploy redeploy reinforce mobilize mobilise"),
    ("MOBILIZE", "troops", 0.55, "", "patrol"),
    ("COERCE", "arrest", 0.9, "", "arrest detain jail imprison apprehend"),
    ("COERCE", "arrest", 0.65, "", "sentence"),
    ("COERCE", "deport", 0.85, "", "deport evict"),
    ("COERCE", "confiscate", 0.85, "", "confiscate"),
    ("COERCE", "ban", 0.8, "", "ban outlaw"),
    ("COERCE", "censor", 0.85, "", "censor"),
    ("COERCE", "restrict", 0.6, "", "restrict blockade"),
    ("COERCE", "restrict", 0.6, "disperse", "disperse repress suppress"),
    ("PROTEST", "demo", 0.85, "", "protest demonstrate rally picket"),
    ("PROTEST", "demo", 0.5, "", "march"),
    ("PROTEST", "riot", 0.9, "riot", "riot"),
    ("PROTEST", "boycott", 0.7, "", "boycott"),
    ("PROTEST", "obstruct", 0.5, "", "block barricade"),
    ("SANCTION", "sever", 0.9, "", "sanction embargo sever"),
    ("SANCTION", None, 0.85, "designate", "designate blacklist"),
    ("SANCTION", "convict", 0.85, "", "convict"),
    ("ACCUSE", "disapprove", 0.85, "", "condemn criticize criticise denounce decry deplore slam lambast censure rebuke"),
    ("ACCUSE", "disapprove", 0.7, "", "complain object"),
    ("ACCUSE", "allege", 0.9, "", "accuse blame"),
    ("ACCUSE", "allege", 0.6, "", "charge allege sue"),
    ("ACCUSE", "allege", 0.85, "", "indict"),
    ("ACCUSE", "investigate", 0.85, "", "investigate probe"),
    ("REJECT", None, 0.9, "", "reject refuse veto rebuff spurn"),
    ("REJECT", None, 0.75, "", "defy renege"),
    ("REJECT", None, 0.55, "", "fail violate"),
    ("REJECT", None, 0.6, "", "deny dismiss decline oppose resist"),
    ("REQUEST", None, 0.9, "", "demand urge request"),
    ("REQUEST", None, 0.75, "", "appeal plead insist ask"),
    ("REQUEST", None, 0.5, "", "press push"),
    ("REQUEST", None, 0.75, "", "pressure"),
    ("THREATEN", None, 0.95, "", "threaten"),
    ("THREATEN", None, 0.8, "", "warn"),
    ("AGREE", None, 0.9, "", "agree consent"),
    ("AGREE", None, 0.8, "promise", "pledge promise vow swear"),
    ("AGREE", None, 0.75, "", "offer accept"),
    ("SUPPORT", None, 0.85, "", "praise welcome endorse commend congratulate applaud hail ratify"),
    ("SUPPORT", None, 0.7, "", "support recognize recognise approve thank back normalize"),
    ("CONCEDE", None, 0.9, "", "apologize apologise concede pardon"),
    ("CONCEDE", None, 0.6, "", "yield compromise"),
    ("COOPERATE", None, 0.85, "", "cooperate collaborate extradite"),
    ("COOPERATE", None, 0.55, "", "coordinate"),
    ("AID", None, 0.75, "", "aid assist"),
    ("AID", "economic", 0.85, "", "donate fund finance"),
    ("AID", "military", 0.75, "", "equip"),
    ("RETREAT", "withdraw", 0.85, "withdraw", "retreat"),
    ("RETREAT", "withdraw", 0.55, "withdraw", "evacuate abandon"),
    ("RETREAT", "disarm", 0.85, "", "disarm demobilize demobilise"),
    ("RETREAT", "resign", 0.85, "", "resign"),
    ("RETREAT", None, 0.75, "", "surrender repatriate"),
    ("CONSULT", None, 0.85, "", "meet negotiate confer consult"),
    ("CONSULT", None, 0.75, "", "discuss talk"),
    ("CONSULT", "visit", 0.85, "", "visit"),
    ("CONSULT", "visit", 0.8, "host", "host"),
    ("CONSULT", "third-party", 0.8, "", "mediate"),
    ("CONSULT", "phone", 0.7, "", "phone telephone"),
)

NOUN_TRIGGERS: tuple[Row, ...] = (
    ("ASSAULT", None, 0.8, "", "attack assault raid ambush massacre killing offensive incursion"),
    ("ASSAULT", None, 0.9, "", "cleansing"),
    ("ASSAULT", None, 0.9, "clash", "clash fighting battle gunfight firefight gunbattle skirmish hostilities"),
    ("ASSAULT", None, 0.85, "take", "invasion occupation takeover"),
    ("ASSAULT", "aerial", 0.9, "", "airstrike air-strike airstrikes bombardment sortie"),
    ("ASSAULT", None, 0.8, "", "bombing"),
    ("ASSAULT", "heavy-weapons", 0.85, "", "shelling barrage salvo"),
    ("ASSAULT", "explosives", 0.8, "", "explosion blast"),
    ("ASSAULT", "assassinate", 0.9, "", "assassination"),
    ("ASSAULT", "execute", 0.8, "", "execution beheading"),
    ("ASSAULT", "torture", 0.85, "", "torture"),
    ("ASSAULT", "abduct", 0.85, "", "abduction kidnapping hijacking"),
    ("ASSAULT", None, 0.55, "", "strike"),
    ("MOBILIZE", "troops", 0.8, "", "deployment mobilization mobilisation buildup build-up reinforcement"),
    ("MOBILIZE", "troops", 0.55, "", "exercise drill maneuver manoeuvre patrol"),
    ("COERCE", "arrest", 0.85, "", "arrest detention"),
    ("COERCE", "curfew", 0.85, "", "curfew"),
    ("COERCE", "restrict", 0.65, "", "crackdown blockade siege"),
    ("COERCE", "deport", 0.8, "", "deportation expulsion"),
    ("PROTEST", "demo", 0.85, "", "protest demonstration rally sit-in"),
    ("PROTEST", "riot", 0.9, "riot", "riot unrest"),
    ("PROTEST", "boycott", 0.7, "", "boycott"),
    ("SANCTION", "sever", 0.9, "", "sanction embargo"),
    ("SANCTION", "sever", 0.8, "", "suspension"),
    ("SANCTION", None, 0.85, "designate", "designation blacklisting"),
    ("ACCUSE", "disapprove", 0.8, "", "condemnation criticism complaint"),
    ("ACCUSE", "allege", 0.8, "", "accusation allegation lawsuit"),
    ("ACCUSE", "investigate", 0.85, "", "investigation inquiry probe"),
    ("ACCUSE", "investigate", 0.5, "", "hearing"),
    ("ACCUSE", "allege", 0.85, "", "indictment"),
    ("REJECT", None, 0.85, "", "rejection refusal veto"),
    ("REQUEST", None, 0.8, "", "demand request appeal"),
    ("THREATEN", None, 0.85, "", "threat ultimatum"),
    ("AGREE", None, 0.8, "", "agreement accord pact deal consensus"),
    ("AGREE", None, 0.5, "", "treaty"),
    ("CONCEDE", None, 0.7, "ceasefire", "ceasefire cease-fire truce"),
    ("CONCEDE", None, 0.85, "", "apology amnesty pardon concession"),
    ("COOPERATE", None, 0.8, "", "cooperation collaboration extradition"),
    ("AID", "humanitarian", 0.7, "", "aid relief"),
    ("AID", None, 0.6, "", "assistance donation"),
    ("AID", "asylum", 0.8, "", "asylum"),
    ("AID", "economic", 0.6, "", "loan grant"),
    ("RETREAT", "withdraw", 0.85, "withdraw", "withdrawal pullout pull-out retreat handover"),
    ("RETREAT", "resign", 0.85, "", "resignation"),
    ("RETREAT", "disarm", 0.8, "", "disarmament"),
    ("RETREAT", "release", 0.55, "", "release"),
    ("CONSULT", None, 0.85, "", "talks negotiation meeting consultation"),
    ("CONSULT", None, 0.7, "", "discussion dialogue"),
    ("CONSULT", None, 0.6, "", "talk"),
    ("CONSULT", "third-party", 0.8, "", "mediation"),
    ("CONSULT", "visit", 0.85, "", "visit"),
    ("CONSULT", "multilateral", 0.8, "", "summit conference"),
)

# multi-word triggers, matched on bases; the longest match wins over single words
PHRASE_TRIGGERS: tuple[Row, ...] = (
    ("ASSAULT", "drone", 0.95, "", "drone strike|drone attack|uav strike|drone raid"),  # orbat: drone mode
    ("ASSAULT", "aerial", 0.95, "", "air strike|air raid|aerial bombardment|air attack|aerial attack"),  # orbat: aerial
    ("ASSAULT", "heavy-weapons", 0.9, "", "rocket attack|missile attack|missile strike|mortar attack|artillery fire|rocket fire|mortar fire"),
    ("ASSAULT", "explosives", 0.9, "", "car bomb|roadside bomb|bomb attack|ied attack|truck bomb|bomb blast"),
    ("ASSAULT", "suicide-attack", 0.95, "", "suicide bombing|suicide attack|suicide bomber|suicide car bomb"),
    ("ASSAULT", "firearms", 0.9, "", "open fire|gun down|shoot dead"),
    ("ASSAULT", "explosives", 0.85, "", "blow up"),
    ("ASSAULT", "beat", 0.8, "", "beat up"),
    ("ASSAULT", None, 0.85, "take", "take over|take control|seize control|gain control|wrest control|capture control"),
    ("ASSAULT", None, 0.85, "retake", "regain control|retake control"),
    ("ASSAULT", None, 0.6, "intercept", "shoot down"),
    ("ASSAULT", None, 0.9, "", "ethnic cleansing"),
    ("MOBILIZE", "troops", 0.75, "", "on alert|high alert|move into|roll into|beef up"),
    ("MOBILIZE", "troops", 0.6, "", "war games|military exercise|military drill"),
    ("PROTEST", "strike-hun", 0.95, "", "hunger strike"),
    ("PROTEST", "strike-gen", 0.9, "", "general strike"),
    ("PROTEST", "strike-lim", 0.8, "", "go on strike|on strike|labor strike|labour strike"),
    ("COERCE", "martial-law", 0.9, "", "martial law|state of emergency"),
    ("COERCE", "arrest", 0.85, "", "round up"),
    ("SANCTION", "convict", 0.85, "", "find guilty"),
    ("REQUEST", None, 0.85, "", "call for|call on|call upon"),
    ("REJECT", None, 0.85, "", "turn down"),
    ("CONCEDE", None, 0.8, "", "back down|call off"),
    ("COERCE", "deport", 0.8, "", "force out|drive out"),
    ("COOPERATE", "military", 0.8, "", "joint exercise|joint operation|joint patrol|joint drill|share intelligence"),
    ("RETREAT", "withdraw", 0.85, "withdraw", "pull out|pull back|hand over"),
    ("RETREAT", "disarm", 0.85, "", "lay down"),
    ("RETREAT", "resign", 0.85, "", "step down"),
    ("CONSULT", "phone", 0.8, "", "phone call|telephone call|phone conversation"),
)

# verbs that mark an event only with a telling object: base -> ((object class, trigger row) ...);
# the class "*" is the fallback when no object matches (omit it to need an object)
GUARDED_VERBS: dict[str, tuple[tuple[str, Row], ...]] = {
    "send": (("troops", ("MOBILIZE", "troops", 0.8, "", "")), ("militia", ("MOBILIZE", "militia", 0.8, "", "")),
             ("police", ("MOBILIZE", "police", 0.8, "", "")), ("weapons", ("AID", "military", 0.7, "", "")),
             ("aid", ("AID", "humanitarian", 0.75, "", ""))),
    "dispatch": (("troops", ("MOBILIZE", "troops", 0.8, "", "")), ("militia", ("MOBILIZE", "militia", 0.8, "", "")),
                 ("police", ("MOBILIZE", "police", 0.8, "", "")), ("aid", ("AID", "humanitarian", 0.75, "", ""))),
    "deploy": (("militia", ("MOBILIZE", "militia", 0.85, "", "")), ("police", ("MOBILIZE", "police", 0.85, "", "")),
               ("weapons", ("MOBILIZE", "weapons", 0.8, "", "")), ("*", ("MOBILIZE", "troops", 0.8, "", ""))),
    "move": (("troops", ("MOBILIZE", "troops", 0.7, "", "")), ("militia", ("MOBILIZE", "militia", 0.7, "", "")),
             ("weapons", ("MOBILIZE", "weapons", 0.7, "", ""))),
    "rush": (("troops", ("MOBILIZE", "troops", 0.75, "", "")), ("militia", ("MOBILIZE", "militia", 0.75, "", ""))),
    "mass": (("troops", ("MOBILIZE", "troops", 0.8, "", "")), ("militia", ("MOBILIZE", "militia", 0.8, "", ""))),
    "station": (("troops", ("MOBILIZE", "troops", 0.7, "", "")), ("weapons", ("MOBILIZE", "weapons", 0.7, "", ""))),
    "establish": (("base", ("MOBILIZE", "troops", 0.85, "base", "")), ("ties", ("SUPPORT", None, 0.8, "", ""))),
    "set": (("base", ("MOBILIZE", "troops", 0.8, "base", "")),),
    "build": (("base", ("MOBILIZE", "troops", 0.75, "base", "")),),
    "open": (("base", ("MOBILIZE", "troops", 0.7, "base", "")), ("probe", ("ACCUSE", "investigate", 0.8, "", ""))),
    "restore": (("ties", ("SUPPORT", None, 0.8, "", "")),),
    "close": (("border", ("COERCE", "restrict", 0.7, "", "")), ("ties", ("SANCTION", "withdraw", 0.75, "", ""))),
    "seal": (("border", ("COERCE", "restrict", 0.7, "", "")),),
    "cut": (("ties", ("SANCTION", "sever", 0.85, "", "")), ("aid", ("SANCTION", "sever", 0.8, "", ""))),
    "suspend": (("ties", ("SANCTION", "sever", 0.8, "", "")), ("aid", ("SANCTION", "sever", 0.8, "", "")),
                ("talks", ("SANCTION", "cancel", 0.8, "", "")), ("protest", ("CONCEDE", None, 0.75, "", ""))),
    "halt": (("aid", ("SANCTION", "sever", 0.7, "", "")), ("talks", ("SANCTION", "cancel", 0.7, "", ""))),
    "break": (("ties", ("SANCTION", "sever", 0.85, "", "")),),
    "freeze": (("assets", ("SANCTION", "sever", 0.85, "", "")), ("ties", ("SANCTION", "sever", 0.8, "", ""))),
    "expel": (("diplomats", ("SANCTION", "expel", 0.9, "", "")), ("observers", ("SANCTION", "expel", 0.85, "", "")),
              ("*", ("COERCE", "deport", 0.8, "", ""))),
    "recall": (("diplomats", ("SANCTION", "withdraw", 0.85, "", "")),),
    "withdraw": (("diplomats", ("SANCTION", "withdraw", 0.85, "", "")), ("observers", ("SANCTION", "withdraw", 0.85, "", "")),
                 ("*", ("RETREAT", "withdraw", 0.85, "withdraw", ""))),
    "cancel": (("restrictions", ("CONCEDE", None, 0.8, "", "")), ("protest", ("CONCEDE", None, 0.8, "", "")),
               ("talks", ("SANCTION", "cancel", 0.8, "", "")), ("*", ("SANCTION", "cancel", 0.6, "", ""))),
    "end": (("talks", ("SANCTION", "cancel", 0.8, "", "")), ("restrictions", ("CONCEDE", None, 0.75, "", "")),
            ("protest", ("CONCEDE", None, 0.75, "", ""))),
    "reduce": (("aid", ("SANCTION", "sever", 0.75, "", "")), ("ties", ("SANCTION", "sever", 0.75, "", ""))),
    "prohibit": (("aid", ("SANCTION", "sever", 0.8, "", "")), ("*", ("COERCE", "ban", 0.6, "", ""))),
    "shorten": (("restrictions", ("CONCEDE", None, 0.75, "", "")),),
    "upgrade": (("ties", ("SUPPORT", None, 0.8, "", "")),),
    "share": (("intelligence", ("COOPERATE", None, 0.8, "", "")),),
    "seek": (("asylum", ("REQUEST", None, 0.8, "", "")),),
    "lodge": (("protest", ("ACCUSE", "disapprove", 0.9, "", "")),),
    "file": (("protest", ("ACCUSE", "disapprove", 0.85, "", "")), ("probe", ("ACCUSE", "allege", 0.85, "", ""))),
    "prevent": (("protest", ("COERCE", "restrict", 0.75, "", "")),),
    "strengthen": (("troops", ("MOBILIZE", "troops", 0.8, "", "")), ("militia", ("MOBILIZE", "militia", 0.8, "", ""))),
    "bolster": (("troops", ("MOBILIZE", "troops", 0.8, "", "")), ("militia", ("MOBILIZE", "militia", 0.8, "", ""))),
    "contribute": (("troops", ("AID", "military", 0.7, "", "")), ("money", ("AID", "economic", 0.7, "", ""))),
    "allow": (("observers", ("RETREAT", "access", 0.7, "", "")), ("*", ("CONCEDE", None, 0.55, "", ""))),
    "postpone": (("talks", ("SANCTION", "cancel", 0.7, "", "")),),
    "impose": (("sanctions", ("SANCTION", "sever", 0.9, "", "")), ("curfew", ("COERCE", "curfew", 0.9, "", "")),
               ("restrictions", ("COERCE", "restrict", 0.8, "", ""))),
    "lift": (("restrictions", ("CONCEDE", None, 0.85, "", "")), ("sanctions", ("CONCEDE", None, 0.85, "", "")),
             ("curfew", ("CONCEDE", None, 0.85, "", ""))),
    "ease": (("restrictions", ("CONCEDE", None, 0.75, "", "")), ("sanctions", ("CONCEDE", None, 0.75, "", "")),
             ("curfew", ("CONCEDE", None, 0.75, "", ""))),
    "release": (("persons", ("RETREAT", "release", 0.85, "", "")),),
    "free": (("persons", ("RETREAT", "release", 0.8, "", "")),),
    "return": (("property", ("RETREAT", "return", 0.7, "", "")),),
    "seize": (("territory", ("ASSAULT", None, 0.85, "take", "")), ("weapons", ("COERCE", "confiscate", 0.85, "weapons", "")),
              ("persons", ("COERCE", "arrest", 0.75, "", "")), ("*", ("COERCE", "confiscate", 0.7, "", ""))),
    "capture": (("territory", ("ASSAULT", None, 0.85, "take", "")), ("weapons", ("COERCE", "confiscate", 0.8, "weapons", "")),
                ("*", ("COERCE", "arrest", 0.7, "", ""))),
    "take": (("territory", ("ASSAULT", None, 0.6, "take", "")),),
    "enter": (("territory", ("MOBILIZE", "troops", 0.55, "enter", "")),),
    "fire": (("weapons", ("ASSAULT", "heavy-weapons", 0.85, "", "")), ("onprep", ("ASSAULT", "firearms", 0.8, "", ""))),
    "launch": (("weapons", ("ASSAULT", "heavy-weapons", 0.85, "", "")), ("drones", ("ASSAULT", "drone", 0.85, "", ""))),
    "drop": (("bombs", ("ASSAULT", "aerial", 0.8, "", "")),),
    "provide": (("weapons", ("AID", "military", 0.75, "", "")), ("aid", ("AID", "humanitarian", 0.75, "", "")),
                ("money", ("AID", "economic", 0.75, "", "")), ("asylum", ("AID", "asylum", 0.8, "", ""))),
    "supply": (("weapons", ("AID", "military", 0.8, "", "")), ("aid", ("AID", "humanitarian", 0.75, "", "")),
               ("*", ("AID", None, 0.6, "", ""))),
    "deliver": (("weapons", ("AID", "military", 0.75, "", "")), ("aid", ("AID", "humanitarian", 0.75, "", ""))),
    "grant": (("asylum", ("AID", "asylum", 0.85, "", "")), ("money", ("AID", "economic", 0.75, "", "")),
              ("aid", ("AID", "humanitarian", 0.75, "", ""))),
    "give": (("weapons", ("AID", "military", 0.7, "", "")), ("aid", ("AID", "humanitarian", 0.7, "", "")),
             ("money", ("AID", "economic", 0.7, "", ""))),
    "arm": (("persons", ("AID", "military", 0.7, "", "")),),
    "train": (("persons", ("AID", "military", 0.5, "", "")),),
    "sign": (("agreement", ("SUPPORT", None, 0.8, "", "")),),
    "reach": (("agreement", ("AGREE", None, 0.85, "", "")),),
    "receive": (("persons", ("CONSULT", "visit", 0.6, "host", "")),),
}

# words of one object class (bases). "territory" also matches any PLACE mention as the object.
OBJECT_CLASSES: dict[str, str] = {
    "troops": "troop troops soldier force army unit battalion brigade division regiment reinforcement reservist marine paratrooper commando tank personnel",
    "militia": "militia militiaman fighter militant paramilitary volunteer",
    "police": "police policeman officer gendarme",
    "weapons": "weapon arms rocket missile shell mortar munition ammunition explosive cache bomb grenade artillery",
    "drones": "drone uav",
    "bombs": "bomb munition",
    "aid": "aid food medicine relief supply supplies assistance program programme",
    "money": "money fund loan grant credit dollar euro million billion",
    "asylum": "asylum refuge shelter",
    "base": "base headquarters outpost position checkpoint garrison camp airbase airstrip",
    "ties": "tie relation relations embassy consulate",
    "border": "border crossing frontier airspace",
    "diplomats": "diplomat ambassador envoy attache",
    "talks": "talk talks negotiation meeting dialogue summit visit mediation effort trip",
    "protest": "protest strike boycott demonstration sit-in rally march",
    "sanctions": "sanction embargo tariff boycott",
    "curfew": "curfew",
    "restrictions": "restriction ban blockade siege curfew state emergency measure sanction embargo",
    "intelligence": "intelligence information evidence expertise data",
    "assets": "asset account fund",
    "persons": "prisoner hostage detainee captive people person civilian man woman child member soldier fighter activist journalist suspect militant",
    "property": "property land asset body",
    "observers": "observer inspector peacekeeper monitor worker agency ngo",
    "territory": "town city village area territory district province region neighborhood neighbourhood airport hill stronghold control crossing base position outpost oilfield field dam barrage bridge road highway checkpoint airbase refinery headquarters garrison camp",
    "agreement": "agreement deal accord treaty pact memorandum truce ceasefire consensus",
    "probe": "investigation inquiry probe",
    "onprep": "",
}

# object classes that name things, never an actor or recipient ("imposed sanctions on X")
THING_CLASSES = ("weapons", "drones", "bombs", "aid", "money", "asylum", "ties", "talks", "protest",
                 "sanctions", "curfew", "restrictions", "assets", "agreement", "probe")

IRREGULAR: dict[str, str] = {
    "took": "take", "taken": "take", "sent": "send", "met": "meet", "held": "hold", "fought": "fight",
    "shot": "shoot", "struck": "strike", "stricken": "strike", "withdrew": "withdraw", "withdrawn": "withdraw",
    "beaten": "beat", "gave": "give", "given": "give", "began": "begin", "begun": "begin", "led": "lead",
    "made": "make", "broke": "break", "broken": "break", "overran": "overrun", "retook": "retake",
    "retaken": "retake", "brought": "bring", "set": "set", "put": "put", "cut": "cut", "laid": "lay",
    "froze": "freeze", "frozen": "freeze", "slew": "slay", "slain": "slay", "hit": "hit", "blew": "blow",
    "blown": "blow", "fled": "flee", "left": "leave", "went": "go", "gone": "go", "shut": "shut",
    "sought": "seek", "spoke": "speak", "spoken": "speak", "told": "tell", "said": "say", "ran": "run",
    "overtook": "overtake", "overtaken": "overtake", "won": "win", "lost": "lose", "built": "build",
    "drove": "drive", "driven": "drive", "rode": "ride", "forbade": "forbid", "forbidden": "forbid",
    "stood": "stand", "kept": "keep", "found": "find", "sold": "sell", "bought": "buy", "paid": "pay",
    "talks": "talks", "forces": "force", "arms": "arms", "clashes": "clash", "relations": "relations",
    "militiamen": "militiaman", "policemen": "policeman", "men": "man", "women": "woman", "children": "child",
    "people": "people", "headquarters": "headquarters", "opened": "open", "opening": "open", "opens": "open",
}

LIGHT_VERBS = frozenset(
    "launch carry conduct stage mount hold impose announce order begin start resume continue "
    "step intensify escalate wage lead initiate undertake execute perform make issue open".split()
)

# mode cues for ASSAULT, checked in this order over the sentence's bases (first hit wins)
ASSAULT_MODE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("suicide-attack", frozenset({"suicide"})),
    ("drone", frozenset({"drone", "uav", "uavs", "quadcopter"})),  # orbat: drone
    ("aerial", frozenset({"airstrike", "warplane", "jet", "aircraft", "helicopter", "gunship", "bomber",
                          "air-strike", "airstrikes", "predator", "air"})),  # orbat: aerial
    ("heavy-weapons", frozenset({"artillery", "mortar", "rocket", "missile", "tank", "shell", "shelling",
                                 "howitzer", "katyusha", "grad"})),
    ("explosives", frozenset({"bomb", "ied", "explosive", "mine", "landmine", "minefield", "grenade",
                              "bombing", "explosion", "blast"})),
    ("firearms", frozenset({"gun", "gunman", "gunfire", "rifle", "sniper", "bullet", "gunfight",
                            "gunbattle", "firefight", "machine-gun", "pistol"})),
    ("primitive", frozenset({"machete", "knife", "sword", "stone", "axe", "club"})),
)

# context cues over the sentence's bases, in priority order; first hit wins
CONTEXT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("cbrn", frozenset({"nuclear", "chemical", "uranium", "sarin", "chlorine", "biological", "radiological", "enrichment"})),
    ("cyber", frozenset({"cyber", "hacker", "hacking", "cyberattack", "malware"})),
    ("terrorism", frozenset({"terrorist", "terrorism", "terror", "suicide", "ied", "jihadist"})),
    ("election", frozenset({"election", "vote", "ballot", "poll", "electoral", "campaign"})),
    ("migration", frozenset({"refugee", "displaced", "migrant", "asylum"})),
    ("human_rights", frozenset({"rights"})),
    ("legal", frozenset({"court", "judge", "trial", "lawsuit", "prosecutor", "verdict", "indictment", "law", "legal", "tribunal"})),
    ("economic", frozenset({"trade", "economic", "oil", "tariff", "investment", "loan", "export", "import", "currency", "economy"})),
)

# the context of an event whose sentence has no cue: (event_type, mode or "*") -> context
TYPE_CONTEXT: dict[tuple[str, str], str] = {
    ("ASSAULT", "*"): "military", ("MOBILIZE", "*"): "military", ("RETREAT", "*"): "military",
    ("RETREAT", "release"): "political", ("RETREAT", "resign"): "government", ("COERCE", "*"): "political",
    ("COERCE", "arrest"): "legal", ("PROTEST", "*"): "political", ("SANCTION", "*"): "diplomatic",
    ("SANCTION", "sever"): "economic", ("SANCTION", "convict"): "legal", ("THREATEN", "*"): "political",
    ("THREATEN", "violence"): "military", ("THREATEN", "territory"): "military", ("CONSULT", "*"): "diplomatic",
    ("AGREE", "*"): "diplomatic", ("SUPPORT", "*"): "diplomatic", ("CONCEDE", "*"): "political",
    ("COOPERATE", "*"): "diplomatic", ("COOPERATE", "military"): "military", ("AID", "*"): "humanitarian",
    ("AID", "military"): "military", ("AID", "economic"): "economic", ("REQUEST", "*"): "political",
    ("REJECT", "*"): "political", ("ACCUSE", "*"): "political", ("ACCUSE", "investigate"): "legal",
}

FIGHT_CUES = frozenset("fight fighting clash battle attack kill killed dead wounded shell airstrike offensive storm".split())
CIVILIAN_WORDS = frozenset(
    "civilian villager resident worker farmer child woman journalist refugee worshipper shepherd "
    "student family passenger pilgrim patient doctor teacher".split()
)
PROTESTER_WORDS = frozenset("protester demonstrator protestor marcher".split())
# heads that are never actors or recipients: instruments, events, time words
NOT_ACTOR_WORDS = frozenset(
    "strike attack bomb bombing explosion blast drone missile rocket shell mortar ied mine airstrike "
    "raid incident fire gunfire aircraft warplane helicopter jet vehicle car device today yesterday "
    "week month year day night morning evening it this that which who what".split()
)
# modality words on the event's verb (PLOVER: cooperative actions in the future tense are AGREE)
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall"})
INTENT_WORDS = frozenset({"ready", "willing", "prepared", "plan", "intend", "set", "going", "poised", "determined", "eager"})
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "AID", "COOPERATE", "RETREAT", "CONCEDE", "AGREE"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
# an event under these prepositions is background to the sentence's news ("after clashes")
BACKGROUND_PREPS = frozenset({"after", "following", "amid", "despite", "since", "before"})
SUBORDINATORS = frozenset({"as", "while", "when", "after", "because", "since", "before", "until", "although", "if", "unless", "though"})
LABOR_WORDS = frozenset({"worker", "union", "employee", "teacher", "staff", "labor", "labour", "trucker", "driver", "doctor", "nurse", "miner"})
ATTRIBUTION_VERBS = frozenset({"charge", "allege", "claim"})  # with a clause ("X charged that ...") they only attribute
VERBAL_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE", "SUPPORT", "ACCUSE"})
STATE_KINDS = frozenset({"state", "state_force", "government_body", "coalition"})
PLACE_PREPS = frozenset("in at near along on toward towards into to outside around across inside off over from between".split())
RECIPIENT_PREPS = frozenset("against on upon at toward towards into targeting".split())
COACTOR_PREPS = frozenset("with between among".split())

TROOP_WORDS = frozenset(OBJECT_CLASSES["troops"].split())
MILITIA_WORDS = frozenset(OBJECT_CLASSES["militia"].split())
POLICE_WORDS = frozenset(OBJECT_CLASSES["police"].split())
WEAPON_WORDS = frozenset(OBJECT_CLASSES["weapons"].split()) | frozenset({"drone", "uav"})
# what an attack is made with: the weapon words and the devices of the mode cues (not "gunman", "air" …)
ARMS = WEAPON_WORDS | frozenset("""aircraft warplane jet helicopter gunship bomber uav quadcopter artillery mortar
    rocket missile tank shell howitzer katyusha grad bomb ied vbied explosive mine landmine grenade rpg gun
    machine-gun rifle pistol launcher munition ammunition weapon hardware equipment""".split())  # fmt: skip
GROUP_WORDS = frozenset("fighter member militant force troop soldier militiaman gunman unit official officer man woman airman "
                        "sailor marine personnel crew".split())

# the nouns that make a counted phrase a force size ("3,000 troops", "a battalion")
SIZE_UNITS = (
    "troops|soldiers|fighters|militiamen|militants|personnel|forces|policemen|police officers|officers|"
    "reservists|marines|paratroopers|commandos|gunmen|members|men|tanks|armoured vehicles|armored vehicles|"
    "vehicles|protesters|demonstrators|advisers|advisors|volunteers|recruits|battalions|brigades|"
    "battalion|brigade|regiment|division|company|platoon|convoy"
)

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "two dozen": 24, "three dozen": 36, "a thousand": 1000,
}

# vague counts -> the smallest number the word literally allows, used as low and best
# ("dozens" is at least two dozen). ACLED codes "dozens" as 12 and "hundreds" as 100; we keep the
# literal minimum and no high bound, so a range query never over-counts.
VAGUE_NUMBERS: dict[str, int] = {
    "several": 3, "a few": 3, "few": 3, "a number of": 3, "many": 10, "scores": 40, "scores of": 40,
    "dozens": 24, "dozens of": 24, "hundreds": 200, "hundreds of": 200, "thousands": 2000, "thousands of": 2000,
}

# PLOVER event (and a finer key) -> ACLED event type and sub-event type, with the reason.
# Keys: a mode, a kind, or a derived key ("take.state", "civilians" ...); "*" is the fallback.
ACLED_MAP: tuple[tuple[str, str, str, str, str], ...] = (
    ("ASSAULT", "drone", "Explosions/Remote violence", "Air/drone strike", "a drone strike is remote violence from the air"),
    ("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "strikes by aircraft or helicopters"),
    ("ASSAULT", "heavy-weapons", "Explosions/Remote violence", "Shelling/artillery/missile attack", "indirect fire: artillery, mortars, rockets, missiles"),
    ("ASSAULT", "explosives", "Explosions/Remote violence", "Remote explosive/landmine/IED", "IEDs, mines and car bombs without a suicide attacker"),
    ("ASSAULT", "suicide-attack", "Explosions/Remote violence", "Suicide bomb", "the attacker dies delivering the explosive"),
    ("ASSAULT", "intercept", "Strategic developments", "Disrupted weapons use", "an interception stops an attack before it lands"),
    ("ASSAULT", "take.state", "Battles", "Government regains territory", "state forces take ground by force"),
    ("ASSAULT", "take.nonstate", "Battles", "Non-state actor overtakes territory", "an armed group takes ground by force"),
    ("ASSAULT", "take", "Battles", "Armed clash", "ground changed hands in fighting, taker's status unknown"),
    ("ASSAULT", "abduct", "Violence against civilians", "Abduction/forced disappearance", "kidnappings target unarmed people"),
    ("ASSAULT", "sexual", "Violence against civilians", "Sexual violence", "ACLED's own sub-event"),
    ("ASSAULT", "destroy", "Strategic developments", "Looting/property destruction", "property, not people, is attacked"),
    ("ASSAULT", "protesters", "Protests", "Excessive force against protesters", "force used on a demonstration"),
    ("ASSAULT", "assassinate", "Violence against civilians", "Attack", "a targeted killing with no weapon named"),
    ("ASSAULT", "execute", "Violence against civilians", "Attack", "killing of people in the perpetrator's hands"),
    ("ASSAULT", "torture", "Violence against civilians", "Attack", "violence on people in custody"),
    ("ASSAULT", "beat", "Violence against civilians", "Attack", "physical assault on unarmed people"),
    ("ASSAULT", "civilians", "Violence against civilians", "Attack", "one-sided violence on unarmed victims"),
    ("ASSAULT", "*", "Battles", "Armed clash", "armed, organised sides fighting with direct fire"),
    ("MOBILIZE", "base", "Strategic developments", "Headquarters or base established", "a base or position is set up"),
    ("MOBILIZE", "take.peaceful", "Strategic developments", "Non-violent transfer of territory", "forces move into ground another side left"),
    ("MOBILIZE", "*", "Strategic developments", "Other", "a deployment changes the picture without violence"),
    ("RETREAT", "withdraw.place", "Strategic developments", "Non-violent transfer of territory", "a force leaves a named place"),
    ("RETREAT", "ceasefire", "Strategic developments", "Agreement", "a ceasefire put into effect"),
    ("RETREAT", "*", "Strategic developments", "Other", "releases, disarmament, withdrawals without a place"),
    ("COERCE", "arrest", "Strategic developments", "Arrests", "detention by state or armed group"),
    ("COERCE", "weapons", "Strategic developments", "Disrupted weapons use", "weapons seized before use"),
    ("COERCE", "confiscate", "Strategic developments", "Looting/property destruction", "property taken by force"),
    ("COERCE", "disperse", "Protests", "Protest with intervention", "authorities break up a demonstration"),
    ("COERCE", "*", "Strategic developments", "Other", "curfews, bans, closures"),
    ("PROTEST", "riot", "Riots", "Violent demonstration", "the crowd itself is violent"),
    ("PROTEST", "intervention", "Protests", "Protest with intervention", "police or forces act against the crowd"),
    ("PROTEST", "*", "Protests", "Peaceful protest", "demonstrations, strikes, sit-ins"),
    ("AGREE", "*", "Strategic developments", "Agreement", "ceasefires, deals and accords"),
    ("CONCEDE", "ceasefire", "Strategic developments", "Agreement", "a declared ceasefire"),
)

# PLOVER types with no ACLED counterpart: ACLED codes violence, demonstrations and strategic
# developments, not diplomacy, verbal conflict or sanctions
ACLED_OUT_OF_SCOPE: dict[str, str] = {
    "CONSULT": "meetings and talks are outside ACLED's scope",
    "SUPPORT": "verbal support is not coded by ACLED",
    "CONCEDE": "verbal concessions other than ceasefires are not coded",
    "COOPERATE": "material cooperation is not coded",
    "AID": "aid deliveries are not coded",
    "REQUEST": "demands are verbal",
    "ACCUSE": "accusations and investigations are verbal",
    "REJECT": "rejections are verbal",
    "THREATEN": "threats are verbal; ACLED codes the act, not the threat",
    "SANCTION": "sanctions and designations are not political violence",
}
