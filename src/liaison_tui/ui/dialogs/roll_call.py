"""Calling the roll at one itinerary stop: who is expected, who is here, who is missing.

The head count stays at the top while the roll is called. The search line has
the focus, so a badge scanner (which types the code and Enter) or a few typed
letters of a name and Enter check a person in (the same tolerant lookup as
everywhere); Up/Down move along the roll and Enter on an empty line marks the
person under the cursor. In the list itself (Tab), Space marks present, x
excused, m missing, and any other letter goes back to the search line. Every
mark is a check-in record of its own, saved at once, so two staff calling the
roll at two doors never collide; ``u`` (or Ctrl+Z) undoes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from liaison_tui.domain import attendance
from liaison_tui.domain.attendance import Roll, RollEntry
from liaison_tui.domain.badges import find_by_badge
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Attendance, Event
from liaison_tui.i18n import N_, _
from liaison_tui.i18n.formats import day
from liaison_tui.reports.display import literal
from liaison_tui.reports.words import shown
from liaison_tui.ui.host import LiaisonHost, host_of
from liaison_tui.ui.lock_waiting import save_without_freezing
from liaison_tui.ui.messages import DataChanged
from liaison_tui.ui.rows import TableRow
from liaison_tui.ui.widgets.key_bar import KeyBar
from liaison_tui.ui.widgets.record_table import RecordTable
from liaison_tui.ui.widgets.roll_find import RollFind

ROLL_COLUMNS = (" ", N_("Name"), N_("City"), N_("Status"))
COMMAND_KEYS = " xmu"  # on the list these act; every other printable key searches
HINT = N_("Enter: here · ↑↓ move · Tab: the list (Space here, x excused, m missing)")
MARKS = {Attendance.PRESENT: ("✓", "green"), Attendance.MISSING: ("✗", "red"), Attendance.EXCUSED: ("E", "yellow")}


def roll_rows(roll: Roll, city_names: dict[int, str]) -> list[TableRow]:
    rows: list[TableRow] = []
    for entry in roll.entries:
        mark, style = MARKS.get(entry.status, ("·", "dim")) if entry.status else ("·", "dim")
        officer = entry.officer
        city = city_names.get(officer.city_id, "") if officer.city_id is not None else _("host staff")
        status = shown(entry.status) if entry.status else _("not called")
        rows.append((officer.id, [Text(mark, style=f"bold {style}"), officer.name, city, Text(status, style=style)]))
    return rows


class RollTable(RecordTable):
    """The expected people; one key marks the person under the cursor, any letter starts a search."""

    BINDINGS = [
        Binding("space,enter", "mark('present')", N_("Present"), tooltip=N_("Roll-call: mark the person here")),
        Binding("x", "mark('excused')", N_("Excused"), tooltip=N_("Roll-call: excused (not expected here)")),
        Binding("m", "mark('missing')", N_("Missing"), tooltip=N_("Roll-call: called and not here")),
    ]

    @dataclass
    class Marked(Message):
        """A key on a row: mark that person."""

        officer_id: int
        status: Attendance

    @dataclass
    class TypedAhead(Message):
        """A letter typed on the list: it starts a search."""

        character: str

    def action_mark(self, status: str) -> None:
        if self.current_id is not None:
            self.post_message(self.Marked(self.current_id, Attendance(status)))

    def on_key(self, event: events.Key) -> None:
        # Before the bindings see it (they would read k, j, g as moves): letters search.
        if event.character and event.is_printable and event.character not in COMMAND_KEYS:
            event.stop()
            event.prevent_default()
            self.post_message(self.TypedAhead(event.character))


class RollCallScreen(Screen[None]):
    """The roll of one event, with the head count always on screen."""

    DEFAULT_CSS = """
    RollCallScreen > #roll-title {
        height: 1;
        background: $panel;
        padding: 0 1;
        text-style: bold;
    }
    RollCallScreen > #roll-headline {
        height: auto;
        max-height: 3;
        padding: 0 1;
        text-style: bold;
    }
    RollCallScreen > #roll-find {
        margin: 0 1;
    }
    RollCallScreen > #roll-hint {
        height: 1;
        padding: 0 2;
        color: $text-muted;
    }
    RollCallScreen > RollTable {
        height: 1fr;
    }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Back to the main screen (every mark is already saved)")),
        Binding("up", "move(-1)", N_("Up"), show=False, tooltip=N_("Along the roll")),
        Binding("down", "move(1)", N_("Down"), show=False, tooltip=N_("Along the roll")),
        Binding("pageup", "move(-10)", N_("Page up"), show=False, tooltip=N_("Along the roll")),
        Binding("pagedown", "move(10)", N_("Page down"), show=False, tooltip=N_("Along the roll")),
        Binding("ctrl+z,u", "app.undo", N_("Undo"), tooltip=N_("Undo the last mark")),
        Binding("slash", "find", N_("Find"), show=False, tooltip=N_("Back to the search line")),
    ]

    def __init__(self, event_id: int) -> None:
        super().__init__()
        self.event_id = event_id

    @property
    def host(self) -> LiaisonHost:
        return host_of(self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="roll-title", markup=False)
        yield Static(id="roll-headline", markup=False)
        yield RollFind(placeholder=_("Type a name or scan a badge, then Enter"), id="roll-find")
        yield Static(_(HINT), id="roll-hint", markup=False)
        yield RollTable(Kind.OFFICER, id="roll")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_roll()
        self.query_one("#roll-find", Input).focus()

    def event(self) -> Event | None:
        return self.host.session.data.events.get(self.event_id)

    def current_roll(self) -> Roll | None:
        event = self.event()
        return attendance.roll(self.host.session.data, event) if event else None

    def refresh_roll(self) -> None:
        event, roll = self.event(), self.current_roll()
        if event is None or roll is None:
            self.query_one("#roll-title", Static).update(_("This event was deleted"))
            self.query_one("#roll-headline", Static).update("")
            self.query_one(RollTable).show(ROLL_COLUMNS, [])
            return
        title = Text.assemble(_("Roll call · "), literal(event.title), f" · {day(event.day)} {event.start:%H:%M}")
        if event.venue:
            title.append(" · ")
            title.append(literal(event.venue))
        self.query_one("#roll-title", Static).update(title)
        style = "green" if roll.present == roll.expected else "yellow"
        self.query_one("#roll-headline", Static).update(literal(roll.headline(), style))
        city_names = {city.id: city.name for city in self.host.session.data.cities.values()}
        self.query_one(RollTable).show(ROLL_COLUMNS, roll_rows(roll, city_names))

    def on_data_changed(self, message: DataChanged) -> None:
        self.refresh_roll()

    # -- marking ---------------------------------------------------------------

    async def _mark(self, officer_ids: Sequence[int], status: Attendance) -> None:
        await save_without_freezing(self, self._mark_now(officer_ids, status))

    async def _mark_now(self, officer_ids: Sequence[int], status: Attendance) -> None:
        event = self.event()
        now = self.host.local_now()
        if event is None or now is None:
            return
        data = self.host.session.data
        try:
            planned = attendance.mark(data, event, officer_ids, status, now, self.host.user)
        except ValueError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        names = ", ".join(data.officers[i].name for i in officer_ids if i in data.officers)
        if not planned:
            self.notify(
                _("{names}: already {status}").format(names=names, status=shown(status)), markup=False, timeout=2
            )
            return
        await self.host.save(planned, _("{names}: {status}").format(names=names, status=shown(status)))

    async def on_roll_table_marked(self, message: RollTable.Marked) -> None:
        message.stop()
        await self._mark([message.officer_id], message.status)

    def on_roll_table_typed_ahead(self, message: RollTable.TypedAhead) -> None:
        message.stop()
        find = self.query_one("#roll-find", Input)
        find.focus()
        find.insert_text_at_cursor(message.character)

    def action_find(self) -> None:
        self.query_one("#roll-find", Input).focus()

    def action_move(self, step: int) -> None:
        self.query_one(RollTable).action_cursor(step)

    def action_back(self) -> None:
        find = self.query_one("#roll-find", Input)
        if find.value:
            find.value = ""
            find.focus()
            return
        self.dismiss(None)

    async def on_input_submitted(self, message: Input.Submitted) -> None:
        message.stop()
        query = message.value.strip()
        table = self.query_one(RollTable)
        if not query:  # Enter on an empty line: the person under the cursor is here
            if table.current_id is not None:
                await self._mark([table.current_id], Attendance.PRESENT)
            return
        roll = self.current_roll()
        if roll is None:
            return
        found = self._resolve(query, roll)
        if not isinstance(found, RollEntry):
            if isinstance(message.input, RollFind):
                # Several matched: type more letters after it. Nobody did (a refused badge, say):
                # selected, so the next scan or name replaces it.
                message.input.give_back(message.value, replace_next=found == "nobody")
            return
        self.query_one(RollTable).select_id(found.officer.id)
        await self._mark([found.officer.id], Attendance.PRESENT)

    def _who(self, officer_id: int) -> str:
        """A name with its city, so that two people of one name can be told apart."""
        data = self.host.session.data
        officer = data.officers[officer_id]
        city = data.cities.get(officer.city_id) if officer.city_id is not None else None
        return f"{officer.name} ({city.name if city else _('host staff')})"

    def _resolve(self, query: str, roll: Roll) -> RollEntry | Literal["nobody", "several"]:
        """The one expected person ``query`` means: a badge code, else the best lookup hit on the roll."""
        expected = {entry.officer.id: entry for entry in roll.entries}
        officer = find_by_badge(self.host.session.data, query)
        if officer is not None:
            if officer.id in expected:
                return expected[officer.id]
            self.notify(
                _("{name} (badge {badge}) is not expected at this stop").format(name=officer.name, badge=query),
                severity="warning",
                markup=False,
            )
            return "nobody"
        hits = [
            hit
            for hit in self.host.session.lookup_index.search(query, limit=200)
            if hit.entry.kind is Kind.OFFICER and hit.entry.record_id in expected
        ]
        if not hits:
            self.notify(
                _("Nobody on this roll matches {query!r}").format(query=query), severity="warning", markup=False
            )
            return "nobody"
        best = [hit for hit in hits if hit.score == hits[0].score]
        if len(best) > 1:
            names = ", ".join(self._who(hit.entry.record_id) for hit in best[:6])
            self.query_one(RollTable).select_id(best[0].entry.record_id)
            self.notify(
                _("{n} match {query!r}: {names}. Type more, or Tab to the list.").format(
                    n=len(best), query=query, names=names
                ),
                markup=False,
            )
            return "several"
        return expected[best[0].entry.record_id]
