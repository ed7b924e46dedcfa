"""What changed since this session started (or since this morning), newest first.

Enter on an entry closes the list and shows the record in its pane (a
check-in's event; a record deleted since cannot be shown, and says so).
Every name and value is user text: options are ``Text``, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from liaison_tui.domain.history import HistoryEntry
from liaison_tui.domain.kinds import Kind
from liaison_tui.i18n import N_, _
from liaison_tui.i18n.formats import WEEKDAY_TIME
from liaison_tui.i18n.formats import when as written
from liaison_tui.reports.display import literal
from liaison_tui.reports.history import field_lines, record_text, what, when
from liaison_tui.ui.widgets.key_bar import KeyBar

Target = tuple[Kind, int]
ReadHistory = Callable[[], Sequence[HistoryEntry]]


def target_of(entry: HistoryEntry) -> Target | None:
    """Where Enter goes: the record itself, a check-in's event; None for a bulk entry."""
    if entry.kind is Kind.CHECK_IN:
        event = entry.value("event_id")
        return (Kind.EVENT, int(event)) if event.isdigit() else None
    return (entry.kind, entry.record_id) if entry.kind is not None else None


def entry_text(entry: HistoryEntry) -> Text:
    fields = "; ".join(field_lines(entry)[:4])
    line = Text.assemble((when(entry), "bold"), "  ", literal(entry.who, "bold"), "  ")
    line.append_text(literal(f"{what(entry)}  {record_text(entry)}"))
    if fields:
        line.append("\n    ")
        line.append_text(literal(fields, "dim"))
    return line


class HistoryScreen(ModalScreen[Target | None]):
    """Returns the record to show, or None."""

    BINDINGS = [
        Binding("enter", "go", N_("Show record"), tooltip=N_("Close and show the record in its pane"), priority=True),
        Binding("m", "since_morning", N_("Since this morning"), tooltip=N_("Every change since midnight, local time")),
        Binding("s", "since_start", N_("Since I started"), tooltip=N_("Every change since this session started")),
        Binding("escape,q", "close", N_("Close")),
    ]

    DEFAULT_CSS = """
    HistoryScreen {
        align: center middle;
    }
    HistoryScreen > Vertical {
        width: 100%;
        height: 100%;
        border: thick $primary;
        background: $surface;
    }
    HistoryScreen #history-empty {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, read: ReadHistory, session_start: datetime, morning: datetime) -> None:
        super().__init__()
        self.read = read
        self.session_start, self.morning = session_start, morning
        self.since = session_start
        self.shown: list[HistoryEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("What changed")
            yield Static("", id="history-empty", markup=False)
            yield OptionList(id="history-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        self.shown = [entry for entry in reversed(self.read()) if entry.at >= self.since]
        box = self.query_one(Vertical)
        if self.since == self.session_start:
            title = _("What changed since this session started ({time}), newest first")
        else:
            title = _("What changed since this morning ({time}), newest first")
        box.border_title = title.format(time=written(self.since.astimezone(), WEEKDAY_TIME))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(entry_text(entry)) for entry in self.shown])
        empty = self.query_one("#history-empty", Static)
        empty.update("" if self.shown else _("No changes yet. m: since this morning · s: since you started"))
        empty.display = not self.shown
        if self.shown:
            options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_go()

    def action_go(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or not self.shown:
            return
        target = target_of(self.shown[index])
        if target is None:
            self.notify(_("That change covers many records: see liaison-tui history"), severity="warning")
            return
        self.dismiss(target)

    def action_since_morning(self) -> None:
        self.since = self.morning
        self.fill()

    def action_since_start(self) -> None:
        self.since = self.session_start
        self.fill()

    def action_close(self) -> None:
        self.dismiss(None)
