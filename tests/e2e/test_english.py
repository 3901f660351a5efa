"""English, as an English-speaking officer or coordinator sees it: English command names in
/help and in Telegram's menu, syntax help whose examples work as typed, times as
"08:46 WITA", "an Officer", and "1 recipient" / "2 recipients"."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.app import PoskoRuntime
from bot.clock import ManualClock
from bot.config import Settings
from bot.sandbox import SandboxClient, TelegramDouble
from tests.conftest import make_settings
from tests.factories import make_coordinator, make_group, make_officer

MORNING = datetime(2024, 2, 7, 0, 46, tzinfo=UTC)  # 08:46 in Makassar (WITA)
NO_NUMERIC_ZONE = re.compile(r"[+-]0[0-9]00\b|GMT[+-]")


@pytest.fixture
def settings(database_url: str, double: TelegramDouble, request: pytest.FixtureRequest) -> Settings:
    """The bot's settings; a test may ask for another TIMEZONE (indirect parametrize)."""
    from zoneinfo import ZoneInfo

    zone = getattr(request, "param", "Asia/Makassar")
    return make_settings(database_url, double.base_url, timezone=ZoneInfo(zone))


async def test_help_and_menu_show_english_command_names(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    officer = await make_officer(
        sandbox,
        database_url,
        name="Officer Asera",
        region="74.09.01",
        language_code="en",
    )
    await officer.send("/help")
    help_text = (await officer.next_message()).text
    for name in ("report", "incident", "status", "correct", "withdraw", "profile", "mydata"):
        assert f"\n/{name} — " in help_text, name
    assert "/lapor —" not in help_text and "/ralat —" not in help_text
    assert "/cancel cancels" in help_text
    menu = [entry["command"] for entry in await officer.command_menu()]
    assert {"report", "incident", "status", "correct", "withdraw", "cancel"} <= set(menu)
    assert not {"lapor", "insiden", "ralat", "batal"} & set(menu)

    # The Indonesian names still work for an English reader, and the other way round.
    await officer.send("/bantuan")
    assert "\n/report — " in (await officer.next_message()).text
    indonesian = await make_officer(sandbox, database_url, name="Camat Lasolo", region="74.09.05")
    await indonesian.send("/help")
    text = (await indonesian.next_message()).text
    assert "\n/lapor — " in text and "/report —" not in text
    menu = [entry["command"] for entry in await indonesian.command_menu()]
    assert "lapor" in menu and "report" not in menu

    # Switching to English switches the menu and the help too.
    await indonesian.send("/bahasa")
    card = await indonesian.next_message()
    await indonesian.press("English", message_id=card.message_id)
    assert "English" in (await indonesian.wait_for_edit(card.message_id)).text
    await indonesian.send("/help")
    assert "\n/report — " in (await indonesian.next_message()).text
    menu = [entry["command"] for entry in await indonesian.command_menu()]
    assert "report" in menu and "lapor" not in menu


async def test_guest_menu_in_english(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    stranger = await sandbox.create_user("Visitor", language_code="en")
    await stranger.send("/start")
    assert "/invite" in (await stranger.next_message()).text  # how a coordinator invites
    assert [e["command"] for e in await stranger.command_menu()] == ["start", "help"]


async def test_syntax_help_examples_are_english_and_work_as_typed(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    clock.set(MORNING)
    await make_coordinator(sandbox, database_url, name="Koor Konut", region="74.09")
    officer = await make_officer(
        sandbox,
        database_url,
        name="Officer Asera",
        region="74.09.01",
        language_code="en",
    )
    await officer.send("/report xylophone ready")
    answer = (await officer.next_message()).text
    assert "aspect xylophone is not known" in answer
    assert "Format: /report [region code] aspect state [percent] [note]" in answer
    example = re.search(r"Example: (/report [^\n]+)", answer)
    assert example and example.group(1).startswith("/report distribution partial 80%")
    assert "Aspects: governance, officers, logistics, distribution, technology, security" in answer
    assert "States: ready, partial, not ready." in answer
    assert "/lapor" not in answer and "sebagian" not in answer

    await officer.send(example.group(1))  # the example, typed as shown
    saved = (await officer.next_message()).text
    assert "received" in saved and "Logistics delivered" in saved and "Partial" in saved
    assert "Recorded 7 Feb 08:46 WITA." in saved
    assert not NO_NUMERIC_ZONE.search(saved)

    await officer.send("/incident xylophone flood")
    answer = (await officer.next_message()).text
    assert "the severity is missing or not known (xylophone)" in answer
    assert "Severity: critical, high, medium, low." in answer
    assert "Kinds: logistics, transport, disaster, violence, hoax" in answer
    example = re.search(r"Example: (/incident [^\n]+)", answer)
    assert example and example.group(1).startswith("/incident critical disaster flood")
    assert "/insiden" not in answer and "kritis" not in answer
    await officer.send(example.group(1))
    saved = (await officer.next_message()).text
    assert "recorded and sent to 1 coordinator.\n" in saved  # one coordinator: singular

    for name in ("Koor Asera", "Wakil Koor Asera"):  # the nearest staffed level is alerted
        await make_coordinator(sandbox, database_url, name=name, region="74.09.01")
    await officer.send("/incident high transport the road to Walasolo is cut")
    assert "recorded and sent to 2 coordinators." in (await officer.next_message()).text


async def test_times_say_the_zone_never_an_offset(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, clock: ManualClock
) -> None:
    clock.set(MORNING)
    coordinator = await make_coordinator(
        sandbox,
        database_url,
        name="Coordinator Konut",
        region="74.09",
        language_code="en",
    )
    await coordinator.send("/profile")
    profile = (await coordinator.next_message()).text
    assert "Registered: Wednesday, 7 February 2024 08:46 WITA" in profile
    await coordinator.send("/status")
    status = (await coordinator.next_message()).text
    assert "as of 7 Feb 08:46 WITA" in status
    await coordinator.send("/invite officer 74.09.01")
    invite = (await coordinator.next_message()).text
    assert "Invite link for an Officer of" in invite  # not "a Officer"
    assert "for 1 person." in invite
    assert "Valid until Wednesday, 14 February 2024 08:46 WITA" in invite
    for text in (profile, status, invite):
        assert not NO_NUMERIC_ZONE.search(text), text

    indonesian = await make_coordinator(sandbox, database_url, name="Koor Indo", region="74.09")
    await indonesian.send("/profil")
    assert "Terdaftar: Rabu, 7 Februari 2024 08.46 WITA" in (await indonesian.next_message()).text


async def test_invite_with_buttons_uses_the_article(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(
        sandbox,
        database_url,
        name="Coordinator Konut",
        region="74.09",
        language_code="en",
    )
    await coordinator.send("/invite")
    card = await coordinator.next_message()
    await coordinator.press("Officer", message_id=card.message_id)
    choose = await coordinator.wait_for_edit(card.message_id)
    assert "Invite an Officer for which area?" in choose.text


@pytest.mark.parametrize(
    ("settings", "zone"),
    [("Asia/Makassar", "WITA"), ("Asia/Jakarta", "WIB"), ("Asia/Jayapura", "WIT")],
    indirect=["settings"],
)
async def test_group_subscription_names_the_zone_in_both_languages(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str, zone: str
) -> None:
    english = await make_coordinator(
        sandbox,
        database_url,
        name="Coordinator Konut",
        region="74.09",
        language_code="en",
    )
    indonesian = await make_coordinator(sandbox, database_url, name="Koor Asera", region="74.09.01")
    group = await make_group(sandbox, "Forkopimda Konut", members=[], admins=[english])
    menu = [entry["command"] for entry in await english.command_menu(chat=group)]
    assert menu == ["summary", "status", "open_incidents", "subscribe", "unsubscribe"]
    await english.send("/subscribe 74.09 07:30 alerts", chat=group)
    reply = (await group.next_message()).text
    assert f"daily digest at 07:30 {zone}" in reply, reply
    assert "/unsubscribe" in reply and "Asia/" not in reply

    other = await make_group(sandbox, "Posko Asera", members=[], admins=[indonesian])
    await indonesian.send("/langganan", chat=other)
    reply = (await other.next_message()).text
    assert f"ringkasan harian pukul 07:00 {zone}" in reply, reply
    assert "Asia/" not in reply


async def test_counts_read_as_english(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(
        sandbox,
        database_url,
        name="Coordinator Konut",
        region="74.09",
        language_code="en",
    )
    asera = await make_officer(
        sandbox,
        database_url,
        name="Officer Asera",
        region="74.09.01",
        language_code="en",
    )
    lasolo = await make_officer(
        sandbox,
        database_url,
        name="Officer Lasolo",
        region="74.09.05",
        language_code="en",
    )
    await coordinator.send("/remind")
    assert "2 of 2 officers have not reported today" in (await coordinator.next_message()).text
    await asera.next_message()
    await lasolo.next_message()
    for officer in (asera, lasolo):
        await officer.send("/report security ready")
        assert "received" in (await officer.next_message()).text
    await coordinator.send("/status")
    status = (await coordinator.next_message()).text
    assert "Security — Ready (2 reports)" in status, status

    wiwirano = await make_officer(
        sandbox,
        database_url,
        name="Officer Wiwirano",
        region="74.09.02",
        language_code="en",
    )
    await coordinator.send("/remind")
    reminded = (await coordinator.next_message()).text
    assert "1 of 3 officers have not reported today" in reminded and "reminded now: 1" in reminded
    await wiwirano.next_message()


async def test_invite_usage_examples_work_as_typed(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    coordinator = await make_coordinator(
        sandbox,
        database_url,
        name="Coordinator Konut",
        region="74.09",
        language_code="en",
    )
    await coordinator.send("/invite boss 74.09.01")
    usage = (await coordinator.next_message()).text
    assert "the role must be coordinator or officer" in usage
    examples = re.findall(r"/invite (?:coordinator|officer) [\w.]*\w", usage)
    assert examples == ["/invite coordinator 74.09", "/invite officer Lasolo"], usage
    await coordinator.send(examples[1])
    assert "Invite link for an Officer of Lasolo" in (await coordinator.next_message()).text
    await coordinator.send(examples[0])
    assert "Invite link for a Coordinator of" in (await coordinator.next_message()).text


async def test_events_usage_is_english_and_its_example_works(
    posko: PoskoRuntime, sandbox: SandboxClient, database_url: str
) -> None:
    from tests.conftest import ADMIN_TELEGRAM_ID

    admin = await sandbox.create_user("Rina", user_id=ADMIN_TELEGRAM_ID, language_code="en")
    await admin.send("/events plan")
    usage = (await admin.next_message()).text
    assert "/events add KIND YYYY-MM-DD [region code] NAME" in usage and "/acara" not in usage
    example = re.search(r"e\.g\. (/events add [^\n]+)", usage)
    assert example, usage
    await admin.send(example.group(1))
    assert "Recorded: Pilkada Konawe Utara 2024 (Pilkada)" in (await admin.next_message()).text
    await admin.send("/events")
    listing = (await admin.next_message()).text
    number = re.search(r"#(\d+) Pilkada Konawe Utara 2024", listing)
    assert number, listing
    await admin.send(f"/events remove {number.group(1)}")
    assert "is no longer counted down to" in (await admin.next_message()).text
