"""An inline keyboard to walk down the region tree from the actor's own region.

Callback data: `<open_prefix>:<code>:<page>` to open a region, `<pick_prefix>:<code>` to pick
it (a region with nothing below it, such as a village, is picked with one tap); the caller
chooses the prefixes (they carry the flow's own state, e.g. the role).
Codes in callback data are checked against the presser's subtree on every press, so a
forged button cannot reach outside it.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.regions import is_within, parent_of
from bot.i18n import plain
from bot.services.regions import level_below
from bot.ui import Button, Keyboard, in_rows

PAGE_SIZE = 10


async def picker_keyboard(
    session: AsyncSession,
    *,
    lang: str,
    open_prefix: str,
    pick_prefix: str,
    cancel_data: str,
    root: str,
    current: str,
    page: int = 0,
) -> Keyboard:
    below = await level_below(session, code=current)
    assert below is not None
    region, children = below.region, below.children
    pages = max(1, -(-len(children) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    shown = children[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    rows: Keyboard = [
        [Button(plain(lang, "picker.choose_here", name=region.name), f"{pick_prefix}:{current}")]
    ]
    # A region with nothing below it (a village) is chosen with one tap; the others open.
    parents = below.parents
    rows += in_rows(
        [
            Button(child.name, f"{open_prefix}:{child.code}:0")
            if child.code in parents
            else Button(child.name, f"{pick_prefix}:{child.code}")
            for child in shown
        ],
        2,
    )
    navigation: list[Button] = []
    if page > 0:
        navigation.append(Button(plain(lang, "picker.prev"), f"{open_prefix}:{current}:{page - 1}"))
    if page + 1 < pages:
        navigation.append(Button(plain(lang, "picker.next"), f"{open_prefix}:{current}:{page + 1}"))
    if navigation:
        rows.append(navigation)
    bottom: list[Button] = []
    parent = parent_of(current)
    if current != root and parent is not None and is_within(parent, root):
        bottom.append(Button(plain(lang, "picker.up"), f"{open_prefix}:{parent}:0"))
    bottom.append(Button(plain(lang, "picker.cancel"), cancel_data))
    rows.append(bottom)
    return rows
