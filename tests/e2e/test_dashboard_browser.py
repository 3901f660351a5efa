"""The dashboard in a real browser: Debian's Chromium driven by Playwright opens the Mini App
exactly as Telegram does (the URL with `#tgWebAppData=…` signed by the double with the bot's
token), and reads what a person sees: the areas on the map and their colours, the alert in
the chat.

Chromium must be installed (`.ci/run` and `make test` install it when missing); without it
these tests fail, they are never skipped. Set POSKO_SCREENSHOTS=docs to refresh the README's
screenshots.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.domain.countdown import local_date
from bot.sandbox import SandboxClient, SimUser
from bot.sandbox.webapp import webapp_url
from storage.engine import create_engine, create_session_factory
from storage.models import Election
from tests.conftest import TEST_TOKEN
from tests.factories import register, running

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}  # a cheap Android phone's CSS pixels
RED, AMBER, GREEN, GREY = "#c62828", "#f9a825", "#2e7d32", "#9e9e9e"
ORANGE, LIGHT_GREEN = "#ef6c00", "#7cb342"  # 25–49 % and 75–99 % ready


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    if not await asyncio.to_thread(os.path.exists, CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run .ci/run or `make test` as root to install it")
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()


@pytest.fixture
async def served(settings: Settings, clock: ManualClock) -> AsyncIterator[PoskoRuntime]:
    async with running(settings, clock, web_port=0, web_base_url="http://posko.test") as runtime:
        yield runtime


def _root(runtime: PoskoRuntime) -> str:
    assert runtime.web_server is not None and runtime.web_server.port
    return f"http://127.0.0.1:{runtime.web_server.port}"


async def _open_mini_app(browser: Browser, runtime: PoskoRuntime, person: SimUser) -> Page:
    """What a Telegram client does when the person taps the menu button."""
    context = await browser.new_context(viewport=PHONE, device_scale_factor=2, locale="id-ID")
    page = await context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests  # type: ignore[attr-defined]
    await page.goto(webapp_url(f"{_root(runtime)}/dasbor/app", person, TEST_TOKEN))
    await page.wait_for_url("**/dasbor/r/**")
    await page.wait_for_selector("#live.on")  # the live feed is connected
    return page


async def _shot(page: Page, selector: str | None, name: str, tmp_path: Path) -> None:
    """A screenshot of one view, or of the screen (into docs/ when POSKO_SCREENSHOTS says
    so)."""
    folder = Path(os.environ.get("POSKO_SCREENSHOTS") or tmp_path)
    path = folder / f"dashboard-{name}.png"
    if selector is None:
        await page.evaluate("window.scrollTo(0, 0)")
        await page.screenshot(path=str(path))
    else:
        await page.locator(selector).screenshot(path=str(path))
    assert await asyncio.to_thread(os.path.getsize, path) > 1000


async def _fills(page: Page) -> dict[str, str]:
    return await page.eval_on_selector_all(
        "svg.map path.area",
        "paths => Object.fromEntries(paths.map(p => [p.dataset.code, p.getAttribute('fill')]))",
    )


async def test_the_mini_app_shows_konawe_utaras_districts_and_recolours_them_live(
    served: PoskoRuntime,
    sandbox: SandboxClient,
    database_url: str,
    browser: Browser,
    clock: ManualClock,
    tmp_path: Path,
) -> None:
    coordinator = await register(
        sandbox, database_url, name="Koor Konut", role="coordinator", region="74.09"
    )
    officer = await register(
        sandbox, database_url, name="Petugas Konut", role="officer", region="74.09"
    )
    await _add_election(database_url, clock, served.settings)
    # Earlier days' reports, for the trends.
    for days_ago, lines in ((6, 2), (4, 3), (2, 5), (1, 4)):
        clock.advance(timedelta(days=-days_ago))
        for n in range(lines):
            await officer.send(f"/lapor 74.09.{n + 6:02d} tata kelola sebagian")
            await officer.next_message()
        clock.advance(timedelta(days=days_ago))
    for line in (
        "/lapor 74.09.02 logistik siap",
        "/lapor 74.09.03 distribusi sebagian 60%",
        "/lapor 74.09.04 keamanan siap",
        "/lapor 74.09.05 petugas sebagian",
    ):
        await officer.send(line)
        await officer.next_message()

    page = await _open_mini_app(browser, served, coordinator)
    assert await page.inner_text("h1") == "Kabupaten Konawe Utara"
    fills = await _fills(page)
    assert len(fills) == 13 and all(code.startswith("74.09.") for code in fills)
    assert not any(code.startswith("74.01") for code in fills)  # nothing of Kolaka
    labels = await page.eval_on_selector_all(
        "svg.map text.label", "ts => ts.map(t => t.textContent)"
    )
    assert "Asera" in labels and "Wundulako" not in labels  # a district of Kolaka
    # All aspects: the worst state reported; grey where nothing was reported.
    assert (fills["74.09.02"], fills["74.09.03"], fills["74.09.01"]) == (GREEN, AMBER, GREY)
    title = await page.text_content('path[data-code="74.09.02"] title')
    assert title == "Wiwirano: Siap · 9 aspek belum dilaporkan"
    assert "H-74" in await page.inner_text(".countdown")
    # Coloured by one aspect, the reports show.
    await page.select_option("#aspect", "distribusi")
    await page.wait_for_url("**/dasbor/r/74.09?aspect=distribusi")
    await page.wait_for_selector("#live.on")
    fills = await _fills(page)
    assert (fills["74.09.03"], fills["74.09.02"], fills["74.09.01"]) == (AMBER, GREY, GREY)
    await page.select_option("#aspect", "logistik")
    await page.wait_for_url("**/dasbor/r/74.09?aspect=logistik")
    assert (await _fills(page))["74.09.02"] == GREEN
    await page.select_option("#aspect", "distribusi")
    await page.wait_for_url("**/dasbor/r/74.09?aspect=distribusi")
    await page.wait_for_selector("#live.on")

    # A report sent through the bot recolours its district on the open page, no reload.
    await page.evaluate("window.stillTheSamePage = true")
    await officer.send("/lapor 74.09.01 distribusi belum siap jembatan putus")
    await officer.next_message()
    await page.wait_for_selector(f'path[data-code="74.09.01"][fill="{RED}"]', timeout=2000)
    assert await page.evaluate("window.stillTheSamePage") is True
    matrix_row = await page.inner_text('table.matrix tr[data-code="74.09.01"]')
    assert "Belum siap" in matrix_row
    # Nothing was asked of any other address (no tiles, no CDN).
    assert all(url.startswith(_root(served)) for url in page.requests)  # type: ignore[attr-defined]

    await _shot(page, "#peta", "map", tmp_path)
    await _shot(page, None, "phone", tmp_path)
    await page.set_viewport_size({"width": 1280, "height": 900})  # a laptop, a projector
    await _shot(page, "#matriks", "matrix", tmp_path)
    await _shot(page, "#tren", "trends", tmp_path)
    await page.set_viewport_size(PHONE)

    # Tapping a district goes down the region tree, and back up.
    await page.click('svg.map a[href^="/dasbor/r/74.09.01?"]')
    await page.wait_for_url(re.compile(r"/dasbor/r/74\.09\.01\?aspect=distribusi$"))
    assert await page.inner_text("h1") == "Asera"
    villages = await _fills(page)
    assert villages and all(code.startswith("74.09.01.") for code in villages)
    await page.click("a.up")
    await page.wait_for_url(re.compile(r"/dasbor/r/74\.09\?aspect=distribusi$"))


async def test_acknowledging_from_the_dashboard_updates_the_alert_in_chat(
    served: PoskoRuntime,
    sandbox: SandboxClient,
    database_url: str,
    browser: Browser,
    tmp_path: Path,
) -> None:
    officer = await register(
        sandbox, database_url, name="Petugas Wanggudu", role="officer", region="74.09.01"
    )
    district = await register(
        sandbox, database_url, name="Koor Asera", role="coordinator", region="74.09.01"
    )
    await officer.send("/insiden kritis bencana banjir, jembatan putus ke desa Wanggudu")
    await officer.next_message()
    alert = await district.next_message()
    assert "✅ Terima" in alert.button_texts()

    page = await _open_mini_app(browser, served, district)
    item = page.locator("li.incident", has_text="jembatan putus")
    assert "Baru, belum diterima" in await item.inner_text()
    await _shot(page, "#insiden", "incidents", tmp_path)
    await item.get_by_role("button", name="✅ Terima").click()
    await page.wait_for_selector("#toast:has-text('Anda menerima insiden ini.')")

    edited = await district.wait_for_edit(alert.message_id)
    assert "diterima oleh Koor Asera" in edited.text
    assert "✅ Terima" not in edited.button_texts()
    assert "Diterima" in (await officer.next_message()).text  # the reporter is told
    # The feed follows without a reload: the incident is acknowledged, its button gone.
    await page.wait_for_selector("li.incident[data-status='acknowledged']", timeout=2000)
    assert await page.locator("li.incident button", has_text="✅ Terima").count() == 0


async def test_a_support_request_sent_through_the_bot_appears_on_an_open_dashboard(
    served: PoskoRuntime,
    sandbox: SandboxClient,
    database_url: str,
    browser: Browser,
    clock: ManualClock,
    tmp_path: Path,
) -> None:
    camat = await register(
        sandbox, database_url, name="Camat Asera", role="officer", region="74.09.01", agency="pemda"
    )
    kpu = await register(
        sandbox, database_url, name="KPU Konut", role="coordinator", region="74.09", agency="kpu"
    )
    clock.advance(timedelta(hours=-4))  # asked four hours ago: its deadline has passed
    await camat.send("/dukungan polri 74.09.01.1005 3 jam pengamanan gudang logistik malam ini")
    await camat.next_message()
    clock.advance(timedelta(hours=4))
    await camat.send("/lapor 74.09.01.1005 distribusi belum siap kotak suara tertahan di sungai")
    saved = await camat.next_message()

    page = await _open_mini_app(browser, served, kpu)
    section = page.locator("#dukungan")
    assert "LEWAT TENGGAT" in await section.locator('li[data-ref="D-0001"]').inner_text()
    assert await page.locator("svg.map path.marker.support").count() == 0  # no location yet
    await page.evaluate("window.stillTheSamePage = true")

    # From the 🔴 report, with a location, to TNI: it appears without a reload.
    await camat.press("🤝 Minta dukungan", message_id=saved.message_id)
    await camat.press("TNI", message_id=(await camat.next_message()).message_id)
    await camat.press("✅ Pakai usulan ini", message_id=(await camat.next_message()).message_id)
    await camat.press("1 hari", message_id=(await camat.next_message()).message_id)
    check = await camat.next_message()
    await camat.press("📍 Lokasi", message_id=check.message_id)
    await camat.next_message()
    await camat.send_location(-3.45, 122.09)
    await camat.next_message()
    await camat.press("✅ Kirim", message_id=(await camat.next_message()).message_id)
    await page.wait_for_selector('#dukungan li[data-ref="D-0002"]', timeout=2000)
    assert await page.evaluate("window.stillTheSamePage") is True
    groups = await page.eval_on_selector_all(
        "#dukungan .agency", "groups => groups.map(g => g.dataset.agency)"
    )
    assert groups == ["tni", "polri"]  # the shipped order of agencies
    assert "tertahan di sungai" in await section.locator('li[data-ref="D-0002"]').inner_text()
    marker = page.locator("svg.map path.marker.support")
    assert await marker.count() == 1
    assert "D-0002" in (await marker.locator("title").text_content() or "")
    cell = page.locator('table.matrix tr[data-code="74.09.01"] td[data-support="1"]')
    assert await cell.count() == 1
    assert await cell.evaluate("td => getComputedStyle(td).boxShadow") != "none"
    await _shot(page, "#dukungan", "support", tmp_path)


async def test_the_map_colours_by_share_ready_with_its_legend_and_the_same_numbers(
    served: PoskoRuntime, sandbox: SandboxClient, database_url: str, browser: Browser
) -> None:
    coordinator = await register(
        sandbox, database_url, name="Koor Konut", role="coordinator", region="74.09"
    )
    officer = await register(
        sandbox, database_url, name="Petugas Konut", role="officer", region="74.09"
    )
    for line in (
        "/lapor 74.09.01.1005 logistik siap",
        "/lapor 74.09.01.1009 logistik siap",
        "/lapor 74.09.01.2006 logistik belum siap",
        "/lapor 74.09.01.1005 distribusi siap",
        "/lapor 74.09.02 logistik siap",
        "/lapor 74.09.03 distribusi belum siap",
    ):
        await officer.send(line)
        await officer.next_message()

    page = await _open_mini_app(browser, served, coordinator)
    fills = await _fills(page)
    assert (fills["74.09.01"], fills["74.09.02"], fills["74.09.03"]) == (RED, GREEN, RED)
    await page.select_option("#by", "share")
    await page.wait_for_url("**/dasbor/r/74.09?by=share")
    await page.wait_for_selector("#live.on")
    fills = await _fills(page)
    # Asera: 3 of its 4 reports say ready (75–99 %); Wiwirano all; Langgikima none.
    assert (fills["74.09.01"], fills["74.09.02"], fills["74.09.03"]) == (LIGHT_GREEN, GREEN, RED)
    assert fills["74.09.04"] == GREY  # nothing reported
    legend = await page.eval_on_selector_all(
        'ul.legend[data-by="share"] li',
        "items => items.map(i => [i.querySelector('rect').getAttribute('fill'), i.textContent])",
    )
    assert legend == [
        [GREEN, "100% siap"],
        [LIGHT_GREEN, "75–99% siap"],
        [AMBER, "50–74% siap"],
        [ORANGE, "25–49% siap"],
        [RED, "kurang dari 25% siap"],
        [GREY, "belum ada laporan"],
    ]
    share = page.locator('table.matrix tr[data-code="74.09.01"] td.share')
    assert await share.inner_text() == "3 dari 4 laporan siap (75%)"
    title = await page.text_content('path[data-code="74.09.01"] title')
    assert title is not None and title.startswith("Asera: 3 dari 4 laporan siap (75%)")

    # One aspect: logistik, 2 of 3 in Asera; the choice survives the live refresh.
    await page.select_option("#aspect", "logistik")
    await page.wait_for_url("**/dasbor/r/74.09?by=share&aspect=logistik")
    await page.wait_for_selector("#live.on")
    assert (await _fills(page))["74.09.01"] == AMBER
    assert await share.inner_text() == "2 dari 3 laporan siap (66%)"
    await officer.send("/lapor 74.09.01.2006 logistik siap")
    await officer.next_message()
    await page.wait_for_selector(f'path[data-code="74.09.01"][fill="{GREEN}"]', timeout=2000)
    assert await share.inner_text() == "3 dari 3 laporan siap (100%)"
    # Going down keeps the colouring.
    await page.click('svg.map a[href^="/dasbor/r/74.09.01?"]')
    await page.wait_for_url(re.compile(r"/dasbor/r/74\.09\.01\?aspect=logistik&by=share$"))
    assert await page.input_value("#by") == "share"


async def _add_election(database_url: str, clock: ManualClock, settings: Settings) -> None:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            day = local_date(clock.now(), settings.timezone) + timedelta(days=74)
            session.add(
                Election(
                    name="Pilkada Serentak",
                    kind="Pilkada",
                    voting_date=day.isoformat(),
                    created_at=clock.now(),
                )
            )
            await session.commit()
    finally:
        await engine.dispose()
