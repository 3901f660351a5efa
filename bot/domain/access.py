"""Which roles each role may hand out through an invite (where, the policy says)."""

from __future__ import annotations

from bot.domain.policy import Action, Actor, ChatKind, may
from bot.domain.types import Role

# Which roles each role may hand out through an invite.
INVITABLE_ROLES: dict[Role, tuple[Role, ...]] = {
    Role.ADMIN: (Role.COORDINATOR, Role.OFFICER),
    Role.COORDINATOR: (Role.COORDINATOR, Role.OFFICER),
    Role.OFFICER: (),
}


def may_invite(*, actor_role: Role, actor_region: str, role: Role, region: str) -> bool:
    """An admin or coordinator invites coordinators and officers inside their own subtree."""
    actor = Actor(role=actor_role.value, region_code=actor_region)
    return role in INVITABLE_ROLES[actor_role] and may(
        actor, Action.INVITE, chat=ChatKind.PRIVATE, region=region
    )
