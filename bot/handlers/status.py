"""/status [kode wilayah]: readiness by aspect in an area, and the areas below, worst first."""

from __future__ import annotations

from telegram import Update

from bot.context import PoskoContext
from bot.domain.policy import chat_kind
from bot.domain.reports import STATE_EMOJI, progress_text
from bot.domain.types import ReportState
from bot.handlers.common import is_private, reply, require_actor
from bot.handlers.region_access import allowed_region
from bot.handlers.support_ask import status_offer
from bot.i18n import Html, format_short_moment, plain, t
from bot.render import split_lines
from bot.services.reports import StatusView, status_view


async def status_command(update: Update, context: PoskoContext) -> None:
    """/status [kode wilayah]: the person's area, or one inside it."""
    actor = await require_actor(update, context)
    if actor is None:
        return
    root = actor.region_code
    if context.args:
        wanted = context.args[0]
        if not await allowed_region(
            update, context, actor, wanted, outside_key="status.outside_region"
        ):
            return
        root = wanted
    chat = update.effective_chat
    view = await status_view(
        context.unit, actor=actor, root=root, chat=chat_kind(chat.type if chat else None)
    )
    if view is None:  # allowed_region has checked the area; the policy allows /status anywhere
        return
    chunks = split_lines(_render_status(context, view))
    offer = await status_offer(context, region_code=root) if is_private(update) else None
    for number, chunk in enumerate(chunks, start=1):  # 🤝 under the last part, for 🔴/🟡
        reply(update, context, chunk, buttons=offer if number == len(chunks) else None)


def _render_status(context: PoskoContext, view: StatusView) -> Html:
    lang, tz = context.lang, context.services.settings.timezone
    lines = [
        t(
            lang,
            "status.header",
            region=view.region,
            time=format_short_moment(context.now, lang, tz),
        )
    ]
    for aspect in view.aspects:
        rollup = view.whole.aspects[aspect.code]
        when = (
            t(lang, "status.last", time=format_short_moment(rollup.last_at, lang, tz))
            if rollup.last_at
            else Html("")
        )
        count = t(lang, "status.reports", count=rollup.reports) if rollup.reports > 1 else Html("")
        lines.append(
            t(
                lang,
                "status.aspect_line",
                emoji=STATE_EMOJI[rollup.state],
                aspect=aspect.label(lang),
                state=plain(lang, f"state.{rollup.state or 'none'}"),
                progress=Html(str(progress_text(rollup.progress)) + str(count)),
                when=when,
            )
        )
    if view.areas:
        lines.append(t(lang, "status.below_header"))
    for area in view.areas:
        if area.last_at is None:
            lines.append(t(lang, "status.area_none", emoji=STATE_EMOJI[None], name=area.name))
            continue
        counts = " ".join(
            f"{STATE_EMOJI[state]}{area.count(state)}"
            for state in (
                ReportState.NOT_READY.value,
                ReportState.PARTIAL.value,
                ReportState.READY.value,
                None,
            )
            if area.count(state)
        )
        lines.append(
            t(
                lang,
                "status.area_line",
                emoji=STATE_EMOJI[area.worst],
                name=area.name,
                counts=counts,
                when=t(lang, "status.last", time=format_short_moment(area.last_at, lang, tz)),
            )
        )
    lines.append(t(lang, "status.legend"))
    return Html("\n".join(lines))
