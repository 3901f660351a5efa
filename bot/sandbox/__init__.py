"""A Telegram Bot API double for tests and the demo.

:class:`TelegramDouble` serves the Bot API (python-telegram-bot talks to it unchanged via
``base_url``/``base_file_url``) plus a control API; :class:`SandboxClient` drives the control
API as simulated people (:class:`SimUser`, :class:`SimGroup`) and reads what they saw
(:class:`SeenMessage`).

The double is built from mixins, one module per concern (see :mod:`bot.sandbox.server`);
the client side is ``client`` (transport and world), ``sim`` (people) and ``seen`` (messages);
the JSON both sides exchange is defined once in :mod:`bot.sandbox.shapes`.
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
