"""The header line: which visit, when, where, and the time there now."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from liaison_tui.domain.model import Visit
from liaison_tui.reports.display import literal


def visit_dates(visit: Visit) -> str:
    first, last = visit.start_date, visit.end_date
    if first.year != last.year:
        return f"{first:%-d %b %Y} – {last:%-d %b %Y}"
    if first.month != last.month:
        return f"{first:%-d %b} – {last:%-d %b %Y}"
    return f"{first:%a %-d}–{last:%a %-d %b %Y}"


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
            title.update(Text("No visit yet: press v to plan one", style="italic"))
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
        clock.update(f"{local_now:%a %H:%M} {visit.timezone}" if local_now else "")
