"""Imposition: cards of one size laid out as many to a sheet of paper as fit, with cut marks.

Cards abut (no gutter), so one straight cut between two rows or columns
separates both: the marks sit in the margins on the lines to cut along, and a
hairline outlines every card for sheets whose margins are too narrow for marks.
Cards keep a margin from the paper's edges, which printers do not reach, except
a card exactly as wide or as tall as the paper (a tent card across A4).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from liaison_tui.i18n import _

PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
PRINTER_MARGIN = 2.5  # mm left clear at each edge of the paper
_MARK_GAP = 1.0  # mm between a card's edge and the start of its cut mark
_MARK_LENGTH = 6.0
MARK_CLEARANCE = 5.0  # mm: no mark nearer the paper's edge than this
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


Segment = tuple[float, float, float, float]  # x1, y1, x2, y2 in mm from the paper's top left


def cut_marks(sheet: Sheet) -> list[Segment]:
    """Short marks on every line to cut along, at both ends, all at least ``MARK_CLEARANCE`` from the
    paper's edges (printers do not reach them): in the margins where they are wide enough, else on
    the cut line itself just inside that clearance, where the cut removes them. A card's side on the
    paper's own edge needs no cut and gets no mark."""
    width, height = sheet.paper
    right = sheet.left + sheet.columns * sheet.card[0]
    bottom = sheet.top + sheet.rows * sheet.card[1]
    marks: list[Segment] = []
    for column in range(sheet.columns + 1):
        x = sheet.left + column * sheet.card[0]
        if MARK_CLEARANCE <= x <= width - MARK_CLEARANCE:
            (top_start, top_end), (bottom_start, bottom_end) = _ends(sheet.top), _ends(height - bottom)
            marks += [(x, top_start, x, top_end), (x, height - bottom_start, x, height - bottom_end)]
    for row in range(sheet.rows + 1):
        y = sheet.top + row * sheet.card[1]
        if MARK_CLEARANCE <= y <= height - MARK_CLEARANCE:
            (left_start, left_end), (right_start, right_end) = _ends(sheet.left), _ends(width - right)
            marks += [(left_start, y, left_end, y), (width - right_start, y, width - right_end, y)]
    return marks


def _ends(margin: float) -> tuple[float, float]:
    """Where a mark runs at the end of a cut line that meets a ``margin`` mm wide, from the paper's edge."""
    length = min(_MARK_LENGTH, margin - _MARK_GAP - MARK_CLEARANCE)
    if length >= 2:  # room in the margin: the mark ends just short of the card
        return margin - _MARK_GAP - length, margin - _MARK_GAP
    return MARK_CLEARANCE, MARK_CLEARANCE + _MARK_LENGTH
