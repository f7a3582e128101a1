"""Attribution: claimant, modality and polarity read off the parse of sentences we wrote."""

from __future__ import annotations

import pytest

from orbat.extract.attribution import attribute, claimant_id

pytestmark = pytest.mark.model


def token(analysis, word: str) -> int:
    return next(t.i for t in analysis.parse if t.text == word)


def attribution_at(analysis, word: str):
    return attribute(analysis.parse, token(analysis, word), analysis.mentions)


def test_plain_statement_is_the_outlets_assertion(analysed):
    a = analysed("Kataib Hezbollah seized Al-Qaim.", [])
    got = attribution_at(a, "seized")
    assert (got.claimant, got.modality, got.polarity, got.confidence_factor) == (None, "asserted", "affirmed", 1.0)


def test_denial_is_a_negated_denied_claim_by_the_denier(analysed):
    a = analysed("Qasim Muslih denied any coordination with the Syrian Democratic Forces.",
                 [("Qasim Muslih", "PERSON", "qasim-muslih")])
    got = attribution_at(a, "coordination")
    assert (got.modality, got.polarity, got.claimant) == ("denied", "negated", "qasim-muslih")


def test_according_to_sets_the_claimant(analysed):
    a = analysed("Kataib Hezbollah seized Al-Qaim, according to Rudaw.", [("Rudaw", "ACTOR", "rudaw")])
    got = attribution_at(a, "seized")
    assert (got.claimant, got.modality) == ("rudaw", "reported")


def test_described_sources_get_a_deterministic_provisional_claimant(analysed):
    a = analysed("Two security officials in Damascus told The National that the army had seized the town.",
                 [("The National", "ACTOR", "the-national")])
    got = attribution_at(a, "seized")
    assert got.claimant == "claimant:two-security-officials-in-damascus" == claimant_id("two security officials in Damascus")
    assert got.claimant_text == "Two security officials in Damascus" and got.modality == "reported"


def test_inverted_quote_attribution_names_the_speaker(analysed):
    a = analysed('"The brigade has been stationed at the crossing for months," Muslih said.',
                 [("Muslih", "PERSON", "qasim-muslih")])
    got = attribution_at(a, "stationed")
    assert (got.claimant, got.modality) == ("qasim-muslih", "reported")


def test_subject_of_the_speech_verb_is_not_its_content(analysed):
    a = analysed("Ahmad al-Asadi, the spokesman of the brigade, said the fighting was over.",
                 [("Ahmad al-Asadi", "PERSON", "ahmad-al-asadi")])
    got = attribution_at(a, "spokesman")
    assert (got.claimant, got.modality) == (None, "asserted")


def test_preparing_for_an_incursion_is_future(analysed):
    a = analysed("The brigade was preparing for an incursion into Syria.", [])
    assert attribution_at(a, "incursion").modality == "future"


def test_will_and_plans_to_are_future(analysed):
    assert attribution_at(analysed("The brigade will deploy to the border.", []), "deploy").modality == "future"
    assert attribution_at(analysed("The brigade plans to deploy to the border.", []), "deploy").modality == "future"


def test_there_were_fears_that_is_feared(analysed):
    a = analysed("There were fears that the militias would seize the crossing.", [])
    assert attribution_at(a, "seize").modality == "feared"


def test_could_is_hypothetical_and_if_clause_too(analysed):
    assert attribution_at(analysed("The militias could seize the crossing.", []), "seize").modality == "hypothetical"
    a = analysed("If the army withdraws, the militias will seize the crossing.", [])
    assert attribution_at(a, "withdraws").modality == "hypothetical"


def test_claimed_and_allegedly_are_claimed(analysed):
    a = analysed("The group claimed that it had seized the crossing.", [])
    assert attribution_at(a, "seized").modality == "claimed"
    assert attribution_at(analysed("The group allegedly seized the crossing.", []), "seized").modality == "claimed"


def test_not_and_never_negate_the_trigger(analysed):
    assert attribution_at(analysed("The brigade is not part of the army.", []), "part").polarity == "negated"
    assert attribution_at(analysed("The brigade never seized the crossing.", []), "seized").polarity == "negated"
    assert attribution_at(analysed("We have no presence at the crossing.", []), "presence").polarity == "negated"


def test_not_only_is_no_negation(analysed):
    a = analysed("Iran is not only an ally of the government but also of the army.", [])
    assert attribution_at(a, "ally").polarity == "affirmed"


def test_negation_in_the_speech_clause_does_not_negate_the_content(analysed):
    a = analysed("Officials did not say that the brigade seized the crossing.", [])
    assert attribution_at(a, "seized").polarity == "affirmed"


def test_a_word_in_scare_quotes_or_after_so_called_is_someones_claim(analysed):
    quoted = analysed("The report says Assad’s “war” on ISIL is a sham.", [])
    so_called = analysed("The so-called war on ISIL goes on.", [])
    plain = analysed("Assad’s war on ISIL goes on.", [])
    quote = analysed('"We are at war with ISIL," he said.', [])
    assert attribution_at(quoted, "war").modality == "claimed"
    assert attribution_at(so_called, "war").modality == "claimed"
    assert attribution_at(plain, "war").modality == "asserted"
    assert attribution_at(quote, "war").modality != "claimed"  # a quotation's word is no scare quote
