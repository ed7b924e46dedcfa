"""What to do when another window changed or deleted the record being edited.

The store refuses a save based on an out-of-date record rather than overwrite
someone else's change; without this panel every Ctrl+S was refused and the only
way out was Escape, losing what was typed. It shows, field by field, what the
form was opened with, what the other window saved and what the user typed, and
offers each way on in one key: put my changes on top of theirs (only the fields
I changed replace theirs) or take theirs; if they deleted the record, save mine
as a new one or discard it. Escape goes back to the form with nothing lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import literal
from liaison_tui.ui.widgets.key_bar import KeyBar

Choice = Literal["mine", "theirs", "new", "discard"]


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One field as text: when the form opened, in the file now (theirs), in the form (mine)."""

    label: str
    opened: str
    theirs: str
    mine: str

    @property
    def theirs_changed(self) -> bool:
        return self.theirs != self.opened

    @property
    def mine_changed(self) -> bool:
        return self.mine != self.opened

    @property
    def both_changed(self) -> bool:
        return self.theirs_changed and self.mine_changed and self.mine != self.theirs


def _cell(text: str, style: str = "") -> Text:
    return literal(text, style) if text else Text("—", style="dim")


def comparison(rows: list[FieldRow], *, deleted: bool) -> Table:
    """The fields either side changed, as a table; a field both changed differently is marked."""
    table = Table(box=None, pad_edge=False, expand=True, show_edge=False)
    table.add_column(_("Field"), style="bold", no_wrap=True)
    # One line per field, long values cut with an ellipsis, so the choices stay on screen at 80x24.
    for heading in (_("When opened"), *(() if deleted else (_("Theirs now"),)), _("Yours")):
        table.add_column(heading, ratio=1, no_wrap=True, overflow="ellipsis")
    for row in rows:
        if not (row.theirs_changed or row.mine_changed) and not deleted:
            continue
        if deleted and not row.mine_changed:
            continue
        label = Text.assemble(literal(row.label), (" ⚠" if row.both_changed else "", "bold"))
        theirs = [_cell(row.theirs, "bold" if row.theirs_changed else "dim")] if not deleted else []
        mine = _cell(row.mine, "bold" if row.mine_changed else "dim")
        table.add_row(label, _cell(row.opened, "dim"), *theirs, mine)
    return table


class StaleEditPanel(ModalScreen[Choice | None]):
    """Returns the user's choice, or None to go back to the form."""

    DEFAULT_CSS = """
    StaleEditPanel { align: center middle; }
    #stale { width: 90; max-width: 100%; height: auto; max-height: 100%;
             border: thick $warning; background: $surface; padding: 0 1; }
    #stale-title { text-style: bold; }
    #stale-fields { height: auto; max-height: 10; margin: 1 0; }
    #stale-buttons { height: auto; align: right middle; }
    #stale-buttons Button { margin-left: 1; }
    """

    AUTO_FOCUS = "#back"  # from the first frame; Enter goes back to the form
    BINDINGS = [
        Binding("m", "choose('mine')", N_("Mine on top"), tooltip=N_("Save your changes over theirs"), priority=True),
        Binding(
            "t", "choose('theirs')", N_("Take theirs"), tooltip=N_("Close; your changes are dropped"), priority=True
        ),
        Binding(
            "n", "choose('new')", N_("Save as new"), tooltip=N_("Save what you typed as a new record"), priority=True
        ),
        Binding("d", "choose('discard')", N_("Discard"), tooltip=N_("Close; your changes are dropped"), priority=True),
        Binding("escape", "back", N_("Back to the form"), tooltip=N_("Keep editing; nothing is lost"), priority=True),
    ]

    def __init__(self, what: str, rows: list[FieldRow], *, deleted: bool) -> None:
        super().__init__()
        self.what = what
        self.rows = rows
        self.deleted = deleted
        self.offered: tuple[Choice, ...] = ("new", "discard") if deleted else ("mine", "theirs")
        self.table = comparison(rows, deleted=deleted)

    def compose(self) -> ComposeResult:
        with Vertical(id="stale"):
            yield Static(self._title(), id="stale-title")
            with VerticalScroll(id="stale-fields", can_focus=False):
                yield Static(self.table, id="stale-table")
            yield Static(self._explanation(), id="stale-explanation")
            with Horizontal(id="stale-buttons"):
                if self.deleted:
                    yield Button(_("Save as new (n)"), variant="primary", id="new")
                    yield Button(_("Discard (d)"), variant="error", id="discard")
                else:
                    yield Button(_("Mine on top (m)"), variant="primary", id="mine")
                    yield Button(_("Take theirs (t)"), id="theirs")
                yield Button(_("Back (Esc)"), id="back")
        yield KeyBar()

    def _title(self) -> Text:
        said = (
            _(" was deleted in another window while you edited it")
            if self.deleted
            else _(" was changed in another window while you edited it")
        )
        what = self.what[:1].upper() + self.what[1:]  # "officer 'Kim'" opens the sentence
        return Text.assemble(literal(what), said)

    def _explanation(self) -> Text:
        if self.deleted:
            return Text(_("Nothing was saved. n saves what you typed as a new record; d discards it."))
        mine = [row.label for row in self.rows if row.mine_changed]
        both = [row.label for row in self.rows if row.both_changed]
        text = Text(_("Nothing was saved. m keeps their version and puts your changes on top: "))
        text.append(literal(", ".join(mine) if mine else _("(you changed nothing)")))
        if both:
            text.append(_(". ⚠ Both changed "), style="bold")
            text.append(literal(", ".join(both), "bold"))
            text.append(_(": yours replaces theirs"), style="bold")
        text.append(_(". t takes theirs and drops your changes."))
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return parameters[0] in self.offered
        return True

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    def action_back(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = event.button.id
        self.dismiss(next((c for c in self.offered if c == choice), None))
