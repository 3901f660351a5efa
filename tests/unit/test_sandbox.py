"""The Telegram double must look like Telegram to python-telegram-bot.

Every test drives a real ``telegram.Bot`` (or ``Application``) against the double, plus the
``SandboxClient`` as the simulated people, and checks what both sides observe.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.sandbox import (
    SandboxClient,
    SandboxError,
    SimUser,
    TelegramDouble,
    TelegramHtmlError,
    html_to_entities,
)

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"

# A real 1x1 PNG: the double checks uploaded photos are images, like Telegram.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5e0a3f90000000049454e44ae426082"
)


@pytest.fixture
async def double() -> AsyncIterator[TelegramDouble]:
    d = TelegramDouble()
    await d.start()
    yield d
    await d.stop()


@pytest.fixture
async def sb(double: TelegramDouble) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(double.base_url) as client:
        yield client


@pytest.fixture
async def bot(double: TelegramDouble) -> AsyncIterator[Bot]:
    b = Bot(TOKEN, base_url=f"{double.base_url}/bot", base_file_url=f"{double.base_url}/file/bot")
    async with b:
        yield b


async def started_user(sb: SandboxClient, bot: Bot, name: str = "Siti") -> SimUser:
    """A user who opened the private chat with /start, with that update already consumed."""
    user = await sb.create_user(name, username=name.lower())
    await user.send("/start")
    updates = await bot.get_updates(timeout=0)
    await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return user


async def drain_updates(bot: Bot) -> list[Update]:
    updates = await bot.get_updates(timeout=0)
    if updates:
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return list(updates)


# ------------------------------------------------------------------ HTML parser


def test_html_entities_count_utf16_units() -> None:
    text, entities = html_to_entities(
        '🗳 <b>TPS 12</b> &amp; <i>ok</i> <a href="https://x.id/a?b=1&amp;c=2">l</a>'
    )
    assert text == "🗳 TPS 12 & ok l"
    # The ballot-box emoji is one code point but two UTF-16 units.
    assert entities == [
        {"type": "bold", "offset": 3, "length": 6},
        {"type": "italic", "offset": 12, "length": 2},
        {"type": "text_link", "offset": 15, "length": 1, "url": "https://x.id/a?b=1&c=2"},
    ]


def test_html_nested_pre_code_blockquote_spoiler() -> None:
    text, entities = html_to_entities(
        '<pre><code class="language-python">x=1</code></pre>'
        '<blockquote expandable>q</blockquote><span class="tg-spoiler">s</span>&#128512;&#x41;'
    )
    assert text == "x=1qs😀A"
    assert {"type": "pre", "offset": 0, "length": 3, "language": "python"} in entities
    assert {"type": "expandable_blockquote", "offset": 3, "length": 1} in entities
    assert {"type": "spoiler", "offset": 4, "length": 1} in entities


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("a <x>y</x>", 'Unsupported start tag "x" at byte offset 2'),
        ("é</b>", "Unexpected end tag at byte offset 2"),
        ("a <b", "Unclosed start tag at byte offset 2"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("Tom & Jerry", 'Character "&" at byte offset 4'),
        ("&amp", 'Character "&" at byte offset 0'),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler"'),
    ],
)
def test_html_errors_use_telegram_wording(html: str, message: str) -> None:
    with pytest.raises(TelegramHtmlError) as err:
        html_to_entities(html)
    assert err.value.description.startswith(message)


# ------------------------------------------------------------------ basics


async def test_get_me_and_invalid_token(double: TelegramDouble, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (7000000001, "posko_pemilu_bot", True)
    assert me.can_join_groups is True
    assert me.can_read_all_group_messages is False
    bad = Bot("not-a-token", base_url=f"{double.base_url}/bot")
    with pytest.raises(InvalidToken):
        await bad.get_me()


async def test_get_updates_offset_confirms_and_redelivers(sb: SandboxClient, bot: Bot) -> None:
    user = await sb.create_user("Siti", username="siti")
    await user.send("/start@posko_pemilu_bot hi /help")
    first = await bot.get_updates(timeout=1)
    assert len(first) == 1
    message = first[0].message
    assert message is not None and message.text == "/start@posko_pemilu_bot hi /help"
    assert message.chat.type == "private" and message.chat.id == user.id
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("bot_command", 0, 23),
        ("bot_command", 27, 5),
    ]
    # Not confirmed yet: handed out again.
    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [first[0].update_id]
    assert await sb.pending_update_count() == 1
    assert await bot.get_updates(offset=first[0].update_id + 1, timeout=0) == ()
    assert await sb.pending_update_count() == 0
    assert (await sb.delivery_counts())[first[0].update_id] == 2
    handouts = await sb.handouts()
    assert [h["update_ids"] for h in handouts] == [[first[0].update_id]] * 2


async def test_get_updates_long_poll_answers_when_update_arrives(
    sb: SandboxClient, bot: Bot
) -> None:
    user = await sb.create_user("Budi")
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    assert not poll.done()
    started = time.monotonic()
    await user.send("halo")
    updates = await poll
    assert time.monotonic() - started < 1.0
    assert updates[0].message is not None and updates[0].message.text == "halo"
    handout = await sb.wait_for_handout(timeout=1)
    assert handout["update_ids"] == [updates[0].update_id] and handout["index"] == 0


async def test_newer_get_updates_terminates_older_with_conflict(
    double: TelegramDouble, bot: Bot
) -> None:
    # PTB serialises getUpdates per Bot (pool of one), so a second bot instance plays the
    # second process, as when a restarted bot overlaps with its predecessor.
    older = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    async with Bot(TOKEN, base_url=f"{double.base_url}/bot") as second:
        newer = asyncio.create_task(second.get_updates(timeout=dtm.timedelta(seconds=0.2)))
        with pytest.raises(Conflict, match="terminated by other getUpdates"):
            await older
        assert await newer == ()


async def test_injected_raw_update_and_allowed_updates(sb: SandboxClient, bot: Bot) -> None:
    # Well-formed but hostile: a chat the bot never saw, a sender without username, a huge
    # text.  (A structurally broken update makes PTB's get_updates itself raise, so
    # hostile-input tests should keep the Bot API shape.)
    raw_message = {
        "message_id": 1,
        "date": 1700000000,
        "chat": {"id": 42, "type": "private", "first_name": "X"},
        "from": {"id": 42, "is_bot": False, "first_name": "X"},
        "text": "\u202e" + "A" * 10000,
        "unknown_field": True,
    }
    update_id = await sb.inject_update({"message": raw_message})
    member_id = await sb.inject_update({"update_id": update_id + 10, "chat_member": {}})
    assert member_id == update_id + 10
    later_id = await sb.inject_update({"message": raw_message})
    assert later_id == member_id + 1
    # chat_member is opt-in, so the default allowed_updates skip (and drop) it.
    updates = await bot.get_updates(timeout=0)
    assert [u.update_id for u in updates] == [update_id, later_id]
    assert updates[0].message is not None
    assert updates[0].message.api_kwargs == {"unknown_field": True}


# ------------------------------------------------------------------ sending, buttons, edits


async def test_send_html_with_keyboard_then_press_and_answer(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Ya ✅", callback_data="yes"),
                InlineKeyboardButton("Tidak", callback_data="no"),
            ]
        ]
    )
    sent = await bot.send_message(
        user.id, "<b>Halo</b> &amp; selamat", parse_mode=ParseMode.HTML, reply_markup=keyboard
    )
    assert sent.text == "Halo & selamat"
    assert sent.entities[0].type == "bold"
    seen = await user.next_message(timeout=1)
    assert seen.message_id == sent.message_id and seen.from_bot
    assert seen.html == "<b>Halo</b> &amp; selamat" and seen.text == "Halo & selamat"
    assert seen.button_texts() == ["Ya ✅", "Tidak"]

    query_id = await user.press("Ya ✅")
    (update,) = await drain_updates(bot)
    query = update.callback_query
    assert query is not None and query.id == query_id and query.data == "yes"
    assert query.from_user.id == user.id
    assert isinstance(query.message, Message) and query.message.message_id == sent.message_id
    assert query.message.reply_markup is not None

    await bot.answer_callback_query(query_id, text="Tercatat")
    assert [(t["query_id"], t["text"]) for t in await user.toasts()] == [(query_id, "Tercatat")]
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query_id)

    with pytest.raises(SandboxError, match="buttons seen"):
        await user.press("Mungkin")
    await user.expect_no_message(within=0.05)


async def test_edit_message_text_rules(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
    sent = await bot.send_message(user.id, "satu", reply_markup=markup)
    first = await user.next_message(timeout=1)
    assert first.edit_count == 0

    edited = await bot.edit_message_text("dua", user.id, sent.message_id, reply_markup=markup)
    assert isinstance(edited, Message) and edited.edit_date is not None
    seen = await user.wait_for_edit(sent.message_id, timeout=1)
    assert (seen.text, seen.edit_count, seen.previous_texts) == ("dua", 1, ["satu"])

    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("dua", user.id, sent.message_id, reply_markup=markup)
    # Like Telegram, an edit without reply_markup drops the inline keyboard.
    await bot.edit_message_text("dua", user.id, sent.message_id)
    assert (await user.wait_for_edit(sent.message_id, timeout=1)).buttons == []

    own = await user.send("tulisan saya")
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("x", user.id, own)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", user.id, 999)
    await bot.edit_message_reply_markup(user.id, sent.message_id, reply_markup=markup)
    assert (await user.seen(sent.message_id)).button_texts() == ["A"]
    assert await bot.delete_message(user.id, sent.message_id) is True
    assert sent.message_id not in [m.message_id for m in await user.transcript()]


async def test_bot_api_errors_surface_as_ptb_exceptions(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(user.id, "x" * 4097)
    await bot.send_message(user.id, "😀" * 2048)  # 4096 UTF-16 units: still fine
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(user.id, "  \n ")
    with pytest.raises(BadRequest, match="Can't parse entities: unsupported start tag"):
        await bot.send_message(user.id, "<x>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(
            user.id,
            "t",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("b", callback_data="é" * 33)]]
            ),
        )
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(123, "t")
    stranger = await sb.create_user("Asing")
    with pytest.raises(Forbidden, match="bot can't initiate conversation"):
        await bot.send_message(stranger.id, "t")
    await user.block_bot()
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(user.id, "t")
    (update,) = await drain_updates(bot)
    member = update.my_chat_member
    assert member is not None and member.new_chat_member.status == "kicked"
    calls = await sb.calls("sendMessage")
    assert [c["status"] for c in calls] == [400, 200, 400, 400, 400, 400, 403, 403]
    assert calls[-1]["description"] == "Forbidden: bot was blocked by the user"


async def test_reply_keyboard_and_reply_parameters(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    own = await user.send("lapor")
    await drain_updates(bot)
    sent = await bot.send_message(
        user.id,
        "pilih",
        reply_markup=ReplyKeyboardMarkup([["Aman", "Rawan"]], resize_keyboard=True),
        reply_to_message_id=own,
    )
    assert sent.reply_to_message is not None and sent.reply_to_message.message_id == own
    seen = await user.next_message(timeout=1)
    assert seen.reply_keyboard == [["Aman", "Rawan"]] and seen.reply_to_message_id == own


# ------------------------------------------------------------------ files


async def test_document_upload_and_download_both_ways(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    payload = b"tps,suara\n1,200\n"
    sent = await bot.send_document(user.id, payload, filename="rekap.csv", caption="Rekap")
    assert sent.document is not None and sent.document.file_name == "rekap.csv"
    seen = await user.next_message(timeout=1)
    assert seen.document is not None and seen.caption == "Rekap"
    assert seen.document["mime_type"] == "text/csv"
    assert await user.download(seen.document["file_id"]) == payload
    # Re-sending by file_id works without uploading.
    again = await bot.send_document(user.id, sent.document.file_id)
    assert again.document is not None and again.document.file_id == sent.document.file_id

    await user.send_document("foto_c1.pdf", b"%PDF-1.4 fake", caption="/lapor C1")
    (update,) = await drain_updates(bot)
    doc = update.message.document if update.message else None
    assert doc is not None and doc.file_name == "foto_c1.pdf"
    assert update.message is not None and update.message.caption_entities[0].type == "bot_command"
    file = await bot.get_file(doc.file_id)
    assert bytes(await file.download_as_bytearray()) == b"%PDF-1.4 fake"


async def test_photos_both_ways(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    await user.send_photo(caption="kerumunan di TPS", data=PNG)
    (update,) = await drain_updates(bot)
    assert update.message is not None
    sizes = update.message.photo
    assert 2 <= len(sizes) <= 3 and update.message.caption == "kerumunan di TPS"
    file = await bot.get_file(sizes[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == PNG

    sent = await bot.send_photo(user.id, PNG, caption="<i>diterima</i>", parse_mode="HTML")
    assert sent.photo and sent.caption == "diterima"
    seen = await user.next_message(timeout=1)
    assert seen.photo and seen.caption == "diterima" and seen.html == "<i>diterima</i>"
    assert seen.photo_file_id is not None and await user.download(seen.photo_file_id) == PNG
    with pytest.raises(BadRequest, match="Image_process_failed"):
        await bot.send_photo(user.id, b"not an image")
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_photo(user.id, PNG, caption="x" * 1025)


async def test_location_edit_and_forward_updates(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    other = await sb.create_user("Rina")
    await user.send_location(-6.2, 106.8)
    sent = await user.send("TPS 5 aman")
    await user.edit(sent, "TPS 5 rawan")
    await user.send("pesan diteruskan", forward_from=other)
    located, _, edited, forwarded = await drain_updates(bot)
    assert located.message is not None and located.message.location is not None
    assert located.message.location.latitude == pytest.approx(-6.2)
    assert edited.edited_message is not None and edited.edited_message.text == "TPS 5 rawan"
    assert forwarded.message is not None and forwarded.message.forward_origin is not None
    assert forwarded.message.forward_origin.sender_user.id == other.id  # type: ignore[attr-defined]


# ------------------------------------------------------------------ commands, groups, topics


async def test_set_my_commands_per_scope(sb: SandboxClient, bot: Bot) -> None:
    user = await sb.create_user("Siti", language_code="id")
    await bot.set_my_commands([BotCommand("start", "Mulai")])
    await bot.set_my_commands(
        [BotCommand("lapor", "Kirim laporan")],
        scope=BotCommandScopeAllPrivateChats(),
        language_code="id",
    )
    await bot.set_my_commands(
        [BotCommand("admin", "Menu admin")], scope=BotCommandScopeChat(user.id)
    )
    assert await sb.bot_commands() == [{"command": "start", "description": "Mulai"}]
    assert await sb.bot_commands({"type": "all_private_chats"}, "id") == [
        {"command": "lapor", "description": "Kirim laporan"}
    ]
    assert await sb.bot_commands({"type": "all_private_chats"}) == []
    private = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="id")
    assert [c.command for c in private] == ["lapor"]
    assert [c["command"] for c in await user.command_menu()] == ["admin"]
    await bot.delete_my_commands(scope=BotCommandScopeChat(user.id))
    assert [c["command"] for c in await user.command_menu()] == ["lapor"]
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])


async def test_group_membership_and_bot_added_removed(sb: SandboxClient, bot: Bot) -> None:
    ketua = await sb.create_user("Ketua")
    saksi = await sb.create_user("Saksi")
    luar = await sb.create_user("Luar")
    group = await sb.create_group("Posko Kec. A", members=[saksi], admins=[ketua], with_bot=True)
    added, service = await drain_updates(bot)
    assert added.my_chat_member is not None
    assert added.my_chat_member.from_user.id == ketua.id
    assert added.my_chat_member.new_chat_member.status == "member"
    assert service.message is not None
    assert [u.id for u in service.message.new_chat_members] == [bot.id]

    statuses = [(await bot.get_chat_member(group.id, u.id)).status for u in (ketua, saksi, luar)]
    assert statuses == ["creator", "member", "left"]
    await group.set_admin(saksi, True)
    assert (await bot.get_chat_member(group.id, saksi.id)).status == "administrator"
    admins = await bot.get_chat_administrators(group.id)
    assert {a.user.id for a in admins} == {ketua.id, saksi.id}
    chat = await bot.get_chat(group.id)
    assert chat.type == "supergroup" and chat.title == "Posko Kec. A"

    # Privacy mode: plain chatter is not delivered, commands and replies to the bot are.
    await saksi.send("ngobrol biasa", chat=group)
    await saksi.send("/lapor", chat=group)
    (update,) = await drain_updates(bot)
    assert update.message is not None and update.message.text == "/lapor"

    await group.remove_bot(by=ketua)
    (removed,) = await drain_updates(bot)
    assert removed.my_chat_member is not None
    assert removed.my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(Forbidden, match="bot was kicked from the supergroup chat"):
        await bot.send_message(group.id, "halo")


async def test_forum_topics_carry_thread_ids(sb: SandboxClient, bot: Bot) -> None:
    ketua = await sb.create_user("Ketua")
    group = await sb.create_group(
        "Forum Kota", members=[], admins=[ketua], forum=True, with_bot=True
    )
    topic = await group.create_topic("TPS 7")
    await drain_updates(bot)
    await ketua.send("/status", chat=group, thread_id=topic)
    (update,) = await drain_updates(bot)
    message = update.message
    assert message is not None
    assert message.message_thread_id == topic and message.is_topic_message
    reply = await message.reply_text("Status TPS 7: aman")
    assert reply.message_thread_id == topic
    seen = await group.next_message(timeout=1, thread_id=topic)
    assert seen.text == "Status TPS 7: aman" and seen.thread_id == topic
    with pytest.raises(BadRequest, match="Message thread not found"):
        await bot.send_message(group.id, "x", message_thread_id=topic + 100)


# ------------------------------------------------------------------ faults and limits


async def test_seeded_429_faults_take_no_effect(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)

    async def attempt() -> list[bool]:
        outcomes = []
        for i in range(12):
            try:
                await bot.send_message(user.id, f"pesan {i}")
                outcomes.append(True)
            except RetryAfter as err:
                assert _retry_seconds(err) == 2
                outcomes.append(False)
        return outcomes

    await sb.set_faults(rate_429=0.5, retry_after=2, methods=["sendMessage"], seed=42)
    first = await attempt()
    await bot.get_me()  # other methods are spared
    await sb.set_faults(rate_429=0.5, retry_after=2, methods=["sendMessage"], seed=42)
    second = await attempt()
    await sb.clear_faults()
    assert first == second and 0 < sum(first) < 12
    sent = [m for m in await user.transcript() if m.from_bot]
    assert len(sent) == 2 * sum(first)
    faults = [c["fault"] for c in await sb.calls("sendMessage")]
    assert faults.count("429") == 2 * (12 - sum(first))


async def test_5xx_faults_are_network_errors(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    await sb.set_faults(rate_5xx=1.0, seed=3)
    with pytest.raises(NetworkError) as err:
        await bot.send_message(user.id, "x")
    assert str(err.value) in ("Internal Server Error", "Bad Gateway")
    await sb.clear_faults()
    assert [m for m in await user.transcript() if m.from_bot] == []


async def test_rate_limit_enforcement_private_chat(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    await sb.enforce_rate_limits(True)
    for i in range(3):
        await bot.send_message(user.id, f"burst {i}")
    with pytest.raises(RetryAfter):
        await bot.send_message(user.id, "terlalu cepat")
    await sb.enforce_rate_limits(False)
    await bot.send_message(user.id, "bebas")
    statuses = [c["status"] for c in await sb.calls("sendMessage")]
    assert statuses == [200, 200, 200, 429, 200]


async def test_slow_faults_delay_but_succeed(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    await sb.set_faults(rate_slow=1.0, slow_seconds=0.3, methods=["sendMessage"])
    started = time.monotonic()
    await bot.send_message(user.id, "lambat")
    assert time.monotonic() - started >= 0.3
    await sb.clear_faults()
    assert (await user.next_message(timeout=0.5)).text == "lambat"
    assert (await sb.calls("sendmessage"))[-1]["fault"] == "slow"


async def test_group_rate_limit_is_per_minute(sb: SandboxClient, bot: Bot) -> None:
    ketua = await sb.create_user("Ketua")
    group = await sb.create_group("Posko", members=[], admins=[ketua], with_bot=True)
    await sb.enforce_rate_limits(True)
    for i in range(20):
        await bot.send_message(group.id, f"info {i}")
    with pytest.raises(RetryAfter) as err:
        await bot.send_message(group.id, "satu lagi")
    assert _retry_seconds(err.value) in (59, 60)
    assert len(await group.drain()) == 20


async def test_cursor_timeout_message_and_reset(sb: SandboxClient, bot: Bot) -> None:
    user = await started_user(sb, bot)
    await bot.send_message(user.id, "satu")
    assert (await user.next_message(timeout=0.5)).text == "satu"
    with pytest.raises(AssertionError, match=r"(?s)no new bot message.*#2 bot: 'satu'"):
        await user.next_message(timeout=0.1)
    await sb.reset()
    assert await sb.handouts() == [] and await sb.calls() == []
    with pytest.raises(SandboxError, match="unknown chat"):
        await sb.chat_messages(user.id)
    fresh = await sb.create_user("Baru")
    await fresh.send("/start")
    # Update ids keep growing across reset(), so the offset the bot already confirmed
    # cannot swallow updates queued after it.
    (update,) = await drain_updates(bot)
    assert update.message is not None and update.message.from_user is not None
    assert update.message.from_user.id == fresh.id


async def test_raw_http_json_get_and_case_insensitive_methods(double: TelegramDouble) -> None:
    async with httpx.AsyncClient(base_url=double.base_url) as http:
        me = (await http.get(f"/bot{TOKEN}/GETME")).json()
        assert me["ok"] is True and "last_name" not in me["result"]
        missing = await http.post(f"/bot{TOKEN}/sendUnicorn", json={})
        assert missing.status_code == 404
        assert missing.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        bad = await http.post(f"/bot{TOKEN}/sendMessage", json={"chat_id": 5, "text": "x"})
        assert bad.status_code == 400
        assert bad.json() == {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: chat not found",
        }
        got = await http.get(f"/bot{TOKEN}/getUpdates", params={"timeout": "0"})
        assert got.json() == {"ok": True, "result": []}


# ------------------------------------------------------------------ Application


async def test_application_polling_echo(double: TelegramDouble, sb: SandboxClient) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None and update.message.text is not None
        await update.message.reply_text(f"<b>{update.message.text}</b>", parse_mode="HTML")

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(f"{double.base_url}/bot")
        .base_file_url(f"{double.base_url}/file/bot")
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, echo))
    user = await sb.create_user("Siti")
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await user.send("halo posko")
        reply = await user.next_message(timeout=2)
        await app.updater.stop()
        await app.stop()
    assert reply.text == "halo posko" and reply.html == "<b>halo posko</b>"
    await sb.wait_until_confirmed(timeout=1)


def _retry_seconds(error: RetryAfter) -> float:
    """retry_after is an int or a timedelta depending on PTB_TIMEDELTA."""
    value = error.retry_after
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
