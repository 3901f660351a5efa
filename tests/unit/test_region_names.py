"""Region names as people type them."""

from __future__ import annotations

from bot.domain.region_names import kind_key, parse_region_query
from bot.domain.types import RegionLevel


def test_a_level_word_is_optional_and_may_be_short() -> None:
    bare = parse_region_query("  Konawe   UTARA ")
    assert bare.level is None
    assert bare.names == ("konawe utara", "kabupaten konawe utara", "kota konawe utara")
    assert parse_region_query("Kab. Konawe Utara").names == ("kabupaten konawe utara",)
    assert parse_region_query("kab konawe utara").level == RegionLevel.REGENCY
    assert parse_region_query("Kota Kendari").names == ("kota kendari",)
    short = parse_region_query("Kec Asera")
    assert short.names == ("asera",) and short.level == RegionLevel.DISTRICT
    assert parse_region_query("Kec.Asera").names == ("asera",)
    assert parse_region_query("Desa Wanggudu").level == RegionLevel.VILLAGE
    assert parse_region_query("Kelurahan Asera").level == RegionLevel.VILLAGE
    # A name that merely starts like a level word is a name.
    assert parse_region_query("Kotabaru").level is None


def test_the_label_names_the_level() -> None:
    assert kind_key("74") == "region.kind.province"
    assert kind_key("74.09") is None  # "Kabupaten Konawe Utara" says it already
    assert kind_key("74.09.01") == "region.kind.district"
    assert kind_key("74.09.01.1009") == "region.kind.kelurahan"
    assert kind_key("74.09.01.2001") == "region.kind.desa"
