"""/rtl (rencana tindak lanjut): a meeting's action list, one request per line, understood
line by line and created only after one confirmation. The draft lives in the conversation
table, so a restart between the preview and ✅ Simpan loses nothing."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.config import Settings
from bot.domain.policy import ChatKind
from bot.domain.support import (
    ParsedRequest,
    SupportSyntaxError,
    default_deadline,
    parse_request_line,
)
from bot.services.agencies import agencies
from bot.services.support import Asked, SupportRefused, ask_support, check_request
from bot.unit import UnitOfWork
from storage.conversations import end_conversation, get_conversation, save_conversation
from storage.models import Person

FLOW = "support_rtl"
MAX_LINES = 30


@dataclass(frozen=True)
class LinePreview:
    number: int
    text: str
    parsed: ParsedRequest | None  # None: the line is wrong
    region: str | None
    problem: str | None = None  # catalog key
    params: dict[str, Any] | None = None


@dataclass(frozen=True)
class Preview:
    lines: tuple[LinePreview, ...]
    token: str

    @property
    def valid(self) -> int:
        return sum(1 for line in self.lines if line.parsed is not None)


async def preview(
    unit: UnitOfWork, settings: Settings, *, actor: Person, text: str, minutes: int
) -> Preview:
    """Read every line; keep what was understood as a draft waiting for ✅ Simpan."""
    known = await agencies(unit)
    rows = [line.strip() for line in text.splitlines() if line.strip()][:MAX_LINES]
    result = []
    for number, row in enumerate(rows, start=1):
        line = row.removeprefix("-").removeprefix("•").strip()
        for prefix in ("/dukungan", "/support"):
            line = line.removeprefix(prefix).strip()
        try:
            parsed = parse_request_line(line, agencies=known, now=unit.now, tz=settings.timezone)
            region = await check_request(unit, actor=actor, parsed=parsed, chat=ChatKind.PRIVATE)
        except SupportSyntaxError as error:
            result.append(
                LinePreview(
                    number,
                    row,
                    None,
                    None,
                    f"support.error.{error.key}",
                    {"word": error.detail[:40]},
                )
            )
            continue
        except SupportRefused as refusal:
            result.append(LinePreview(number, row, None, None, refusal.key, dict(refusal.params)))
            continue
        if parsed.deadline is None:
            parsed = ParsedRequest(
                agency=parsed.agency,
                region_code=parsed.region_code,
                deadline=default_deadline(parsed.urgency, unit.now),
                urgency=parsed.urgency,
                need=parsed.need,
            )
        result.append(LinePreview(number, row, parsed, region))
    token = secrets.token_urlsafe(6)[:8]
    draft = [
        {
            "agency": line.parsed.agency,
            "region": line.region,
            "deadline": line.parsed.deadline.isoformat() if line.parsed.deadline else None,
            "urgency": line.parsed.urgency,
            "need": line.parsed.need,
        }
        for line in result
        if line.parsed is not None
    ]
    if draft:
        await save_conversation(
            unit.session,
            chat_id=actor.telegram_id,
            user_id=actor.telegram_id,
            flow=FLOW,
            step="confirm",
            token=token,
            data={"requests": draft},
            now=unit.now,
            expires_at=unit.now + timedelta(minutes=minutes),
        )
    return Preview(tuple(result), token)


async def save(
    unit: UnitOfWork, settings: Settings, *, actor: Person, token: str
) -> list[Asked] | None:
    """✅ Simpan: create every request of the draft; None when the draft is gone or stale."""
    conversation = await get_conversation(
        unit.session, chat_id=actor.telegram_id, user_id=actor.telegram_id
    )
    if conversation is None or conversation.flow != FLOW or conversation.token != token:
        return None
    await end_conversation(unit.session, chat_id=actor.telegram_id, user_id=actor.telegram_id)
    created = []
    for row in conversation.data.get("requests", []):
        parsed = ParsedRequest(
            agency=row["agency"],
            region_code=row["region"],
            deadline=datetime.fromisoformat(row["deadline"]) if row["deadline"] else None,
            urgency=row["urgency"],
            need=row["need"],
        )
        created.append(await ask_support(unit, settings, actor=actor, parsed=parsed))
    return created


async def discard(unit: UnitOfWork, *, actor: Person, token: str) -> bool:
    conversation = await get_conversation(
        unit.session, chat_id=actor.telegram_id, user_id=actor.telegram_id
    )
    if conversation is None or conversation.flow != FLOW or conversation.token != token:
        return False
    await end_conversation(unit.session, chat_id=actor.telegram_id, user_id=actor.telegram_id)
    return True
