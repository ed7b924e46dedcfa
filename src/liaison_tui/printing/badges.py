"""Name badges: the name as addressed, the name in its own script, city, role and a QR code.

The QR code holds exactly the officer's badge code (``domain.badges``), which
the roll call accepts typed or scanned; the code is printed under it too, for
when the scanner fails. A full-size QR code rather than a Micro QR: phone
cameras and most hand scanners do not read Micro QR.
"""

from __future__ import annotations

from liaison_tui.printing.card_canvas import LINE_HEIGHT, CardCanvas, qr_code
from liaison_tui.printing.card_text import Card, right_to_left

DEFAULT_SIZE = (90.0, 55.0)
_PADDING = 4.0  # mm inside the card's edges
_PT = 0.3528  # mm in a point
_CODE_PT = 8.0


def qr_matrix(code: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules for ``code``, row by row (True is dark), as printed."""
    return tuple(tuple(bool(module) for module in row) for row in qr_code(code).matrix)


def _qr_side(card: tuple[float, float]) -> float:
    width, height = card
    return min(height - 2 * _PADDING - 4, width * 0.3)


def draw_badge(canvas: CardCanvas, card: Card, left: float, top: float) -> None:
    """``card`` as a badge with its top-left corner at (``left``, ``top``) mm."""
    width, height = canvas.sheet.card
    qr = _qr_side(canvas.sheet.card)
    code_height = _CODE_PT * _PT * LINE_HEIGHT
    qr_left = left + width - (_PADDING - 1) - qr
    qr_top = top + height - (_PADDING - 1.5) - code_height - qr
    canvas.qr(qr_left, qr_top, qr, card.code)
    canvas.text(qr_left, qr_top + qr, qr, card.code, _CODE_PT, align="C", mono=True)

    x = left + _PADDING
    room = width - 2 * _PADDING - qr - 3
    bottom = top + height - _PADDING + 1  # text below this would run off the card
    canvas.grey(85)
    y = top + _PADDING - 1.5
    y += canvas.text(x, y, width - 2 * _PADDING, card.visit, 6.5) + 1.5
    canvas.grey(0)
    size, lines = canvas.fitted(card.name, room, (16, 10, 5.5), 3, bold=True, cjk=card.cjk)
    y += canvas.lines(x, y, room, lines, size)
    if card.native and y + 1 + 7 * _PT * LINE_HEIGHT <= bottom:
        size, lines = canvas.fitted(card.native, room, (13, 13, 7), 1, cjk=card.cjk)
        y += 1 + canvas.lines(x, y + 1, room, lines, size, align="R" if right_to_left(card.native) else "L")
    if card.place and y + 1.5 + 9 * _PT * LINE_HEIGHT <= bottom:
        size, lines = canvas.fitted(card.place, room, (9, 9, 6.5), 2, cjk=card.cjk)
        y += 1.5 + canvas.lines(
            x, y + 1.5, room, lines[: 2 if y + 1.5 + 2 * size * _PT * LINE_HEIGHT <= bottom else 1], size
        )
    if card.role and y + 1 + 8 * _PT * LINE_HEIGHT <= bottom:
        canvas.grey(51)
        canvas.text(x, y + 1, room, card.role, 8)
        canvas.grey(0)
