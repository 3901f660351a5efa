"""Mini App initData is checked as Telegram specifies; the double signs it the same way."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode

import pytest

from bot.dashboard.auth import InitDataError, init_data_hash, validate_init_data
from bot.sandbox.webapp import sign_init_data

TOKEN = "123456789:TEST-token_for_the_double_000000000"
NOW = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def _signed(**fields: str) -> str:
    base = {
        "query_id": "AAQ1",
        "user": json.dumps({"id": 42, "first_name": "Rina", "language_code": "id"}),
        "auth_date": str(int(NOW.timestamp()) - 60),
    }
    return sign_init_data({**base, **fields}, TOKEN)


def test_a_signed_init_data_names_its_user() -> None:
    user = validate_init_data(_signed(), bot_token=TOKEN, now=NOW, max_age=HOUR)
    assert (user.telegram_id, user.first_name, user.language_code) == (42, "Rina", "id")


def test_the_hash_is_telegrams_hmac_of_the_sorted_fields() -> None:
    # secret = HMAC_SHA256(key="WebAppData", msg=token); hash = hex HMAC_SHA256(secret, check)
    import hashlib
    import hmac

    fields = dict(parse_qsl(_signed()))
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields) if k != "hash")
    secret = hmac.new(b"WebAppData", TOKEN.encode(), hashlib.sha256).digest()
    expected = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    assert fields["hash"] == expected == init_data_hash(fields, TOKEN)


@pytest.mark.parametrize(
    ("init_data", "reason"),
    [
        ("", "empty"),
        (_signed().replace("Rina", "Rino"), "bad hash"),
        (sign_init_data({"user": '{"id": 42}', "auth_date": "1"}, "9:other"), "bad hash"),
        (_signed(auth_date=str(int((NOW - 2 * HOUR).timestamp()))), "too old"),
        (_signed(auth_date=str(int((NOW + HOUR).timestamp()))), "from the future"),
        (_signed(user="not json"), "no user"),
        (_signed() + "&auth_date=1", "a field repeats"),
        (urlencode({"user": '{"id": 42}', "auth_date": "1"}), "bad hash"),
    ],
)
def test_anything_else_is_refused(init_data: str, reason: str) -> None:
    with pytest.raises(InitDataError, match=reason):
        validate_init_data(init_data, bot_token=TOKEN, now=NOW, max_age=HOUR)
