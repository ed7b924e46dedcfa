"""Text on cards: escaped, in the right script's language and direction, sized to fit.

WeasyPrint cannot shrink text to fit a box, so the size is worked out here
from the text's width in ems (CJK characters count as one em, others about
half); what is still too long wraps, anywhere if it must, within the card.
"""

from __future__ import annotations

import html
import unicodedata

from liaison_tui.reports.display import visible

_WIDE = ("W", "F")  # East Asian wide and full-width characters


def escaped(text: str) -> str:
    """User text as inert HTML, control characters shown as visible stand-ins."""
    return html.escape(visible(text))


def ems(text: str) -> float:
    """The text's rough width in ems."""
    return sum(1.0 if unicodedata.east_asian_width(c) in _WIDE else 0.68 for c in text)


def fitted(text: str, room_mm: float, largest_pt: float, smallest_pt: float, lines: int = 1) -> float:
    """A font size (pt) at which ``text`` fits ``room_mm`` across in ``lines`` lines, within the bounds."""
    width = ems(text) / lines
    if width <= 0:
        return largest_pt
    size = room_mm / 0.3528 / width  # 1 pt = 0.3528 mm
    return round(max(smallest_pt, min(largest_pt, size)), 1)


def name_size(text: str, room_mm: float, largest_pt: float, readable_pt: float, smallest_pt: float) -> float:
    """The size for a name: one line if it reads at ``readable_pt`` or more, else two, else three."""
    for lines in (1, 2, 3):
        # words wrap, not characters: each extra line wastes some room
        size = fitted(text, room_mm * (1.0 if lines == 1 else 0.9), largest_pt, smallest_pt, lines)
        if size >= readable_pt:
            break
    return size


def script_of(text: str) -> tuple[str, str]:
    """(lang, dir) for a name in its own script: Pango picks the right CJK glyphs and bidi from these."""
    lang = ""
    for character in text:
        name = unicodedata.name(character, "")
        if name.startswith(("HIRAGANA", "KATAKANA")):
            return "ja", "ltr"
        if name.startswith("HANGUL"):
            return "ko", "ltr"
        if name.startswith("CJK"):
            lang = lang or "zh"
        elif unicodedata.bidirectional(character) in ("R", "AL"):
            return ("ar" if unicodedata.bidirectional(character) == "AL" else "he"), "rtl"
        elif name.startswith("CYRILLIC"):
            lang = lang or "ru"
        elif name.startswith("GREEK"):
            lang = lang or "el"
    return lang, "ltr"


def native(text: str, css_class: str, size_pt: float) -> str:
    """A native-script name as an element marked with its language and direction."""
    lang, direction = script_of(text)
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (
        f'<div class="{css_class}"{lang_attribute} dir="{direction}" style="font-size:{size_pt}pt">'
        f"{escaped(text)}</div>"
    )
