"""The guided /dukungan on the draft engine: what the engine now does for it (typed names,
stale cards, a location shared at the check, /batal, expiry) as for every other flow."""

from __future__ import annotations

from datetime import timedelta

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.sandbox import SandboxClient
from storage.models import Conversation, SupportRequest
from tests.factories import register
from tests.helpers import fetch_all


async def test_typed_answers_a_stale_card_and_a_location_shared_at_the_check(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    camat = await register(
        sandbox, database_url, name="Camat", role="officer", region="74.09.01", agency="pemda"
    )
    tni = await register(
        sandbox, database_url, name="Dandim", role="coordinator", region="74.09", agency="tni"
    )
    await camat.send("/dukungan")
    agency = await camat.next_message()
    assert "ke instansi mana" in agency.text
    await camat.send("tni")  # the agency's name typed is pressing its button
    need = await camat.next_message()
    assert "Apa yang dibutuhkan" in need.text
    await camat.press("POLRI", message_id=agency.message_id)  # the older card: stale
    await camat.expect_no_message(within=0.3)
    assert "tidak berlaku" in ((await camat.toasts())[-1].get("text") or "")
    await camat.send("Perahu <b>karet</b>")
    deadline = await camat.next_message()
    await camat.send("besok-besok")
    assert "bukan tenggat" in (await camat.next_message()).text
    await camat.send("2 hari")
    check = await camat.next_message()
    assert "Kepada: TNI" in check.text and "Perahu <b>karet</b>" in check.text  # escaped
    assert "<b>karet</b>" not in (check.html or "")
    await camat.press("1 hari", message_id=deadline.message_id)  # answered already: stale
    await camat.expect_no_message(within=0.3)
    await camat.send_location(-3.41, 122.06)  # shared at the check, without pressing 📍
    assert "Lokasi dicatat" in (await camat.next_message()).text
    check = await camat.next_message()
    assert "Lokasi: -3.41000, 122.06000" in check.text
    await camat.press("✅ Kirim", message_id=check.message_id)
    assert "D-0001" in (await camat.next_message()).text
    assert "D-0001" in (await tni.next_message()).text
    [request] = await fetch_all(database_url, SupportRequest)
    assert (request.agency_code, request.latitude) == ("tni", -3.41)
    assert await fetch_all(database_url, Conversation) == []


async def test_cancel_and_expiry_send_nothing(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    camat = await register(
        sandbox, database_url, name="Camat", role="officer", region="74.09.01", agency="pemda"
    )
    await camat.send("/dukungan")
    agency = await camat.next_message()
    await camat.press("✖️ Batal", message_id=agency.message_id)
    assert "Dibatalkan" in (await camat.wait_for_edit(agency.message_id)).text
    await camat.send("/dukungan")
    agency = await camat.next_message()
    await camat.press("TNI", message_id=agency.message_id)
    need = await camat.next_message()
    await camat.send("/batal")
    assert "Dibatalkan" in (await camat.next_message()).text
    await camat.press("✖️ Batal", message_id=need.message_id)  # the ended draft's: stale
    await camat.expect_no_message(within=0.3)

    await camat.send("/dukungan")
    agency = await camat.next_message()
    clock.advance(timedelta(hours=3))
    await camat.press("TNI", message_id=agency.message_id)
    assert "tidak selesai dalam" in (await camat.next_message()).text
    assert await fetch_all(database_url, SupportRequest) == []
    assert await fetch_all(database_url, Conversation) == []
