"""Invite codes: random, shown once, stored only as a hash, checked for use and expiry."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime
from enum import StrEnum

CODE_BYTES = 18  # 24 URL-safe characters; Telegram allows up to 64 in a /start payload
_CODE_SHAPE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class InviteProblem(StrEnum):
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"
    REVOKED = "revoked"


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def looks_like_code(text: str) -> bool:
    return bool(_CODE_SHAPE.match(text))


def deep_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={code}"


def invite_problem(
    *,
    expires_at: datetime,
    use_count: int,
    max_uses: int,
    revoked_at: datetime | None,
    now: datetime,
) -> InviteProblem | None:
    if revoked_at is not None:
        return InviteProblem.REVOKED
    if use_count >= max_uses:
        return InviteProblem.USED
    if now >= expires_at:
        return InviteProblem.EXPIRED
    return None
