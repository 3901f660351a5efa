"""Onboarding rules: who Telegram says is talking, and who may invite whom where.

Pure: the database side (creating and accepting invites, registering the admins of the
settings) is bot/services/onboarding.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.access import INVITABLE_ROLES
from bot.domain.policy import Action, Actor, ChatKind, may
from bot.domain.types import Role

# The agency of an invite that names none, when the inviter has none either: the election
# organiser, whose bot this is.
DEFAULT_AGENCY = "kpu"


@dataclass(frozen=True)
class Identity:
    """Who Telegram says is talking."""

    telegram_id: int
    full_name: str | None
    username: str | None
    language: str


class InviteRefused(Exception):
    """The actor may not create this invite; `reason` is a catalog key."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def invite_agency(chosen: str | None, inviter_agency: str | None) -> str:
    """The agency an invite is for: the one chosen, else the inviter's, else KPU."""
    return chosen if chosen is not None else inviter_agency or DEFAULT_AGENCY


def invite_refusal(actor: Actor | None, *, role: Role, region_code: str) -> str | None:
    """Why `actor` may not invite a `role` in `region_code` (a catalog key), or None.
    `actor=None` is the operator's shell, which may invite anyone but an admin."""
    if actor is None:
        return "invite.role_not_allowed" if role == Role.ADMIN else None
    if not may(actor, Action.INVITE, chat=ChatKind.PRIVATE):
        return "invite.not_allowed"
    if role not in INVITABLE_ROLES[Role(actor.role)]:
        return "invite.role_not_allowed"
    if not may(actor, Action.INVITE, chat=ChatKind.PRIVATE, region=region_code):
        return "invite.outside_region"
    return None
