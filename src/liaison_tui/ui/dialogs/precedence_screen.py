"""P: the visit's order of precedence, seen and edited.

The list is every officer in the order the visit's rule gives. Ctrl+Up/Down
(or +/-) move the highlighted person; the first move switches the visit to a
fixed list, and the line under the title says so. Ctrl+S saves through the
app's save, as forms do: a refused save keeps the order on screen, and a wait
for another program's lock runs in a worker. Esc asks before dropping a
changed order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from liaison_tui.domain import edits
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import PrecedenceRule, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.domain.precedence import fixed_list, ordered
from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import literal
from liaison_tui.reports.words import shown
from liaison_tui.ui.dialogs.confirm import DiscardDialog
from liaison_tui.ui.host import host_of
from liaison_tui.ui.lock_waiting import save_without_freezing
from liaison_tui.ui.rows import Cell, LazyRows
from liaison_tui.ui.widgets.key_bar import KeyBar
from liaison_tui.ui.widgets.record_table import RecordTable

COLUMNS = (N_("#"), N_("Name"), N_("City"), N_("Role"), N_("Rank"))


class PrecedenceScreen(ModalScreen[bool]):
    """Returns True when the order was saved."""

    DEFAULT_CSS = """
    PrecedenceScreen {
        align: center middle;
    }
    PrecedenceScreen > #precedence {
        width: 90;
        max-width: 100%;
        height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    PrecedenceScreen #precedence-title {
        text-style: bold;
    }
    PrecedenceScreen #precedence-said {
        color: $text-muted;
        height: auto;
    }
    PrecedenceScreen RecordTable {
        height: 1fr;
    }
    """
    BINDINGS = [
        Binding("ctrl+up,plus", "move(-1)", N_("Earlier"), key_display="Ctrl+↑/+", tooltip=N_("Move the person up")),
        Binding("ctrl+down,minus", "move(1)", N_("Later"), key_display="Ctrl+↓/-", tooltip=N_("Move the person down")),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Save this order as the visit's fixed list"), priority=True),
        Binding("escape", "cancel", N_("Close"), tooltip=N_("Back; asks first when the order changed"), priority=True),
    ]

    def __init__(self, data: Dataset, visit: Visit) -> None:
        super().__init__()
        self.data = data
        self.visit = visit  # as on file when the screen opened (or after a refused save, as on file then)
        self.order = [o.id for o in ordered(data, data.officers.values(), visit=visit)]
        self.start = list(self.order)
        self.position = {officer_id: n for n, officer_id in enumerate(self.order)}
        # Rows are drawn only when on screen (the virtual table of the main screen): 10,000 open at once.
        self.rows = LazyRows(self.order, self._cells)
        self.table = RecordTable(Kind.OFFICER, id="precedence-list")
        self.rule = visit.precedence

    @property
    def changed(self) -> bool:
        return self.order != self.start

    def compose(self) -> ComposeResult:
        with Vertical(id="precedence"):
            yield Static("", id="precedence-title", markup=False)
            yield Static("", id="precedence-said", markup=False)
            yield self.table
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_rule()
        self._say(_("Ctrl+↑/↓ or +/- move the highlighted officer; Ctrl+S saves; Esc closes"))
        self.table.show(COLUMNS, self.rows)
        self.table.focus()

    def _cells(self, officer_id: int) -> Sequence[Cell]:
        officer = self.data.officers[officer_id]
        city = self.data.cities.get(officer.city_id) if officer.city_id is not None else None
        rank = "" if officer.rank is None else str(officer.rank)
        return (
            str(self.position[officer_id] + 1),
            addressed(officer),
            city.name if city else _("host staff"),
            shown(officer.role),
            rank,
        )

    def _show_rule(self) -> None:
        title = _("Order of precedence: {rule}").format(rule=shown(self.rule))
        self.query_one("#precedence-title", Static).update(literal(title))

    def _say(self, message: str) -> None:
        self.query_one("#precedence-said", Static).update(literal(message))

    def action_move(self, step: int) -> None:
        moved = self.table.current_id
        if moved is None:
            return
        at = self.position[moved]
        if not 0 <= at + step < len(self.order):
            return
        other = self.order[at + step]
        self.order[at], self.order[at + step] = other, moved  # in place: the table's rows are this list
        self.position[moved], self.position[other] = at + step, at
        self.table.show(COLUMNS, self.rows)
        self.table.select_id(moved)
        if self.rule is not PrecedenceRule.FIXED_LIST:
            self.rule = PrecedenceRule.FIXED_LIST
            self._show_rule()
            self._say(_("Moving someone makes this order the visit's fixed list (saved with Ctrl+S)"))

    async def action_save(self) -> None:
        await save_without_freezing(self, self._save())

    async def _save(self) -> None:
        host = host_of(self.app)
        after = dataclasses.replace(self.visit, precedence=self.rule, precedence_ids=self._saved_ids())
        if after == self.visit:
            self.dismiss(False)
            return
        commit = await host.save([edits.changed(self.visit, after)], _("Saved the order of precedence"))
        if commit is not None:
            self.dismiss(True)
            return
        # Refused: the order stays on screen. When the visit changed in another window, the
        # next Ctrl+S saves this order over that version (its other fields kept).
        fresh = host.session.current_visit()
        if fresh is not None and fresh.id == self.visit.id and fresh != self.visit:
            self.visit = fresh
            self.data = host.session.data
            self._say(_("The visit changed in another window: Ctrl+S again puts this order on it"))

    def _saved_ids(self) -> tuple[int, ...]:
        if self.rule is not PrecedenceRule.FIXED_LIST:
            return self.visit.precedence_ids
        current = host_of(self.app).session.data  # officers deleted meanwhile are left out
        return fixed_list(current, (self.data.officers[i] for i in self.order))

    async def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(False)
            return
        question = Text.assemble(
            _("Discard your changes to the order of precedence?"),
            (_("\n\nEnter or Esc keeps editing; d discards them."), "dim"),
        )
        await self.app.push_screen(DiscardDialog(question), self._after_discard_question)

    def _after_discard_question(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(False)
