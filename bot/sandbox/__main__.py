"""Run the Telegram double standalone: ``python -m bot.sandbox --port 8081``.

Point the bot at ``{base_url}/bot`` (and ``{base_url}/file/bot`` for files); drive the
simulated people through ``{base_url}/control/...`` with :class:`bot.sandbox.SandboxClient`.
Used by crash tests, where the bot runs (and gets killed) in its own process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from bot.sandbox.server import TelegramDouble


async def _serve(host: str, port: int, username: str, privacy: bool) -> None:
    double = TelegramDouble(bot_username=username, privacy_mode=privacy)
    await double.start(host=host, port=port)
    print(f"Telegram double listening on {double.base_url}", flush=True)
    print(f"  Bot API:  {double.base_url}/bot<token>/<method>", flush=True)
    print(f"  control:  {double.base_url}/control/...", flush=True)
    stop = asyncio.Event()
    # SIGTERM (e.g. from a test harness) stops as cleanly as Ctrl-C.
    with contextlib.suppress(NotImplementedError):
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    try:
        await stop.wait()
    finally:
        await double.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--bot-username", default="posko_pemilu_bot")
    parser.add_argument(
        "--no-privacy", action="store_true", help="bot receives every group message"
    )
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.host, args.port, args.bot_username, not args.no_privacy))


if __name__ == "__main__":
    main()
