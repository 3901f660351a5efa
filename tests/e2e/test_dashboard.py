"""The dashboard over HTTP, as a browser and a Telegram Mini App use it: signing in (login
links, wall screens, initData), sessions ending, CSRF, scope for every endpoint and role ×
region relation, incident actions acting as the chat buttons do, live events, page weight."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import insert

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.dashboard import live
from bot.sandbox import SandboxClient, SimUser, TelegramDouble
from bot.sandbox.webapp import init_data_for
from storage.engine import create_engine, create_session_factory
from storage.models import Incident, IncidentEvent, Person, Report, WebSession
from storage.reports import add_report
from tests.conftest import POSTGRES_URL, TEST_TOKEN
from tests.factories import make_admin, register, running
from tests.helpers import count_rows, fetch_all, shell_invites

BASE_URL = "http://posko.test"
LINK = re.compile(r"/dasbor/masuk\?t=([A-Za-z0-9_-]+)")


@pytest.fixture
async def served(settings: Settings, clock: ManualClock) -> AsyncIterator[PoskoRuntime]:
    async with running(settings, clock, web_port=0, web_base_url=BASE_URL) as runtime:
        yield runtime


def _client(runtime: PoskoRuntime) -> httpx.AsyncClient:
    assert runtime.web_server is not None and runtime.web_server.port
    return httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{runtime.web_server.port}", follow_redirects=False
    )


async def _link(person: SimUser, command: str = "/dasbor") -> str:
    await person.send(command)
    message = await person.next_message()
    match = LINK.search(message.text or "")
    assert match, message.text
    return match.group(1)


async def _sign_in(client: httpx.AsyncClient, token: str) -> httpx.Response:
    page = await client.get("/dasbor/masuk", params={"t": token})
    assert page.status_code == 200 and 'name="t"' in page.text  # a GET uses nothing up
    return await client.post("/dasbor/masuk", data={"t": token})


async def _webapp(client: httpx.AsyncClient, person: SimUser, **kwargs: float) -> httpx.Response:
    init_data = init_data_for(person, TEST_TOKEN, **kwargs)
    return await client.post("/dasbor/masuk/webapp", data={"init_data": init_data})


def _csrf(page: str) -> str:
    match = re.search(r'data-csrf="([^"]+)"', page)
    assert match, page[:500]
    return match.group(1)


async def test_a_login_link_signs_in_once_a_screen_only_views_and_tutup_ends_both(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await register(
        sandbox, database_url, name="Koor Konut", role="coordinator", region="74.09"
    )
    token = await _link(coordinator)
    async with _client(served) as browser, _client(served) as screen, _client(served) as late:
        signed = await _sign_in(browser, token)
        assert signed.status_code == 303 and signed.headers["location"] == "/dasbor/r/74.09"
        cookie = signed.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/dasbor" in cookie
        page = await browser.get("/dasbor/r/74.09")
        assert page.status_code == 200 and "Kabupaten Konawe Utara" in page.text
        assert "Masuk sebagai Koor Konut (Koordinator)" in page.text
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "'unsafe-inline'" not in csp and "http" not in csp.replace(
            "https://web.telegram.org", ""
        )
        # The link was used: a second browser cannot use it again.
        again = await late.post("/dasbor/masuk", data={"t": token})
        assert again.status_code == 403 and "tidak berlaku" in again.text
        # Only the hash is stored.
        rows = await fetch_all(database_url, WebSession)
        assert rows and all(token not in (row.token_hash, row.csrf) for row in rows)

        screen_token = await _link(coordinator, "/dasbor layar")
        assert (await _sign_in(screen, screen_token)).status_code == 303
        wall = await screen.get("/dasbor/r/74.09")
        assert "Layar rapat (hanya baca)" in wall.text

        await coordinator.send("/dasbor tutup")
        assert "2 sesi dasbor Anda diakhiri" in (await coordinator.next_message()).text
        for client in (browser, screen):
            ended = await client.get("/dasbor/r/74.09")
            assert ended.status_code == 401 and "/dasbor" in ended.text


async def test_mini_app_init_data_is_checked_as_telegram_specifies(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await register(
        sandbox, database_url, name="Petugas", role="officer", region="74.09.01"
    )
    stranger = await sandbox.create_user("Orang Lain")
    async with _client(served) as client:
        good = await _webapp(client, officer)
        assert good.status_code == 200 and good.json() == {"ok": True, "next": "/dasbor/r/74.09.01"}
        assert "HttpOnly" in good.headers["set-cookie"]
        assert (await client.get("/dasbor/r/74.09.01")).status_code == 200
    async with _client(served) as client:
        # Signed with another token, tampered with, too old, or of someone not registered.
        forged = init_data_for(officer, "987654:another-bots-token")
        assert (
            await client.post("/dasbor/masuk/webapp", data={"init_data": forged})
        ).status_code == 401
        tampered = (
            init_data_for(officer, TEST_TOKEN).replace("74.09", "74").replace("Petugas", "Admin")
        )
        assert (
            await client.post("/dasbor/masuk/webapp", data={"init_data": tampered})
        ).status_code == 401
        assert (await _webapp(client, officer, auth_date=time.time() - 2 * 3600)).status_code == 401
        assert (await _webapp(client, stranger)).status_code == 401
        assert "posko_session" not in client.cookies
        assert (await client.get("/dasbor/r/74.09.01")).status_code == 401


# Every endpoint × role × region relation (the person is bound to 74.09).
RELATIONS = {
    "own": ("74.09", True),
    "below": ("74.09.01", True),
    "above": ("74", False),
    "sibling": ("74.01", False),
    "other_province": ("73", False),
}


async def test_every_endpoint_keeps_to_the_persons_subtree(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    people = {
        role: await register(sandbox, database_url, name=f"{role} Konut", role=role, region="74.09")
        for role in ("officer", "coordinator")
    }
    for role, person in people.items():
        async with _client(served) as client:
            assert (await _webapp(client, person)).status_code == 200
            for relation, (code, allowed) in RELATIONS.items():
                page = await client.get(f"/dasbor/r/{code}")
                parts = await client.get(f"/dasbor/r/{code}/parts")
                expected = 200 if allowed else 403
                assert (page.status_code, parts.status_code) == (expected, expected), (
                    role,
                    relation,
                )
                if allowed:
                    async with client.stream("GET", f"/dasbor/live/{code}") as live:
                        assert live.status_code == 200
                        assert live.headers["content-type"].startswith("text/event-stream")
                else:
                    live_refused = await client.get(f"/dasbor/live/{code}")
                    assert live_refused.status_code == 403, (role, relation)
                    assert "di luar wilayah Anda" in page.text
    # Nobody signed in: every endpoint asks to sign in.
    async with _client(served) as anonymous:
        for path in ("/dasbor", "/dasbor/r/74.09", "/dasbor/r/74.09/parts", "/dasbor/live/74.09"):
            assert (await anonymous.get(path)).status_code == 401, path
        answer = await anonymous.post("/dasbor/insiden/1", data={"action": "acknowledge"})
        assert answer.status_code == 401


async def test_dashboard_actions_act_as_the_chat_buttons_and_need_the_csrf_token(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await register(
        sandbox, database_url, name="Petugas", role="officer", region="74.09.01"
    )
    district = await register(
        sandbox, database_url, name="Koor Asera", role="coordinator", region="74.09.01"
    )
    outsider = await register(
        sandbox, database_url, name="Koor Kolaka", role="coordinator", region="74.01"
    )
    await officer.send("/insiden kritis bencana banjir <script>alert(1)</script> di Wanggudu")
    await officer.next_message()
    alert = await district.next_message()
    [incident] = await fetch_all(database_url, Incident)

    async with _client(served) as client, _client(served) as other, _client(served) as field:
        assert (await _webapp(client, district)).status_code == 200
        page = await client.get("/dasbor/r/74.09.01")
        assert "<script>alert(1)</script>" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        assert "✅ Terima" in page.text
        path = f"/dasbor/insiden/{incident.id}"
        json = {"Accept": "application/json"}
        # No token, or a wrong one: refused, nothing changes.
        assert (
            await client.post(path, data={"action": "acknowledge"}, headers=json)
        ).status_code == 403
        wrong = await client.post(
            path, data={"action": "acknowledge", "csrf": "x" * 32}, headers=json
        )
        assert wrong.status_code == 403 and "token keamanan" in wrong.json()["message"]
        assert await count_rows(database_url, IncidentEvent) == 2  # reported, alerted
        # Another region's coordinator, and an officer, may not act on it.
        assert (await _webapp(other, outsider)).status_code == 200
        other_csrf = _csrf((await other.get("/dasbor/r/74.01")).text)
        refused = await other.post(
            path, data={"action": "acknowledge", "csrf": other_csrf}, headers=json
        )
        assert refused.status_code == 409 and "di luar wilayah" in refused.json()["message"]
        assert (await _webapp(field, officer)).status_code == 200
        field_page = (await field.get("/dasbor/r/74.09.01")).text
        assert "✅ Terima" not in field_page
        officer_try = await field.post(
            path, data={"action": "acknowledge", "csrf": _csrf(field_page)}, headers=json
        )
        assert officer_try.status_code == 409

        csrf = _csrf(page.text)
        done = await client.post(path, data={"action": "acknowledge", "csrf": csrf}, headers=json)
        assert done.status_code == 200 and done.json() == {
            "ok": True,
            "message": "Anda menerima insiden ini.",
        }
        # The chat's copy of the alert follows, and the reporter is told, as for the button.
        edited = await district.wait_for_edit(alert.message_id)
        assert (
            "diterima oleh Koor Asera" in edited.text and "✅ Terima" not in edited.button_texts()
        )
        assert "Diterima" in (await officer.next_message()).text
        twice = await client.post(path, data={"action": "acknowledge", "csrf": csrf}, headers=json)
        assert twice.status_code == 409 and "Sudah diterima" in twice.json()["message"]
        # Resolving needs a note, as the chat asks for one.
        bare = await client.post(path, data={"action": "resolve", "csrf": csrf}, headers=json)
        assert bare.status_code == 409 and "catatan" in bare.json()["message"]
        closed = await client.post(
            path, data={"action": "resolve", "csrf": csrf, "note": "jembatan darurat"}, headers=json
        )
        assert closed.status_code == 200
        final = await district.wait_for_edit(alert.message_id)
        assert "jembatan darurat" in final.text
        kinds = [e.kind for e in await fetch_all(database_url, IncidentEvent)]
        assert kinds[-2:] == ["acknowledged", "resolved"]


async def test_a_report_reaches_open_dashboards_of_its_area_within_two_seconds(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await register(
        sandbox, database_url, name="Petugas", role="officer", region="74.09.01"
    )
    coordinator = await register(
        sandbox, database_url, name="Koor", role="coordinator", region="74.09"
    )
    kolaka = await register(
        sandbox, database_url, name="Koor Kolaka", role="coordinator", region="74.01"
    )

    async def first_change(client: httpx.AsyncClient, code: str, got: list[float]) -> None:
        async with client.stream("GET", f"/dasbor/live/{code}") as events:
            async for line in events.aiter_lines():
                if line == "event: change":
                    got.append(time.monotonic())
                    return

    async with _client(served) as konut, _client(served) as other:
        assert (await _webapp(konut, coordinator)).status_code == 200
        assert (await _webapp(other, kolaka)).status_code == 200
        konut_got: list[float] = []
        other_got: list[float] = []
        tasks = [
            asyncio.create_task(first_change(konut, "74.09", konut_got)),
            asyncio.create_task(first_change(other, "74.01", other_got)),
        ]
        await asyncio.sleep(0.8)
        sent = time.monotonic()
        await officer.send("/lapor distribusi belum siap jalan putus")
        await officer.next_message()
        await asyncio.wait_for(tasks[0], 5)
        assert konut_got[0] - sent < 2.0
        await asyncio.sleep(1.0)
        assert not other_got  # Kolaka's dashboard heard nothing
        tasks[1].cancel()
        parts = await konut.get("/dasbor/r/74.09/parts")
        assert 'data-code="74.09.01" data-state="not_ready"' in parts.text
        # Today's trend: one report, from one of the 13 districts, not "ready".
        assert "</th><td>1</td><td>1/13</td><td>0</td></tr>" in parts.text


async def _first_change(client: httpx.AsyncClient, code: str, got: list[float]) -> None:
    async with client.stream("GET", f"/dasbor/live/{code}") as events:
        async for line in events.aiter_lines():
            if line == "event: change":
                got.append(time.monotonic())
                return


async def test_open_support_requests_are_listed_marked_and_live_inside_the_subtree_only(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    camat = await register(
        sandbox, database_url, name="Camat Asera", role="officer", region="74.09.01", agency="pemda"
    )
    tni = await register(
        sandbox, database_url, name="Dandim Konut", role="coordinator", region="74.09", agency="tni"
    )
    kolaka = await register(
        sandbox,
        database_url,
        name="Dandim Kolaka",
        role="coordinator",
        region="74.01",
        agency="tni",
    )
    await camat.send("/lapor 74.09.01.1005 distribusi belum siap kotak suara tertahan")
    saved = await camat.next_message()
    await camat.press("🤝 Minta dukungan", message_id=saved.message_id)
    await camat.press("TNI", message_id=(await camat.next_message()).message_id)
    await camat.press("✅ Pakai usulan ini", message_id=(await camat.next_message()).message_id)
    await camat.press("1 hari", message_id=(await camat.next_message()).message_id)
    check = await camat.next_message()
    await camat.press("📍 Lokasi", message_id=check.message_id)
    await camat.next_message()
    await camat.send_location(-3.45, 122.09)
    await camat.next_message()
    check = await camat.next_message()

    async with _client(served) as konut, _client(served) as other:
        assert (await _webapp(konut, tni)).status_code == 200
        assert (await _webapp(other, kolaka)).status_code == 200
        before = await konut.get("/dasbor/r/74.09/parts")
        assert "Tidak ada permintaan dukungan terbuka di Kabupaten Konawe Utara" in before.text
        konut_got: list[float] = []
        other_got: list[float] = []
        tasks = [
            asyncio.create_task(_first_change(konut, "74.09", konut_got)),
            asyncio.create_task(_first_change(other, "74.01", other_got)),
        ]
        await asyncio.sleep(0.8)
        sent = time.monotonic()
        await camat.press("✅ Kirim", message_id=check.message_id)
        assert "D-0001" in (await camat.next_message()).text
        await asyncio.wait_for(tasks[0], 5)
        assert konut_got[0] - sent < 2.0
        await asyncio.sleep(1.0)
        assert not other_got  # Kolaka's dashboard heard nothing
        tasks[1].cancel()

        parts = (await konut.get("/dasbor/r/74.09/parts")).text
        support = parts[parts.index('id="dukungan"') :]
        assert 'data-agency="tni"' in support and 'data-ref="D-0001"' in support
        assert "kotak suara tertahan" in support and "Asera" in support
        assert "belum ada yang menyanggupi" in support
        # The matrix marks Asera's distribusi cell; the map has a diamond for it.
        row = re.search(r'<tr class="" data-code="74\.09\.01">.*?</tr>', parts)
        assert row and row.group(0).count('data-support="1"') == 1, parts[:300]
        assert 'class="marker support"' in parts
        assert "1 permintaan dukungan terbuka" in parts  # the area's title on the map

        # A step (🤝 Sanggup in chat) reaches the open dashboard too.
        copy = await tni.next_message()
        konut_got.clear()
        task = asyncio.create_task(_first_change(konut, "74.09", konut_got))
        await asyncio.sleep(0.8)
        sent = time.monotonic()
        await tni.press("🤝 Sanggup", message_id=copy.message_id)
        await asyncio.wait_for(task, 5)
        assert konut_got[0] - sent < 2.0
        parts = (await konut.get("/dasbor/r/74.09/parts")).text
        assert "disanggupi oleh Dandim Konut" in parts[parts.index('id="dukungan"') :]

        # Kolaka's coordinator of the same agency sees nothing of it, anywhere.
        theirs = (await other.get("/dasbor/r/74.01/parts")).text
        assert "D-0001" not in theirs and 'class="marker support"' not in theirs
        assert 'data-support="1"' not in theirs
        assert "Tidak ada permintaan dukungan terbuka" in theirs
        assert (await other.get("/dasbor/r/74.09/parts")).status_code == 403
        assert (await other.get("/dasbor/r/74.09.01/parts")).status_code == 403


@pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL (LISTEN/NOTIFY)")
async def test_another_connections_commit_reaches_an_open_stream_by_notify(
    served: PoskoRuntime,
    sandbox: SandboxClient,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the watcher's look made a minute long, only the NOTIFY a commit sends can bring
    another connection's report to an open dashboard quickly."""
    monkeypatch.setattr(live, "POLL_SECONDS", 60.0)
    coordinator = await register(
        sandbox, database_url, name="Koor", role="coordinator", region="74.09"
    )
    [person] = await fetch_all(database_url, Person)
    engine = create_engine(database_url)

    def report(state: str) -> Report:
        return Report(
            person_id=person.id,
            reporter_role="coordinator",
            region_code="74.09.01",
            aspect_code="distribusi",
            state=state,
            created_at=served.clock.now(),
        )

    try:
        async with _client(served) as client:
            assert (await _webapp(client, coordinator)).status_code == 200
            async with client.stream("GET", "/dasbor/live/74.09") as events:
                heard: asyncio.Queue[str] = asyncio.Queue()

                async def listen() -> None:
                    async for line in events.aiter_lines():
                        if line.startswith("event: "):
                            heard.put_nowait(line)

                listening = asyncio.create_task(listen())
                try:
                    assert await asyncio.wait_for(heard.get(), 5) == "event: hello"
                    await asyncio.sleep(0.5)  # the watcher has read the ids it compares with
                    # A write that bypasses the sessions (so sends no NOTIFY) is not heard.
                    async with engine.begin() as connection:
                        await connection.execute(
                            insert(Report).values(**report("partial").model_dump(exclude={"id"}))
                        )
                    with pytest.raises(TimeoutError):
                        await asyncio.wait_for(heard.get(), 1.5)
                    # A report stored through a session: its commit NOTIFYs.
                    async with create_session_factory(engine)() as session:
                        await add_report(session, report=report("not_ready"))
                        await session.commit()
                    committed = time.monotonic()
                    assert await asyncio.wait_for(heard.get(), 5) == "event: change"
                    assert time.monotonic() - committed < 1.0
                    # A bulk INSERT through a session (no flush) NOTIFYs as well.
                    async with create_session_factory(engine)() as session:
                        row = report("ready").model_dump(exclude={"id"})
                        await session.execute(insert(Report), [row])
                        await session.commit()
                    committed = time.monotonic()
                    assert await asyncio.wait_for(heard.get(), 5) == "event: change"
                    assert time.monotonic() - committed < 1.0
                finally:
                    listening.cancel()
    finally:
        await engine.dispose()


async def test_a_deactivated_persons_sessions_end_at_once(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    admin = await make_admin(sandbox)
    coordinator = await register(
        sandbox, database_url, name="Koor", role="coordinator", region="74.09.01"
    )
    async with _client(served) as client:
        assert (await _webapp(client, coordinator)).status_code == 200
        assert (await client.get("/dasbor/r/74.09.01")).status_code == 200
        await admin.send(f"/nonaktifkan {coordinator.id}")
        assert "dinonaktifkan sekarang" in (await admin.next_message()).text
        assert (await client.get("/dasbor/r/74.09.01")).status_code == 401


async def test_login_links_are_limited_per_person_per_hour(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    person = await register(sandbox, database_url, name="Koor", role="coordinator", region="74.09")
    for _ in range(5):
        await _link(person)
    await person.send("/dasbor")
    answer = (await person.next_message()).text
    assert "sudah meminta 5 tautan masuk" in answer and "/dasbor/masuk" not in answer
    await person.send("/dasbor jendela")
    assert "Pemakaian" in (await person.next_message()).text


async def test_a_regency_view_is_small_on_the_wire(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    """First load of a view: the page (compressed), the stylesheet and the script."""
    coordinator = await register(
        sandbox, database_url, name="Koor", role="coordinator", region="74"
    )
    async with _client(served) as client:
        assert (await _webapp(client, coordinator)).status_code == 200
        weight = {}
        for view in ("74", "74.09"):
            total = 0
            for path in (f"/dasbor/r/{view}", "/dasbor/static/app.css", "/dasbor/static/app.js"):
                response = await client.get(path, headers={"Accept-Encoding": "gzip"})
                assert response.status_code == 200, path
                total += response.num_bytes_downloaded
                if path.startswith("/dasbor/r/"):
                    assert response.headers["content-encoding"] == "gzip"
                    areas = response.text.count('class="area"')
                    assert areas == (17 if view == "74" else 13), view  # all drawn
            weight[view] = total
        print(f"first load, bytes on the wire: {weight}")
        assert weight["74.09"] <= 250_000 and weight["74"] <= 250_000, weight


async def test_with_an_https_address_dasbor_offers_the_mini_app(
    settings: Settings,
    clock: ManualClock,
    sandbox: SandboxClient,
    database_url: str,
    double: TelegramDouble,
) -> None:
    async with running(settings, clock, web_port=0, web_base_url="https://posko.example.id"):
        person = await register(
            sandbox, database_url, name="Koor", role="coordinator", region="74.09"
        )
        await person.send("/dasbor")
        message = await person.next_message()
        assert "📊 Buka dasbor" in message.button_texts()
        [[button]] = message.raw["reply_markup"]["inline_keyboard"]
        assert button["web_app"] == {"url": "https://posko.example.id/dasbor/app"}
        assert "https://posko.example.id/dasbor/masuk?t=" in (message.text or "")
        # Registered people get the chat menu button that opens the Mini App.
        assert double.menu_buttons[person.id] == {
            "type": "web_app",
            "text": "Dasbor",
            "web_app": {"url": "https://posko.example.id/dasbor/app"},
        }


async def test_an_english_reader_gets_the_dashboard_in_english(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    [code] = await shell_invites(database_url, role="coordinator", region="74.09")
    person = await sandbox.create_user("Ann", language_code="en")
    await person.send(f"/start {code}")
    assert "Welcome" in (await person.next_message()).text
    await person.send("/dashboard")
    answer = (await person.next_message()).text or ""
    assert "Sign-in link for any browser" in answer and "valid 10 minutes" in answer
    async with _client(served) as client:
        assert (await _sign_in(client, LINK.search(answer).group(1))).status_code == 303  # type: ignore[union-attr]
        page = (await client.get("/dasbor/r/74.09")).text
        for words in ("Readiness map", "Readiness matrix", "Incidents", "Trends, 14 days"):
            assert words in page, words
        assert 'lang="en"' in page and "Peta kesiapan" not in page
        assert re.search(r"Data as of \d+ \w+ \d\d:\d\d WITA", page)
