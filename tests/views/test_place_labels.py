"""Place labels on cards name a city's region as its GeoNames code means it, or none."""

from __future__ import annotations

from places.place import Place
from views.cards import place_label


def test_kobe_is_in_hyogo_not_tokyo():
    kobe = Place("Kobe", "JP", "city", 1859171, admin1="13")  # GeoNames 13; ISO JP-13 is Tokyo
    assert place_label(kobe) == "Kobe, Hyogo, Japan"


def test_bac_ninh_is_not_labelled_quang_binh():
    # GeoNames "24" is the merged Bắc Ninh of 2025, two ISO regions; ISO's VN-24 is Quảng Bình.
    bac_ninh = Place("Bắc Ninh", "VN", "city", 1591449, admin1="24")
    assert place_label(bac_ninh) == "Bắc Ninh, Vietnam"


def test_letter_codes_and_regions_read_as_before():
    assert place_label(Place("Portland", "US", "city", 4975802, admin1="ME")) == (
        "Portland, Maine, United States"
    )
    assert place_label(Place("Sichuan", "CN", "region", code="CN-SC", admin1="SC")) == (
        "Sichuan, China"
    )


def test_a_city_named_as_its_region_names_it_once():
    osaka = Place("Osaka", "JP", "city", 1853909, admin1="32")
    assert place_label(osaka) == "Osaka, Japan"
