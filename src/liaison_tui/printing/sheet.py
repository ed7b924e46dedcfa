"""Imposition: cards of one size laid out as many to a sheet of paper as fit, with cut marks.

Cards abut (no gutter), so one straight cut between two rows or columns
separates both: the marks sit in the margins on the lines to cut along, and a
hairline outlines every card for sheets whose margins are too narrow for marks.
Cards keep a margin from the paper's edges, which printers do not reach, except
a card exactly as wide or as tall as the paper (a tent card across A4).
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from liaison_tui.i18n import _

PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
PRINTER_MARGIN = 2.5  # mm left clear at each edge of the paper
_MARK_GAP = 1.0  # mm between a card's edge and the start of its cut mark
_MARK_LENGTH = 6.0
_SIZE = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(?:mm)?\s*", re.IGNORECASE)
_SMALLEST = 20.0  # mm: a card smaller than this holds no readable name


@dataclass(frozen=True, slots=True)
class Sheet:
    """Where cards of ``card`` size (mm) go on ``paper`` (mm): columns × rows, centred."""

    paper: tuple[float, float]
    card: tuple[float, float]
    columns: int
    rows: int

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def left(self) -> float:
        return (self.paper[0] - self.columns * self.card[0]) / 2

    @property
    def top(self) -> float:
        return (self.paper[1] - self.rows * self.card[1]) / 2

    def positions(self) -> Iterator[tuple[float, float]]:
        """Each card's top-left corner (mm), row by row."""
        for row in range(self.rows):
            for column in range(self.columns):
                yield self.left + column * self.card[0], self.top + row * self.card[1]

    def pages(self, count: int) -> int:
        return math.ceil(count / self.per_page)


def _fitting(paper: float, card: float) -> int:
    if math.isclose(card, paper):
        return 1  # edge to edge: the paper's own edges are the cuts
    return math.floor((paper - 2 * PRINTER_MARGIN) / card + 1e-9)


def parse_size(text: str) -> tuple[float, float]:
    """``"90x55"`` (mm) as (90.0, 55.0); ValueError saying what is wrong."""
    match = _SIZE.fullmatch(text)
    if match is None:
        raise ValueError(_("size {size!r}: give width x height in millimetres, such as 90x55").format(size=text))
    width, height = (float(part.replace(",", ".")) for part in match.groups())
    if width < _SMALLEST or height < _SMALLEST:
        raise ValueError(
            _("size {size!r}: a card needs at least {least} mm each way").format(size=text, least=int(_SMALLEST))
        )
    return width, height


def sheet_for(card: tuple[float, float], paper_name: str) -> Sheet:
    """The layout of ``card`` on ``paper_name``; ValueError when not even one fits."""
    paper = PAPERS[paper_name]
    columns, rows = _fitting(paper[0], card[0]), _fitting(paper[1], card[1])
    if columns < 1 or rows < 1:
        raise ValueError(
            _(
                "a {width:g}x{height:g} mm card does not fit on {paper} paper ({paper_width:g}x{paper_height:g} mm)"
            ).format(width=card[0], height=card[1], paper=paper_name, paper_width=paper[0], paper_height=paper[1])
        )
    return Sheet(paper=paper, card=card, columns=columns, rows=rows)


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"M{x1:.2f} {y1:.2f}L{x2:.2f} {y2:.2f}"


def cut_marks(sheet: Sheet) -> list[str]:
    """Marks in the margins on every line to cut along (none where a margin is too narrow), as paths."""
    marks = []
    length_x = min(_MARK_LENGTH, sheet.top - _MARK_GAP - 0.5)
    length_y = min(_MARK_LENGTH, sheet.left - _MARK_GAP - 0.5)
    bottom = sheet.top + sheet.rows * sheet.card[1]
    right = sheet.left + sheet.columns * sheet.card[0]
    if length_x >= 2:
        for column in range(sheet.columns + 1):
            x = sheet.left + column * sheet.card[0]
            marks.append(_line(x, sheet.top - _MARK_GAP - length_x, x, sheet.top - _MARK_GAP))
            marks.append(_line(x, bottom + _MARK_GAP, x, bottom + _MARK_GAP + length_x))
    if length_y >= 2:
        for row in range(sheet.rows + 1):
            y = sheet.top + row * sheet.card[1]
            marks.append(_line(sheet.left - _MARK_GAP - length_y, y, sheet.left - _MARK_GAP, y))
            marks.append(_line(right + _MARK_GAP, y, right + _MARK_GAP + length_y, y))
    return marks


def _outlines(sheet: Sheet) -> list[str]:
    width, height = sheet.card
    return [f"M{x:.2f} {y:.2f}h{width}v{height}h-{width}z" for x, y in sheet.positions()]


def sheet_background(sheet: Sheet) -> str:
    """Cut marks and faint card outlines as one SVG for every page: drawn once, not per card."""
    width, height = sheet.paper
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="{height}mm" viewBox="0 0 {width} {height}">'
        f'<path d="{"".join(_outlines(sheet))}" fill="none" stroke="#bbb" stroke-width="0.1"/>'
        f'<path d="{"".join(cut_marks(sheet))}" fill="none" stroke="#000" stroke-width="0.2"/></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def sheet_css(sheet: Sheet) -> str:
    """The page and card-frame rules every card sheet shares."""
    width, height = sheet.paper
    card_width, card_height = sheet.card
    return f"""
@page {{ size: {width}mm {height}mm; margin: 0; background: url("{sheet_background(sheet)}") no-repeat; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: "Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", "DejaVu Sans", sans-serif; }}
.page {{ position: relative; width: {width}mm; height: {height}mm; overflow: hidden; break-after: page; }}
.page:last-child {{ break-after: auto; }}
.card {{ position: absolute; width: {card_width}mm; height: {card_height}mm; box-sizing: border-box;
        overflow: hidden; }}
"""


def pages_html(sheet: Sheet, cards: Sequence[str]) -> str:
    """The ``.page`` elements holding ``cards`` (each the inner HTML of one card), in order."""
    places = list(sheet.positions())
    pages = []
    for start in range(0, len(cards), sheet.per_page):
        frames = [
            f'<div class="card" style="left:{x:.2f}mm;top:{y:.2f}mm">{card}</div>'
            for (x, y), card in zip(places, cards[start : start + sheet.per_page], strict=False)
        ]
        pages.append(f'<div class="page">{"".join(frames)}</div>')
    return "".join(pages)
