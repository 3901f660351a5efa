"""Digest fan-out to N groups against Telegram's allowed rate, and alert latency while that
broadcast is in progress.

The double enforces Telegram's limits (30 messages/s overall, 20/min per group); the
baseline is the time the limit itself allows for N digests. Alerts are sent meanwhile by
officers; their latency is from the officer's message to the coordinator seeing the alert.

    python -m bench.fanout [--groups 500] [--alerts 20]
"""

from __future__ import annotations

import argparse
import asyncio
import time

from bench.common import add_people, add_subscriptions, machine, percentile, stack
from bot.digest_schedule import catch_up_digests
from bot.domain.ratelimit import GLOBAL_LIMIT


async def main(groups: int, alerts: int) -> None:
    async with stack() as s:
        owner = await s.sandbox.create_user("Koor", user_id=900001, started=True)
        officer = await s.sandbox.create_user("Petugas", user_id=900002, started=True)
        ids = await add_people(
            s.database_url,
            [(owner.id, "coordinator", "74.09"), (officer.id, "officer", "74.09.01")],
        )
        chats = []
        for n in range(groups):
            group = await s.sandbox.create_group(
                f"Grup {n}", members=[], admins=[owner], with_bot=True
            )
            chats.append(group.id)
        await add_subscriptions(s.database_url, chats, region="74.09", owner=ids[owner.id])
        await s.sandbox.enforce_rate_limits(True)
        assert s.runtime.application is not None
        services = s.runtime.application.bot_data["services"]
        calls_before = len(await s.sandbox.calls())

        started = time.monotonic()
        await catch_up_digests(services)  # every subscription is due: the broadcast starts
        latencies: list[float] = []
        for n in range(alerts):
            await asyncio.sleep(0.3)
            sent = time.monotonic()
            await officer.send(f"/insiden sedang logistik kotak rusak {n}")
            while True:
                message = await owner.next_message(timeout=60)
                if "INSIDEN" in (message.text or ""):
                    latencies.append(time.monotonic() - sent)
                    break
        assert s.runtime.outbox is not None
        await s.runtime.outbox.wait_until_idle(limit_seconds=600)
        elapsed = time.monotonic() - started
        calls = (await s.sandbox.calls())[calls_before:]
        digests = [
            c
            for c in calls
            if c["method"] == "sendMessage" and (c["chat_id"] or 0) < 0 and c["status"] == 200
        ]
        refused = [c for c in calls if c["status"] == 429]
        first = min(c["monotonic"] for c in digests)
        last = max(c["monotonic"] for c in digests)
        allowed_rate = GLOBAL_LIMIT.count / 1.0  # Telegram: 30/s
        reached = (len(digests) / max(last - first, 1e-9)) / allowed_rate
        print(f"machine: {machine()}")
        print(
            f"groups: {groups}, digest messages delivered: {len(digests)} in {last - first:.1f} s "
            f"(whole run {elapsed:.1f} s)"
        )
        print(
            f"fan-out: {reached:.0%} of Telegram's allowed 30 msg/s; 429 responses: {len(refused)}"
        )
        print(
            f"alert latency during the broadcast ({len(latencies)} alerts): "
            f"p50 {percentile(latencies, 0.5):.2f} s, p95 {percentile(latencies, 0.95):.2f} s"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--alerts", type=int, default=20)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.groups, arguments.alerts))
