from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.domain.countdown import countdown_label, local_date
from bot.domain.digest import matrix_changes
from bot.domain.reports import AspectInfo, CurrentState, roll_up

WITA = ZoneInfo("Asia/Makassar")
PEMILU = date(2024, 2, 14)
PILKADA = date(2024, 11, 27)


def test_countdown_values_from_the_rakor() -> None:
    assert countdown_label(PEMILU, date(2024, 2, 7)) == "H-7"
    assert countdown_label(PEMILU, date(2022, 11, 21)) == "H-450"
    assert countdown_label(PILKADA, date(2022, 11, 21)) == "H-737"
    assert countdown_label(PEMILU, PEMILU) == "Hari H"
    assert countdown_label(PEMILU, date(2024, 2, 15)) == "H+1"


def test_the_day_is_the_local_day() -> None:
    # 23:30 UTC on 6 February is already 7 February in Makassar (UTC+8).
    moment = datetime(2024, 2, 6, 23, 30, tzinfo=UTC)
    assert local_date(moment, WITA) == date(2024, 2, 7)
    assert countdown_label(PEMILU, local_date(moment, WITA)) == "H-7"


def test_matrix_changes_compare_worst_states() -> None:
    aspects = [
        AspectInfo("logistik", "Logistik", "Logistics"),
        AspectInfo("keamanan", "Keamanan", "Security"),
    ]
    at = datetime(2024, 2, 7, tzinfo=UTC)
    before = [CurrentState("74.09.01.1005", "logistik", "ready", None, at)]
    now = [
        CurrentState("74.09.01.1005", "logistik", "ready", None, at),
        CurrentState("74.09.01.1009", "logistik", "not_ready", None, at),
        CurrentState("74.09.05", "keamanan", "ready", None, at),
    ]
    areas = [("74.09.01", "Asera"), ("74.09.05", "Lasolo")]
    codes = [a.code for a in aspects]
    changes = matrix_changes(aspects, roll_up(areas, codes, now), roll_up(areas, codes, before))
    assert [(c.area, c.aspect, c.before, c.after) for c in changes] == [
        ("Asera", "logistik", "ready", "not_ready"),
        ("Lasolo", "keamanan", None, "ready"),
    ]
