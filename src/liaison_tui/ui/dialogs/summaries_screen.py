"""The summaries screen: the same Rich tables as ``liaison-tui summary``, one tab each."""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static, TabbedContent, TabPane

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.i18n import N_, _
from liaison_tui.i18n.formats import day
from liaison_tui.reports import summaries
from liaison_tui.reports.meals import meals as meals_by_name
from liaison_tui.ui.widgets.key_bar import KeyBar

ROWS_SHOWN = 500  # per table on screen; the command line prints every row


class SummariesScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    SummariesScreen {
        background: $background;
    }

    SummariesScreen #summaries {
        height: 1fr;
    }

    SummariesScreen #summaries VerticalScroll {
        height: 1fr;
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,q,s", "close", N_("Close")),
        Binding("left,h", "tab(-1)", N_("Prev table")),
        Binding("right,l", "tab(1)", N_("Next table")),
    ]

    def __init__(self, data: Dataset, visit: Visit | None, officer: Officer | None, today: date | None = None) -> None:
        super().__init__()
        self.data, self.visit, self.officer = data, visit, officer
        self.today = today  # during the visit: meals from today on, tonight's first
        self._filled: set[str] = set()

    def compose(self) -> ComposeResult:
        with TabbedContent(id="summaries"):
            for summary in summaries.SUMMARIES:
                with TabPane(_(summary.title), id=f"summary-{summary.name}"), VerticalScroll():
                    yield Static(_("Working…"), classes="summary-body")
            if self.officer is not None:
                with TabPane(_("Agenda"), id="summary-agenda"), VerticalScroll():
                    yield Static(_("Working…"), classes="summary-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(f"#summary-{summaries.SUMMARIES[0].name} VerticalScroll").focus()
        self._fill(f"summary-{summaries.SUMMARIES[0].name}")

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self._fill(event.pane.id)

    def _fill(self, pane_id: str) -> None:
        """Build a table when its tab is first shown: large files make some slow."""
        body = self.query_one(f"#{pane_id} .summary-body", Static)
        if pane_id in self._filled:
            return
        self._filled.add(pane_id)
        name = pane_id.removeprefix("summary-")
        parts: list[RenderableType]
        if name == "agenda" and self.officer is not None:
            parts = summaries.agenda(self.data, self.visit, self.officer)
        elif name == "meals" and self.visit is not None and self.today in self.visit.dates:
            note = _("From today, {day}, on (summary meals in the CLI for every day)").format(day=day(self.today))
            parts = [Text(note, "dim"), *meals_by_name(self.data, self.visit, ROWS_SHOWN, since=self.today)]
        else:
            parts = summaries.BY_NAME[name].build(self.data, self.visit, ROWS_SHOWN)
        body.update(Group(*parts))

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        panes = [pane.id for pane in tabs.query(TabPane) if pane.id]
        position = panes.index(tabs.active) if tabs.active in panes else 0
        tabs.active = panes[(position + step) % len(panes)]
        self.query_one(f"#{tabs.active} VerticalScroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
