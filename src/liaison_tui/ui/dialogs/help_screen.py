"""The help screen: every key of the app in one place."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from liaison_tui.ui.widgets.key_bar import KeyBar

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Anywhere",
        [
            ("Tab / Shift+Tab", "next / previous pane"),
            ("/ or Ctrl+P", "quick lookup: officers, cities, events, follow-ups"),
            ("n", "jump to the event under way, or the next one"),
            ("t", "jump to today in the itinerary"),
            ("f", "officers: all, or only the highlighted city's"),
            ("F", "top-left pane: cities or follow-ups"),
            ("s", "summaries: delegation, roster, itinerary, logistics, follow-ups, conflicts, agenda"),
            ("v", "edit the visit (name, dates, time zone)"),
            ("u", "undo the last change (repeat for more)"),
            ("?", "this help"),
            ("q", "quit (every change is already saved)"),
        ],
    ),
    (
        "In a pane",
        [
            ("Up / Down, j / k", "move within the pane"),
            ("Enter", "open the full detail"),
            ("a / e / d", "add / edit / delete in this pane"),
            ("o", "follow-ups: add one for the highlighted city"),
        ],
    ),
    (
        "In the itinerary",
        [
            ("Left / Right, h / l", "previous / next day"),
            ("1 to 9", "jump to that day"),
            ("> / <", "conference: next / previous speaker has the floor"),
        ],
    ),
    (
        "In a form",
        [
            ("Tab / Enter", "next field (Shift+Tab: previous); Enter on a choice opens its list"),
            ("Ctrl+S", "save (stays open and shows what is wrong if anything is)"),
            ("Esc", "cancel; asks first if anything was typed (Enter keeps editing, d discards)"),
            ("m / t", "record changed in another window meanwhile: yours on top / take theirs"),
        ],
    ),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for section, keys in KEYS:
            table.add_row(f"[u]{section}[/u]", "")
            for key, meaning in keys:
                table.add_row(key, meaning)
            table.add_row("", "")
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            yield Static(table)
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
