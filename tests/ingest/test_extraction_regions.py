"""Regions under their English names and regions named after their capital city."""

from ingest.facts import ArticleText


def places(extractor, text):
    facts = extractor(ArticleText(text=text))
    return {(m.place.name, m.place.country, m.place.kind) for m in facts.places}


def test_region_is_named_by_its_english_exonym(extractor):
    found = places(extractor, "Engineers from Bavaria and Saxony met partners in Pune.")
    assert ("Bavaria", "DE", "region") in found
    assert not any(name == "Bayern" for name, _, _ in found)


def test_oblast_named_after_a_city_is_the_region(extractor):
    text = "Firefighters of Odesa Oblast trained with colleagues from Varna."
    found = places(extractor, text)
    assert ("Odesa Oblast", "UA", "region") in found
    assert not any(name == "Odesa" for name, _, _ in found)
