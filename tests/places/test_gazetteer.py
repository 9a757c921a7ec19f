"""The gazetteer: cached by the content of its sources, regions listed per country."""

from __future__ import annotations

from bot.config import load_settings
from places.gazetteer import _cache_path, load_gazetteer


def test_the_cache_key_follows_the_curated_data(tmp_path):
    data = tmp_path / "regions.json"
    data.write_text('{"regions": []}', encoding="utf-8")
    before = _cache_path(tmp_path, False, sources=[data])
    data.write_text('{"regions": [1]}', encoding="utf-8")
    assert _cache_path(tmp_path, False, sources=[data]) != before


def test_a_country_lists_its_regions_and_no_city():
    gaz = load_gazetteer(load_settings().citylink_cache_dir)
    japan = gaz.regions_of("JP")
    assert {"Hyogo", "Tokyo", "Osaka"} <= {p.name for p in japan}
    assert all(p.kind == "region" and p.country == "JP" for p in japan)
