"""Decoding Bot API parameters, whatever the transport encoding was."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import BodyPartReader, web

from bot.sandbox.model import bad
from bot.sandbox.shapes import JSON


@dataclass
class Upload:
    """One uploaded file of a multipart request."""

    filename: str
    content_type: str | None
    data: bytes


class Params:
    """Typed access to Bot API parameters, whatever the transport encoding was.

    PTB sends ``application/x-www-form-urlencoded`` (or multipart when uploading) where every
    non-string value is JSON text: ``chat_id=123``, ``reply_markup={"inline_keyboard":...}``,
    ``disable_notification=true``.  Plain JSON bodies carry real JSON values.  Both work here.
    """

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def has(self, key: str) -> bool:
        return self.raw.get(key) not in (None, "")

    def get_str(self, key: str) -> str | None:
        value = self.raw.get(key)
        if value is None or isinstance(value, Upload):
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def get_int(self, key: str, default: int | None = None) -> int | None:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad(f"invalid {key} specified") from None

    def get_float(self, key: str, default: float | None = None) -> float | None:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad(f"invalid {key} specified") from None

    def get_bool(self, key: str, default: bool = False) -> bool:
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("true", "1")

    def get_json(self, key: str) -> Any:
        value = self.raw.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad(f"can't parse {key} JSON object") from None
        return value

    def upload(self, key: str) -> Upload | None:
        """The uploaded file for ``key``, following PTB's ``attach://name`` indirection."""
        value = self.raw.get(key)
        if isinstance(value, Upload):
            return value
        if isinstance(value, str) and value.startswith("attach://"):
            attached = self.raw.get(value[len("attach://") :])
            if isinstance(attached, Upload):
                return attached
            raise bad(f"file {value} not found in the request")
        return None

    def summary(self) -> JSON:
        """A compact copy for the call log (no file bytes, long strings cut)."""
        out: JSON = {}
        for key, value in self.raw.items():
            if isinstance(value, Upload):
                out[key] = {"upload": value.filename, "size": len(value.data)}
            elif isinstance(value, str) and len(value) > 500:
                out[key] = value[:500] + "…"
            else:
                out[key] = value
        return out


async def read_params(request: web.Request) -> Params:
    raw: dict[str, Any] = dict(request.query)
    if request.method == "POST" and request.body_exists:
        ctype = request.content_type
        if ctype == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad("can't parse JSON") from None
            if isinstance(body, dict):
                raw.update(body)
        elif ctype.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader) or part.name is None:
                    continue
                if part.filename is not None:
                    data = await part.read(decode=False)
                    raw[part.name] = Upload(
                        part.filename, part.headers.get("Content-Type"), bytes(data)
                    )
                else:
                    raw[part.name] = await part.text()
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    raw[key] = value
                elif isinstance(value, bytes | bytearray):
                    raw[key] = bytes(value).decode("utf-8", "replace")
                else:
                    raw[key] = Upload(value.filename, value.content_type, value.file.read())
    return Params(raw)
