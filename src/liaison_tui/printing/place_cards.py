"""Place cards: folded tents with the name large on both halves.

Folded along the dashed line, the card stands on the table with one half
facing each side: the top half is printed upside down so that, once folded,
both halves read the right way up — to the guest and to those across.
"""

from __future__ import annotations

from liaison_tui.printing.card_canvas import LINE_HEIGHT, CardCanvas
from liaison_tui.printing.card_text import Card

DEFAULT_SIZE = (210.0, 99.0)
_PADDING = 8.0  # mm inside the card's side edges
_PT = 0.3528  # mm in a point


def _half(canvas: CardCanvas, card: Card, left: float, top: float, half: float) -> None:
    """One half's name, native name and city, centred in the box ``half`` mm tall at (left, top)."""
    width = canvas.sheet.card[0]
    room = width - 2 * _PADDING
    largest = min(40.0, half * 0.3 / _PT)  # the name takes at most about a third of a half
    name_size, name_lines = canvas.fitted(card.name, room, (largest, largest * 0.6, 8), 3, bold=True, cjk=card.cjk)
    native_size = 0.0
    native_lines: list[str] = []
    if card.native:
        native_size, native_lines = canvas.fitted(card.native, room, (largest * 0.6, largest * 0.6, 8), 1, cjk=card.cjk)
    city_size = min(12.0, half / 4)
    line = _PT * LINE_HEIGHT
    heights = [name_size * line * len(name_lines), 1 + native_size * line if card.native else 0, 1.5 + city_size * line]
    padding = min(5.0, half / 8)
    bottom = top + half - padding
    x = left + _PADDING
    y = top + max(padding, (half - sum(heights)) / 2)
    canvas.use(card.name, name_size, bold=True, cjk=card.cjk)
    y += canvas.lines(x, y, room, name_lines, name_size, align="C")
    if native_lines and y + heights[1] <= bottom:
        canvas.use(card.native, native_size, cjk=card.cjk)
        y += 1 + canvas.lines(x, y + 1, room, native_lines, native_size, align="C")
    if card.place and y + heights[2] <= bottom:
        canvas.grey(51)
        canvas.text(x, y + 1.5, room, card.place, city_size, align="C", cjk=card.cjk)
        canvas.grey(0)


def draw_place_card(canvas: CardCanvas, card: Card, left: float, top: float) -> None:
    """``card`` as a tent with its top-left corner at (``left``, ``top``) mm: the same half twice, the
    top one upside down, and the fold between them."""
    width, height = canvas.sheet.card
    half = height / 2
    with canvas.upside_down(left, top, width, half):
        _half(canvas, card, left, top, half)
    _half(canvas, card, left, top + half, half)
    canvas.dashed(left, top + half, left + width, top + half)
