"""English everywhere, chosen per person and per group."""

from __future__ import annotations

import asyncio

from bot.app import PoskoRuntime
from bot.sandbox import SandboxClient
from tests.helpers import register


async def test_english_coordinator_and_english_group(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await register(
        sandbox, database_url, name="Ann", role="coordinator", region="74.09"
    )
    officer = await register(sandbox, database_url, name="Camat", role="officer", region="74.09.01")
    await coordinator.send("/bahasa")
    await coordinator.next_message()
    await coordinator.press("English")
    assert (
        "English"
        in (await coordinator.wait_for_edit((await coordinator.transcript())[-1].message_id)).text
    )
    for _ in range(40):  # the menu follows the edit through the outbox
        menu = await sandbox.bot_commands({"type": "chat", "chat_id": coordinator.id})
        if any(c["description"].startswith("Report readiness") for c in menu):
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError(f"menu not in English: {menu}")

    group = await sandbox.create_group(
        "Forkopimda", members=[officer], admins=[coordinator], with_bot=True
    )
    await coordinator.send("/langganan insiden", chat=group)
    assert (
        "This group is subscribed" in (await group.next_message()).text
    )  # the subscriber's language
    await officer.send("/bahasa", chat=group)  # an officer cannot set the group's language
    assert "Only an admin of this group" in (await group.next_message()).text
    await coordinator.send("/bahasa", chat=group)
    choose = await group.next_message()
    await officer.press(
        "Bahasa Indonesia", message_id=choose.message_id, chat=group
    )  # not an admin
    await coordinator.press("English", message_id=choose.message_id, chat=group)
    assert "This group's language: English" in (await group.wait_for_edit(choose.message_id)).text

    await officer.send("/insiden kritis bencana banjir besar")
    assert "Incident" not in (await officer.next_message()).text  # the officer reads Indonesian
    assert "CRITICAL INCIDENT" in (await coordinator.next_message()).text
    group_alert = await group.next_message()
    assert (
        "CRITICAL INCIDENT" in group_alert.text and "✅ Acknowledge" in group_alert.button_texts()
    )

    await coordinator.send("/ringkasan", chat=group)
    digest = await group.next_message()
    assert "Posko Pemilu digest" in digest.text and "Open incidents: 1" in digest.text
    await coordinator.send("/ringkasan")
    assert "Readiness — aspects" in (await coordinator.next_message()).text
