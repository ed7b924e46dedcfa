"""The header line: which visit, when, where, and the time there now."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import DATE_LONG, DAY_MONTH, RANGE_END_IN_MONTH, WEEKDAY_DAY_OF_MONTH, WEEKDAY_TIME, when
from liaison_tui.reports.display import literal


def visit_dates(visit: Visit) -> str:
    first, last = visit.start_date, visit.end_date
    if first.year != last.year:
        return f"{when(first, DATE_LONG)} – {when(last, DATE_LONG)}"
    if first.month != last.month:
        return f"{when(first, DAY_MONTH)} – {when(last, DATE_LONG)}"
    return f"{when(first, WEEKDAY_DAY_OF_MONTH)}–{when(last, RANGE_END_IN_MONTH)}"


class VisitHeader(Horizontal):
    """The visit's name, dates and host on the left; its local time on the right."""

    DEFAULT_CSS = """
    VisitHeader {
        height: 1;
        background: $panel;
        color: $text;
    }

    VisitHeader > #visit-title {
        width: 1fr;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }

    VisitHeader > #visit-clock {
        width: auto;
        padding: 0 1;
        background: $accent;
        color: $text;
        text-style: bold;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="visit-title", markup=False)
        yield Static(id="visit-clock", markup=False)

    def show(self, visit: Visit | None, local_now: datetime | None) -> None:
        title = self.query_one("#visit-title", Static)
        clock = self.query_one("#visit-clock", Static)
        if visit is None:
            title.update(Text(_("No visit yet: press v to plan one"), style="italic"))
            clock.update("")
            return
        title.update(
            Text.assemble(
                literal(visit.name, "bold"),
                " · ",
                visit_dates(visit),
                " · ",
                literal(visit.host_city, "italic"),
            )
        )
        clock.update(f"{when(local_now, WEEKDAY_TIME)} {visit.timezone}" if local_now else "")
