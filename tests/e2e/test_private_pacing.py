"""An officer who sends six one-line reports at once is answered at Telegram's pace for a
private chat: a burst (of three, less what the chat just received), then one every 1.1 s,
never a 3-second pause, and no 429 from a double that enforces Telegram's limits."""

from __future__ import annotations

import itertools
import time

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient
from tests.factories import make_officer


async def test_six_quick_reports_are_answered_in_a_burst_then_one_a_second(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01")
    await sandbox.enforce_rate_limits(True)
    started = time.monotonic()
    for n in range(6):
        await officer.send(f"/lapor distribusi sebagian {n}0%")
    waits = []
    for _ in range(6):
        reply = await officer.next_message(timeout=15)
        assert "R-" in reply.text
        waits.append(time.monotonic() - started)
    gaps = [later - earlier for earlier, later in itertools.pairwise(waits)]
    print("officer's waits: " + ", ".join(f"{w:.2f}" for w in waits))
    assert max(gaps) < 1.6, waits  # a 3-in-3.1-s window made the fourth wait 3 s
    assert waits[5] < 5.0, waits  # the welcome just before used one of the three
    assert not [c for c in await sandbox.calls("sendMessage") if c["status"] == 429]
