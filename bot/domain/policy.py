"""The one access policy: may this person do this action on this region, in this kind of chat.

Every handler, service and web view asks `decide` (or `may`); nothing else decides access.
The table below is the whole policy, and the README's "Who may do what" is written from it.

Rules that hold for every action, so they are not repeated in the table:
- a person who is not registered, or whose access ended, may do nothing;
- everyone acts only inside the subtree of the region they are bound to;
- the target agency of a support request, when the action names one, must be the person's own
  agency (admins excepted), so a POLRI coordinator cannot take what was asked of TNI.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.regions import is_within


class Action(StrEnum):
    REPORT = "report"  # readiness report, correction, withdrawal
    REPORT_INCIDENT = "report_incident"
    VIEW_STATUS = "view_status"  # /status, /insiden_terbuka, the dashboard's read-only views
    VIEW_DIGEST = "view_digest"  # /ringkasan
    VIEW_HISTORY = "view_history"  # /riwayat: names of who acted
    HANDLE_INCIDENT = "handle_incident"  # acknowledge, in progress, resolve, reject
    REMIND = "remind"  # /ingatkan
    EXPORT = "export"  # files with names, notes and coordinates
    SUBSCRIBE_GROUP = "subscribe_group"  # also needs Telegram group admin, checked by the caller
    INVITE = "invite"
    MANAGE_ELECTIONS = "manage_elections"
    VIEW_INVITATIONS = "view_invitations"  # /undangan: who invited whom, with Telegram ids
    DEACTIVATE = "deactivate"
    VIEW_OWN_DATA = "view_own_data"  # /dataku, /profil
    REQUEST_SUPPORT = "request_support"
    HANDLE_SUPPORT = "handle_support"  # take, progress, close, decline a support request
    REASSIGN_SUPPORT = "reassign_support"
    BRIEFING = "briefing"  # the Rakor PDF
    OPEN_DASHBOARD = "open_dashboard"


class ChatKind(StrEnum):
    PRIVATE = "private"  # a private chat with the bot
    GROUP = "group"  # a group, supergroup or forum topic: everyone there reads the answer
    WEB = "web"  # the dashboard, signed in as the person


class PolicyRole(StrEnum):
    """The roles as the policy knows them (the values of storage's Role)."""

    ADMIN = "admin"
    COORDINATOR = "coordinator"
    OFFICER = "officer"


_ALL = frozenset(PolicyRole)
_LEADERS = frozenset({PolicyRole.COORDINATOR, PolicyRole.ADMIN})
_ADMIN = frozenset({PolicyRole.ADMIN})
_ANYWHERE = frozenset(ChatKind)
_PRIVATE = frozenset({ChatKind.PRIVATE})
_PRIVATE_OR_WEB = frozenset({ChatKind.PRIVATE, ChatKind.WEB})
_NOT_WEB = frozenset({ChatKind.PRIVATE, ChatKind.GROUP})


@dataclass(frozen=True)
class Rule:
    roles: frozenset[PolicyRole]
    chats: frozenset[ChatKind]


# The policy. Personal data and files (exports, own data, invitations, invite links, history
# with names) are private-chat or web only: everyone in a group reads what the bot answers.
POLICY: dict[Action, Rule] = {
    Action.REPORT: Rule(_ALL, _PRIVATE_OR_WEB),
    Action.REPORT_INCIDENT: Rule(_ALL, _PRIVATE_OR_WEB),
    Action.VIEW_STATUS: Rule(_ALL, _ANYWHERE),
    Action.VIEW_DIGEST: Rule(_ALL, _ANYWHERE),
    Action.VIEW_HISTORY: Rule(_ALL, _PRIVATE_OR_WEB),
    Action.HANDLE_INCIDENT: Rule(_LEADERS, _ANYWHERE),
    Action.REMIND: Rule(_LEADERS, _NOT_WEB),
    Action.EXPORT: Rule(_LEADERS, _PRIVATE_OR_WEB),
    Action.SUBSCRIBE_GROUP: Rule(_LEADERS, frozenset({ChatKind.GROUP})),
    Action.INVITE: Rule(_LEADERS, _PRIVATE),
    Action.MANAGE_ELECTIONS: Rule(_ADMIN, _ANYWHERE),  # /acara works in groups too
    Action.VIEW_INVITATIONS: Rule(_ADMIN, _PRIVATE_OR_WEB),
    Action.DEACTIVATE: Rule(_ADMIN, _PRIVATE_OR_WEB),
    Action.VIEW_OWN_DATA: Rule(_ALL, _PRIVATE_OR_WEB),
    Action.REQUEST_SUPPORT: Rule(_ALL, _PRIVATE_OR_WEB),
    Action.HANDLE_SUPPORT: Rule(_LEADERS, _ANYWHERE),
    Action.REASSIGN_SUPPORT: Rule(_ADMIN, _PRIVATE_OR_WEB),
    Action.BRIEFING: Rule(_LEADERS, _PRIVATE),
    Action.OPEN_DASHBOARD: Rule(_ALL, _PRIVATE_OR_WEB),
}


class Refusal(StrEnum):
    """Why an action was refused; each is a catalog key `access.refused.<value>`."""

    NOT_REGISTERED = "not_registered"
    INACTIVE = "inactive"
    ROLE = "role"
    CHAT = "chat"  # right person, wrong kind of chat (e.g. an export asked in a group)
    REGION = "region"  # outside the person's area
    AGENCY = "agency"  # a support request for another agency


@dataclass(frozen=True)
class Actor:
    """Who acts, as the policy needs to know them (no storage object)."""

    role: str
    region_code: str
    active: bool = True
    agency_code: str | None = None


@dataclass(frozen=True)
class Decision:
    refusal: Refusal | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision()


def decide(
    actor: Actor | None,
    action: Action,
    *,
    chat: ChatKind,
    region: str | None = None,
    agency: str | None = None,
) -> Decision:
    """The one answer to "may `actor` do `action` on `region` (for `agency`) in `chat`?".

    `region` None means the person's own region. Checks run from who to where, so the
    refusal names the first thing that is wrong: a stranger hears how to join, an officer
    that the action is for coordinators, a coordinator in a group that it is private.
    """
    if actor is None:
        return Decision(Refusal.NOT_REGISTERED)
    if not actor.active:
        return Decision(Refusal.INACTIVE)
    rule = POLICY[action]
    try:
        role = PolicyRole(actor.role)
    except ValueError:
        return Decision(Refusal.ROLE)
    if role not in rule.roles:
        return Decision(Refusal.ROLE)
    if chat not in rule.chats:
        return Decision(Refusal.CHAT)
    if region is not None and not is_within(region, actor.region_code):
        return Decision(Refusal.REGION)
    if (
        agency is not None
        and action in (Action.HANDLE_SUPPORT,)
        and role != PolicyRole.ADMIN
        and actor.agency_code != agency
    ):
        return Decision(Refusal.AGENCY)
    return ALLOWED


def may(
    actor: Actor | None,
    action: Action,
    *,
    chat: ChatKind,
    region: str | None = None,
    agency: str | None = None,
) -> bool:
    return decide(actor, action, chat=chat, region=region, agency=agency).allowed


def chat_kind(telegram_chat_type: str | None) -> ChatKind:
    """Telegram's chat type → the policy's kind; anything but a private chat is a group
    (a channel or an unknown type is treated as the most public)."""
    return ChatKind.PRIVATE if telegram_chat_type == "private" else ChatKind.GROUP


def policy_table() -> list[tuple[str, list[str], list[str]]]:
    """(action, roles, chats) rows, for the README and its test."""
    return [
        (action.value, sorted(r.value for r in rule.roles), sorted(c.value for c in rule.chats))
        for action, rule in POLICY.items()
    ]
