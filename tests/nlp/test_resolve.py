from orbat.model import Document, Entity, EntityKind, MentionLabel, Segment, SegmentKind
from orbat.nlp.aliases import build_alias_index
from orbat.nlp.recognise import Candidate
from orbat.nlp.resolve import looks_like_armed_group, resolve_candidates


def _no_places(names):
    return [(None, 0.0) for _ in names]


def _cands(text, *items):
    out, pos = [], 0
    for needle, label, source, *hint in items:
        i = text.index(needle, pos)
        out.append(Candidate(i, i + len(needle), label, source, hint[0] if hint else None))
        pos = i + 1
    return sorted(out, key=lambda c: (c.start, -c.end))


def _resolve(theatre, text, cands, places=_no_places, segments=()):
    doc = Document(id="d1", text=text, clean_text=text, segments=segments)
    index = build_alias_index(theatre.entities)
    return resolve_candidates(doc, cands, index=index, forces={"SYR": "syrian-army"}, resolve_places=places)


A, P, L = MentionLabel.ACTOR, MentionLabel.PERSON, MentionLabel.PLACE


def test_exact_key_resolves_a_variant_spelling(tiny_theatre):
    text = "Kata'ib Hizballah fired rockets."
    r = _resolve(tiny_theatre, text, _cands(text, ("Kata'ib Hizballah", A, "spacy")))
    assert (r.mentions[0].entity, r.mentions[0].score) == ("kh", 0.95)


def test_acronym_defined_in_the_document_resolves_later_mentions(tiny_theatre):
    text = "The Zed Liberation Front (ZLF) attacked. Later the ZLF withdrew."
    cands = _cands(text, ("Zed Liberation Front", A, "spacy"), ("ZLF", A, "spacy"), ("ZLF", A, "spacy"))
    r = _resolve(tiny_theatre, text, cands)
    assert {m.entity for m in r.mentions} == {"prov:zed-liberation-front"}
    assert r.entities[0].provisional and r.entities[0].aliases[0].name == "ZLF"
    assert [(c.predicate, c.object) for c in r.claims] == [("alias_of", "ZLF")]


def test_unknown_armed_group_gets_a_provisional_entity_and_other_names_do_not():
    assert looks_like_armed_group("Liwa al-Zeinab") and looks_like_armed_group("Northern Storm Brigade")
    assert not looks_like_armed_group("Getty Images") and not looks_like_armed_group("Brigade")


def test_surname_resolves_to_the_person_named_earlier(tiny_theatre):
    text = "Qasem Soleimani arrived. Later Soleimani left."
    r = _resolve(tiny_theatre, text, _cands(text, ("Qasem Soleimani", P, "spacy"), ("Soleimani", P, "spacy")))
    assert [m.entity for m in r.mentions] == ["soleimani", "soleimani"]
    assert r.judgements[0].verdict == "positive" and r.judgements[0].right == "soleimani"


def test_surname_of_an_unknown_person_resolves_to_the_provisional_person(tiny_theatre):
    text = "Abu Zaid al-Karimi spoke. Karimi said no."
    r = _resolve(tiny_theatre, text, _cands(text, ("Abu Zaid al-Karimi", P, "spacy"), ("Karimi", P, "spacy")))
    assert [(m.entity, m.score) for m in r.mentions] == [("prov:person:abu-zaid-al-karimi", 0.6)] * 2
    assert r.judgements[0].right == "prov:person:abu-zaid-al-karimi"
    assert [(e.kind, e.provisional) for e in r.entities] == [(EntityKind.PERSON, True)]


def test_surname_of_a_person_named_by_one_word_links_the_two_mentions(tiny_theatre):
    text = "Karimi spoke. Karimi said no."
    r = _resolve(tiny_theatre, text, _cands(text, ("Karimi", P, "spacy"), ("Karimi", P, "spacy")))
    assert [m.entity for m in r.mentions] == [None, None]
    assert r.judgements[0].right == "mention:d1:0-6"


def test_fuzzy_match_resolves_with_a_lower_score_and_an_unsure_judgement(tiny_theatre):
    text = "Qasem Suleimany visited."
    r = _resolve(tiny_theatre, text, _cands(text, ("Qasem Suleimany", P, "spacy")))
    assert r.mentions[0].entity == "soleimani" and r.mentions[0].score < 0.9
    assert r.judgements[0].source.endswith("fuzzy")


def test_short_form_takes_the_last_compatible_antecedent(tiny_theatre):
    text = "The Al-Tufuf Brigade holds the crossing. The brigade said it was ready."
    i = text.index("brigade said")
    cands = _cands(text, ("Al-Tufuf Brigade", A, "ruler", "tufuf")) + [Candidate(i, i + 7, A, "shortform", "brigade")]
    r = _resolve(tiny_theatre, text, cands)
    assert [(m.text, m.entity, m.score) for m in r.mentions][1] == ("brigade", "tufuf", 0.5)
    assert r.judgements[-1].verdict == "unsure"


def test_short_form_without_antecedent_is_dropped(tiny_theatre):
    text = "Syria said so. The movement said nothing."
    i = text.index("movement")
    r = _resolve(tiny_theatre, text, [Candidate(i, i + 8, A, "shortform", "movement")])
    assert r.mentions == ()


def test_demonym_force_resolves_to_the_state_forces(tiny_theatre):
    text = "Syrian fighters skirmished."
    r = _resolve(tiny_theatre, text, _cands(text, ("Syrian fighters", A, "demonym", "demonym:SYR")))
    assert r.mentions[0].entity == "syrian-army"


def test_a_qualified_demonym_force_is_not_the_state_forces(tiny_theatre):
    text = "Rebel Syrian fighters skirmished."
    r = _resolve(tiny_theatre, text, _cands(text, ("Syrian fighters", A, "demonym", "demonym:SYR")))
    assert r.mentions[0].entity is None
    text = "Kurdish Syrian fighters skirmished."  # a collective, in Syria: not the Syrian army either
    r = _resolve(tiny_theatre, text, _cands(text, ("Syrian fighters", A, "demonym", "demonym:SYR")))
    assert [(m.text, m.entity) for m in r.mentions] == [("Kurdish Syrian fighters", "collective:kurdish-fighters:syr")]


def test_places_go_through_the_injected_resolver(tiny_theatre):
    text = "They met in Al Bukamal."
    place = Entity("geonames:1", EntityKind.PLACE, "Albu Kamal")
    r = _resolve(tiny_theatre, text, _cands(text, ("Al Bukamal", L, "spacy")), places=lambda names: [(place, 0.9)] * len(names))
    assert (r.mentions[0].entity, r.mentions[0].score, r.mentions[0].source) == ("geonames:1", 0.9, "gazetteer")


def test_a_spacy_person_that_the_gazetteer_knows_well_becomes_a_place(tiny_theatre):
    text = "Fighting near Aleppo."
    place = Entity("geonames:2", EntityKind.PLACE, "Aleppo")
    r = _resolve(tiny_theatre, text, _cands(text, ("Aleppo", P, "spacy")), places=lambda names: [(place, 0.6)] * len(names))
    assert (r.mentions[0].label, r.mentions[0].entity) == (L, "geonames:2")


def test_a_titled_one_word_person_stays_a_person_even_when_the_gazetteer_knows_the_word(tiny_theatre):
    text = "Secretary Kerry urged restraint, said Kerry's aides near Kerry."
    county = Entity("iso3166-2:IE-KY", EntityKind.PLACE, "Kerry")
    r = _resolve(tiny_theatre, text, _cands(text, ("Kerry", P, "spacy"), ("Kerry", P, "spacy"), ("Kerry", P, "spacy")),
                 places=lambda names: [(county, 0.9)] * len(names))
    assert r.mentions[0].label is P and r.mentions[0].entity is None  # after "Secretary": the man
    assert r.mentions[2].label is L  # "near Kerry", no title: the gazetteer may still say it is the county


def test_caption_mentions_are_kept_and_marked(tiny_theatre):
    text = "Body text. Kataib Hezbollah fighters in a photo."
    seg = Segment(11, len(text), SegmentKind.CAPTION)
    r = _resolve(tiny_theatre, text, _cands(text, ("Kataib Hezbollah", A, "ruler", "kh")), segments=(seg,))
    assert (r.mentions[0].entity, r.mentions[0].source) == ("kh", "ruler:caption")
