"""Digest fan-out to N groups against Telegram's allowed rate, and alert latency while that
broadcast is in progress.

The bot runs as its own process, as in production, against the double, which enforces
Telegram's limits (30 messages/s overall, 20/min per group). Every group's digest time has
passed when the bot starts, so it builds and sends all N digests at once; meanwhile an
officer reports incidents. The baseline is the rate the limit itself allows; alert latency
is from the officer's message to the coordinator seeing the alert.

    python -m bench.fanout [--groups 500] [--alerts 15] [--database postgresql://…/scratch]
                           [--load 1]

`--load N` keeps N other processes spinning on the CPU meanwhile, to show the behaviour on a
busy machine. On Linux it also prints how long the bot's event-loop thread waited for a CPU
during the broadcast (its run-queue time, /proc/PID/schedstat): how busy the machine was.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import (
    TOKEN,
    add_people,
    add_subscriptions,
    empty_database,
    machine,
    percentile,
    prepare,
)
from bot.config import normalize_database_url
from bot.domain.ratelimit import NEW_MESSAGE_METHODS
from bot.sandbox import SandboxClient, SimUser, TelegramDouble

ROOT = Path(__file__).resolve().parents[1]
TELEGRAM_RATE = 30  # messages per second, Telegram's global limit for a bot
ALERT_INTERVAL = 1.1  # seconds between incidents (the coordinator's chat takes ~1/s)


async def main(groups: int, alerts: int, database: str | None = None, load: int = 0) -> None:
    burners = [
        await asyncio.create_subprocess_exec(sys.executable, "-c", "while True: pass")
        for _ in range(load)
    ]
    try:
        await _measure(groups, alerts, database, load)
    finally:
        for burner in burners:
            burner.kill()
            await burner.wait()


async def _measure(groups: int, alerts: int, database: str | None, load: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'fanout.db'}"
        if database is not None:
            url = normalize_database_url(database)
            await empty_database(url)
        await prepare(url)
        double = TelegramDouble()
        await double.start()
        async with SandboxClient(double.base_url) as sandbox:
            owner = await sandbox.create_user("Koor", user_id=900001, started=True)
            officer = await sandbox.create_user("Petugas", user_id=900002, started=True)
            ids = await add_people(
                url, [(owner.id, "coordinator", "74.09"), (officer.id, "officer", "74.09.01")]
            )
            chats = []
            for n in range(groups):
                group = await sandbox.create_group(
                    f"Grup {n}", members=[], admins=[owner], with_bot=True
                )
                chats.append(group.id)
            # Due at 00:00 local time: by the time the bot starts, every digest is due.
            await add_subscriptions(
                url, chats, region="74.09", owner=ids[owner.id], digest_time="00:00"
            )
            await sandbox.enforce_rate_limits(True)
            # The bot joined these groups long ago: it owes nothing for those 500 joins.
            async with httpx.AsyncClient() as client:
                await client.post(
                    f"{double.base_url}/bot{TOKEN}/deleteWebhook",
                    json={"drop_pending_updates": True},
                )
            env = {
                **os.environ,
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE_URL": double.base_url,
                "DATABASE_URL": url,
                "ADMIN_REGION_CODE": "74.09",
                "WEB_PORT": "0",  # any free port: the benchmark scrapes nothing
            }
            started = time.monotonic()
            process = await asyncio.create_subprocess_exec(
                *[sys.executable, "-m", "bot", "--env-file", "/nonexistent", "run"],
                cwd=ROOT,
                env=env,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
            try:
                latencies, at_start = await _alerts(sandbox, officer, owner, alerts, process.pid)
                digests = await _wait_for_digests(sandbox, groups)
                at_end = _cpu_times(process.pid)
            finally:
                process.terminate()
                await process.wait()
            calls = await sandbox.calls()
        await double.stop()
    refused = [c for c in calls if c["status"] == 429]
    first = min(c["monotonic"] for c in digests)
    last = max(c["monotonic"] for c in digests)
    span = max(last - first, 1e-9)
    # Telegram's 30/s counts every message, so the alerts and replies sent meanwhile count.
    sent = [
        c
        for c in calls
        if c["status"] == 200
        and c["method"] in NEW_MESSAGE_METHODS
        and first <= c["monotonic"] <= last
    ]
    reached = len(sent) / span / TELEGRAM_RATE
    kind = "PostgreSQL" if database else "SQLite"
    print(
        f"machine: {machine()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
        f"bot in its own process, {kind}; {load} busy processes beside it"
    )
    print(
        f"groups: {groups}, digest messages delivered: {len(digests)} in {last - first:.1f} s "
        f"(first {first - started:.1f} s after the bot was started)"
    )
    print(
        f"fan-out: {reached:.0%} of Telegram's allowed 30 msg/s ({len(sent)} messages in "
        f"{span:.1f} s: {len(digests)} digests, {len(sent) - len(digests)} alerts and replies; "
        f"digests alone {len(digests) / span / TELEGRAM_RATE:.0%}); 429 responses: {len(refused)}"
    )
    print(
        f"alert latency during the broadcast ({len(latencies)} alerts): "
        f"p50 {percentile(latencies, 0.5):.2f} s, p95 {percentile(latencies, 0.95):.2f} s, "
        f"p99 {percentile(latencies, 0.99):.2f} s "
        f"(each: {', '.join(f'{x:.2f}' for x in latencies)})"
    )
    if at_start is not None and at_end is not None:
        wall, on_cpu, waiting = (end - start for start, end in zip(at_start, at_end, strict=True))
        print(
            f"bot's event-loop thread during the broadcast ({wall:.1f} s): "
            f"on a CPU {on_cpu:.1f} s, waiting for a CPU {waiting:.1f} s"
        )


async def _alerts(
    sandbox: SandboxClient, officer: SimUser, owner: SimUser, count: int, bot_pid: int
) -> tuple[list[float], tuple[float, float, float] | None]:
    """Once the broadcast has begun, an incident every ALERT_INTERVAL; each alert's latency,
    and the bot's CPU times when the broadcast began.

    Telegram allows about one message a second into one private chat, and the bot keeps to
    it: alerts any closer together would measure that limit, not the bot."""
    for _ in range(6000):  # at most 5 minutes for the bot to start and begin sending
        if await _group_messages(sandbox):
            break
        await asyncio.sleep(0.05)
    at_start = _cpu_times(bot_pid)
    latencies: list[float] = []
    for n in range(count):
        await asyncio.sleep(ALERT_INTERVAL)
        sent = time.monotonic()
        await officer.send(f"/insiden sedang logistik kotak rusak {n}")
        while True:
            message = await owner.next_message(timeout=60)
            if "INSIDEN" in (message.text or ""):
                latencies.append(time.monotonic() - sent)
                break
    return latencies, at_start


def _cpu_times(pid: int) -> tuple[float, float, float] | None:
    """(now, seconds on a CPU, seconds runnable but waiting for one) of a process, from
    Linux's scheduler statistics; None where there are none."""
    try:
        on_cpu, waiting, _ = Path(f"/proc/{pid}/schedstat").read_text().split()
    except (OSError, ValueError):
        return None
    return time.monotonic(), int(on_cpu) / 1e9, int(waiting) / 1e9


async def _group_messages(sandbox: SandboxClient) -> list[dict]:  # type: ignore[type-arg]
    return [
        c
        for c in await sandbox.calls()
        if c["method"] == "sendMessage" and (c["chat_id"] or 0) < 0 and c["status"] == 200
    ]


async def _wait_for_digests(sandbox: SandboxClient, groups: int) -> list[dict]:  # type: ignore[type-arg]
    for _ in range(3000):  # at most 10 minutes
        digests = await _group_messages(sandbox)
        if len({c["chat_id"] for c in digests}) >= groups:
            return digests
        await asyncio.sleep(0.2)
    raise TimeoutError("not every group received its digest")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--alerts", type=int, default=15)
    parser.add_argument(
        "--database", default=None, help="a PostgreSQL URL (its public schema is emptied)"
    )
    parser.add_argument(
        "--load", type=int, default=0, help="processes kept busy on the CPU meanwhile"
    )
    arguments = parser.parse_args()
    asyncio.run(main(arguments.groups, arguments.alerts, arguments.database, arguments.load))
