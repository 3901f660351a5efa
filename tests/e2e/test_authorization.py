"""The authorization matrix: every role × region relation × action, allowed or refused as
the README documents. Each cell is driven through the bot as that person, and the outcome
is read from the database (or, for reading actions, from what the person saw)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col

from bot.config import Settings
from bot.sandbox import SandboxClient, SimGroup, SimUser
from storage.engine import create_engine, create_session_factory
from storage.incidents import add_incident
from storage.models import (
    Election,
    Incident,
    Invite,
    Person,
    Report,
    Subscription,
    SupportRequest,
)
from storage.support import add_request
from tests.factories import add_regions, make_admin, make_group, make_officer, register, running
from tests.helpers import count_rows, fetch_all

HOME = "74.09.01"  # every actor is bound to Kecamatan Asera
TARGETS = {
    "own": "74.09.01",
    "below": "74.09.01.1005",
    "above": "74.09",
    "sibling": "74.09.02",
    "other province": "73.01",
}
ROLES = ("none", "officer", "coordinator", "admin")
ACTIONS = (
    "report",
    "incident",
    "acknowledge",
    "resolve",
    "status",
    "digest",
    "export",
    "subscribe",
    "invite",
    "events",
    "request_support",
    "take_support",
)


def expected(role: str, relation: str, action: str) -> bool:
    """The documented matrix (README, "Who may do what")."""
    inside = relation in ("own", "below")
    if role == "none":
        return False
    if action in ("report", "incident", "status", "digest", "request_support"):
        return inside
    if action == "events":
        return inside and role == "admin"
    return inside and role in ("coordinator", "admin")


Check = Callable[[SimUser, SimGroup, str], Awaitable[bool]]


async def next_reply(user: SimUser) -> str:
    """The next message that answers the person, skipping incident alerts: coordinators are
    alerted of the other actors' incidents at any moment."""
    while True:
        text = (await user.next_message(timeout=15)).text or ""
        if "INSIDEN" not in text and "PERMINTAAN DUKUNGAN" not in text:
            return text


class Matrix:
    """Checks run concurrently for four actors, so every effect is counted per actor."""

    def __init__(self, sandbox: SandboxClient, database_url: str, reporter_id: int):
        self.sandbox, self.url, self.reporter_id = sandbox, database_url, reporter_id
        self.person_of: dict[int, int] = {}  # telegram id → person id (absent: unregistered)

    def _me(self, user: SimUser) -> int:
        return self.person_of.get(user.id, -1)

    async def reply_to(self, user: SimUser, text: str, *, chat: SimGroup | None = None) -> str:
        if chat is not None:
            await chat.drain()
        await user.drain()  # anything late from an earlier step is not this step's reply
        await user.send(text, chat=chat)
        if chat is not None:
            return (await chat.next_message(timeout=15)).text or ""
        return await next_reply(user)

    async def report(self, user: SimUser, group: SimGroup, code: str) -> bool:
        mine = (col(Report.region_code) == code, col(Report.person_id) == self._me(user))
        before = await count_rows(self.url, Report, *mine)
        await self.reply_to(user, f"/lapor {code} logistik siap")
        return await count_rows(self.url, Report, *mine) > before

    async def incident(self, user: SimUser, group: SimGroup, code: str) -> bool:
        mine = (col(Incident.region_code) == code, col(Incident.reporter_id) == self._me(user))
        before = await count_rows(self.url, Incident, *mine)
        await self.reply_to(user, f"/insiden {code} rendah lainnya uji matriks")
        return await count_rows(self.url, Incident, *mine) > before

    async def _incident_in(self, code: str) -> int:
        engine = create_engine(self.url)
        async with create_session_factory(engine)() as session:
            incident = await add_incident(
                session,
                incident=Incident(
                    reporter_id=self.reporter_id,
                    reporter_role="officer",
                    region_code=code,
                    athg_class="tantangan",
                    type_code="lainnya",
                    severity="rendah",
                    description="uji",
                    created_at=datetime.now(UTC),
                ),
            )
            await session.commit()
        await engine.dispose()
        assert incident.id is not None
        return incident.id

    async def _press(self, user: SimUser, data: str) -> str:
        """Press a (forged) button; return the toast text ("" for a plain acknowledgement)."""
        await user.drain()
        anchor = [m for m in await user.transcript() if m.from_bot][-1]
        before = len(await user.toasts())
        await user.press_data(data, message_id=anchor.message_id)
        for _ in range(300):  # wait until the press was answered
            toasts = await user.toasts()
            if len(toasts) > before:
                return toasts[-1].get("text") or ""
            await asyncio.sleep(0.05)
        raise AssertionError(f"no answer to {data}")

    async def _status_of(self, incident_id: int) -> str:
        [incident] = await fetch_all(self.url, Incident, col(Incident.id) == incident_id)
        return incident.status

    async def acknowledge(self, user: SimUser, group: SimGroup, code: str) -> bool:
        incident_id = await self._incident_in(code)
        await self._press(user, f"inc1:{incident_id}:a")
        return await self._status_of(incident_id) == "acknowledged"

    async def resolve(self, user: SimUser, group: SimGroup, code: str) -> bool:
        incident_id = await self._incident_in(code)
        if await self._press(user, f"inc1:{incident_id}:r"):  # a refusal comes as a toast
            return await self._status_of(incident_id) == "resolved"
        assert "Menutup insiden" in await next_reply(user)
        await user.send("Sudah ditangani tim")
        assert "ditutup" in await next_reply(user)
        return await self._status_of(incident_id) == "resolved"

    async def status(self, user: SimUser, group: SimGroup, code: str) -> bool:
        return "Status kesiapan" in await self.reply_to(user, f"/status {code}")

    async def digest(self, user: SimUser, group: SimGroup, code: str) -> bool:
        return "Ringkasan Posko Pemilu" in await self.reply_to(user, f"/ringkasan {code}")

    async def export(self, user: SimUser, group: SimGroup, code: str) -> bool:
        allowed = "Menyiapkan ekspor" in await self.reply_to(user, f"/ekspor csv {code}")
        if allowed:
            documents = 0
            while documents < 6:  # the six CSV files (alerts may come in between)
                documents += (await user.next_message(timeout=20)).document is not None
        return allowed

    async def subscribe(self, user: SimUser, group: SimGroup, code: str) -> bool:
        await self.reply_to(user, f"/langganan {code}", chat=group)
        subscriptions = await fetch_all(
            self.url, Subscription, col(Subscription.chat_id) == group.id
        )
        return any(s.region_code == code and s.active for s in subscriptions)

    async def invite(self, user: SimUser, group: SimGroup, code: str) -> bool:
        mine = (col(Invite.region_code) == code, col(Invite.created_by_id) == self._me(user))
        before = await count_rows(self.url, Invite, *mine)
        await self.reply_to(user, f"/undang petugas {code}")
        return await count_rows(self.url, Invite, *mine) > before

    async def request_support(self, user: SimUser, group: SimGroup, code: str) -> bool:
        mine = (
            col(SupportRequest.region_code) == code,
            col(SupportRequest.requester_id) == self._me(user),
        )
        before = await count_rows(self.url, SupportRequest, *mine)
        await self.reply_to(user, f"/dukungan kpu {code} 3 hari uji matriks")
        return await count_rows(self.url, SupportRequest, *mine) > before

    async def take_support(self, user: SimUser, group: SimGroup, code: str) -> bool:
        """Take a request asked of KPU (the coordinator's agency) in `code`."""
        engine = create_engine(self.url)
        async with create_session_factory(engine)() as session:
            request = await add_request(
                session,
                request=SupportRequest(
                    requester_id=self.reporter_id,
                    requester_role="officer",
                    region_code=code,
                    agency_code="kpu",
                    need="uji",
                    urgency="biasa",
                    deadline_at=datetime.now(UTC) + timedelta(days=1),
                    target_region=code,
                    created_at=datetime.now(UTC),
                ),
            )
            await session.commit()
        await engine.dispose()
        await self._press(user, f"sup1:{request.id}:t")
        [row] = await fetch_all(self.url, SupportRequest, col(SupportRequest.id) == request.id)
        return row.status == "taken"

    async def events(self, user: SimUser, group: SimGroup, code: str) -> bool:
        mine = (col(Election.region_code) == code, col(Election.created_by_id) == self._me(user))
        before = await count_rows(self.url, Election, *mine)
        await self.reply_to(user, f"/acara tambah Pilkada 2024-11-27 {code} Pilkada uji")
        return await count_rows(self.url, Election, *mine) > before


@pytest.fixture
def matrix_settings(settings: Settings) -> Settings:
    from dataclasses import replace

    return replace(settings, admin_region_code=HOME)


async def test_authorization_matrix(
    matrix_settings: Settings, sandbox: SandboxClient, database_url: str
) -> None:
    await add_regions(
        database_url,
        "73,,Sulawesi Selatan,province",
        "73.01,73,Kabupaten Kepulauan Selayar,regency",
    )
    async with running(matrix_settings):
        reporter = await make_officer(sandbox, database_url, name="Pelapor", region="74")
        [reporter_person] = await fetch_all(
            database_url, Person, col(Person.telegram_id) == reporter.id
        )
        assert reporter_person.id is not None
        matrix = Matrix(sandbox, database_url, reporter_person.id)

        actors: dict[str, SimUser] = {"none": await sandbox.create_user("Tamu")}
        await actors["none"].send("/start")
        await actors["none"].next_message()
        for role in ("officer", "coordinator"):
            actors[role] = await register(
                sandbox, database_url, name=f"Aktor {role}", role=role, region=HOME
            )
        actors["admin"] = await make_admin(sandbox, name="Admin")
        for person in await fetch_all(database_url, Person):
            assert person.id is not None
            matrix.person_of[person.telegram_id] = person.id
        groups = {
            role: await make_group(sandbox, f"Grup {role}", members=[], admins=[user])
            for role, user in actors.items()
        }

        async def run(role: str) -> list[tuple[str, str, str, bool]]:
            observed = []
            for action in ACTIONS:
                check: Check = getattr(matrix, action)
                for relation, code in TARGETS.items():
                    allowed = await check(actors[role], groups[role], code)
                    observed.append((role, relation, action, allowed))
            return observed

        results = [
            cell for cells in await asyncio.gather(*(run(r) for r in ROLES)) for cell in cells
        ]

    wrong = [
        f"{role:<11} {relation:<15} {action:<12} was {'allowed' if allowed else 'refused'}"
        for role, relation, action, allowed in results
        if allowed != expected(role, relation, action)
    ]
    assert len(results) == len(ROLES) * len(TARGETS) * len(ACTIONS)
    assert not wrong, "\n" + "\n".join(wrong)
