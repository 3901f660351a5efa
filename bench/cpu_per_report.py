"""CPU per stored report against a bare python-telegram-bot echo bot on the same double.

Both bots run as their own processes; CPU time (user + system, from /proc) is measured
from the first message to the last reply, for N people sending one message each.

    python -m bench.cpu_per_report [--messages 600]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import TOKEN, add_people, machine, prepare
from bot.sandbox import SandboxClient, TelegramDouble

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


async def measure(
    command: list[str],
    env: dict[str, str],
    sandbox: SandboxClient,
    users: list,
    text: str,
    *,
    warmup: str,
) -> tuple[float, float]:
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        await users[0].send(warmup)  # the bot is up and warm once it answers
        await users[0].next_message(timeout=60)
        cpu_before, started = cpu_seconds(process.pid), time.monotonic()
        for user in users:
            await user.send(text)
        for user in users:
            await user.next_message(timeout=300)
        return cpu_seconds(process.pid) - cpu_before, time.monotonic() - started
    finally:
        process.terminate()
        await process.wait()


async def main(messages: int, profile: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'cpu.db'}"
        await prepare(url)
        results = {}
        for name in ("echo", "posko"):
            double = TelegramDouble()
            await double.start()
            async with SandboxClient(double.base_url) as sandbox:
                users = [
                    await sandbox.create_user(f"U{n}", user_id=700000 + n) for n in range(messages)
                ]
                env = {
                    **os.environ,
                    "TELEGRAM_BOT_TOKEN": TOKEN,
                    "TELEGRAM_API_BASE_URL": double.base_url,
                    "DATABASE_URL": url,
                    "WEB_PORT": "0",
                }
                if name == "echo":
                    command = [sys.executable, "-m", "bench.echo_bot"]
                    results[name] = await measure(
                        command, env, sandbox, users, "halo", warmup="hai"
                    )
                else:
                    await add_people(url, [(u.id, "officer", "74.09.01") for u in users])
                    command = [sys.executable, "-m", "bot", "--env-file", "/nonexistent", "run"]
                    if profile:  # cProfile of the bot process, to see where the time goes
                        command[1:1] = ["-m", "cProfile", "-o", profile]
                    results[name] = await measure(
                        command,
                        env,
                        sandbox,
                        users,
                        "/lapor logistik siap 80% kotak suara tiba",
                        warmup="/profil",
                    )
            await double.stop()
    (echo_cpu, echo_wall), (posko_cpu, posko_wall) = results["echo"], results["posko"]
    print(f"machine: {machine()}; {messages} messages, one per person")
    print(
        f"echo bot:   {echo_cpu / messages * 1000:.2f} ms CPU per message ({echo_wall:.1f} s wall)"
    )
    per_report = posko_cpu / messages * 1000
    print(
        f"posko:      {per_report:.2f} ms CPU per stored report ({posko_wall:.1f} s wall, "
        "replies paced at Telegram's 30/s)"
    )
    print(f"ratio: {posko_cpu / echo_cpu:.2f}x the echo bot (target ≤ 1.5x)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--profile", help="write a cProfile of the Posko process here")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.messages, arguments.profile))
