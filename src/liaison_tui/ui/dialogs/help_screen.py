"""The help screen: every key of the app, read from the bindings themselves.

The app passes the bindings of each place (anywhere, a pane, the itinerary, a
form); each line shows a binding's keys and its tooltip (or description), so
the help cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from liaison_tui.i18n import N_, _
from liaison_tui.ui.widgets.key_bar import KeyBar

HelpSection = tuple[str, Sequence[Binding]]  # where the keys work, and their bindings
KeyDisplay = Callable[[Binding], str]


def _keys(binding: Binding, display: KeyDisplay) -> str:
    return _(" or ").join(display(Binding(key.strip(), binding.action)) for key in binding.key.split(","))


def _joined(keys: list[str]) -> str:
    return f"{keys[0]} … {keys[-1]}" if len(keys) > 4 else " / ".join(keys)


def help_rows(sections: Sequence[HelpSection], display: KeyDisplay) -> list[tuple[str, list[tuple[str, str]]]]:
    """Per section, (keys, what they do); neighbours that do the same are one line (``1 … 9``)."""
    result: list[tuple[str, list[tuple[str, str]]]] = []
    for title, bindings in sections:
        grouped: list[tuple[list[str], str]] = []
        seen: set[str] = set()
        for binding in bindings:
            meaning = _(binding.tooltip or binding.description)  # marked N_ where the binding is made
            if not meaning or binding.system or binding.key in seen:
                continue
            seen.add(binding.key)
            if grouped and grouped[-1][1] == meaning:
                grouped[-1][0].append(_keys(binding, display))
            else:
                grouped.append(([_keys(binding, display)], meaning))
        rows = [(_joined(keys), meaning) for keys, meaning in grouped]
        result.append((title, rows))
    return result


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }

    HelpScreen > #help {
        width: 90%;
        height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,q,question_mark", "close", N_("Close"))]

    def __init__(self, sections: Sequence[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for section, rows in help_rows(self.sections, self.app.get_key_display):
            table.add_row(Text(section, style="underline"), "")
            for keys, meaning in rows:
                table.add_row(Text(keys), Text(meaning))
            table.add_row("", "")
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = _("Keys")
            yield Static(table)
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
