from __future__ import annotations

import pytest

from bot.domain.regions import (
    RegionFileError,
    ancestors_of,
    is_within,
    level_of,
    parse_region_csv,
    relation,
    subtree_range,
)
from bot.domain.types import RegionLevel

HEADER = "code,parent_code,name,level\n"


def test_subtree_is_a_prefix_relation() -> None:
    assert is_within("74.09.01.2001", "74.09")
    assert is_within("74.09", "74.09")
    assert not is_within("74.091", "74.09")  # not a real code, but no false prefix match
    assert not is_within("74.01", "74.09")
    low, high = subtree_range("74.09")
    assert low <= "74.09" < high and low <= "74.09.01.2001" < high
    assert not any(low <= code < high for code in ("74.10", "74.090", "74.08.99", "74"))
    assert relation("74.09.01", "74.09") == "below"
    assert relation("74", "74.09") == "above"
    assert relation("74.01", "74.09") == "outside"
    assert ancestors_of("74.09.01.2001") == ["74", "74.09", "74.09.01"]
    assert level_of("74.09.01") == RegionLevel.DISTRICT


def test_parse_orders_parents_first() -> None:
    rows = parse_region_csv(
        HEADER + "74.09,74,Kabupaten Konawe Utara,regency\n74,,Sulawesi Tenggara,province\n"
    )
    assert [r.code for r in rows] == ["74", "74.09"]


def test_every_bad_row_is_reported_with_its_line() -> None:
    text = HEADER + "\n".join(
        [
            "74,,Sulawesi Tenggara,province",
            "74.09,74,Konawe Utara,kabupaten",  # unknown level
            "74.9,74,X,regency",  # malformed code
            "74.10.01,74.09,Y,district",  # wrong parent
            "74.09.01.2001,74.09.01,Z,village",  # parent missing
            "74,,Again,province",  # duplicate
            "74.11,74,,regency",  # empty name
        ]
    )
    with pytest.raises(RegionFileError) as raised:
        parse_region_csv(text)
    assert [p.line for p in raised.value.problems] == [3, 4, 5, 6, 7, 8]


def test_known_codes_satisfy_parents_and_header_is_checked() -> None:
    rows = parse_region_csv(HEADER + "74.09.01,74.09,Asera,district\n", known_codes={"74.09"})
    assert rows[0].parent_code == "74.09"
    with pytest.raises(RegionFileError):
        parse_region_csv("kode,induk,nama,tingkat\n")


def test_bundled_region_file_is_valid() -> None:
    from bot.app import BUNDLED_REGIONS

    rows = parse_region_csv(BUNDLED_REGIONS.read_text(encoding="utf-8"))
    levels = [r.level for r in rows]
    assert levels.count(RegionLevel.REGENCY) == 17 and levels.count(RegionLevel.VILLAGE) == 2285
