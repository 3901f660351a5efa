"""`python -m bot demo`: the bot against the built-in Telegram double, with a scripted
scenario in Kabupaten Konawe Utara, printed as each person saw it. No token, no network."""

from __future__ import annotations

import asyncio
import re
import socket
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.digest_schedule import DIGEST_JOB_PREFIX
from bot.sandbox import SandboxClient, SeenMessage, SimGroup, SimUser, TelegramDouble

DEMO_TOKEN = "100000001:DEMO-token-for-the-built-in-double-0000"
WITA = ZoneInfo("Asia/Makassar")
DEMO_MORNING = datetime(2024, 2, 7, 6, 0, tzinfo=WITA).astimezone(UTC)
DEMO_DIGEST_TIME = datetime(2024, 2, 7, 7, 0, tzinfo=WITA).astimezone(UTC)
ADMIN_ID = 8800001
INVITE_LINK_MARK = "?start="
# Generous: replies to one chat are paced at Telegram's rate, and a busy machine is slower.
WAIT = 30.0


def _invite_code(message: SeenMessage) -> str:
    link = next(word for word in (message.text or "").split() if INVITE_LINK_MARK in word)
    return link.split(INVITE_LINK_MARK, 1)[1]


def format_transcript(
    person: str, messages: list[SeenMessage], names: dict[int, str] | None = None
) -> str:
    """A chat as its reader saw it; `names` labels senders in a group."""
    lines = [f"── {person} " + "─" * max(4, 60 - len(person))]
    for message in messages:
        if message.service:
            continue
        sender = (names or {}).get(message.sender_id or 0, person.split(" (")[0])
        who = "Posko" if message.from_bot else sender
        arrow = "←" if message.from_bot else "→"
        body = message.text or message.caption or ("[foto]" if message.photo else "")
        first, *rest = body.splitlines() or [""]
        lines.append(f"  {arrow} {who}: {first}")
        lines.extend(f"      {line}" for line in rest)
        for row in message.buttons:
            lines.append("      " + "  ".join(f"[{button['text']}]" for button in row))
    return "\n".join(lines)


DASHBOARD_SHOT = Path("posko-demo-dashboard.png")
CHROMIUM = "/usr/bin/chromium"
_LOGIN_LINK = re.compile(r"https?://\S+/dasbor/masuk\?t=[A-Za-z0-9_-]+")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def run_demo(*, quiet: bool = False, serve: bool = False) -> int:
    started = time.monotonic()
    double = TelegramDouble()
    await double.start()
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="posko-demo-") as folder:
        settings = Settings(
            web_port=port,
            web_base_url=f"http://127.0.0.1:{port}",
            database_url=f"sqlite+aiosqlite:///{Path(folder) / 'demo.db'}",
            telegram_bot_token=DEMO_TOKEN,
            telegram_api_base_url=double.base_url,
            timezone=WITA,
            admin_telegram_ids=frozenset({ADMIN_ID}),
            admin_region_code="74.09",
        )
        # The scenario plays on Wednesday 7 February 2024, a week before Pemilu.
        clock = ManualClock(DEMO_MORNING)
        runtime = PoskoRuntime(settings=settings, clock=clock, poll_timeout=1)
        await runtime.start()
        try:
            async with SandboxClient(double.base_url) as sandbox:
                people, group = await _scenario(sandbox, runtime, clock, quiet=quiet)
                print()
                for label, person in people:
                    print(format_transcript(label, await person.transcript()))
                    print()
                names = {person.id: label.split(" (")[0] for label, person in people}
                print(
                    format_transcript(
                        "Grup Forkopimda Konawe Utara", await group.transcript(), names
                    )
                )
                print()
                hasan = people[1][1]
                await _dashboard_screenshot(hasan)
                if serve:
                    await _serve(hasan)
        finally:
            await runtime.stop()
            await double.stop()
    print(
        f"Demo selesai dalam {time.monotonic() - started:.1f} detik (tanpa token, tanpa internet)."
    )
    return 0


async def _login_link(person: SimUser) -> str:
    await person.send("/dasbor")
    message = await person.next_message(timeout=WAIT)
    match = _LOGIN_LINK.search(message.text or "")
    assert match, message.text
    return match.group(0)


async def _dashboard_screenshot(person: SimUser) -> None:
    """The coordinator's dashboard, as Chromium shows it, into posko-demo-dashboard.png
    (when Playwright and Debian's Chromium are installed: `make demo` installs the first,
    `make chromium` the second)."""
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        print("(Tangkapan layar dasbor dilewati: Playwright tidak terpasang.)")
        return
    if not await asyncio.to_thread(Path(CHROMIUM).exists):
        print(f"(Tangkapan layar dasbor dilewati: {CHROMIUM} tidak ada; `make chromium`.)")
        return
    link = await _login_link(person)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 1000})
            await page.goto(link)
            await page.wait_for_url("**/dasbor/r/**")
            await page.screenshot(path=str(DASHBOARD_SHOT), full_page=False)
        finally:
            await browser.close()
    print(f"Dasbor koordinator (Chromium): {DASHBOARD_SHOT}")


async def _serve(person: SimUser) -> None:
    """Keep the demo's world running and hand out a login link to open in a browser."""
    link = await _login_link(person)
    print()
    print("Dasbor demo berjalan. Buka tautan ini di peramban (sekali pakai, 10 menit):")
    print(f"  {link}")
    print("Ctrl+C untuk berhenti.")
    await asyncio.Event().wait()


async def _scenario(
    sandbox: SandboxClient, runtime: PoskoRuntime, clock: ManualClock, *, quiet: bool
) -> tuple[list[tuple[str, SimUser]], SimGroup]:
    def say(step: str) -> None:
        if not quiet:
            print(f"• {step}")

    rina = await sandbox.create_user("Rina", last_name="(Kesbangpol)", user_id=ADMIN_ID)
    hasan = await sandbox.create_user("Hasan", last_name="(KPU Konawe Utara)", username="hasan_kpu")
    camat = await sandbox.create_user("Camat", last_name="Asera")
    dandim = await sandbox.create_user("Dandim", last_name="(TNI Konawe Utara)")
    stranger = await sandbox.create_user("Orang", last_name="Asing")

    say("Admin Kesbangpol Konawe Utara membuka bot (ADMIN_TELEGRAM_IDS) dan mencatat pemilu.")
    await rina.send("/start")
    await rina.next_message(timeout=WAIT)
    await rina.send("/acara tambah Pemilu 2024-02-14 Pemilu 2024")
    await rina.next_message(timeout=WAIT)
    await rina.send("/acara tambah Pilkada 2024-11-27 74.09 Pilkada Konawe Utara 2024")
    await rina.next_message(timeout=WAIT)

    say("Admin mengundang koordinator KPU untuk Kabupaten Konawe Utara dalam satu baris.")
    await rina.send("/undang koordinator 74.09")
    coordinator_code = _invite_code(await rina.next_message(timeout=WAIT))

    say("Koordinator membuka tautan undangan dan terdaftar.")
    await hasan.send(f"/start {coordinator_code}")
    await hasan.next_message(timeout=WAIT)

    say("Koordinator mengundang petugas Kecamatan Asera dengan tombol.")
    await hasan.send("/undang")
    prompt = await hasan.next_message(timeout=WAIT)
    await hasan.press("Petugas", message_id=prompt.message_id)
    await hasan.wait_for_edit(prompt.message_id, timeout=WAIT)
    await hasan.press("Asera", message_id=prompt.message_id)
    await hasan.wait_for_edit(prompt.message_id, timeout=WAIT)
    await hasan.press("✅ Pilih Asera", message_id=prompt.message_id)
    await hasan.wait_for_edit(prompt.message_id, timeout=WAIT)
    await hasan.press("Pemda/Kesbangpol", message_id=prompt.message_id)
    invite = await hasan.wait_for_edit(prompt.message_id, timeout=WAIT)
    officer_code = _invite_code(invite)

    say("Camat Asera bergabung sebagai petugas dan melihat profilnya.")
    await camat.send(f"/start {officer_code}")
    await camat.next_message(timeout=WAIT)
    await camat.send("/profil")
    await camat.next_message(timeout=WAIT)

    say("Camat Asera melapor dalam satu baris, lalu dengan tombol (4 ketukan).")
    await camat.send("/lapor distribusi sebagian 80% kotak suara tiba di 12 dari 15 desa")
    await camat.next_message(timeout=WAIT)
    await camat.send("/lapor")
    card = await camat.next_message(timeout=WAIT)
    for button in ("✅ Pilih Asera", "Keamanan & ketertiban", "✅ Siap", "✅ Kirim"):
        await camat.press(button, message_id=card.message_id)
        await camat.wait_for_edit(card.message_id, timeout=WAIT)

    say("Koordinator melihat status kesiapan Konawe Utara per kecamatan.")
    await hasan.send("/status")
    await hasan.next_message(timeout=WAIT)

    say("Camat Asera melaporkan banjir kritis; koordinator dan admin menerima peringatan.")
    await camat.send("/insiden kritis bencana banjir, jembatan putus ke desa Wanggudu")
    await camat.next_message(timeout=WAIT)
    alert = await hasan.next_message(timeout=WAIT)
    await rina.next_message(timeout=WAIT)

    say("Koordinator menerima insiden dari peringatan itu, lalu menutupnya dengan catatan.")
    await hasan.press("✅ Terima", message_id=alert.message_id)
    await hasan.wait_for_edit(alert.message_id, timeout=WAIT)
    await camat.next_message(timeout=WAIT)
    await hasan.press("✔️ Selesai", message_id=alert.message_id)
    await hasan.next_message(timeout=WAIT)
    await hasan.send("BPBD memasang jembatan darurat; distribusi logistik lewat jalur Lasolo.")
    await hasan.next_message(timeout=WAIT)
    await camat.next_message(timeout=WAIT)

    say("Admin mengundang koordinator TNI Konawe Utara: /undang koordinator 74.09 tni.")
    await rina.send("/undang koordinator 74.09 tni")
    tni_code = _invite_code(await rina.next_message(timeout=WAIT))
    await dandim.send(f"/start {tni_code}")
    await dandim.next_message(timeout=WAIT)

    say("Camat Asera meminta dukungan angkutan kepada TNI, dengan tenggat 2 hari.")
    await camat.send(
        "/dukungan tni 74.09.01.1005 2 hari segera angkutan logistik ke Wanggudu lewat sungai"
    )
    await camat.next_message(timeout=WAIT)
    request = await dandim.next_message(timeout=WAIT)
    await hasan.next_message(timeout=WAIT)  # the KPU coordinator follows it

    say(
        "TNI menyanggupi, melaporkan kemajuan, dan menutupnya dengan foto; camat tahu tiap langkah."
    )
    await dandim.press("🤝 Sanggup", message_id=request.message_id)
    await dandim.wait_for_edit(request.message_id, timeout=WAIT)
    await camat.next_message(timeout=WAIT)
    await dandim.press("🛠 Dalam proses", message_id=request.message_id)
    await dandim.next_message(timeout=WAIT)
    await dandim.send("Dua perahu karet dan satu truk berangkat dari Wanggudu Raya.")
    await dandim.next_message(timeout=WAIT)
    await camat.next_message(timeout=WAIT)
    await dandim.press("✔️ Selesai", message_id=request.message_id)
    await dandim.next_message(timeout=WAIT)
    await dandim.send_photo(caption="Logistik tiba di Wanggudu, diterima PPS.")
    await dandim.next_message(timeout=WAIT)
    await camat.next_message(timeout=WAIT)
    await camat.next_message(timeout=WAIT)  # the closing photo

    say("Orang lain mencoba memakai tautan yang sama: ditolak.")
    await stranger.send(f"/start {officer_code}")
    await stranger.next_message(timeout=WAIT)

    say("Koordinator (admin grup) melanggankan grup Forkopimda pada ringkasan pukul 07:00.")
    group = await sandbox.create_group(
        "Forkopimda Konawe Utara", members=[camat], admins=[hasan], with_bot=True
    )
    await hasan.send("/langganan 74.09 07:00", chat=group)
    await group.next_message(timeout=WAIT)

    say("Pukul 07:00 WITA, Rabu 7 Februari 2024: grup menerima ringkasan H-7.")
    clock.set(DEMO_DIGEST_TIME)
    assert runtime.application is not None and runtime.application.job_queue is not None
    for job in runtime.application.job_queue.jobs():
        if job.name and job.name.startswith(DIGEST_JOB_PREFIX):
            await job.run(runtime.application)
    await group.next_message(timeout=WAIT)

    return [
        ("Rina (Admin, Kesbangpol Konawe Utara)", rina),
        ("Hasan (Koordinator KPU Konawe Utara)", hasan),
        ("Camat Asera (Petugas, Pemda)", camat),
        ("Dandim (Koordinator TNI Konawe Utara)", dandim),
        ("Orang Asing", stranger),
    ], group
