"""Command names in the reader's language.

Every command has its Indonesian name; most have an English alias, registered next to it
in bot/handlers/__init__.py (tests/unit/test_command_names.py checks that each pair below is
one handler). Help texts and Telegram's command menus show English readers the English
name; both names always work.
"""

from __future__ import annotations

ENGLISH_NAMES: dict[str, str] = {
    "bantuan": "help",
    "profil": "profile",
    "bahasa": "language",
    "undang": "invite",
    "lapor": "report",
    "ralat": "correct",
    "tarik": "withdraw",
    "insiden": "incident",
    "insiden_terbuka": "open_incidents",
    "riwayat": "history",
    "dukungan": "support",
    "rtl": "actions",
    "tindaklanjut": "followups",
    "alihkan": "reassign",
    "dasbor": "dashboard",
    "langganan": "subscribe",
    "berhenti": "unsubscribe",
    "ringkasan": "summary",
    "acara": "events",
    "ingatkan": "remind",
    "ekspor": "export",
    "paparan": "briefing",
    "dataku": "mydata",
    "keluar": "leave",
    "nonaktifkan": "deactivate",
    "undangan": "invites",
    "batal": "cancel",
}


def command_name(name: str, lang: str) -> str:
    """The name `lang`'s readers see for the command registered as `name`."""
    return ENGLISH_NAMES.get(name, name) if lang == "en" else name
