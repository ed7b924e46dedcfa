"""Rich tables the way every summary draws them: user text literal, long lists capped.

Shared by ``summaries`` and the summaries kept in modules of their own
(``meals``, ``arrivals``), which ``summaries`` lists.
"""

from __future__ import annotations

from collections.abc import Collection

from rich.table import Table
from rich.text import Text

from liaison_tui.i18n import _
from liaison_tui.i18n.formats import number
from liaison_tui.reports.display import literal


def table(title: str, *columns: str, caption: str = "") -> Table:
    # Titles and captions hold user text (a visit's or officer's name): never markup.
    drawn = Table(
        title=literal(title),
        caption=literal(caption) if caption else None,
        title_justify="left",
        caption_justify="left",
    )
    for column in columns:
        drawn.add_column(column, overflow="fold")
    return drawn


def cells(*texts: str) -> list[Text]:
    return [literal(t) for t in texts]


def cap(
    drawn: Table,
    rows: list[list[Text]],
    limit: int | None,
    *,
    section_ends: Collection[int] = (),
    total: int | None = None,
) -> Table:
    """Add at most ``limit`` rows; say so in the caption when some were left out.

    A line is drawn under the rows whose positions are in ``section_ends``.
    ``total`` is how many rows there are when ``rows`` holds only the first
    ones (a caller that builds rows slowly builds only those shown).
    """
    for position, row in enumerate(rows[:limit]):
        drawn.add_row(*row, end_section=position in section_ends)
    total = len(rows) if total is None else total
    if limit is not None and total > limit:
        note = _("showing {limit} of {total} rows; `liaison-tui summary` prints them all").format(
            limit=number(limit), total=number(total)
        )
        drawn.caption = Text("\n").join([c for c in (drawn.caption, Text(note)) if isinstance(c, Text)])
    return drawn


def few(items: list[str], shown: int = 5) -> str:
    """A list short enough for a table cell: the first few, then how many more."""
    if len(items) <= shown + 1:
        return ", ".join(items)
    return _("{items} and {n} more").format(items=", ".join(items[:shown]), n=len(items) - shown)
