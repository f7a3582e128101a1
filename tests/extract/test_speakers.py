"""First-person plural pronouns read as the body that speaks (orbat.extract.speakers), on real parses."""

from __future__ import annotations

from functools import partial

import pytest

from orbat.extract import build_extract_deps, extract_claims
from orbat.extract.relations import build_relation_deps, find_relations
from orbat.extract.speakers import with_speakers

pytestmark = pytest.mark.model

ISIS = ("ISIS", "ACTOR", "islamic-state")
SDF = ("SDF", "ACTOR", "syrian-democratic-forces")
CENTCOM = ("U.S. Central Command", "ACTOR", "centcom")
CJTF = ("CJTF-OIR", "ACTOR", "cjtf-oir")
RUDAW = ("Rudaw", "ACTOR", "rudaw")
VOTEL = ("Joseph Votel", "PERSON", "prov:person:joseph-votel")


@pytest.fixture(scope="module")
def relation_deps(theatre):
    return build_relation_deps(theatre)


def _speakers(analysis, relation_deps):
    out = with_speakers(analysis, relation_deps.entity_kinds, partial(find_relations, deps=relation_deps))
    return {(m.text, m.start): (m.entity, m.antecedent) for m in out.mentions if m.antecedent}


def test_a_persons_we_is_the_body_the_document_gives_them_an_office_in(analysed, relation_deps):
    text = 'Gen. Joseph Votel, commander of U.S. Central Command, said: "We will keep up the pressure on ISIS."'
    found = _speakers(analysed(text, [VOTEL, CENTCOM, ISIS]), relation_deps)
    at = text.index("U.S. Central")
    assert found == {("We", text.index("We")): ("centcom", (at, at + len("U.S. Central Command")))}


def test_a_spokespersons_we_across_a_quotation_is_their_body(analysed, relation_deps):
    text = ('"We will not allow ISIS to keep those weapons," said Col. John Dorrian, the CJTF-OIR spokesperson.')
    dorrian = ("John Dorrian", "PERSON", "prov:person:john-dorrian")
    found = _speakers(analysed(text, [dorrian, CJTF, ISIS]), relation_deps)
    assert found == {("We", 1): ("cjtf-oir", (text.index("CJTF"), text.index("CJTF") + 8))}


def test_no_office_two_offices_an_outlet_or_no_speaker_leave_we_unnamed(analysed, relation_deps):
    unknown = 'Joseph Votel said: "We will keep up the pressure on ISIS."'
    two = ('Joseph Votel, the commander of U.S. Central Command, is also a member of the SDF. '
           'Joseph Votel said: "We will keep up the pressure on ISIS."')  # fmt: skip
    outlet = '"We have seen the documents," Rudaw said.'
    nobody = "We will keep up the pressure on ISIS."
    assert _speakers(analysed(unknown, [VOTEL, ISIS]), relation_deps) == {}
    assert _speakers(analysed(two, [VOTEL, CENTCOM, SDF, ISIS]), relation_deps) == {}
    assert _speakers(analysed(outlet, [RUDAW]), relation_deps) == {}
    assert _speakers(analysed(nobody, [ISIS]), relation_deps) == {}


def test_claims_made_through_we_name_the_body_and_quote_its_name(analysed, theatre):
    text = ('Gen. Joseph Votel, commander of U.S. Central Command, spoke on Monday.\n\n'
            '"We will keep fighting ISIS alongside the SDF," Votel said.')  # fmt: skip
    votel_again = ("Votel", "PERSON", "prov:person:joseph-votel")
    claims = extract_claims(analysed(text, [VOTEL, votel_again, CENTCOM, ISIS, SDF]), deps=build_extract_deps(theatre))
    fights = {c.subject: c for c in claims if c.predicate == "opposed_to" and c.object == "islamic-state"}
    assert set(fights) == {"centcom", "syrian-democratic-forces"}  # we, and those we fight alongside
    assert [e.quote for e in fights["centcom"].evidence][1:] == ["U.S. Central Command"]  # who "we" is, from outside
    assert fights["centcom"].claimant == "prov:person:joseph-votel"  # the claim's sentence; the speaker says it
    assert [(c.subject, c.object) for c in claims if c.predicate == "allied_with"] == [("centcom", "syrian-democratic-forces")]
