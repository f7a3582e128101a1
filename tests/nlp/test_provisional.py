from orbat.model import EntityKind
from orbat.nlp.provisional import is_generic_org_name, looks_like_person, organisation_kind, split_person_name


def test_titles_are_set_apart_from_the_name():
    p = split_person_name("Army Lt. Gen. Stephen J. Townsend")
    assert (p.title, p.name, p.offset) == ("Army Lt. Gen.", "Stephen J. Townsend", 14)
    assert split_person_name("Sheikh Abu Omar al-Ansari").name == "Abu Omar al-Ansari"
    assert split_person_name("Navy Capt").name == ""


def test_a_person_is_two_capitalised_name_tokens_and_nothing_that_makes_it_a_place_or_ship():
    assert looks_like_person("Muath al-Kasasbeh") and looks_like_person("Staffan de Mistura")
    assert looks_like_person("Isiah L. Booker")
    for name in ("Omar", "Samarra Barrage", "Near Palmyra", "USS Hopper", "Jabal Hamrin", "F-16 Falcon",
                 "Supporters Brigades", "the Syrian government"):
        assert not looks_like_person(name), name


def test_organisation_kind_follows_the_organisation_word():
    assert organisation_kind("Ministry of Higher Education") is EntityKind.GOVERNMENT_BODY
    assert organisation_kind("Mujahideen Shura Council") is EntityKind.ORGANISATION
    assert organisation_kind("134th Expeditionary Fighter Squadron") is EntityKind.UNIT
    assert organisation_kind("407th AEG") is EntityKind.UNIT and organisation_kind("5th SFG") is EntityKind.UNIT
    assert organisation_kind("USS Hopper") is EntityKind.UNIT and organisation_kind("FS Charles de Gaulle") is EntityKind.UNIT
    assert organisation_kind("MV Ever Given") is None  # a merchant vessel is no one's unit
    assert organisation_kind("Royal Jordanian Air Force") is EntityKind.STATE_FORCE
    assert organisation_kind("Baath Party") is EntityKind.PARTY
    for name in ("Coalition", "Operation Steel Curtain", "Geneva Communique", "Air Force F-16 Fighting Falcons",
                 "Joint and Coalition", "Iraqi Ministry of Culture, State Board of Antiquities", "5th Avenue"):
        assert organisation_kind(name) is None, name


def test_generic_organisation_names_are_told_from_proper_ones():
    assert is_generic_org_name("Interior Ministry") and is_generic_org_name("2nd Battalion")
    assert not is_generic_org_name("Zarqa Valley Observatory") and not is_generic_org_name("World Monuments Fund")
