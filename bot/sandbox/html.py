"""Telegram-flavoured HTML parsing, as the Bot API does it for ``parse_mode=HTML``.

The parser follows tdlib's ``parse_html`` (the code behind the real Bot API) closely, so that
a message our bot formats wrongly fails here the same way it would fail in production, with
the same error wording.  One deliberate difference: Telegram silently keeps a bare ``&`` that
does not start a known entity, and accepts an entity without its ``;``.  The sandbox rejects
both, because a bare ``&`` in our output means some user-supplied text was not escaped, and
the next user will type ``<`` instead.

Offsets and lengths of the returned entities are in UTF-16 code units, like Telegram's.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "TelegramHtmlError",
    "html_to_entities",
    "strip_text",
    "utf16_len",
]

_SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)

_SIMPLE_TAG_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",  # only span class="tg-spoiler" is accepted, checked at the start tag
}

_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

# tdlib's td::is_space() also counts NUL, which is how it detects the end of the input.
_SPACES = " \t\r\n\v\f"

_URL_OK = re.compile(r"^(?:(?:https?|tg|ton|mailto)://|mailto:)?[^\s<>\"]+$", re.IGNORECASE)


class TelegramHtmlError(ValueError):
    """The text is not valid Telegram HTML.

    ``description`` holds the text Telegram puts after ``Bad Request: can't parse entities: ``.
    """

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Telegram's offsets count)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _byte_offset(text: str, index: int) -> int:
    """Byte offset in the UTF-8 encoding of ``text`` of the character at ``index``.

    Telegram reports HTML errors by byte offset in the UTF-8 request text.
    """
    return len(text[:index].encode("utf-8"))


def _decode_entity(text: str, pos: int, *, strict: bool) -> tuple[str, int] | None:
    """Decode the character reference starting at ``text[pos] == '&'``.

    Returns the decoded character and the index after the reference, or ``None`` when the
    ampersand does not start a valid reference.  With ``strict`` the closing ``;`` is required.
    """
    n = len(text)
    end = pos + 1
    value = 0
    if end < n and text[end] == "#":
        end += 1
        if end < n and text[end] in "xX":
            end += 1
            start = end
            while end < n and text[end] in "0123456789abcdefABCDEF":
                value = value * 16 + int(text[end], 16)
                end += 1
                if value >= 0x10FFFF:
                    return None
        else:
            start = end
            while end < n and text[end].isascii() and text[end].isdigit():
                value = value * 10 + int(text[end])
                end += 1
                if value >= 0x10FFFF:
                    return None
        if end == start or value == 0 or 0xD800 <= value <= 0xDFFF:
            return None
        char = chr(value)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        name = text[pos + 1 : end]
        if name not in _NAMED_ENTITIES:
            return None
        char = _NAMED_ENTITIES[name]
    if end < n and text[end] == ";":
        return char, end + 1
    if strict:
        return None
    return char, end


class _OpenTag:
    __slots__ = ("argument", "name", "offset", "result_index")

    def __init__(self, name: str, argument: str, offset: int, result_index: int) -> None:
        self.name = name
        self.argument = argument
        self.offset = offset  # UTF-16 offset in the output where the entity starts
        self.result_index = result_index  # index into the output chunks (for empty <a> href)


def html_to_entities(html: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into plain text plus a list of MessageEntity dicts.

    Raises :class:`TelegramHtmlError` with Telegram's wording when the markup is invalid.
    The text is not trimmed here; see :func:`strip_text` for what sendMessage does afterwards.
    """
    out: list[str] = []
    utf16_offset = 0
    entities: list[dict[str, Any]] = []
    stack: list[_OpenTag] = []
    n = len(html)
    i = 0

    def at(k: int) -> str:
        # Mimic the NUL terminator tdlib relies on.
        return html[k] if k < n else "\0"

    def is_space(ch: str) -> bool:
        return ch in _SPACES or ch == "\0"

    while i < n:
        c = html[i]
        if c == "&":
            decoded = _decode_entity(html, i, strict=True)
            if decoded is None:
                raise TelegramHtmlError(
                    f'Character "&" at byte offset {_byte_offset(html, i)} does not start a '
                    "known HTML entity (&lt; &gt; &amp; &quot; &#NN;); escape it as &amp;"
                )
            char, i = decoded
            out.append(char)
            utf16_offset += utf16_len(char)
            continue
        if c != "<":
            out.append(c)
            utf16_offset += 2 if ord(c) > 0xFFFF else 1
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != "/":
            # A start tag.
            name_begin = i
            while not is_space(at(i)) and at(i) != ">":
                i += 1
            if i >= n:
                raise TelegramHtmlError(
                    f"Unclosed start tag at byte offset {_byte_offset(html, begin)}"
                )
            tag = html[name_begin:i].lower()
            if tag not in _SUPPORTED_TAGS:
                raise TelegramHtmlError(
                    f'Unsupported start tag "{tag}" at byte offset {_byte_offset(html, begin)}'
                )
            argument = ""
            while at(i) != ">":
                while i < n and is_space(at(i)):
                    i += 1
                if at(i) == ">":
                    break
                if i >= n:
                    raise TelegramHtmlError(
                        f'Unclosed start tag "{tag}" at byte offset {_byte_offset(html, begin)}'
                    )
                attr_begin = i
                while not is_space(at(i)) and at(i) not in "=>":
                    i += 1
                attr_name = html[attr_begin:i].lower()
                if not attr_name:
                    raise TelegramHtmlError(
                        f'Empty attribute name in the tag "{tag}" at byte offset '
                        f"{_byte_offset(html, begin)}"
                    )
                while i < n and is_space(at(i)):
                    i += 1
                if at(i) != "=":
                    if tag == "blockquote" and attr_name == "expandable":
                        argument = "1"
                        continue
                    raise TelegramHtmlError(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{tag}" at byte offset {_byte_offset(html, begin)}'
                    )
                i += 1
                while i < n and is_space(at(i)):
                    i += 1
                if i >= n:
                    raise TelegramHtmlError(
                        f'Unclosed start tag "{tag}" at byte offset {_byte_offset(html, begin)}'
                    )
                value_chars: list[str] = []
                if at(i) not in "'\"":
                    token_begin = i
                    while i < n and (at(i).isalnum() or at(i) in ".-"):
                        i += 1
                    value = html[token_begin:i].lower()
                    if not is_space(at(i)) and at(i) != ">":
                        raise TelegramHtmlError(
                            "Unexpected end of name token at byte offset "
                            f"{_byte_offset(html, token_begin)}"
                        )
                    if i >= n:
                        raise TelegramHtmlError(
                            f"Unclosed start tag at byte offset {_byte_offset(html, begin)}"
                        )
                else:
                    quote = html[i]
                    i += 1
                    value_begin = i
                    while i < n and html[i] != quote:
                        if html[i] == "&":
                            decoded = _decode_entity(html, i, strict=True)
                            if decoded is None:
                                raise TelegramHtmlError(
                                    'Character "&" at byte offset '
                                    f"{_byte_offset(html, i)} does not start a known HTML "
                                    "entity (&lt; &gt; &amp; &quot; &#NN;); escape it as &amp;"
                                )
                            value_chars.append(decoded[0])
                            i = decoded[1]
                            continue
                        value_chars.append(html[i])
                        i += 1
                    if i < n and html[i] == quote:
                        i += 1
                    if i >= n:
                        raise TelegramHtmlError(
                            f"Unclosed start tag at byte offset {_byte_offset(html, value_begin)}"
                        )
                    value = "".join(value_chars)
                if tag == "a" and attr_name == "href":
                    argument = value
                elif tag == "code" and attr_name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and attr_name == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "tg-emoji" and attr_name == "emoji-id":
                    argument = value
                elif tag == "blockquote" and attr_name == "expandable":
                    argument = "1"
            if tag == "span" and argument != "spoiler":
                raise TelegramHtmlError(
                    'Tag "span" must have class "tg-spoiler" at byte offset '
                    f"{_byte_offset(html, begin)}"
                )
            if tag == "tg-emoji" and not argument.isdigit():
                raise TelegramHtmlError(
                    f"Invalid custom emoji identifier specified at byte offset "
                    f"{_byte_offset(html, begin)}"
                )
            i += 1  # skip '>'
            stack.append(_OpenTag(tag, argument, utf16_offset, len(out)))
            continue

        # An end tag.
        if not stack:
            raise TelegramHtmlError(
                f"Unexpected end tag at byte offset {_byte_offset(html, begin)}"
            )
        while not is_space(at(i)) and at(i) != ">":
            i += 1
        end_name = html[begin + 2 : i].lower()
        while i < n and is_space(at(i)):
            i += 1
        if at(i) != ">":
            raise TelegramHtmlError(f"Unclosed end tag at byte offset {_byte_offset(html, begin)}")
        i += 1
        opened = stack.pop()
        if end_name and end_name != opened.name:
            raise TelegramHtmlError(
                f"Unmatched end tag at byte offset {_byte_offset(html, begin)}, "
                f'expected "</{opened.name}>", found "</{end_name}>"'
            )
        length = utf16_offset - opened.offset
        if length <= 0:
            continue
        _close_entity(opened, length, out, entities)

    if stack:
        raise TelegramHtmlError(
            f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"'
        )
    for entity in entities:
        # Drop the helper key from <code class="language-x"> that was not inside a <pre>.
        entity.pop("_language", None)
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _close_entity(
    opened: _OpenTag, length: int, out: list[str], entities: list[dict[str, Any]]
) -> None:
    """Append the entity for a just-closed tag, merging <pre><code class=...> like tdlib."""
    offset = opened.offset
    tag = opened.name
    if tag in _SIMPLE_TAG_TYPES:
        entities.append({"type": _SIMPLE_TAG_TYPES[tag], "offset": offset, "length": length})
    elif tag == "a":
        url = opened.argument or "".join(out[opened.result_index :])
        if url and _URL_OK.match(url):
            entities.append({"type": "text_link", "offset": offset, "length": length, "url": url})
    elif tag == "tg-emoji":
        entities.append(
            {
                "type": "custom_emoji",
                "offset": offset,
                "length": length,
                "custom_emoji_id": opened.argument,
            }
        )
    elif tag == "blockquote":
        kind = "expandable_blockquote" if opened.argument else "blockquote"
        entities.append({"type": kind, "offset": offset, "length": length})
    elif tag == "code":
        last = entities[-1] if entities else None
        if (
            last is not None
            and last["type"] == "pre"
            and last["offset"] == offset
            and last["length"] == length
        ):
            if opened.argument:
                last["language"] = opened.argument
        else:
            entity: dict[str, Any] = {"type": "code", "offset": offset, "length": length}
            if opened.argument:
                # Remembered so that an enclosing <pre> can take the language over.
                entity["_language"] = opened.argument
            entities.append(entity)
    elif tag == "pre":
        last = entities[-1] if entities else None
        if (
            last is not None
            and last["type"] == "code"
            and last["offset"] == offset
            and last["length"] == length
        ):
            language = last.pop("_language", "")
            last["type"] = "pre"
            if language:
                last["language"] = language
        else:
            entities.append({"type": "pre", "offset": offset, "length": length})


def strip_text(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim leading/trailing whitespace like Telegram does and clip the entities to match.

    Entities that end up empty are dropped.  Offsets stay in UTF-16 code units.
    """
    stripped_left = text.lstrip()
    lead = utf16_len(text) - utf16_len(stripped_left)
    stripped = stripped_left.rstrip()
    total = utf16_len(stripped)
    result: list[dict[str, Any]] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end <= start:
            continue
        clipped = dict(entity)
        clipped["offset"] = start
        clipped["length"] = end - start
        result.append(clipped)
    return stripped, result
