"""The one place where handlers are registered. Order matters.

Group -1 holds the gatekeeper, which runs for every update before anything else. Group 0
holds the features; within it the first matching handler wins, so flows that consume
plain text or /batal come before the generic fallbacks at the end.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.callbacks import (
    INCIDENT_ALERT,
    INCIDENT_FLOW,
    INCIDENT_HERE,
    REPORT_FLOW,
    REPORT_WITHDRAW,
    SUPPORT_FLOW,
)
from bot.context import PoskoContext, current_unit
from bot.digests import REMINDER_CALLBACK
from bot.handlers import (
    agency,
    briefing,
    dashboard,
    digests,
    edits,
    exports,
    flows,
    groups,
    history,
    incidents,
    invites,
    onboarding,
    one_line,
    privacy,
    reports,
    status,
    support,
    support_ask,
    support_bulk,
    support_views,
)

log = logging.getLogger(__name__)


def register_flows() -> None:
    """The guided flows, by name: where typed input and /batal go while one is open."""
    for route in (
        reports.FLOW.route(),
        incidents.FLOW.route(),
        incidents.CLOSE_ROUTE,
        one_line.ROUTE,
        support.NOTE_ROUTE,
        support_ask.FLOW.route(),
        support_bulk.ROUTE,
    ):
        flows.register_flow(route)
    for kind in (reports.FLOW.line_kind(), incidents.FLOW.line_kind()):
        one_line.register_line_kind(kind)
    # A location sent outside any flow offers to report an incident there.
    flows.register_outside_flow("location", incidents.offer_for_location)


def register_handlers(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    register_flows()
    application.add_handler(TypeHandler(Update, onboarding.gatekeeper), group=-1)
    # An edited /lapor, before the commands (which would take it as a new one).
    application.add_handler(edits.edited_report_handler())

    commands = [
        (("start",), onboarding.start),
        (("bantuan", "help"), onboarding.help_command),
        (("profil", "profile"), onboarding.profile),
        (("bahasa", "language"), onboarding.language_command),
        (("undang", "invite"), invites.invite_command),
        (("lapor", "report"), reports.report_command),
        (("status",), status.status_command),
        (("dasbor", "dashboard"), dashboard.dashboard_command),
        (("ralat", "correct"), reports.correct_command),
        (("tarik", "withdraw"), reports.withdraw_command),
        (("insiden", "incident"), incidents.incident_command),
        (("insiden_terbuka", "open_incidents"), incidents.open_incidents),
        (("riwayat", "history"), history.history_command),
        (("dukungan", "support"), support.support_command),
        (("rtl", "actions"), support_bulk.rtl_command),
        (("tindaklanjut", "followups"), support_views.followups_command),
        (("alihkan", "reassign"), support.reassign_command),
        (("langganan", "subscribe"), groups.subscribe),
        (("berhenti", "unsubscribe"), groups.unsubscribe),
        (("ringkasan", "summary"), digests.summary_command),
        (("acara", "events"), digests.elections_command),
        (("ingatkan", "remind"), digests.remind_command),
        (("ekspor", "export"), exports.export_command),
        (("paparan", "briefing"), briefing.briefing_command),
        (("dataku", "mydata"), privacy.my_data),
        (("keluar", "leave"), privacy.leave),
        (("nonaktifkan", "deactivate"), privacy.deactivate),
        (("undangan", "invites"), privacy.invitations),
        (("batal", "cancel"), flows.cancel),
    ]
    for names, callback in commands:
        application.add_handler(CommandHandler(names, callback))
    application.add_handler(
        CallbackQueryHandler(
            onboarding.language_chosen, pattern=rf"^{onboarding.LANGUAGE_CALLBACK}:"
        )
    )
    application.add_handler(
        CallbackQueryHandler(invites.invite_button, pattern=rf"^{invites.CALLBACK}:")
    )
    application.add_handler(
        CallbackQueryHandler(agency.agency_button, pattern=rf"^{agency.CALLBACK}:")
    )
    application.add_handler(
        CallbackQueryHandler(reports.FLOW.on_button, pattern=REPORT_FLOW.pattern)
    )
    application.add_handler(
        CallbackQueryHandler(reports.withdraw_button, pattern=REPORT_WITHDRAW.pattern)
    )
    application.add_handler(
        CallbackQueryHandler(incidents.alert_button, pattern=INCIDENT_ALERT.pattern)
    )
    application.add_handler(CallbackQueryHandler(history.more_button, pattern=history.MORE_PATTERN))
    application.add_handler(
        CallbackQueryHandler(support.support_button, pattern=support.BUTTON_PATTERN)
    )
    application.add_handler(
        CallbackQueryHandler(support_bulk.rtl_button, pattern=rf"^{support_bulk.CALLBACK}:")
    )
    application.add_handler(
        CallbackQueryHandler(support_views.open_button, pattern=rf"^{support_views.CALLBACK}:")
    )
    application.add_handler(
        CallbackQueryHandler(support_ask.start_button, pattern=rf"^{support_ask.START_CALLBACK}:")
    )
    application.add_handler(
        CallbackQueryHandler(support_ask.FLOW.on_button, pattern=SUPPORT_FLOW.pattern)
    )
    application.add_handler(
        CallbackQueryHandler(incidents.FLOW.on_button, pattern=INCIDENT_FLOW.pattern)
    )
    application.add_handler(
        CallbackQueryHandler(incidents.location_button, pattern=INCIDENT_HERE.pattern)
    )
    application.add_handler(
        CallbackQueryHandler(one_line.guess_button, pattern=rf"^{one_line.CALLBACK}:")
    )
    application.add_handler(
        MessageHandler(
            filters.PHOTO & filters.CaptionRegex(r"^/(insiden|incident)(@\w+)?(\s|$)"),
            incidents.incident_command,
        )
    )
    application.add_handler(
        CallbackQueryHandler(digests.reminder_button, pattern=rf"^{REMINDER_CALLBACK}(@\d+)?$")
    )
    application.add_handler(
        CallbackQueryHandler(privacy.leave_button, pattern=rf"^{privacy.LEAVE_CALLBACK}:")
    )
    application.add_handler(
        ChatMemberHandler(digests.bot_membership_changed, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    application.add_handler(
        MessageHandler(
            filters.PHOTO & filters.CaptionRegex(r"^/(dukungan|support)(@\w+)?(\s|$)"),
            support.support_command,
        )
    )
    # A photo whose caption is a report command is a one-line report with that photo.
    application.add_handler(
        MessageHandler(
            filters.PHOTO & filters.CaptionRegex(r"^/(lapor|report)(@\w+)?(\s|$)"),
            reports.report_command,
        )
    )

    # Fallbacks: last, and only in private chats (in groups the bot stays quiet).
    private = filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(private & filters.COMMAND, onboarding.unknown_command))
    application.add_handler(MessageHandler(private & ~filters.COMMAND, flows.route_input))
    application.add_handler(CallbackQueryHandler(onboarding.stale_button))
    # After the features: the one question to people registered before agencies existed.
    application.add_handler(TypeHandler(Update, agency.ask_once), group=1)

    application.add_error_handler(on_error)


async def on_error(update: object, context: PoskoContext) -> None:
    """Mark the unit of work failed; the intake rolls it back and tells the person."""
    try:
        unit = current_unit()
    except LookupError:  # an error outside update processing (e.g. a job): just log it
        log.error("error outside an update", exc_info=context.error)
        return
    unit.failed = context.error or RuntimeError("unknown handler error")
