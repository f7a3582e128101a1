from orbat.model import Document
from orbat.nlp.aliases import alias_claim, build_alias_index, find_alias_links
from orbat.nlp.fuzzy import jaro_winkler
from orbat.nlp.normalise import acronym_of, is_acronym, name_key


def test_name_key_meets_transliteration_variants():
    assert name_key("Kata'ib Hizballah") == name_key("Kataib Hezbollah") == name_key("Kata’ib Hizbullah")
    assert name_key("al-Qa'im") == name_key("Qaim") == name_key("Al Qaim")
    assert name_key("Abu Kamal") == name_key("Albu Kamal") == name_key("Al Bukamal")
    assert name_key("the Hashed al-Sha'bi") == name_key("Hashd al-Shaabi")
    assert name_key("Popular Mobilisation Forces") == name_key("Popular Mobilization Forces")
    assert name_key("Hizbollah's") == name_key("Hezbollah")


def test_name_key_keeps_different_names_apart():
    assert name_key("Kataib Hezbollah") != name_key("Kataib Sayyid al-Shuhada")


def test_acronyms_are_recognised_and_derived():
    assert is_acronym("PMF") and is_acronym("U.S.") and not is_acronym("us") and not is_acronym("Iran")
    assert acronym_of("Popular Mobilization Forces") == "PMF"
    assert acronym_of("Islamic Revolutionary Guard Corps") == "IRGC"


def test_jaro_winkler_is_one_for_equal_and_high_for_near_spellings():
    assert jaro_winkler("soleimani", "soleimani") == 1.0
    assert jaro_winkler("qasemsoleimani", "qasemsuleimani") > 0.93
    assert jaro_winkler("kataib", "badr") < 0.6


def test_alias_index_answers_exact_acronym_and_surname(tiny_theatre):
    index = build_alias_index(tiny_theatre.entities)
    assert index.exact("Kata'ib Hizballah") == ("kh",)
    assert index.exact("PMF") == ("pmf",)
    assert index.exact("pmf") == ()  # acronyms compare case-sensitively
    assert index.surname("Soleimani") == ("soleimani",)


def test_alias_index_fuzzy_match_is_conservative(tiny_theatre):
    index = build_alias_index(tiny_theatre.entities)
    assert index.fuzzy("Qasem Suleimani", threshold=0.93)[0] == "soleimani"
    assert index.fuzzy("Syrian Arab Red Crescent", threshold=0.93) is None


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def test_parenthesised_acronym_is_an_alias_link():
    text = "The Popular Mobilization Forces (PMF) moved west."
    links = find_alias_links(text, [_span(text, "Popular Mobilization Forces")])
    assert [(text[slice(*l.alias)], l.cue) for l in links] == [("PMF", "parenthesis")]


def test_called_and_dash_apposition_are_alias_links():
    text = "The Hashd Forces, also known as the Shaabi Units, met. The Union – or Zed Front – left."
    anchors = [_span(text, "Hashd Forces"), _span(text, "Union")]
    got = {text[slice(*l.alias)] for l in find_alias_links(text, anchors)}
    assert got == {"Shaabi Units", "Zed Front"}


def test_dash_description_is_not_an_alias():
    text = "Kataib Hezbollah — the most powerful faction — said so."
    assert find_alias_links(text, [_span(text, "Kataib Hezbollah")]) == []


def test_sentence_opening_also_called_names_the_previous_actor():
    text = "Groups in the PMF grew.\n\nAlso called the Hashd al-Shaabi, the force is large."
    links = find_alias_links(text, [], leading_anchors=[_span(text, "PMF")])
    assert [text[slice(*l.alias)] for l in links] == ["Hashd al-Shaabi"]


def test_alias_claim_has_evidence_and_a_deterministic_id():
    text = "The Popular Mobilization Forces (PMF) moved west."
    doc = Document(id="d1", text=text, clean_text=text, published="2026-01-02")
    link = find_alias_links(text, [_span(text, "Popular Mobilization Forces")])[0]
    claim = alias_claim(doc, link, "pmf", confidence=0.9)
    assert (claim.predicate, claim.subject, claim.object, claim.extractor) == ("alias_of", "pmf", "PMF", "orbat.aliases/1")
    assert claim.evidence[0].quote == "Popular Mobilization Forces (PMF"
    assert claim.id == alias_claim(doc, link, "pmf", confidence=0.9).id
