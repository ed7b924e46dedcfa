"""Which printed document to make, as HTML parts, and PDF from those same parts.

Large documents (the staff pack or every handout at 10,000 officers) are laid
out in parts on a pool of processes (``printing.parts``) so a progress bar can
move, the cores share the work and memory stays bounded; the parts' PDFs are
joined in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import StrEnum

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.printing.handout import handout_html, handout_parts
from liaison_tui.printing.parts import laid_out
from liaison_tui.printing.programme import programme_parts
from liaison_tui.printing.staff_pack import staff_pack_parts
from liaison_tui.printing.stylesheet import Paper

# Rows or people per laid-out part: small enough for a moving progress bar, large enough to be quick.
ROSTER_ROWS_PER_PART = 500
HANDOUTS_PER_PART = 100


class Document(StrEnum):
    PROGRAMME = "programme"
    HANDOUT = "handout"  # one officer's
    HANDOUTS = "handouts"  # every delegation member's, one per page
    STAFF = "staff"


Progress = Callable[[int], None]


def html_parts(
    data: Dataset,
    visit: Visit,
    document: Document,
    paper: Paper,
    officer: Officer | None = None,
    *,
    whole: bool = False,
    progress: Progress | None = None,
) -> Iterator[str]:
    """The document as HTML texts; ``whole`` asks for one text (an HTML file), else parts for PDF."""
    everyone = max(len(data.officers), 1)
    match document:
        case Document.PROGRAMME:
            yield from programme_parts(data, visit, paper, everyone if whole else ROSTER_ROWS_PER_PART, progress)
        case Document.HANDOUT:
            assert officer is not None, "a handout is someone's"
            yield handout_html(data, visit, officer, paper)
        case Document.HANDOUTS:
            yield from handout_parts(data, visit, paper, everyone if whole else HANDOUTS_PER_PART, progress)
        case Document.STAFF:
            yield from staff_pack_parts(data, visit, paper, everyone if whole else ROSTER_ROWS_PER_PART, progress)


def units(data: Dataset, document: Document) -> int:
    """How many steps ``html_parts`` reports to ``progress`` in all (people or roster rows)."""
    if document is Document.HANDOUTS:
        return len(schedule.delegation(data))
    if document is Document.HANDOUT:
        return 0
    return len(data.officers)  # the programme's and the staff pack's roster rows


def pdf_from(parts: Iterator[str]) -> bytes:
    """The parts as one PDF, laid out on ``printing.parts``' pool; only their PDF bytes are kept.

    ``parts`` reports progress itself as each part is made (``html_parts``), and
    parts are drawn only as workers free up, so the bar follows the layout.
    """
    return laid_out(parts)
