"""The dashboard's HTML: server-rendered from a `DashboardView`, every text from the
catalogs, every value a person typed escaped. Mobile first; one stylesheet and one script,
both served from this server (bot/dashboard/static)."""

from __future__ import annotations

from datetime import timedelta
from html import escape as _escape
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from bot.dashboard.colours import MODES, WORST, area_colour, legend, share_text, state_name
from bot.dashboard.support import support_markers, support_section
from bot.domain.countdown import countdown_label
from bot.domain.incidents import SEVERITY_EMOJI, STATUS_EMOJI, reference
from bot.domain.maps import MapArea, MapLayout, MapMarker, SvgOptions, layout_map, render_svg
from bot.domain.types import IncidentStatus, Severity
from bot.i18n import format_day, format_short_moment, plain, t
from bot.services.dashboard import FEED_DAYS, Countdown, DashboardView, FeedFilter, FeedItem

BASE = "/dasbor"
STATIC = f"{BASE}/static"
SHORT = {"ready": "✓", "partial": "½", "not_ready": "✗", None: "–"}  # drawn by any font
ACTIONS = ("acknowledge", "progress", "resolve", "dismiss")


def attr(value: object) -> str:
    return _escape(str(value), quote=True)


def text(value: object) -> str:
    return _escape(str(value), quote=False)


def region_url(code: str, **query: str | None) -> str:
    wanted = {k: v for k, v in query.items() if v}
    return f"{BASE}/r/{code}" + (f"?{urlencode(wanted)}" if wanted else "")


def page(lang: str, title: str, body: str, *, data: dict[str, str] | None = None) -> str:
    attrs = "".join(f' data-{k}="{attr(v)}"' for k, v in (data or {}).items())
    return (
        f'<!doctype html><html lang="{attr(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title>"
        f'<link rel="icon" href="data:,"><link rel="stylesheet" href="{STATIC}/app.css"></head>'
        f"<body{attrs}>{body}"
        f'<script src="{STATIC}/app.js" defer></script></body></html>'
    )


def message_page(lang: str, key: str, **params: object) -> str:
    body = f'<main class="message"><h1>Posko Pemilu</h1><p>{t(lang, key, **params)}</p></main>'
    return page(lang, "Posko Pemilu", body)


def signin_page(lang: str, token: str) -> str:
    body = (
        f'<main class="message"><h1>{t(lang, "dashboard.signin.title")}</h1>'
        f'<form method="post" action="{BASE}/masuk" data-auto="1">'
        f'<input type="hidden" name="t" value="{attr(token)}">'
        f'<button type="submit">{t(lang, "dashboard.signin.button")}</button></form></main>'
    )
    return page(lang, plain(lang, "dashboard.signin.title"), body)


def webapp_page(lang: str) -> str:
    body = (
        f'<main class="message" id="webapp" data-failed="{attr(plain(lang, "dashboard.signin.webapp_failed"))}">'
        f'<h1>Posko Pemilu</h1><p id="webapp-status" role="status">'
        f"{t(lang, 'dashboard.signin.webapp')}</p></main>"
    )
    return page(lang, "Posko Pemilu", body, data={"webapp": f"{BASE}/masuk/webapp"})


# --- the region page -------------------------------------------------------------------


def dashboard_page(
    view: DashboardView,
    *,
    lang: str,
    tz: ZoneInfo,
    who: str,
    csrf: str,
    parts_query: str,
) -> str:
    header = (
        f'<a class="skip" href="#parts">{t(lang, "dashboard.skip")}</a>'
        f'<header><div class="top"><strong>Posko Pemilu</strong>'
        f'<span id="live" role="status" data-on="{attr(plain(lang, "dashboard.live.on"))}" '
        f'data-off="{attr(plain(lang, "dashboard.live.off"))}">'
        f"{t(lang, 'dashboard.live.off')}</span></div>"
        f'<p class="who">{text(who)}</p>'
        f'<nav class="tabs"><a href="#peta">{t(lang, "dashboard.nav.map")}</a>'
        f'<a href="#matriks">{t(lang, "dashboard.nav.matrix")}</a>'
        f'<a href="#insiden">{t(lang, "dashboard.nav.incidents")}</a>'
        f'<a href="#dukungan">{t(lang, "dashboard.nav.support")}</a>'
        f'<a href="#tren">{t(lang, "dashboard.nav.trends")}</a></nav></header>'
    )
    body = (
        header
        + f'<main id="parts" tabindex="-1">{dashboard_parts(view, lang=lang, tz=tz, csrf=csrf)}</main>'
        + f'<noscript><p class="note">{t(lang, "dashboard.noscript")}</p></noscript>'
    )
    parts_url = f"{BASE}/r/{view.code}/parts" + (f"?{parts_query}" if parts_query else "")
    return page(
        lang,
        plain(lang, "dashboard.title", region=view.name),
        body,
        data={"live": f"{BASE}/live/{view.code}", "parts": parts_url, "csrf": csrf},
    )


def dashboard_parts(view: DashboardView, *, lang: str, tz: ZoneInfo, csrf: str) -> str:
    """Everything that changes: fetched again when the live feed says so."""
    return "".join(
        [
            _countdowns(view, lang),
            _crumbs(view, lang),
            f'<p class="updated">{t(lang, "dashboard.updated", time=format_short_moment(view.now, lang, tz))}</p>',
            _map(view, lang),
            _matrix(view, lang, tz),
            _incidents(view, lang, tz, csrf),
            support_section(view, lang, tz),
            _trends(view, lang),
        ]
    )


def _countdowns(view: DashboardView, lang: str) -> str:
    if not view.countdowns:
        return ""
    items = "".join(
        f"<li>{t(lang, 'dashboard.countdown', name=c.name, label=_label(c), day=format_day(c.voting_day, lang))}</li>"
        for c in view.countdowns
    )
    return f'<ul class="countdown">{items}</ul>'


def _label(countdown: Countdown) -> str:
    return countdown_label(
        countdown.voting_day, countdown.voting_day - timedelta(days=countdown.days)
    )


def _crumbs(view: DashboardView, lang: str) -> str:
    links = []
    for crumb in view.path:
        if crumb.code == view.code:
            links.append(f'<li aria-current="page">{text(crumb.name)}</li>')
        else:
            links.append(
                f'<li><a href="{attr(region_url(crumb.code, **_keep(view)))}">{text(crumb.name)}</a></li>'
            )
    up = ""
    if len(view.path) > 1:
        parent = view.path[-2]
        up = f'<a class="up" href="{attr(region_url(parent.code, **_keep(view)))}">{t(lang, "dashboard.up", region=parent.name)}</a>'
    if len(view.path) <= 1:
        return f'<h1 id="region-name">{text(view.name)}</h1>'
    return (
        f'<nav class="crumbs" aria-label="{attr(plain(lang, "dashboard.crumbs"))}"><ol>{"".join(links)}</ol>{up}</nav>'
        f'<h1 id="region-name">{text(view.name)}</h1>'
    )


def _keep(view: DashboardView) -> dict[str, str | None]:
    """The map's choices, carried by every link that stays on the dashboard."""
    return {"aspect": view.aspect, "by": view.colour_by if view.colour_by != WORST else None}


# Layouts already computed, by the outlines' codes and versions: the same outlines always
# give the same layout, so a new import (new versions) cannot find a stale one. Bounded.
_LAYOUTS: dict[tuple[tuple[str, str], ...], MapLayout | None] = {}
LAYOUTS_LIMIT = 500
MAP_WIDTH = 640


def _layout(view: DashboardView) -> MapLayout | None:
    key = tuple((shape.code, shape.version) for shape in view.shapes)
    if any(not version for _, version in key):
        return layout_map(view.shapes, width=MAP_WIDTH)
    if key not in _LAYOUTS:
        if len(_LAYOUTS) >= LAYOUTS_LIMIT:
            _LAYOUTS.clear()
        _LAYOUTS[key] = layout_map(view.shapes, width=MAP_WIDTH)
    return _LAYOUTS[key]


def _map(view: DashboardView, lang: str) -> str:
    options = [f'<option value="">{t(lang, "dashboard.map.all")}</option>'] + [
        f'<option value="{attr(code)}"{" selected" if code == view.aspect else ""}>'
        f"{text(label_en if lang == 'en' else label_id)}</option>"
        for code, label_id, label_en in view.aspects
    ]
    modes = "".join(
        f'<option value="{mode}"{" selected" if mode == view.colour_by else ""}>'
        f"{t(lang, f'dashboard.map.by.{mode}')}</option>"
        for mode in MODES
    )
    # Two forms, each carrying the other's choice only when it is not the default, so that
    # links stay as short as they were (`?aspect=distribusi`).
    keep = _keep(view)
    chooser = (
        f'<form method="get" action="{attr(region_url(view.code))}" class="aspect">'
        + (f'<input type="hidden" name="by" value="{attr(keep["by"])}">' if keep["by"] else "")
        + f'<label for="aspect">{t(lang, "dashboard.map.aspect")}</label>'
        f'<select id="aspect" name="aspect" data-autosubmit="1">{"".join(options)}</select>'
        f'<button type="submit">{t(lang, "dashboard.map.show")}</button></form>'
        f'<form method="get" action="{attr(region_url(view.code))}" class="aspect">'
        + (
            f'<input type="hidden" name="aspect" value="{attr(view.aspect)}">'
            if view.aspect
            else ""
        )
        + f'<label for="by">{t(lang, "dashboard.map.by")}</label>'
        f'<select id="by" name="by" data-autosubmit="1">{modes}</select>'
        f'<button type="submit">{t(lang, "dashboard.map.show")}</button></form>'
    )
    layout = _layout(view)
    if layout is None:
        drawing = f'<p class="note">{t(lang, "dashboard.map.none", region=view.name)}</p>'
    else:
        areas: dict[str, MapArea] = {}
        names = {}
        for area in view.areas:
            colour = area_colour(area, view.aspect, view.colour_by, lang)
            count = view.open_incidents.get(area.code, 0)
            title = (
                plain(
                    lang,
                    "dashboard.map.area_incidents",
                    name=area.name,
                    state=colour.label,
                    count=count,
                )
                if count
                else plain(lang, "dashboard.map.area", name=area.name, state=colour.label)
            )
            missing = area.count(None)
            if view.aspect is None and missing and colour.state != "none":
                title += " · " + plain(lang, "dashboard.matrix.missing", count=missing)
            requests = view.open_support.get(area.code, 0)
            if requests:
                title += " · " + plain(lang, "dashboard.map.area_support", count=requests)
            href = region_url(area.code, **_keep(view)) if area.code in view.drillable else None
            areas[area.code] = MapArea(colour.fill, title, colour.state, href)
            names[area.code] = area.name
        markers = [
            MapMarker(
                item.longitude,
                item.latitude,
                f"sev-{item.severity}",
                f"{reference(item.id)} · {item.kind} · {item.place}",
            )
            for item in view.feed
            if item.open and item.latitude is not None and item.longitude is not None
        ] + support_markers(view, lang)
        svg = render_svg(
            layout,
            areas,
            SvgOptions(
                label=plain(lang, "dashboard.map.label", region=view.name, count=len(view.areas)),
                markers=markers,
                names=names if len(names) <= 40 else {},
            ),
        )
        drawing = (
            f'<div class="map-wrap">{svg}</div><p class="note">{t(lang, "dashboard.map.tap")}</p>'
        )
    swatches = "".join(
        f'<li><svg class="swatch" viewBox="0 0 14 14" aria-hidden="true"><rect width="14" height="14" fill="{fill}"/></svg>{text(words)}</li>'
        for fill, words in legend(view.colour_by, lang)
    )
    marks = (
        f'<li><span class="mark m-incident" aria-hidden="true"></span>{t(lang, "dashboard.map.marker.incident")}</li>'
        f'<li><span class="mark m-support" aria-hidden="true"></span>{t(lang, "dashboard.map.marker.support")}</li>'
    )
    return (
        f'<section id="peta" aria-labelledby="peta-h"><h2 id="peta-h">{t(lang, "dashboard.map.title")}</h2>'
        f"{chooser}{drawing}"
        f'<ul class="legend" aria-label="{attr(plain(lang, "dashboard.map.legend"))}" data-by="{view.colour_by}">{swatches}</ul>'
        f'<ul class="legend marks" aria-label="{attr(plain(lang, "dashboard.map.markers"))}">{marks}</ul></section>'
    )


def _cell(lang: str, state: str | None, *, requested: bool = False) -> str:
    """A coloured mark with the state's name for screen readers and a hover (no emoji:
    projectors and old phones draw colours better than emoji); framed, with a "D", when an
    open support request is about that cell (as the chat's matrix marks it with 🤝)."""
    said = state_name(lang, state)
    if requested:
        said += " · " + plain(lang, "dashboard.matrix.support_cell")
    classes, extra, mark = f"c-{state or 'none'}", "", ""
    if requested:
        classes += " req-open"
        extra = ' data-support="1"'
        mark = '<span class="req" aria-hidden="true">D</span>'
    return (
        f'<td class="{classes}" title="{attr(said)}"{extra}><span class="dot" aria-hidden="true">'
        f'{SHORT[state]}</span>{mark}<span class="sr">{text(said)}</span></td>'
    )


def _matrix(view: DashboardView, lang: str, tz: ZoneInfo) -> str:
    head = "".join(
        f'<th scope="col" title="{attr(label_en if lang == "en" else label_id)}">'
        f"<span>{text(label_en if lang == 'en' else label_id)}</span></th>"
        for _code, label_id, label_en in view.aspects
    )
    rows = []
    for area, is_own in [(view.own, True), *[(a, False) for a in view.areas]]:
        name = plain(lang, "dashboard.matrix.whole", region=view.name) if is_own else area.name
        cell_name = (
            f'<a href="{attr(region_url(area.code, **_keep(view)))}">{text(name)}</a>'
            if not is_own and area.code in view.drillable
            else text(name)
        )
        cells = "".join(
            _cell(lang, area.aspects[code].state, requested=(area.code, code) in view.support_cells)
            for code, _, _ in view.aspects
        )
        missing = area.count(None)
        last = (
            text(format_short_moment(area.last_at, lang, tz))
            if area.last_at
            else f"<em>{t(lang, 'dashboard.matrix.never')}</em>"
        )
        if missing and area.last_at:
            last += f"<br><small>{t(lang, 'dashboard.matrix.missing', count=missing)}</small>"
        share = text(share_text(lang, *area.share_ready(view.aspect)))
        rows.append(
            f'<tr class="{"own" if is_own else ""}" data-code="{attr(area.code)}"><th scope="row">{cell_name}</th>{cells}'
            f'<td class="share">{share}</td><td class="last">{last}</td></tr>'
        )
    empty = (
        f'<p class="note">{t(lang, "dashboard.matrix.empty", region=view.name)}</p>'
        if not view.areas
        else ""
    )
    if view.support_cells:
        empty += f'<p class="note">{t(lang, "dashboard.matrix.support_legend")}</p>'
    aspect_name = next(
        (
            label_en if lang == "en" else label_id
            for c, label_id, label_en in view.aspects
            if c == view.aspect
        ),
        None,
    )
    share_head = (
        t(lang, "dashboard.matrix.share_of", aspect=aspect_name)
        if aspect_name
        else t(lang, "dashboard.matrix.share")
    )
    return (
        f'<section id="matriks" aria-labelledby="matriks-h"><h2 id="matriks-h">{t(lang, "dashboard.matrix.title")}</h2>'
        f'<div class="scroll"><table class="matrix"><thead><tr><th scope="col">{t(lang, "dashboard.matrix.area")}</th>{head}'
        f'<th scope="col" class="share">{share_head}</th>'
        f'<th scope="col">{t(lang, "dashboard.matrix.last")}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>{empty}</section>'
    )


def _incidents(view: DashboardView, lang: str, tz: ZoneInfo, csrf: str) -> str:
    wanted = view_filter(view)
    severities = [f'<option value="">{t(lang, "dashboard.incidents.any")}</option>'] + [
        f'<option value="{s.value}"{" selected" if wanted.severity == s.value else ""}>{SEVERITY_EMOJI[s.value]} {text(plain(lang, f"severity.{s.value}"))}</option>'
        for s in (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)
    ]
    statuses = [
        ("", plain(lang, "dashboard.incidents.any")),
        ("open", plain(lang, "dashboard.incidents.open")),
        ("closed", plain(lang, "dashboard.incidents.closed")),
    ] + [(s.value, plain(lang, f"incident.status.{s.value}")) for s in IncidentStatus]
    status_options = "".join(
        f'<option value="{attr(v)}"{" selected" if (wanted.status or "") == v else ""}>{text(label)}</option>'
        for v, label in statuses
    )
    filters = (
        f'<form method="get" action="{attr(region_url(view.code))}#insiden" class="filters">'
        + "".join(
            f'<input type="hidden" name="{name}" value="{attr(value)}">'
            for name, value in _keep(view).items()
            if value
        )
        + f'<label>{t(lang, "dashboard.incidents.severity")} <select name="severity" data-autosubmit="1">{"".join(severities)}</select></label>'
        f'<label>{t(lang, "dashboard.incidents.status")} <select name="status" data-autosubmit="1">{status_options}</select></label>'
        f'<button type="submit">{t(lang, "dashboard.incidents.filter")}</button></form>'
    )
    items = "".join(_incident(item, view, lang, tz, csrf) for item in view.feed)
    if not items:
        items = f'<li class="note">{t(lang, "dashboard.incidents.none", days=FEED_DAYS)}</li>'
    return (
        f'<section id="insiden" aria-labelledby="insiden-h"><h2 id="insiden-h">{t(lang, "dashboard.incidents.title")}</h2>'
        f'{filters}<ul class="feed" aria-live="polite">{items}</ul></section>'
    )


def view_filter(view: DashboardView) -> FeedFilter:
    return view.feed_filter


def _incident(item: FeedItem, view: DashboardView, lang: str, tz: ZoneInfo, csrf: str) -> str:
    ref = reference(item.id)
    status = f"{STATUS_EMOJI[item.status]} {plain(lang, f'incident.status.{item.status}')}"
    actions = ""
    if view.may_act and item.open:
        buttons = "".join(
            f'<button type="submit" name="action" value="{a}">{t(lang, f"dashboard.action.{a}")}</button>'
            for a in ACTIONS
            if not (a == "acknowledge" and item.status != "new")
            and not (a == "progress" and item.status == "in_progress")
        )
        actions = (
            f'<form method="post" action="{BASE}/insiden/{item.id}" class="act" data-ref="{attr(ref)}">'
            f'<input type="hidden" name="csrf" value="{attr(csrf)}">'
            f'<input type="hidden" name="back" value="{attr(region_url(view.code, **_keep(view)))}">'
            f'<label class="sr" for="note-{item.id}">{t(lang, "dashboard.incidents.note")}</label>'
            f'<input id="note-{item.id}" name="note" maxlength="1000" placeholder="{attr(plain(lang, "dashboard.incidents.note"))}">'
            f'<span class="buttons">{buttons}</span></form>'
        )
    return (
        f'<li class="incident sev-{attr(item.severity)} st-{attr(item.status)}" data-ref="{attr(ref)}" data-status="{attr(item.status)}">'
        f'<p class="head"><strong>{text(ref)}</strong> {SEVERITY_EMOJI.get(item.severity, "")} '
        f"{text(plain(lang, f'severity.{item.severity}'))} · {text(item.kind)} · {text(item.place)}</p>"
        f'<p class="status">{text(status)} · {t(lang, "dashboard.incidents.at", time=format_short_moment(item.created_at, lang, tz))}</p>'
        f'<p class="desc">{text(item.description)}</p>{actions}</li>'
    )


def _trends(view: DashboardView, lang: str) -> str:
    days = len(view.trends)
    top = max((d.reports for d in view.trends), default=0) or 1
    width, height, gap, below = 28, 80, 4, 16
    bars = []
    for i, day in enumerate(view.trends):
        h = round(height * day.reports / top)
        x = i * (width + gap)
        bars.append(
            f'<rect x="{x}" y="{height - h}" width="{width}" height="{max(h, 1)}" class="bar">'
            f"<title>{text(format_day(day.day, lang))}: {day.reports}</title></rect>"
            f'<text x="{x + width / 2:g}" y="{height + 12}" class="day">{day.day.day}</text>'
        )
        if day.reports:
            bars.append(
                f'<text x="{x + width / 2:g}" y="{max(height - h - 3, 10)}" class="count">{day.reports}</text>'
            )
    chart = (
        f'<svg viewBox="0 0 {days * (width + gap)} {height + below}" class="chart" role="img" '
        f'aria-label="{attr(plain(lang, "dashboard.trends.chart", days=days))}">{"".join(bars)}</svg>'
    )
    total_areas = max(len(view.areas), 1)
    rows = "".join(
        f'<tr><th scope="row">{text(day.day.strftime("%d/%m"))}</th><td>{day.reports}</td>'
        f"<td>{day.areas}/{total_areas}</td><td>{day.ready}</td></tr>"
        for day in reversed(view.trends)
        if day.reports
    )
    return (
        f'<section id="tren" aria-labelledby="tren-h"><h2 id="tren-h">{t(lang, "dashboard.trends.title", days=days)}</h2>'
        f'{chart}<div class="scroll"><table class="trends"><thead><tr><th scope="col">{t(lang, "dashboard.trends.day")}</th>'
        f'<th scope="col">{t(lang, "dashboard.trends.reports")}</th><th scope="col">{t(lang, "dashboard.trends.coverage")}</th>'
        f'<th scope="col">{t(lang, "dashboard.trends.ready")}</th></tr></thead><tbody>{rows}</tbody></table></div></section>'
    )


def who_line(lang: str, *, name: str | None, role: str, screen: bool) -> str:
    if screen:
        return plain(lang, "dashboard.as_screen", name=name or "—")
    return plain(lang, "dashboard.as", name=name or "—", role=plain(lang, f"role.{role}"))
