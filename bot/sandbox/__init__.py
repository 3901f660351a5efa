"""A Telegram Bot API double for tests and the demo.

:class:`TelegramDouble` serves the Bot API (python-telegram-bot talks to it unchanged via
``base_url``/``base_file_url``) plus a control API; :class:`SandboxClient` drives the control
API as simulated people (:class:`SimUser`, :class:`SimGroup`) and reads what they saw
(:class:`SeenMessage`).
"""

from bot.sandbox.client import SandboxClient, SandboxError, SeenMessage, SimGroup, SimUser
from bot.sandbox.html import TelegramHtmlError, html_to_entities
from bot.sandbox.server import TelegramDouble

__all__ = [
    "SandboxClient",
    "SandboxError",
    "SeenMessage",
    "SimGroup",
    "SimUser",
    "TelegramDouble",
    "TelegramHtmlError",
    "html_to_entities",
]
