"""An event's seating plan, edited by keys: propose by precedence, pick, swap, empty, add tables.

Every seat is a row (table, seat, who, city), so arrows move between seats at
any terminal size. The plan is edited in memory and saved with Ctrl+S through
the app's save path (lock wait in a worker; an edit made meanwhile elsewhere
is rebased, and only a plan changed on both sides is refused and kept here).
"""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from liaison_tui.domain import edits, schedule, seating
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Event, Officer
from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import literal
from liaison_tui.store.errors import StaleEditError
from liaison_tui.ui.host import LiaisonHost, host_of
from liaison_tui.ui.lock_waiting import save_without_freezing
from liaison_tui.ui.rows import TableRow
from liaison_tui.ui.widgets.key_bar import KeyBar
from liaison_tui.ui.widgets.record_table import RecordTable

SEAT_COLUMNS = (N_("Table"), N_("Seat"), N_("Name"), N_("City"))
PER_TABLE = 1000  # a row id is table × 1000 + seat; tables have at most seating.MOST_SEATS seats


def _city(data: Dataset, officer: Officer | None) -> str:
    if officer is None:
        return ""
    city = schedule.city_of(data, officer)
    return city.name if city is not None else _("host staff")


class SeatTable(RecordTable):
    """One row per seat; the screen's keys act on the seat under the cursor."""

    BINDINGS = [Binding("enter", "screen.pick", N_("Pick"), tooltip=N_("Seating: put a participant on this seat"))]


class SeatPick(ModalScreen[int | None]):
    """A participant for a seat: the unseated first, then everyone (taking a seated one swaps)."""

    DEFAULT_CSS = """
    SeatPick { align: center middle; }
    SeatPick > OptionList { width: 60; max-width: 100%; height: auto; max-height: 80%; border: thick $primary; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", N_("Back"), tooltip=N_("Close without picking"))]

    def __init__(self, options: list[tuple[Text, int]]) -> None:
        super().__init__()
        self.options = options

    def compose(self) -> ComposeResult:
        yield OptionList(*(Option(label, id=str(officer_id)) for label, officer_id in self.options))
        yield KeyBar()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0) or None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SeatingScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    SeatingScreen { align: center middle; }
    SeatingScreen > #seating { width: 100%; height: 100%; border: thick $primary; background: $surface; }
    SeatingScreen #seating-title { text-style: bold; }
    SeatingScreen #seating-status { color: $text-muted; }
    """
    # On a narrow bar hints go from the end: adding and removing tables matter least.
    BINDINGS = [
        Binding("p", "propose", N_("Propose"), tooltip=N_("Seating: a plan by order of precedence (asks first)")),
        Binding("space", "mark", N_("Mark/swap"), tooltip=N_("Seating: mark a seat, then another to swap them")),
        Binding("x,delete", "empty", N_("Empty"), tooltip=N_("Seating: empty the seat")),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Seating: save the plan")),
        Binding("plus,+", "add_table", N_("+Table"), tooltip=N_("Seating: add a table like the last")),
        Binding("minus,-", "remove_table", N_("-Table"), tooltip=N_("Seating: remove the table under the cursor")),
        Binding("escape", "close", N_("Close"), tooltip=N_("Seating: close (asks before discarding changes)")),
    ]

    def __init__(self, event_id: int) -> None:
        super().__init__()
        self.event_id = event_id
        self.original: Event | None = None
        self.plan: seating.Plan = ()
        self.marked: seating.Place | None = None

    @property
    def host(self) -> LiaisonHost:
        return host_of(self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="seating"):
            yield Static(id="seating-title")
            yield Static(id="seating-status")
            yield SeatTable(Kind.EVENT, id="seats")
        yield KeyBar()

    def on_mount(self) -> None:
        self.original = self.host.session.data.events.get(self.event_id)
        self.plan = self.original.seating if self.original else ()
        self.refresh_seats()
        self.query_one(SeatTable).focus()

    @property
    def changed(self) -> bool:
        return self.original is not None and self.plan != self.original.seating

    def refresh_seats(self, keep: int | None = None) -> None:
        data, event = self.host.session.data, self.original
        table = self.query_one(SeatTable)
        keep = table.current_id if keep is None else keep
        title = Text.assemble(_("Seating · "), literal(event.title if event else _("This event was deleted")))
        if self.changed:
            title.append(_(" · not saved"), style="yellow")
        self.query_one("#seating-title", Static).update(title)
        left_out = len(seating.unseated(data, event, self.plan)) if event else 0
        status = _("tables: {tables} · participants without a seat: {unseated}").format(
            tables=len(self.plan), unseated=left_out
        )
        if not self.plan:
            status += " · " + _("p proposes a plan by precedence")
        self.query_one("#seating-status", Static).update(status)
        rows: list[TableRow] = []
        for t, seat_table in enumerate(self.plan):
            # At the head table, as on paper: H the host's seat, G the guest of honour's.
            head = seating.fill_order(seat_table.shape, len(seat_table.seats))[:2] if t == 0 else []
            roles = dict(zip(head, (_("H"), _("G")), strict=False))
            for s, officer_id in enumerate(seat_table.seats):
                officer = data.officers.get(officer_id) if officer_id is not None else None
                city = _city(data, officer)
                mark = (" " + roles[s] if s in roles else "") + (" *" if self.marked == (t, s) else "")
                name = literal(officer.name) if officer else Text("·", style="dim")
                rows.append((t * PER_TABLE + s, [literal(seat_table.name), f"{s + 1}{mark}", name, literal(city)]))
        table.show([_(c) for c in SEAT_COLUMNS], rows)
        if keep is not None:
            table.select_id(keep)

    def _place(self) -> seating.Place | None:
        current = self.query_one(SeatTable).current_id
        return None if current is None else divmod(current, PER_TABLE)

    def action_propose(self) -> None:
        event = self.original
        if event is None:
            return

        def replace(answer: bool | None) -> None:
            if answer:
                try:
                    self.plan = seating.propose(self.host.session.data, event)
                except seating.SeatingTooSmall as error:
                    self.notify(str(error), severity="error", markup=False)
                self.refresh_seats(0)

        if not self.plan:
            replace(True)
            return
        from liaison_tui.ui.dialogs.confirm import ConfirmDialog

        question = Text(_("Replace this plan with one proposed by precedence?"))
        self.app.push_screen(ConfirmDialog(question, _("Replace")), replace)

    def action_pick(self) -> None:
        at, event = self._place(), self.original
        if at is None or event is None:
            return
        data = self.host.session.data
        seated = seating.seated_at(self.plan)
        people = seating.seating_order(data, event)
        people.sort(key=lambda o: o.id in seated)  # stable: the unseated first, each part by precedence
        options = []
        for officer in people:
            label = literal(officer.name)
            if officer.id in seated:
                t, s = seated[officer.id]
                label.append(" · " + _("{table}, seat {seat}").format(table=self.plan[t].name, seat=s + 1), "dim")
            options.append((label, officer.id))

        def picked(officer_id: int | None) -> None:
            if officer_id is not None:
                self.plan = seating.place(self.plan, at, officer_id)
                self.refresh_seats()

        self.app.push_screen(SeatPick(options), picked)

    def action_mark(self) -> None:
        at = self._place()
        if at is None:
            return
        if self.marked is None:
            self.marked = at
        else:
            self.plan, self.marked = seating.swap(self.plan, self.marked, at), None
        self.refresh_seats()

    def action_empty(self) -> None:
        if (at := self._place()) is not None:
            self.plan = seating.empty(self.plan, at)
            self.refresh_seats()

    def action_add_table(self) -> None:
        if self.original is not None:
            self.plan = seating.add_table(self.plan, seating.shape_for(self.original))
            self.refresh_seats()

    def action_remove_table(self) -> None:
        if (at := self._place()) is not None:
            self.plan, self.marked = seating.remove_table(self.plan, at[0]), None
            self.refresh_seats(max(0, at[0] - 1) * PER_TABLE)

    async def action_save(self) -> None:
        before = self.original
        if before is None or not self.changed:
            return
        mine = dataclasses.replace(before, seating=self.plan)

        async def save() -> None:
            message = _("Saved the seating plan of {event}").format(event=before.title)
            try:
                commit = await self.host.save([edits.changed(before, mine)], message, raise_stale=True)
            except StaleEditError:
                theirs = self.host.session.data.events.get(self.event_id)
                if theirs is None or theirs.seating != before.seating:
                    self.notify(
                        _("The plan was changed elsewhere meanwhile: yours is kept here, not saved"),
                        severity="error",
                        markup=False,
                    )
                    return
                merged, _conflicts = edits.rebase(before, mine, theirs)
                commit = await self.host.save([edits.changed(theirs, merged)], message)
            if commit is not None:
                after = commit.edits[0].after
                self.original = after if isinstance(after, Event) else self.original
                self.refresh_seats()

        await save_without_freezing(self, save())

    def action_close(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return
        from liaison_tui.ui.dialogs.confirm import DiscardDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardDialog(Text(_("Discard the changes to this seating plan?"))), answered)
