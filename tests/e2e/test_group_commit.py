"""Updates that arrive together are handled in group commits: each exactly once, each as if
alone, and one bad update in the middle spoils nothing for the others."""

from __future__ import annotations

import re

from sqlmodel import col

from bot.clock import ManualClock
from bot.config import Settings
from bot.intake import UNREADABLE
from bot.sandbox import SandboxClient
from storage.models import InboundUpdate, Report
from tests.factories import make_officer, running
from tests.helpers import count_rows, fetch_all

REFERENCE = re.compile(r"Laporan R-\d{4,}")


async def test_a_burst_after_downtime_is_stored_once_even_with_a_bad_update_among_it(
    settings: Settings, clock: ManualClock, sandbox: SandboxClient, database_url: str
) -> None:
    async with running(settings, clock):
        officers = [
            await make_officer(sandbox, database_url, name=f"PPS {n}", region="74.09.01")
            for n in range(6)
        ]

    # While the bot is down: two reports each, and an update no parser can read, between.
    for officer in officers[:3]:
        await officer.send("/lapor logistik siap 80% kotak suara tiba")
    unreadable = await sandbox.inject_update({"message": 12345})
    for officer in officers[3:]:
        await officer.send("/lapor logistik siap 80% kotak suara tiba")
    for officer in officers:
        await officer.send("/lapor keamanan sebagian")

    # All 13 arrive in one batch and are handled in groups.
    async with running(settings, clock):
        for officer in officers:
            replies = [await officer.next_message(timeout=20) for _ in range(2)]
            assert all(REFERENCE.search(reply.text) for reply in replies), replies
            await officer.expect_no_message(within=0.3)  # once each, never twice

    reports = await fetch_all(database_url, Report)
    assert len(reports) == 12
    assert len({r.source_update_id for r in reports}) == 12
    assert sorted((r.aspect_code, r.state) for r in reports) == sorted(
        [("logistik", "ready")] * 6 + [("keamanan", "partial")] * 6
    )
    [bad] = await fetch_all(database_url, InboundUpdate, col(InboundUpdate.update_id) == unreadable)
    assert bad.error == UNREADABLE and bad.processed_at is not None
    assert (
        await count_rows(database_url, InboundUpdate, col(InboundUpdate.processed_at).is_(None))
        == 0
    )
