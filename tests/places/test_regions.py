"""First-level regions: a city's GeoNames code read as the ISO region it names, or as none."""

from __future__ import annotations

from places.admin1 import derived_json
from places.place import Place
from places.regions import ADMIN1, shipped_regions


def test_the_shipped_table_is_what_its_sources_give():
    assert ADMIN1.read_text(encoding="utf-8") == derived_json(), (
        "places/data/admin1.json is stale: run `python -m places.admin1`"
    )


def test_a_geonames_number_is_read_as_the_region_it_numbers_not_as_iso_numbers_it():
    regions = shipped_regions()
    kobe = Place("Kobe", "JP", "city", 1859171, admin1="13")  # GeoNames 13: Hyogo
    assert regions.code(kobe) == "28"
    assert regions.region("JP", "13").name == "Hyogo"


def test_a_region_place_keeps_its_own_code():
    tokyo = Place("Tokyo", "JP", "region", code="JP-13", admin1="13")
    assert shipped_regions().code(tokyo) == "13"


def test_letter_codes_iso_shares_are_read_alike():
    regions = shipped_regions()
    assert regions.region("US", "ME").name == "Maine"
    assert regions.region("CH", "ZH").code == "CH-ZH"


def test_a_geonames_region_that_merged_two_iso_regions_is_neither():
    # Vietnam's 2025 Bắc Ninh joins ISO's Bắc Ninh and Bắc Giang under GeoNames' "24",
    # which ISO gives Quảng Bình.
    bac_ninh = Place("Bắc Ninh", "VN", "city", 1591449, admin1="24")
    assert shipped_regions().region("VN", "24") is None
    assert shipped_regions().code(bac_ninh) is None


def test_a_geonames_number_no_city_name_reveals_is_read_through_the_towns_listed_under_it():
    # no region of Peru is named after "13"'s largest cities; the towns the divisions data
    # lists under La Libertad lie next to them
    trujillo = Place("Trujillo", "PE", "city", 1067700, admin1="13")
    assert shipped_regions().region("PE", "13").name == "La Libertad"
    assert shipped_regions().code(trujillo) == "LAL"


def test_a_geonames_region_whose_towns_lie_in_many_iso_regions_is_none():
    assert shipped_regions().region("PS", "WE") is None
