"""Sheets of badges or place cards as one PDF, drawn in parts so that a caller can show progress.

Officers are printed in order of precedence (``domain.precedence``), here and
nowhere else for cards. Each part is a picklable list of cards' texts, drawn
with fpdf2 on ``printing.parts``' pool of processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.domain.precedence import ordered
from liaison_tui.printing import badges, place_cards
from liaison_tui.printing.card_canvas import CardCanvas, ready
from liaison_tui.printing.card_text import Card, card_for
from liaison_tui.printing.parts import laid_out
from liaison_tui.printing.sheet import Sheet, sheet_for

# Each part loads and subsets its fonts (about 2 s of CPU with two CJK faces): a part of 1,000
# cards takes 3.5 s in all, and 10,000 cards make ten parts, enough to share two cores evenly.
CARDS_PER_PART = 1000


class CardKind(StrEnum):
    BADGES = "badges"
    PLACE_CARDS = "place-cards"


DEFAULT_SIZES = {CardKind.BADGES: badges.DEFAULT_SIZE, CardKind.PLACE_CARDS: place_cards.DEFAULT_SIZE}


@dataclass(frozen=True, slots=True)
class Part:
    """Consecutive sheets of one PDF: what a process of the pool draws."""

    kind: CardKind
    sheet: Sheet
    cards: tuple[Card, ...]


def layout(kind: CardKind, size: tuple[float, float] | None, paper: str) -> Sheet:
    """The sheet for ``kind`` at ``size`` (mm; the kind's default when None); ValueError when it cannot fit."""
    return sheet_for(size or DEFAULT_SIZES[kind], paper)


def card_parts(kind: CardKind, data: Dataset, visit: Visit, officers: Iterable[Officer], sheet: Sheet) -> list[Part]:
    """The parts of the PDF, each of whole sheets and about ``CARDS_PER_PART`` cards, in precedence order."""
    contents = [card_for(data, visit, officer) for officer in ordered(data, officers)]
    size = max(1, CARDS_PER_PART // sheet.per_page) * sheet.per_page
    return [Part(kind, sheet, tuple(contents[start : start + size])) for start in range(0, len(contents), size)]


def part_pdf(part: Part) -> bytes:
    """One part's sheets as a PDF."""
    texts = "".join(card.visit + card.name + card.native + card.place + card.role for card in part.cards)
    canvas = CardCanvas(part.sheet, frozenset(map(ord, texts)))
    draw = badges.draw_badge if part.kind is CardKind.BADGES else place_cards.draw_place_card
    places = list(part.sheet.positions())
    for number, card in enumerate(part.cards):
        if number % part.sheet.per_page == 0:
            canvas.new_page()
        draw(canvas, card, *places[number % part.sheet.per_page])
    return canvas.output()


def cards_pdf(parts: list[Part], progress: Callable[[int], None] | None = None) -> bytes:
    """The PDF of ``parts`` (from ``card_parts``), in order; ``progress`` is told of each part done.

    Drawn on ``printing.parts``' pool of processes when there is more than one part.
    """
    return laid_out(parts, part_pdf, progress, ready=ready)
