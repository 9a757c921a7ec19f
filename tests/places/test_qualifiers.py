"""A region typed after a name picks the namesake in that region, whatever GeoNames calls it."""

from __future__ import annotations

import pytest

from bot.config import load_settings
from places.gazetteer import load_gazetteer
from places.index import PlaceIndex


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    """The lookup index as the app builds it."""
    return PlaceIndex.build(load_gazetteer(load_settings().citylink_cache_dir, every_alias=True))


@pytest.mark.parametrize(
    "typed, geonameid",
    [
        ("Fuchu, Hiroshima", 13132765),  # not Tokyo's Fuchū, GeoNames "40"; ISO's 40 is Fukuoka
        ("Fuchu, Tokyo", 11611632),
        ("Guadalupe, Zacatecas", 4005509),  # not Guadalupe, Nuevo León, the larger one
        ("Guadalupe, Nuevo Leon", 4005492),
        ("Portland, Maine", 4975802),
        ("Victoria BC", 6174041),
    ],
)
def test_a_region_qualifier_finds_the_place_in_that_region(index, typed, geonameid):
    assert index.search(typed)[0].place.geonameid == geonameid
