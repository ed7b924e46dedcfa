"""A small HTML writer: every user value is escaped on the way in, so data is never markup.

``Markup`` marks text that is already HTML; ``element`` escapes any plain
``str`` child and every attribute value. Control characters in the data
(invisible on paper) are printed as visible stand-ins, as on terminals.
"""

from __future__ import annotations

import html

from liaison_tui.reports.display import visible


class Markup(str):
    """HTML built here, safe to place as it is."""

    __slots__ = ()


Child = str | Markup | None


def escape(text: str) -> Markup:
    """``text`` as HTML text (a ``Markup`` is already HTML and kept)."""
    if isinstance(text, Markup):
        return text
    return Markup(html.escape(visible(text, multiline=True), quote=True))


def element(tag: str, *children: Child, **attributes: str | None) -> Markup:
    """``<tag attributes>children</tag>``; ``class_`` for ``class``; None attributes are left out."""
    attrs = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{html.escape(value, quote=True)}"'
        for name, value in attributes.items()
        if value is not None
    )
    inner = "".join(escape(child) for child in children if child is not None)
    return Markup(f"<{tag}{attrs}>{inner}</{tag}>")


def joined(parts: list[Markup]) -> Markup:
    return Markup("".join(parts))


def script_language(text: str) -> str | None:
    """The language tag a name's script suggests, so fonts and shaping fit; None for Latin text."""
    for ch in text:
        code = ord(ch)
        if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF:
            return "ko"
        if 0x3040 <= code <= 0x30FF:
            return "ja"
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            return "zh"
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
            return "ar"
        if 0x0590 <= code <= 0x05FF:
            return "he"
        if 0x0400 <= code <= 0x04FF:
            return "ru"
        if 0x0E00 <= code <= 0x0E7F:
            return "th"
    return None


def name(text: str, tag: str = "span") -> Markup:
    """A name as written: its own direction (``dir=auto``) and, in another script, its language."""
    return element(tag, text, dir="auto", lang=script_language(text))
