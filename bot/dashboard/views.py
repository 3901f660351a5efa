"""The dashboard's pages and endpoints, one function each, thin like a handler:
authenticate → service → render. Registered into the one web server with
`register_dashboard(app, services)` (bot/web.py).

| route | what |
|---|---|
| `GET /dasbor/app` | the Mini App's entry: reads `#tgWebAppData` and signs in with it |
| `POST /dasbor/masuk/webapp` | initData → a session cookie (JSON: where to go next) |
| `GET /dasbor/masuk?t=…` / `POST /dasbor/masuk` | a one-time login link → a session |
| `GET /dasbor` | to the person's own region |
| `GET /dasbor/r/{code}` | a region: map, matrix, incidents, support, trends (`?aspect=&by=&…`) |
| `GET /dasbor/r/{code}/parts` | the same, without the page around it (live refresh) |
| `GET /dasbor/live/{code}` | server-sent events: `change` when something inside changed |
| `POST /dasbor/insiden/{id}` | ✅ 🛠 ✔️ ✖️ on an incident (CSRF token required) |
| `GET /dasbor/static/…` | the stylesheet and the script |

Every answer carries a strict Content-Security-Policy: nothing but this server's own
address, no inline script or style.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from bot.dashboard import render
from bot.dashboard.auth import (
    COOKIE,
    CSRF_HEADER,
    Issued,
    Signed,
    authenticate,
    csrf_ok,
    sign_in_webapp,
    use_link,
)
from bot.dashboard.live import ENDED, LiveHub
from bot.domain.policy import Action, Decision, Refusal
from bot.i18n import plain
from bot.services.dashboard import (
    DashboardView,
    FeedFilter,
    PastDays,
    act_from_dashboard,
    decide_web,
    load_view,
)
from bot.unit import Services, UnitOfWork, run_in_unit
from storage.engine import read_session
from storage.people import get_person

STATIC_DIR = Path(__file__).parent / "static"
CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
KEEPALIVE_SECONDS = 15.0
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'self' https://web.telegram.org"
)


@dataclass
class Dashboard:
    services: Services
    hub: LiveHub
    past_days: PastDays = field(default_factory=dict)  # the trends' past days, kept a while


DASHBOARD = web.AppKey("posko_dashboard", Dashboard)


def register_dashboard(app: web.Application, services: Services) -> Dashboard:
    """Every dashboard route, in order, on the one web server."""
    dashboard = Dashboard(
        services,
        LiveHub(services.session_factory, database_url=services.settings.database_url),
    )
    app[DASHBOARD] = dashboard
    app.on_response_prepare.append(_security_headers)

    async def stop_live(_app: web.Application) -> None:
        await dashboard.hub.stop()

    app.on_shutdown.append(stop_live)
    router = app.router
    router.add_get(render.BASE, home)
    router.add_get(f"{render.BASE}/app", webapp_page)
    router.add_post(f"{render.BASE}/masuk/webapp", webapp_sign_in)
    router.add_get(f"{render.BASE}/masuk", link_page)
    router.add_post(f"{render.BASE}/masuk", link_sign_in)
    router.add_get(f"{render.BASE}/r/{{code}}", region_page)
    router.add_get(f"{render.BASE}/r/{{code}}/parts", region_parts)
    router.add_get(f"{render.BASE}/live/{{code}}", live)
    router.add_post(f"{render.BASE}/insiden/{{incident_id:\\d{{1,9}}}}", incident_action)
    router.add_static(render.STATIC, STATIC_DIR, append_version=False)
    return dashboard


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    if not request.path.startswith(render.BASE):
        return
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    if not request.path.startswith(render.STATIC):
        response.headers["Cache-Control"] = "no-store"


def _dashboard(request: web.Request) -> Dashboard:
    return request.app[DASHBOARD]


def _html(body: str, *, status: int = 200) -> web.Response:
    response = web.Response(text=body, content_type="text/html", charset="utf-8", status=status)
    response.enable_compression()
    return response


def _lang(request: web.Request, signed: Signed | None = None) -> str:
    if signed is not None:
        return signed.person.language
    return _dashboard(request).services.settings.default_language


async def _signed(request: web.Request) -> Signed | None:
    services = _dashboard(request).services
    async with read_session(services.session_factory) as session:
        return await authenticate(
            session, token=request.cookies.get(COOKIE), now=services.clock.now()
        )


def _set_cookie(request: web.Request, response: web.StreamResponse, issued: Issued) -> None:
    settings = _dashboard(request).services.settings
    secure = (settings.web_base_url or "").startswith("https://") or request.secure
    expires = issued.row.expires_at
    max_age = (
        int((expires - issued.row.created_at).total_seconds()) if expires else 10 * 365 * 86400
    )
    response.set_cookie(
        COOKIE,
        issued.token,
        httponly=True,
        samesite="Strict",
        secure=secure,
        path=render.BASE,
        max_age=max_age,
    )


def _refused(lang: str, decision: Decision, code: str) -> web.Response:
    if decision.refusal == Refusal.REGION:
        return _html(render.message_page(lang, "dashboard.refused.region", region=code), status=403)
    return _html(render.message_page(lang, "dashboard.refused.other"), status=403)


def _needs_signin(lang: str) -> web.Response:
    return _html(render.message_page(lang, "dashboard.signin.needed"), status=401)


# --- signing in ------------------------------------------------------------------------


async def webapp_page(request: web.Request) -> web.Response:
    """The Mini App's entry page: its script reads `#tgWebAppData` and posts it."""
    return _html(render.webapp_page(_lang(request)))


async def webapp_sign_in(request: web.Request) -> web.Response:
    services = _dashboard(request).services
    form = await request.post()
    init_data = str(form.get("init_data", ""))
    async with services.session_factory() as session:
        issued = await sign_in_webapp(
            session, init_data=init_data, settings=services.settings, now=services.clock.now()
        )
        await session.commit()
        if issued is None:
            return web.json_response({"ok": False}, status=401)
        person_region = await _region_of(session, issued.row.person_id)
    response = web.json_response({"ok": True, "next": render.region_url(person_region)})
    _set_cookie(request, response, issued)
    return response


async def _region_of(session: AsyncSession, person_id: int) -> str:
    person = await get_person(session, person_id=person_id)
    assert person is not None
    return person.region_code


async def link_page(request: web.Request) -> web.Response:
    """A login link opens a page with one button (a link preview that fetches the page
    does not use the link up); the script presses it."""
    token = request.query.get("t", "")
    return _html(render.signin_page(_lang(request), token[:100]))


async def link_sign_in(request: web.Request) -> web.StreamResponse:
    services = _dashboard(request).services
    form = await request.post()
    token = str(form.get("t", ""))[:100]
    async with services.session_factory() as session:
        issued = await use_link(
            session, token=token, settings=services.settings, now=services.clock.now()
        )
        await session.commit()
        if issued is None:
            return _html(render.message_page(_lang(request), "dashboard.signin.failed"), status=403)
        region = await _region_of(session, issued.row.person_id)
    response = web.HTTPSeeOther(render.region_url(region))
    _set_cookie(request, response, issued)
    raise response


async def home(request: web.Request) -> web.StreamResponse:
    signed = await _signed(request)
    if signed is None:
        return _needs_signin(_lang(request))
    raise web.HTTPSeeOther(render.region_url(signed.person.region_code))


# --- the region ------------------------------------------------------------------------


async def _view(request: web.Request, signed: Signed) -> DashboardView | web.Response:
    services = _dashboard(request).services
    code = request.match_info["code"]
    lang = _lang(request, signed)
    if not CODE.match(code):
        return _html(render.message_page(lang, "dashboard.not_found", code=code[:20]), status=404)
    query = request.query
    async with read_session(services.session_factory) as session:
        result = await load_view(
            session,
            actor=signed.person,
            code=code,
            now=services.clock.now(),
            tz=services.settings.timezone,
            lang=lang,
            aspect=query.get("aspect") or None,
            feed_filter=FeedFilter(
                severity=query.get("severity") or None, status=query.get("status") or None
            ),
            read_only=signed.read_only,
            past_days=_dashboard(request).past_days,
            colour_by=query.get("by") or None,
        )
    if result is None:
        return _html(render.message_page(lang, "dashboard.not_found", code=code), status=404)
    if isinstance(result, Decision):
        return _refused(lang, result, code)
    return result


async def region_page(request: web.Request) -> web.Response:
    signed = await _signed(request)
    if signed is None:
        return _needs_signin(_lang(request))
    view = await _view(request, signed)
    if isinstance(view, web.Response):
        return view
    lang = _lang(request, signed)
    person = signed.person
    who = render.who_line(lang, name=person.full_name, role=person.role, screen=signed.read_only)
    return _html(
        render.dashboard_page(
            view,
            lang=lang,
            tz=_dashboard(request).services.settings.timezone,
            who=who,
            csrf=signed.session.csrf,
            parts_query=request.query_string,
        )
    )


async def region_parts(request: web.Request) -> web.Response:
    signed = await _signed(request)
    if signed is None:
        return _needs_signin(_lang(request))
    view = await _view(request, signed)
    if isinstance(view, web.Response):
        return view
    tz = _dashboard(request).services.settings.timezone
    return _html(
        render.dashboard_parts(view, lang=_lang(request, signed), tz=tz, csrf=signed.session.csrf)
    )


async def live(request: web.Request) -> web.StreamResponse:
    """Server-sent events: `change` (data: the changed region's code) whenever a report,
    an incident or an incident's status inside the region changes. Ends when the session
    does."""
    signed = await _signed(request)
    code = request.match_info["code"]
    if signed is None:
        return _needs_signin(_lang(request))
    decision = decide_web(signed.person, Action.VIEW_STATUS, region=code)
    if not CODE.match(code) or not decision:
        return _refused(_lang(request, signed), decision, code)
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",  # nginx: pass each event at once
        }
    )
    await response.prepare(request)
    hub = _dashboard(request).hub
    with contextlib.suppress(ConnectionResetError, asyncio.CancelledError):
        await response.write(b"retry: 2000\nevent: hello\ndata: \n\n")
        async with hub.subscribe(code) as queue:
            while True:
                try:
                    changed = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    changed = None
                if changed == ENDED:
                    break
                if await _signed(request) is None:
                    await response.write(b"event: ended\ndata: \n\n")
                    break
                if changed is None:
                    await response.write(b": keep-alive\n\n")
                else:
                    await response.write(f"event: change\ndata: {changed}\n\n".encode())
    return response


# --- incident actions --------------------------------------------------------------------


async def incident_action(request: web.Request) -> web.StreamResponse:
    services = _dashboard(request).services
    wants_json = "application/json" in request.headers.get("Accept", "")
    form = await request.post()
    given = request.headers.get(CSRF_HEADER) or str(form.get("csrf", ""))
    action = str(form.get("action", ""))
    note = str(form.get("note", ""))[:1000]
    back = str(form.get("back", ""))
    incident_id = int(request.match_info["incident_id"])
    outcome: dict[str, object] = {}

    async def work(unit: UnitOfWork) -> None:
        signed = await authenticate(unit.session, token=request.cookies.get(COOKIE), now=unit.now)
        if signed is None:
            outcome.update(status=401, key="dashboard.signin.needed")
            return
        unit.actor, unit.language = signed.person, signed.person.language
        outcome["lang"] = signed.person.language
        if not csrf_ok(signed, given):
            outcome.update(status=403, key="dashboard.action.csrf")
            return
        if signed.read_only:
            outcome.update(status=403, key="dashboard.action.read_only")
            return
        result = await act_from_dashboard(
            unit,
            settings=services.settings,
            actor=signed.person,
            incident_id=incident_id,
            action=action,
            note=note,
        )
        outcome.update(status=200 if result.done else 409, key=result.key, params=result.params)

    await run_in_unit(services, work)
    _dashboard(request).hub.poke()
    lang = str(outcome.get("lang") or _lang(request))
    status = int(outcome["status"])  # type: ignore[call-overload]
    message = plain(lang, str(outcome["key"]), **outcome.get("params", {}))  # type: ignore[arg-type]
    if wants_json:
        return web.json_response({"ok": status == 200, "message": message}, status=status)
    if status == 200 and back.startswith(f"{render.BASE}/r/"):
        raise web.HTTPSeeOther(back)
    return _html(render.message_page(lang, str(outcome["key"])), status=status)
