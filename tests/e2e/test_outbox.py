"""The outbox under load: many chats at once, every message sent exactly once, in order."""

from __future__ import annotations

from collections import Counter

from bot.app import PoskoRuntime
from bot.context import UnitOfWork, run_in_unit
from bot.i18n import Html
from bot.sandbox import SandboxClient


async def test_many_chats_each_message_exactly_once_in_order(
    posko: PoskoRuntime, sandbox: SandboxClient
) -> None:
    users = [await sandbox.create_user(f"U{n}", started=True) for n in range(60)]
    assert posko.application is not None and posko.outbox is not None
    services = posko.application.bot_data["services"]

    async def owe(unit: UnitOfWork) -> None:
        for round_number in range(3):
            for user in users:
                unit.send(user.id, Html(f"pesan {round_number} untuk {user.id}"))

    await run_in_unit(services, owe)
    await posko.outbox.wait_until_idle(limit_seconds=60)
    accepted = [c for c in await sandbox.calls("sendMessage") if c["status"] == 200]
    per_chat = Counter(c["chat_id"] for c in accepted)
    assert len(accepted) == 180 and set(per_chat.values()) == {3}, (
        "a message went twice or not at all"
    )
    for user in users[:10]:
        texts = [m.text for m in await user.transcript()]
        assert texts == [f"pesan {n} untuk {user.id}" for n in range(3)]
