"""The detail panel: the whole record under the cursor, scrollable."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class DetailPanel(VerticalScroll):
    """Shows one record's detail; the text is built by ``liaison_tui.reports.details``."""

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body", markup=False)

    def show(self, title: str, body: Text) -> None:
        self.border_title = title
        self.query_one("#detail-body", Static).update(body)
