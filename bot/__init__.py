"""Posko Pemilu: the Telegram bot."""

import os

# Opt in to python-telegram-bot's future behaviour (RetryAfter.retry_after as a timedelta).
# Our code reads both forms; without this every 429 emits a deprecation warning.
os.environ.setdefault("PTB_TIMEDELTA", "1")
