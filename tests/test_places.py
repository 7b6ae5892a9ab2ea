"""The gazetteer without the model: names, exonyms, regions in English, disambiguation."""

from eventwire.places.gazetteer import fold, gazetteer, region_keys


def test_cities_exonyms_and_disambiguation_by_the_story():
    g = gazetteer()
    kharkiv = g.city("Kharkiv")
    assert (kharkiv.country, kharkiv.kind, kharkiv.admin1) == ("UKR", "city", "UA.07") and kharkiv.geonameid
    assert g.city("Kiev").name == "Kyiv"  # an exonym of a large city
    assert g.city("Tripoli").country == "LBY"  # the larger, with no story
    assert g.city("Tripoli", ["LBN"]).country == "LBN"
    assert g.city("Hyderabad", ["PAK", "IND"]).country == "PAK"  # the story's first country first
    assert g.city("Narnia") is None


def test_regions_by_english_name_and_type_words():
    g = gazetteer()
    assert (g.region("Crimea").admin1, g.region("Crimea").name) == ("UA-43", "Crimea")
    assert g.region("the Donetsk region").admin1 == "UA-14"
    assert g.region("Belgorod oblast").admin1 == "RU-BEL"
    assert g.region("Punjab", ["PAK"]).admin1 == "PK-PB" and g.region("Punjab", ["IND"]).admin1 == "IN-PB"
    assert g.region("Bavaria").country == "DEU"
    assert region_keys("Kharkivska oblast") >= {"kharkiv"}
    assert fold("Donets'ka Óblast") == "donetska oblast"
