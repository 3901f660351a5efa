"""Region names in /undang as people write them, and the region picker, as people see them."""

from __future__ import annotations

from sqlmodel import col

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient
from storage.models import Invite
from tests.factories import make_coordinator, make_officer
from tests.helpers import count_rows, fetch_all, invite_code


async def test_a_name_shared_by_a_district_and_a_village_offers_both_by_level(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    invites_before = await count_rows(database_url, Invite)  # the coordinator's own
    await coordinator.send("/undang petugas Asera")
    choice = await coordinator.next_message()
    assert "Ada beberapa wilayah bernama Asera" in choice.text
    assert "• Kecamatan Asera (74.09.01)" in choice.text
    assert "• Kelurahan Asera, Kecamatan Asera (74.09.01.1009)" in choice.text
    assert choice.button_texts() == [
        "Kecamatan Asera (74.09.01)",
        "Kelurahan Asera, Kecamatan Asera (74.09.01.1009)",
        "✖️ Batal",
    ]
    assert await count_rows(database_url, Invite) == invites_before  # nothing guessed
    await coordinator.press(
        "Kelurahan Asera, Kecamatan Asera (74.09.01.1009)", message_id=choice.message_id
    )
    created = await coordinator.wait_for_edit(choice.message_id)
    assert "(74.09.01.1009)" in created.text and invite_code(created.text)
    [invite] = await fetch_all(database_url, Invite, col(Invite.created_by_id).is_not(None))
    assert invite.region_code == "74.09.01.1009" and invite.role == "officer"

    # With the level word, there is nothing to choose.
    await coordinator.send("/undang petugas Kec Asera")
    text = (await coordinator.next_message()).text
    assert "Kecamatan Asera, Kabupaten Konawe Utara (74.09.01):" in text and invite_code(text)
    await coordinator.send("/undang petugas kelurahan asera")
    assert "(74.09.01.1009):" in (await coordinator.next_message()).text
    # "Desa" for a kelurahan is what people say; the answer names it right.
    await coordinator.send("/undang petugas Desa Asera")
    text = (await coordinator.next_message()).text
    assert "Kelurahan Asera, Kecamatan Asera (74.09.01.1009)" in text
    await coordinator.send("/undang petugas Kec Wanggudu")  # a village, not a district
    assert "Wanggudu tidak ditemukan" in (await coordinator.next_message()).text

    english = await make_coordinator(
        sandbox, database_url, name="Ann", region="74.09", language_code="en"
    )
    await english.send("/invite officer Asera")
    choice = await english.next_message()
    assert "Several areas are called Asera" in choice.text
    assert choice.button_texts()[:2] == [
        "Asera District (kecamatan) (74.09.01)",
        "Asera Urban Village (kelurahan), Asera District (kecamatan) (74.09.01.1009)",
    ]
    assert "Choose one with the buttons" in choice.text
    await english.send("/invite officer Desa Amorome")
    text = (await english.next_message()).text
    assert "Amorome Village (desa), Asera District (kecamatan) (74.09.01.2010)" in text


async def test_a_regency_is_found_with_or_without_kabupaten(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    province = await make_coordinator(sandbox, database_url, name="Kesbang Sultra", region="74")
    typings = ("Konawe Utara", "Kab. Konawe Utara", "kabupaten konawe utara", "KAB Konawe Utara")
    for typed in typings:
        await province.send(f"/undang koordinator {typed}")
        text = (await province.next_message()).text
        assert "Kabupaten Konawe Utara (74.09)" in text and invite_code(text), (typed, text)
    await province.send("/undang koordinator Kota Kendari")
    assert "(74.71)" in (await province.next_message()).text
    assert await count_rows(database_url, Invite, col(Invite.region_code) == "74.09") == 4


async def test_one_tap_on_a_village_in_the_picker_chooses_it(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(sandbox, database_url, name="Koor", region="74.09")
    await coordinator.send("/undang")
    prompt = await coordinator.next_message()
    await coordinator.press("Petugas", message_id=prompt.message_id)
    await coordinator.wait_for_edit(prompt.message_id)
    await coordinator.press("Asera", message_id=prompt.message_id)  # a district: opens
    picker = await coordinator.wait_for_edit(prompt.message_id)
    assert "✅ Pilih Asera" in picker.button_texts() and "Amorome" in picker.button_texts()
    await coordinator.press("Amorome", message_id=prompt.message_id)  # a village: chosen
    await coordinator.wait_for_edit(prompt.message_id)  # then the agency
    await coordinator.press("KPU", message_id=prompt.message_id)
    done = await coordinator.wait_for_edit(prompt.message_id)
    assert "Tautan undangan" in done.text
    assert "Desa Amorome, Kecamatan Asera (74.09.01.2010)" in done.text
    assert invite_code(done.text)

    # The same in the guided report, in English.
    camat = await make_officer(
        sandbox, database_url, name="Camat", region="74.09.01", language_code="en"
    )
    await camat.send("/report")
    card = await camat.next_message()
    assert "✅ Choose Asera" in card.button_texts()
    await camat.press("Amorome", message_id=card.message_id)
    aspects = await camat.wait_for_edit(card.message_id)
    assert "Amorome" in aspects.text and "Which aspect" in aspects.text
