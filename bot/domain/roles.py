"""Words people type for roles, in both languages."""

from __future__ import annotations

from bot.domain.types import Role

ROLE_WORDS: dict[str, Role] = {
    "koordinator": Role.COORDINATOR,
    "koor": Role.COORDINATOR,
    "coordinator": Role.COORDINATOR,
    "petugas": Role.OFFICER,
    "officer": Role.OFFICER,
    "admin": Role.ADMIN,
}


def parse_role(word: str) -> Role | None:
    return ROLE_WORDS.get(word.strip().lower())
