"""The main screen: cities, officers, itinerary and detail, kept in step."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import assert_never

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from liaison_tui.domain.conflicts import Conflict, find_conflicts, flagged_ids
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Gift, Officer, Record, Visit
from liaison_tui.i18n import _
from liaison_tui.ui.editing import RecordEditor
from liaison_tui.ui.event_day_keys import EventDayKeys
from liaison_tui.ui.host import LiaisonHost, host_of
from liaison_tui.ui.main_keys import MAIN_SCREEN_KEYS
from liaison_tui.ui.messages import DataChanged, Goto
from liaison_tui.ui.rows import CITY_COLUMNS, FOLLOWUP_COLUMNS, OFFICER_COLUMNS, city_rows, followup_rows, officer_rows
from liaison_tui.ui.widgets.detail_panel import DetailPanel, detail_of
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from liaison_tui.ui.widgets.key_bar import KeyBar
from liaison_tui.ui.widgets.record_table import RecordTable
from liaison_tui.ui.widgets.tab_strip import TabStrip
from liaison_tui.ui.widgets.visit_header import VisitHeader

TOP_LEFT = ("cities", "followups")


class MainScreen(Screen[None]):
    AUTO_FOCUS = "#officers"
    # Textual repaints the whole screen when the focus moves; the panes that gain and lose it
    # repaint themselves (their focus styles), so a Tab need not redraw every line of the screen.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    BINDINGS = MAIN_SCREEN_KEYS  # ui/main_keys.py

    def __init__(self) -> None:
        super().__init__()
        self.city_filter: int | None = None
        self.filter_on = False
        self.conflicts: list[Conflict] = []
        self.detail_target: tuple[Kind, int] | None = None
        self._detail_pending = False
        self.editor = RecordEditor(self, self)
        self.event_day = EventDayKeys(self, self)

    def compose(self) -> ComposeResult:
        yield VisitHeader(id="visit-header")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                with Vertical(id="top-left"):
                    yield TabStrip(id="top-left-tabs")
                    with ContentSwitcher(initial="cities"):
                        yield RecordTable(Kind.CITY, id="cities")
                        yield RecordTable(Kind.FOLLOW_UP, id="followups")
                yield RecordTable(Kind.OFFICER, id="officers")
            with Vertical(id="right"):
                yield ItineraryPane(id="itinerary")
                yield DetailPanel(id="detail")
        yield KeyBar()

    @property
    def host(self) -> LiaisonHost:
        return host_of(self.app)

    @property
    def data(self) -> Dataset:
        return self.host.session.data

    def on_mount(self) -> None:
        self.refresh_all()
        self._open_on_today()
        self.set_interval(15, self.tick)

    def _open_on_today(self) -> None:
        """During the visit the itinerary opens on today, not on Day 1 (the focus stays put)."""
        visit, now = self.host.session.current_visit(), self.host.local_now()
        number = visit.day_number(now.date()) if visit and now else None
        if number is not None:
            self.query_one(ItineraryPane).day_index = number - 1

    # -- drawing ---------------------------------------------------------------

    def refresh_all(self) -> None:
        data, visit = self.data, self.host.session.current_visit()
        self.conflicts = find_conflicts(data, visit) if visit else []
        flagged_events, flagged_officers = flagged_ids(self.conflicts)
        cities = self.query_one("#cities", RecordTable)
        cities.show(CITY_COLUMNS, city_rows(data))
        self._show_top_left(self.query_one(ContentSwitcher).current or "cities")
        self._fill_officers(flagged_officers)
        self._fill_followups()
        self.query_one(ItineraryPane).show(data, visit, self.host.local_now(), flagged_events)
        self.tick()
        self.show_detail()

    def tick(self) -> None:
        """Once in a while: the clock in the header and the now/next marks."""
        visit = self.host.session.current_visit()
        now = self.host.local_now()
        self.query_one(VisitHeader).show(visit, now)
        itinerary = self.query_one(ItineraryPane)
        if itinerary.local_now is None or now is None or itinerary.local_now.minute != now.minute:
            itinerary.show(self.data, visit, now, flagged_ids(self.conflicts)[0])

    def _fill_officers(self, flagged: set[int] | None = None) -> None:
        if flagged is None:
            flagged = flagged_ids(self.conflicts)[1]
        table = self.query_one("#officers", RecordTable)
        city_id = self.city_filter if self.filter_on else None
        table.show(OFFICER_COLUMNS, officer_rows(self.data, city_id, flagged))
        city = self.data.cities.get(city_id) if city_id is not None else None
        table.border_title = _("Officers · {city} ({n})").format(
            city=city.name if city else _("all"), n=table.row_count
        )

    def _fill_followups(self) -> None:
        self.query_one("#followups", RecordTable).show(FOLLOWUP_COLUMNS, followup_rows(self.data))

    def show_detail(self, target: tuple[Kind, int] | None = None) -> None:
        if target is not None:
            self.detail_target = target
        title, body = self.detail_text()
        self.query_one(DetailPanel).show(title, body)

    def detail_text(self, *, full: bool = False) -> tuple[str, Text]:
        kind, record_id = self.detail_target or (None, 0)
        record = self.data.table(kind).get(record_id) if kind is not None else None
        visit, now = self.host.session.current_visit(), self.host.utc_now()
        return detail_of(self.data, visit, record, self.conflicts, now, full=full)

    # -- what the editor asks ---------------------------------------------------

    def itinerary_day(self) -> date | None:
        return self.query_one(ItineraryPane).day

    def focused_table(self) -> RecordTable | None:
        focused = self.focused
        return focused if isinstance(focused, RecordTable) else None

    def pane_record(self) -> tuple[Kind | None, Record | None]:
        table = self.focused_table()
        if table is None:
            return None, None
        record_id = table.current_id
        return table.kind, self.data.table(table.kind).get(record_id) if record_id is not None else None

    def chosen_city(self, *, filtered_only: bool) -> int | None:
        return self.city_filter if self.filter_on or not filtered_only else None

    async def action_add(self) -> None:
        await self.editor.add()

    async def action_edit(self) -> None:
        await self.editor.edit()

    def action_delete(self) -> None:
        self.editor.delete()

    async def action_edit_visit(self) -> None:
        await self.editor.edit_visit()

    async def action_add_followup(self) -> None:
        await self.editor.add_followup()

    async def action_speaker(self, step: int) -> None:
        await self.editor.speaker(step)

    # -- following the cursor --------------------------------------------------

    def on_record_table_highlighted(self, message: RecordTable.Highlighted) -> None:
        table = self.focused_table()
        if message.kind is Kind.CITY and message.record_id is not None:
            self.city_filter = message.record_id
            if self.filter_on:
                self._fill_officers()
        if table is not None and table.kind == message.kind and message.record_id is not None:
            self._follow((message.kind, message.record_id))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The pane that gained the focus, not the one focused now: after a burst of Tabs the focus
        # has moved on (to the detail panel, say) by the time this arrives.
        table = event.widget
        if isinstance(table, RecordTable) and table.current_id is not None:
            self._follow((table.kind, table.current_id))

    def _follow(self, target: tuple[Kind, int]) -> None:
        """The panel follows the cursor once for a burst of keys, after the keys already queued."""
        self.detail_target = target
        if not self._detail_pending:
            self._detail_pending = True
            self.call_later(self._show_followed)

    @property
    def detail_pending(self) -> bool:
        """The panel has yet to follow the cursor (it does once the keys already queued are read)."""
        return self._detail_pending

    async def _show_followed(self) -> None:
        """The panel's new text in the cursor row's frame: the two apart, the panel waited a frame
        (1/60 s) behind the row, and a cursor move took 40-50 ms to settle at 50,000 officers."""
        self._detail_pending = False
        with self.app.batch_update():  # no frame until the panel has asked for its repaint
            self.show_detail()
            # The panel's text asks the screen for its repaint from its own task: let it run.
            await asyncio.sleep(0)

    def on_record_table_opened(self, message: RecordTable.Opened) -> None:
        message.stop()
        self.show_detail((message.kind, message.record_id))
        title, body = self.detail_text(full=True)
        from liaison_tui.ui.dialogs.detail_screen import DetailScreen  # lazily: not needed for the first screen

        self.app.push_screen(DetailScreen(title, body))

    def on_data_changed(self, message: DataChanged) -> None:
        self.refresh_all()

    def on_goto(self, message: Goto) -> None:
        """A lookup hit: focus the record's pane, put the cursor on it, show it."""
        kind, record_id = message.kind, message.record_id
        record = self.data.table(kind).get(record_id)
        match record:
            case FollowUp():
                self._show_top_left("followups")
                table = self.query_one("#followups", RecordTable)
            case City():
                self._show_top_left("cities")
                table = self.query_one("#cities", RecordTable)
            case Officer():
                if self.filter_on and record.city_id != self.city_filter:
                    self.filter_on = False
                    self._fill_officers()
                table = self.query_one("#officers", RecordTable)
            case Event():
                if not self.query_one(ItineraryPane).go_to_event(record):
                    self.notify(_("That event is not part of the visit on screen"), severity="warning")
                table = self.query_one(ItineraryPane).table
            case Visit() | CheckIn() | Gift() | None:
                return  # gifts are listed on their own screen (g)
            case _:
                assert_never(record)
        table.focus()
        table.select_id(record_id)
        self.show_detail((kind, record_id))

    # -- navigation actions ----------------------------------------------------

    def action_now_or_next(self) -> None:
        self.event_day.now_or_next()

    def action_roll_call(self) -> None:
        self.event_day.roll_call()

    def action_seating(self) -> None:
        self.event_day.seating()

    def action_now_board(self) -> None:
        self.event_day.now_board()

    def action_today(self) -> None:
        self.event_day.today()

    def action_summaries(self) -> None:
        officers = self.query_one("#officers", RecordTable)
        officer = self.data.officers.get(officers.current_id) if officers.current_id is not None else None
        now = self.host.local_now()
        visit = self.host.session.current_visit()
        from liaison_tui.ui.dialogs.summaries_screen import SummariesScreen  # lazily: not needed for the first screen

        self.app.push_screen(SummariesScreen(self.data, visit, officer, now.date() if now else None))

    def action_precedence(self) -> None:
        visit = self.host.session.current_visit()
        if visit is None:
            self.notify(_("Add the visit first (v): the order of precedence is the visit's"), severity="warning")
            return
        from liaison_tui.ui.dialogs.precedence_screen import PrecedenceScreen  # lazily: not needed at first

        self.app.push_screen(PrecedenceScreen(self.data, visit))

    def action_gifts(self) -> None:
        from liaison_tui.ui.dialogs.gifts_screen import GiftsScreen  # lazily: not needed for the first screen

        self.app.push_screen(GiftsScreen(self.chosen_city(filtered_only=False)))

    def action_toggle_city_filter(self) -> None:
        self.filter_on = not self.filter_on
        self._fill_officers()

    def action_toggle_followups(self) -> None:
        showing = self.query_one(ContentSwitcher).current
        self._show_top_left("cities" if showing == "followups" else "followups")
        self.query_one(f"#{self.query_one(ContentSwitcher).current}", RecordTable).focus()

    def _show_top_left(self, pane: str) -> None:
        """Cities or follow-ups in the top-left pane (F, or a click on its tabs)."""
        self.query_one(ContentSwitcher).current = pane
        self.query_one("#top-left-tabs", TabStrip).show(
            [
                _("Cities ({n})").format(n=len(self.data.cities)),
                _("Follow-ups ({n})").format(n=len(self.data.followups)),
            ],
            TOP_LEFT.index(pane),
        )

    def on_tab_strip_chosen(self, message: TabStrip.Chosen) -> None:
        if message.strip.id == "top-left-tabs":
            self._show_top_left(TOP_LEFT[message.index])
            self.query_one(f"#{TOP_LEFT[message.index]}", RecordTable).focus()
