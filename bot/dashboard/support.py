"""The dashboard's support requests (permintaan dukungan): the open ones inside the region,
by agency, overdue first; read only (acting on them stays in the chat). Every text a
person typed is escaped."""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from bot.domain.maps import MapMarker
from bot.i18n import format_short_moment, plain, t
from bot.services.dashboard import DashboardView
from bot.services.support import AgencySupport, SupportItem


def support_markers(view: DashboardView, lang: str) -> list[MapMarker]:
    """A diamond (incidents are circles) for each open request with a location."""
    names = {a.agency_code: a.name(lang) for a in view.support}
    return [
        MapMarker(
            item.longitude,
            item.latitude,
            "support",
            f"{item.reference} · {names.get(item.agency_code, item.agency_code)} · {item.region}",
            shape="diamond",
        )
        for item in view.support_markers
        if item.latitude is not None and item.longitude is not None
    ]


def support_section(view: DashboardView, lang: str, tz: ZoneInfo) -> str:
    groups = "".join(_agency(agency, lang, tz) for agency in view.support)
    if not groups:
        groups = f'<p class="note">{t(lang, "dashboard.support.none", region=view.name)}</p>'
    return (
        f'<section id="dukungan" aria-labelledby="dukungan-h">'
        f'<h2 id="dukungan-h">{t(lang, "dashboard.support.title")}</h2>{groups}</section>'
    )


def _agency(agency: AgencySupport, lang: str, tz: ZoneInfo) -> str:
    overdue = len(agency.overdue)
    key = "dashboard.support.agency_overdue" if overdue else "dashboard.support.agency"
    heading = t(lang, key, agency=agency.name(lang), count=len(agency.open), overdue=overdue)
    items = "".join(_item(item, lang, tz) for item in agency.open)
    return (
        f'<div class="agency" data-agency="{escape(agency.agency_code)}"><h3>{heading}</h3>'
        f'<ul class="requests">{items}</ul></div>'
    )


def _item(item: SupportItem, lang: str, tz: ZoneInfo) -> str:
    deadline = format_short_moment(item.deadline_at, lang, tz)
    when = (
        t(lang, "dashboard.support.overdue", time=deadline)
        if item.overdue
        else t(lang, "dashboard.support.deadline", time=deadline)
    )
    # Words, no emoji (as in the matrix): projectors and old phones lack emoji fonts.
    status = plain(lang, f"support.status.{item.status}")
    people = [t(lang, "dashboard.support.asked_by", who=item.requester or "—")]
    if item.taken_by:
        people.append(t(lang, "dashboard.support.taken_by", who=item.taken_by))
    urgency = plain(lang, f"support.urgency.{item.urgency}")
    return (
        f'<li class="request{" overdue" if item.overdue else ""} st-{escape(item.status)} '
        f'u-{escape(item.urgency)}" data-ref="{escape(item.reference)}" '
        f'data-status="{escape(item.status)}">'
        f'<p class="head"><strong>{escape(item.reference)}</strong> {escape(urgency)} · '
        f"{escape(item.region)}</p>"
        f'<p class="need">{escape(item.need)}</p>'
        f'<p class="status">{escape(status)} · <span class="deadline">{when}</span> · '
        f"{' · '.join(people)}</p></li>"
    )
