"""Hostile input: nasty updates of every shape. The bot never crashes, answers clearly where
a person is waiting, and stores nothing wrong."""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.intake import UNREADABLE
from bot.sandbox import SandboxClient, SimUser
from storage.models import InboundUpdate, Incident, OutboxMessage, Report, Subscription
from tests.factories import make_coordinator, make_group, make_officer
from tests.helpers import count_rows, fetch_all

ANONYMOUS_ADMIN = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
_ids = iter(range(800_000_000, 900_000_000))


def _message(
    user: SimUser, text: str, *, chat: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "message_id": next(_ids) % 1_000_000,
        "date": int(time.time()),
        "chat": chat or {"id": user.id, "type": "private", "first_name": user.first_name},
        "from": user.as_api_user(),
        "text": text,
    }
    if text.startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    body.update(extra)
    return body


def _random_json(rng: random.Random, depth: int = 0) -> Any:
    kinds = ["int", "str", "bool", "none", "float"] + (["list", "dict"] if depth < 3 else [])
    kind = rng.choice(kinds)
    if kind == "int":
        return rng.choice([0, -1, 2**63, rng.randint(-(10**12), 10**12)])
    if kind == "str":
        return "".join(
            rng.choice("/<>&\"'\x00\u202e\u200d😀ab; DROP--lapor ")
            for _ in range(rng.randint(0, 40))
        )
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "none":
        return None
    if kind == "float":
        return rng.uniform(-1e9, 1e9)
    if kind == "list":
        return [_random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = [
        "message",
        "text",
        "chat",
        "from",
        "id",
        "callback_query",
        "data",
        "entities",
        "date",
        "x",
    ]
    return {rng.choice(keys): _random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


async def test_the_bot_survives_a_corpus_of_nasty_updates(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(sandbox, database_url, name="Petugas", region="74.09.01")
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    stranger = await sandbox.create_user("Orang")
    group = await make_group(sandbox, "Grup", members=[officer], admins=[coordinator])
    group_chat = {"id": group.id, "type": "supergroup", "title": "Grup"}

    corpus: list[dict[str, Any]] = [
        # An edited /lapor whose original stored nothing is taken as the command (once);
        # any other edit is not acted on.
        {"edited_message": _message(officer, "/lapor logistik siap")},
        {"edited_message": _message(officer, "/insiden kritis bencana banjir")},
        {
            "channel_post": {
                "message_id": 1,
                "date": int(time.time()),
                "text": "/lapor logistik siap",
                "chat": {"id": -1009999, "type": "channel", "title": "Kanal"},
            }
        },
        {
            "message": {
                **_message(officer, "/langganan 74.09 insiden", chat=group_chat),
                "from": ANONYMOUS_ADMIN,
                "sender_chat": group_chat,
            }
        },
        {
            "message": _message(
                officer,
                "/lapor logistik siap",
                forward_origin={"type": "user", "date": 1, "sender_user": stranger.as_api_user()},
            )
        },
        {"message": _message(officer, "/lapor@another_bot logistik siap", chat=group_chat)},
        {"message": _message(officer, "👩‍👩‍👧‍👦\u202e\u200b" * 512)},
        {"message": _message(officer, "x" * 4096)},
        {"message": _message(officer, "/lapor")},  # a draft…
        {"message": _message(officer, "\x00\x01\x02")},  # …that gets garbage as input
        {"message": _message(officer, "/batal")},
        {"message": {"message_id": 5, "date": 1, "chat": {"id": officer.id, "type": "private"}}},
        {"message": "not an object"},
        {
            "callback_query": {
                "id": "77",
                "from": officer.as_api_user(),
                "chat_instance": "1",
                "data": "inc1:999999:a",
            }
        },
        {
            "callback_query": {
                "id": "78",
                "from": stranger.as_api_user(),
                "chat_instance": "1",
                "data": "rep1:forged:p:74",
            }
        },
        {
            "callback_query": {
                "id": "79",
                "from": officer.as_api_user(),
                "chat_instance": "1",
                "data": "inv1:p:c:74" + "9" * 60,
            }
        },
        {
            "my_chat_member": {
                "chat": group_chat,
                "from": coordinator.as_api_user(),
                "date": 1,
                "old_chat_member": {
                    "status": "member",
                    "user": {"id": 1, "is_bot": True, "first_name": "b"},
                },
                "new_chat_member": {
                    "status": "weird",
                    "user": {"id": 1, "is_bot": True, "first_name": "b"},
                },
            }
        },
        {"unknown_kind": {"a": 1}},
    ]
    rng = random.Random(20240214)
    corpus += [{"message": _random_json(rng)} for _ in range(30)]
    corpus += [_random_json(rng) for _ in range(30)]
    for raw in corpus:
        await sandbox.inject_update(raw if isinstance(raw, dict) else {"x": raw})
    await sandbox.wait_until_confirmed(timeout=20)
    assert posko.intake is not None and posko.outbox is not None
    for _ in range(600):  # every stored update processed
        if not await count_rows(
            database_url, InboundUpdate, col(InboundUpdate.processed_at).is_(None)
        ):
            break
        await asyncio.sleep(0.05)
    await posko.outbox.wait_until_idle(limit_seconds=60)
    answers = [m.text for m in await officer.drain()]
    assert any("Pesan terusan tidak diproses" in (a or "") for a in answers)  # a person waits
    assert any("Laporan dibatalkan" in (a or "") for a in answers)

    # Legitimate but nasty content is stored verbatim (minus control characters).
    await officer.send("/lapor logistik siap '; DROP TABLE report; -- \x00 <b>&amp;</b> \u202e")
    assert "Laporan R-" in (await officer.next_message(timeout=20)).text
    await officer.send("/insiden kritis bencana <script>alert(1)</script> & </b>")
    assert "tercatat dan dikirim" in (await officer.next_message(timeout=20)).text
    await stranger.send("/status")
    assert "pengguna terdaftar" in (await stranger.next_message(timeout=20)).text

    reports = await fetch_all(database_url, Report)
    # The first is the edited /lapor of the corpus.
    assert [r.note for r in reports] == [None, "'; DROP TABLE report; --  <b>&amp;</b> \u202e"]
    [incident] = await fetch_all(database_url, Incident)
    assert incident.description == "<script>alert(1)</script> & </b>"
    assert await count_rows(database_url, Subscription) == 0  # the anonymous admin did nothing
    errors = {row.error for row in await fetch_all(database_url, InboundUpdate) if row.error}
    assert errors <= {UNREADABLE}, errors  # shapes Telegram never sends; no handler crashed
    failed = await fetch_all(database_url, OutboxMessage, col(OutboxMessage.status) == "failed")
    assert failed == [], [f.error for f in failed]  # every message we sent, Telegram accepted
    toasts = await stranger.toasts()
    assert all("tidak berlaku" in (toast.get("text") or "") for toast in toasts)
