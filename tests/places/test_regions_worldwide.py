"""Regions of every country under their English names, big cities' districts, and lookups of
a name that is a country and a place at once."""

from __future__ import annotations

import pytest

from bot.config import load_settings
from places.gazetteer import load_gazetteer
from places.index import PlaceIndex


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(load_settings().citylink_cache_dir)


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return PlaceIndex.build(load_gazetteer(load_settings().citylink_cache_dir, every_alias=True))


def readings(gaz, name: str) -> set[tuple[str, str, str]]:
    return {(p.name, p.country, p.kind) for p, _ in gaz.candidates(name)}


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Central Macedonia", ("Central Macedonia", "GR", "region")),  # ISO names it in Greek
        ("Gyeonggi", ("Gyeonggi", "KR", "region")),
        ("Gyeonggi-do", ("Gyeonggi", "KR", "region")),
        ("Lower Austria", ("Lower Austria", "AT", "region")),
        ("Issyk-Kul", ("Issyk-Kul", "KG", "region")),
        ("Albay", ("Albay", "PH", "region")),  # a province under a Philippine region
        ("Gironde", ("Gironde", "FR", "region")),  # a department under a French region
        ("Transcarpathia", ("Zakarpattia", "UA", "region")),
        ("Zakarpattia Oblast", ("Zakarpattia", "UA", "region")),
        ("South Moravian Region", ("South Moravian Region", "CZ", "region")),  # "Jihomoravský"
        ("Khorezm", ("Khorezm", "UZ", "region")),  # "Xorazm"
        ("Normandy", ("Normandy", "FR", "region")),  # "Normandie"
        ("Brittany", ("Brittany", "FR", "region")),  # "Bretagne"
        ("Corsica", ("Corsica", "FR", "region")),  # "Corse"
        ("Masovia", ("Masovia", "PL", "region")),  # "Mazowieckie"
        ("Yakutia", ("Yakutia", "RU", "region")),  # "Saha, Respublika"
        ("Crimea", ("Crimea", "UA", "region")),  # "Avtonomna Respublika Krym"
        ("Lviv Oblast", ("Lviv Oblast", "UA", "region")),  # "Lvivska"
        ("Kharkiv region", ("Kharkiv Oblast", "UA", "region")),
        ("Odessa Oblast", ("Odesa Oblast", "UA", "region")),
        ("Khmelnytskyi Oblast", ("Khmelnytskyi Oblast", "UA", "region")),  # "Khmelnytska"
        ("Kuyavian-Pomeranian Voivodeship", ("Kuyavia-Pomerania", "PL", "region")),
        ("Lower Silesian Voivodeship", ("Lower Silesia", "PL", "region")),
        ("Świętokrzyskie", ("Świętokrzyskie", "PL", "region")),
        ("Plzeň Region", ("Plzeň Region", "CZ", "region")),  # "Plzeňský"
        ("Olomouc Region", ("Olomouc Region", "CZ", "region")),
    ],
)
def test_regions_are_found_under_their_english_names(gaz, written, expected):
    assert expected in readings(gaz, written)


@pytest.mark.parametrize(
    "written, town",
    [("Lviv", "Lviv"), ("Kharkiv", "Kharkiv"), ("Olomouc", "Olomouc"), ("Opole", "Opole")],
)
def test_a_region_named_after_its_city_leaves_the_bare_name_to_the_city(gaz, written, town):
    assert {kind for name, _, kind in readings(gaz, written) if name == town} == {"city"}
    assert not any(kind == "region" for _, _, kind in readings(gaz, written))


def test_a_polish_region_is_no_church_or_silesia_of_the_wrong_voivodeship(gaz):
    assert not readings(gaz, "Holy Cross")  # the database's English for Świętokrzyskie
    assert not readings(gaz, "Upper Silesia")  # its name for Opole Voivodeship


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Jahra", ("Al Jahrā’", "KW", "region")),
        ("Anbar", ("Al Anbār", "IQ", "region")),
        ("Muthanna", ("Al Muthanná", "IQ", "region")),
        ("Dakhiliyah", ("Ad Dākhilīyah", "OM", "region")),  # the article assimilated: "Ad"
    ],
)
def test_an_arabic_region_is_found_without_its_article(gaz, written, expected):
    assert expected in readings(gaz, written)


def test_an_arabic_region_s_name_two_regions_share_needs_its_article(gaz):
    # "Ash Sharqīyah", the eastern province of Egypt and of Saudi Arabia: bare, it is neither
    assert not readings(gaz, "Sharqiyah")
    assert ("Sharqia", "EG", "region") in readings(gaz, "Ash Sharqiyah")


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Hackney", ("Hackney", "GB", "region")),  # a London borough
        ("Lewisham", ("Lewisham", "GB", "region")),  # an Australian suburb too
        ("Kirklees", ("Kirklees", "GB", "region")),  # a metropolitan district
        ("Renfrewshire", ("Renfrewshire", "GB", "region")),  # a Scottish council area
        ("Tameside", ("Tameside", "GB", "region")),  # a metropolitan district
    ],
)
def test_british_councils_are_places(gaz, written, expected):
    assert expected in readings(gaz, written)


@pytest.mark.parametrize("name", ["Highland", "Angus"])
def test_a_british_council_named_like_a_town_abroad_is_left_out(gaz, name):
    assert not any(country == "GB" for _, country, _ in readings(gaz, name))


def test_a_region_named_like_a_city_of_its_country_needs_its_designator(gaz):
    assert ("Khabarovsk Krai", "RU", "region") in readings(gaz, "Khabarovsk Krai")
    assert ("Irkutsk Oblast", "RU", "region") in readings(gaz, "Irkutsk Oblast")
    bare = readings(gaz, "Irkutsk")
    assert ("Irkutsk", "RU", "city") in bare
    assert not any(kind == "region" for _, _, kind in bare)


def test_a_region_that_always_bore_its_citys_name_keeps_it(gaz):
    assert ("Lagos", "NG", "region") in readings(gaz, "Lagos")


def test_a_state_whose_english_name_is_its_capitals_other_name_is_named_bare(gaz):
    # GeoNames gives George Town the name "Penang" too; the state is what news means by it
    assert ("Penang", "MY", "region") in readings(gaz, "Penang")


def test_districts_of_big_cities_are_cities_of_their_own(gaz):
    gangnam = [p for p, _ in gaz.candidates("Gangnam-gu")]
    assert [(p.name, p.country, p.kind) for p in gangnam] == [("Gangnam-gu", "KR", "city")]
    assert gangnam[0].key.startswith("district:")
    assert gaz.regions.code(gangnam[0]) == "11"  # Seoul's first-level region
    assert ("Gangnam-gu", "KR", "city") in readings(gaz, "Gangnam")
    assert ("Nansha", "CN", "city") in readings(gaz, "Nansha District")


def test_a_korean_city_is_named_without_its_designator(gaz):
    assert ("Uijeongbu", "KR", "city") in readings(gaz, "Uijeongbu-si")


@pytest.mark.parametrize("typed", ["Gangnam-gu", "Gangnam", "gangnam district"])
def test_a_lookup_finds_the_seoul_district(index, typed):
    best = index.search(typed)[0].place
    assert (best.name, best.country, best.kind) == ("Gangnam-gu", "KR", "city")


def test_a_lookup_of_a_country_name_knows_it_is_one(index):
    assert index.namesake_country("Georgia") == "GE"
    assert index.namesake_country("France") == "FR"
    assert index.namesake_country("French") is None  # a demonym names no country here
    assert index.namesake_country("Atlanta") is None
    assert [p.name for p in index.best_known("GE")][:1] == ["Tbilisi"]
