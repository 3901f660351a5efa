"""Who may do what where. Pure functions of role and region codes."""

from __future__ import annotations

from bot.domain.regions import is_within
from bot.domain.types import Role

# Which roles each role may hand out through an invite.
INVITABLE_ROLES: dict[Role, tuple[Role, ...]] = {
    Role.ADMIN: (Role.COORDINATOR, Role.OFFICER),
    Role.COORDINATOR: (Role.COORDINATOR, Role.OFFICER),
    Role.OFFICER: (),
}


def may_invite(*, actor_role: Role, actor_region: str, role: Role, region: str) -> bool:
    """An admin or coordinator invites coordinators and officers inside their own subtree."""
    return role in INVITABLE_ROLES[actor_role] and is_within(region, actor_region)


def may_act_in(*, actor_region: str, region: str) -> bool:
    """Everyone acts only inside the subtree of the region they are bound to."""
    return is_within(region, actor_region)
