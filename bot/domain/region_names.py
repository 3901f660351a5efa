"""Region names as people write them: with or without the level word ("Kab. Konawe Utara",
"Konawe Utara", "Kec Asera", "Desa Wanggudu"), and labels that name the level, so that a
district and a village of the same name can be told apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.regions import level_of
from bot.domain.types import RegionLevel

# The level word a name may start with, and the levels it means. Regencies and cities are
# stored with their word ("Kabupaten Konawe Utara", "Kota Kendari"); other levels without.
_LEVEL_WORDS: dict[str, RegionLevel] = {
    "provinsi": RegionLevel.PROVINCE,
    "prov": RegionLevel.PROVINCE,
    "kabupaten": RegionLevel.REGENCY,
    "kab": RegionLevel.REGENCY,
    "kota": RegionLevel.REGENCY,
    "kecamatan": RegionLevel.DISTRICT,
    "kec": RegionLevel.DISTRICT,
    "desa": RegionLevel.VILLAGE,
    "ds": RegionLevel.VILLAGE,
    "kelurahan": RegionLevel.VILLAGE,
    "kel": RegionLevel.VILLAGE,
}
_STORED_WORD = {"kab": "kabupaten", "kabupaten": "kabupaten", "kota": "kota"}
_LEADING_WORD = re.compile(r"^(?P<word>[a-z]+)(?:\.\s*|\s+)(?P<rest>\S.*)$")


@dataclass(frozen=True)
class RegionQuery:
    names: tuple[str, ...]  # lower-case names a region must have exactly (any of them)
    level: RegionLevel | None  # the level the person named, if any


def parse_region_query(text: str) -> RegionQuery:
    """What a typed region name can mean. 'Kab. Konawe Utara' → regency 'kabupaten konawe
    utara'; 'Konawe Utara' → any level named 'konawe utara', 'kabupaten konawe utara' or
    'kota konawe utara'; 'Kec Asera' → district 'asera'."""
    words = " ".join(text.lower().split())
    match = _LEADING_WORD.match(words)
    if match is not None and match.group("word") in _LEVEL_WORDS:
        word, rest = match.group("word"), match.group("rest")
        level = _LEVEL_WORDS[word]
        if level == RegionLevel.REGENCY:
            return RegionQuery((f"{_STORED_WORD[word]} {rest}",), level)
        return RegionQuery((rest,), level)
    return RegionQuery((words, f"kabupaten {words}", f"kota {words}"), None)


def kind_key(code: str) -> str | None:
    """The catalog entry ('region.kind.…', with {name}) that names a region with its level;
    None for regencies and cities, whose names already say it. A village whose number
    starts with 1 is a kelurahan, with 2 a desa (Kemendagri numbering)."""
    level = level_of(code)
    if level == RegionLevel.PROVINCE:
        return "region.kind.province"
    if level == RegionLevel.DISTRICT:
        return "region.kind.district"
    if level == RegionLevel.VILLAGE:
        return (
            "region.kind.kelurahan"
            if code.rsplit(".", 1)[1].startswith("1")
            else "region.kind.desa"
        )
    return None
