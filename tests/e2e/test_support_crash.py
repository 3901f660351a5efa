"""Support requests survive a SIGKILL: the /rtl draft waiting for ✅ Simpan, the requests,
their copies' buttons, a note being written, and the stored escalation times."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col

from bot.sandbox import SandboxClient, SimUser, TelegramDouble
from bot.sandbox.client import SeenMessage
from storage.models import SupportRequest
from tests.factories import make_admin, make_coordinator, make_officer
from tests.helpers import BotProcess, fetch_all

PLAN = """/rtl
tni 74.09.01.1005 3 hari segera angkutan logistik ke Wanggudu
tni 74.09.01 2 hari biasa truk cadangan di gudang PPK
tni 74.09.01.1005 12 jam darurat perahu karet
polri 74.09.01 3 hari pengamanan gudang logistik
kpu 74.09.01 1 hari tambahan kotak suara
"""


async def test_support_requests_survive_sigkill(
    double: TelegramDouble, sandbox: SandboxClient, database_url: str, tmp_path: Path
) -> None:
    log = tmp_path / "bot.log"
    bot = BotProcess(database_url, double.base_url, log)
    await bot.start()
    try:
        await make_admin(sandbox, welcome_within=30)  # the bot is up
        camat = await make_officer(
            sandbox,
            database_url,
            name="Camat Asera",
            region="74.09.01",
            agency="pemda",
        )
        tni = await make_coordinator(
            sandbox,
            database_url,
            name="Dandim Konut",
            region="74.09",
            agency="tni",
        )
        kpu = await make_coordinator(
            sandbox,
            database_url,
            name="KPU Konut",
            region="74.09",
            agency="kpu",
        )
        await camat.send(PLAN)
        plan = await camat.next_message(timeout=15)
        assert "Simpan 5 permintaan" in plan.text

        await bot.kill()  # between the preview and ✅ Simpan
        await bot.start()
        await camat.press("✅ Simpan", message_id=plan.message_id)
        saved = await camat.wait_for_edit(plan.message_id, timeout=30)
        assert "5 permintaan dukungan disimpan" in saved.text
        copies = [await tni.next_message(timeout=15) for _ in range(3)]
        assert all("🤝 Sanggup" in c.button_texts() for c in copies)
        first = next(c for c in copies if "D-0001" in c.text)
        await tni.press("🤝 Sanggup", message_id=first.message_id)
        assert "Disanggupi oleh Dandim Konut" in (await tni.wait_for_edit(first.message_id)).text
        await tni.drain()

        await bot.kill()  # the copies' buttons still work afterwards
        await bot.start()
        await tni.press("✔️ Selesai", message_id=first.message_id)
        assert "catatan penyelesaian" in (await _until(tni, "catatan penyelesaian")).text

        await bot.kill()  # while the closing note is being written
        await bot.start()
        await tni.send("Truk tiba di Wanggudu")
        # A message sent just before a kill may come twice (the outbox sends at least once).
        assert "ditutup sebagai selesai" in (await _until(tni, "ditutup sebagai selesai")).text
        follow = [m for m in await kpu.drain() if "D-0001" in (m.text or "")]
        assert follow, "the KPU coordinator follows the request"
        # Its copy is edited after the closer's reply is sent: wait for that edit.
        kpu_copy = await kpu.seen(follow[0].message_id)
        while "Truk tiba di Wanggudu" not in (kpu_copy.text or ""):
            kpu_copy = await kpu.wait_for_edit(follow[0].message_id, timeout=30)
        told = [m.text or "" for m in await camat.drain()]
        assert any("disanggupi oleh Dandim Konut" in text for text in told)
    finally:
        await bot.stop()

    requests = await fetch_all(database_url, SupportRequest)
    assert len(requests) == 5
    assert [r.status for r in requests if r.id == 1] == ["done"]
    untaken = await fetch_all(
        database_url,
        SupportRequest,
        col(SupportRequest.agency_code) == "tni",
        col(SupportRequest.status) == "open",
    )
    assert len(untaken) == 2
    assert "Traceback" not in log.read_text()


async def _until(person: SimUser, text: str) -> SeenMessage:
    """The next message containing `text`, skipping repeats of earlier ones."""
    for _ in range(5):
        message = await person.next_message(timeout=30)
        if text in (message.text or ""):
            return message
    raise AssertionError(f"no message with {text!r}")
