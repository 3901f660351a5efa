"""Agencies (instansi): the list, finding one by a word, a person's own."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.support import AgencyInfo, find_agency
from bot.unit import UnitOfWork
from storage.incidents import claim_notice
from storage.models import Person
from storage.support import active_agencies, add_agency, get_agency, set_person_agency


def _session(unit_or_session: UnitOfWork | AsyncSession) -> AsyncSession:
    return unit_or_session.session if isinstance(unit_or_session, UnitOfWork) else unit_or_session


async def agencies(unit_or_session: UnitOfWork | AsyncSession) -> list[AgencyInfo]:
    """The active agencies, in their shipped order."""
    return [
        AgencyInfo(
            a.code,
            a.name_id,
            a.name_en,
            tuple(filter(None, (w.strip().lower() for w in a.aliases.split(",")))),
        )
        for a in await active_agencies(_session(unit_or_session))
    ]


async def agency_named(unit_or_session: UnitOfWork | AsyncSession, word: str) -> AgencyInfo | None:
    return find_agency(word, await agencies(unit_or_session))


async def agency_name(
    unit_or_session: UnitOfWork | AsyncSession, code: str | None, lang: str
) -> str:
    """The agency's name in `lang`; "—" for none."""
    if code is None:
        return "—"
    agency = await get_agency(_session(unit_or_session), code=code)
    if agency is None:
        return code.upper()
    return agency.name_en if lang == "en" else agency.name_id


async def choose_agency(unit: UnitOfWork, *, person: Person, code: str) -> AgencyInfo | None:
    """A person says which agency they belong to; None when `code` is no active agency."""
    found = next((a for a in await agencies(unit) if a.code == code), None)
    if found is None:
        return None
    await set_person_agency(unit.session, person=person, agency_code=code)
    return found


async def create_agency(
    unit_or_session: UnitOfWork | AsyncSession, *, code: str, name_id: str, name_en: str
) -> bool:
    """An admin adds an agency; False when the code exists."""
    session = _session(unit_or_session)
    if await get_agency(session, code=code) is not None:
        return False
    await add_agency(session, code=code, name_id=name_id, name_en=name_en)
    return True


async def needs_agency_question(unit: UnitOfWork, *, person: Person) -> bool:
    """True once for a person without an agency (admins are not asked: the policy lets
    them act for every agency)."""
    if person.agency_code is not None or person.role == "admin" or person.id is None:
        return False
    return await claim_notice(unit.session, key=f"agency.ask:{person.id}", now=unit.now)
