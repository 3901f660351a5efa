"""Fault campaign: Telegram throttles, fails and stalls a share of calls, and enforces its
rate limits. Every reply, alert and digest still arrives exactly once, in order per chat,
and the bot never sends faster than Telegram allows."""

from __future__ import annotations

import re
from collections import Counter

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.digest_schedule import digest_job_name
from bot.sandbox import SandboxClient
from storage.models import OutboxMessage
from tests.factories import make_coordinator, make_group, make_officer
from tests.helpers import count_rows

INCIDENT = re.compile(r"I-(\d{4})")


async def test_everything_arrives_once_in_order_under_faults_and_limits(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    villages = ("1005", "1009", "2006", "2007", "2008", "2010")
    officers = [
        await make_officer(sandbox, database_url, name=f"Petugas {v}", region=f"74.09.01.{v}")
        for v in villages
    ]
    district = await make_coordinator(sandbox, database_url, name="Koor Asera", region="74.09.01")
    regency = await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    group = await make_group(sandbox, "Forkopimda", members=officers, admins=[regency])
    await regency.send("/langganan 74.09 insiden", chat=group)
    await group.next_message()

    await sandbox.enforce_rate_limits(True)
    await sandbox.set_faults(
        rate_429=0.15,
        retry_after=1,
        rate_5xx=0.15,
        rate_slow=0.1,
        slow_seconds=0.3,
        seed=11,
        methods=["sendMessage", "editMessageText", "sendPhoto", "setMyCommands"],
    )
    for round_number in range(3):
        for officer in officers:
            await officer.send(f"/lapor distribusi sebagian {round_number * 30}%")
    for number, officer in enumerate(officers):
        await officer.send(f"/insiden sedang logistik kotak suara rusak {number}")

    for officer in officers:
        replies = [await officer.next_message(timeout=60) for _ in range(4)]
        assert [("Laporan R-" in r.text) for r in replies[:3]] == [True] * 3
        assert "tercatat dan dikirim" in replies[3].text
        await officer.expect_no_message(within=0.3)

    assert posko.application is not None and posko.application.job_queue is not None
    [job] = posko.application.job_queue.get_jobs_by_name(digest_job_name(1))
    await job.run(posko.application)

    # Alerted at once: the nearest staffed level (the district) and the subscribed group;
    # the regency hears of a "sedang" incident only if it escalates.
    for chat in (district,):
        alerts = [await chat.next_message(timeout=60) for _ in range(6)]
        numbers = [int(INCIDENT.search(a.text).group(1)) for a in alerts]  # type: ignore[union-attr]
        assert numbers == sorted(numbers) and len(set(numbers)) == 6  # in order, once each
        await chat.expect_no_message(within=0.5)
    group_messages = [await group.next_message(timeout=90) for _ in range(8)]
    numbers = [
        int(m.group(1))
        for g in group_messages
        if (m := INCIDENT.search(g.text or "")) and "INSIDEN" in (g.text or "")
    ]
    assert numbers == sorted(numbers) and len(numbers) == 6
    assert sum("Ringkasan Posko Pemilu" in (g.text or "") for g in group_messages) == 1
    assert sum(bool(g.photo) for g in group_messages) == 1  # the digest's chart
    await group.expect_no_message(within=1.0)

    calls = await sandbox.calls()
    injected = Counter(c["fault"] for c in calls if c.get("fault"))
    assert injected["429"] and (injected["500"] + injected["502"]) and injected["slow"]
    enforced = [c for c in calls if c["status"] == 429 and not c.get("fault")]
    assert enforced == [], "the bot sent faster than Telegram allows"
    assert await count_rows(database_url, OutboxMessage, col(OutboxMessage.status) != "sent") == 0
