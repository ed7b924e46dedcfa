"""Sheets of badges or place cards as one PDF, laid out in parts so that a caller can show progress.

Officers are printed in order of precedence (``domain.precedence``), here and
nowhere else for cards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.domain.precedence import ordered
from liaison_tui.i18n import current_language
from liaison_tui.printing import badges, pdf, place_cards
from liaison_tui.printing.parts import laid_out
from liaison_tui.printing.sheet import Sheet, pages_html, sheet_css, sheet_for

PAGES_PER_PART = 50  # each part costs about a second of set-up; fewer parts share the cores less evenly


class CardKind(StrEnum):
    BADGES = "badges"
    PLACE_CARDS = "place-cards"


DEFAULT_SIZES = {CardKind.BADGES: badges.DEFAULT_SIZE, CardKind.PLACE_CARDS: place_cards.DEFAULT_SIZE}


def layout(kind: CardKind, size: tuple[float, float] | None, paper: str) -> Sheet:
    """The sheet for ``kind`` at ``size`` (mm; the kind's default when None); ValueError when it cannot fit."""
    return sheet_for(size or DEFAULT_SIZES[kind], paper)


def _document(kind: CardKind, sheet: Sheet, cards: list[str]) -> str:
    css = sheet_css(sheet) + (
        badges.badges_css(sheet) if kind is CardKind.BADGES else place_cards.place_cards_css(sheet)
    )
    return (
        f'<!DOCTYPE html><html lang="{current_language()}"><head><meta charset="utf-8">'
        f"<style>{css}</style></head><body>{pages_html(sheet, cards)}</body></html>"
    )


def cards_html(kind: CardKind, data: Dataset, visit: Visit, officers: Iterable[Officer], sheet: Sheet) -> list[str]:
    """The HTML documents of the sheets, each at most ``PAGES_PER_PART`` pages, officers in precedence order."""
    card = badges.badge_html if kind is CardKind.BADGES else place_cards.place_card_html
    contents = [card(data, visit, officer, sheet) for officer in ordered(data, officers)]
    part = PAGES_PER_PART * sheet.per_page
    return [_document(kind, sheet, contents[start : start + part]) for start in range(0, len(contents), part)]


def _part_pdf(html: str) -> bytes:
    return pdf.pdf_bytes(badges.with_qr_codes(html))


def cards_pdf(parts: list[str], progress: Callable[[int], None] | None = None) -> bytes:
    """The PDF of ``parts`` (from ``cards_html``), in order; ``progress`` is told of each part done.

    Laid out on ``printing.parts``' pool of processes when there is more than one part.
    """
    return laid_out(parts, _part_pdf, progress)
