"""The itinerary pane: the visit's days as tabs over the chosen day's events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tab, Tabs

from liaison_tui import schedule
from liaison_tui.model import Dataset, Event, Visit
from liaison_tui.ui.rows import EVENT_COLUMNS, event_rows
from liaison_tui.ui.widgets.record_table import RecordTable


@dataclass
class DayRequested(Message):
    """Show another day: a step from the current one, or a day number."""

    step: int = 0
    number: int | None = None


class EventsTable(RecordTable):
    """The events of one day; left and right change the day."""

    BINDINGS = [
        Binding("left,h", "day(-1)", "Prev day", tooltip="Show the previous day of the visit"),
        Binding("right,l", "day(1)", "Next day", tooltip="Show the next day of the visit"),
        *[Binding(str(n), f"day_number({n})", f"Day {n}", show=False) for n in range(1, 10)],
    ]

    def action_day(self, step: int) -> None:
        self.post_message(DayRequested(step=step))

    def action_day_number(self, number: int) -> None:
        self.post_message(DayRequested(number=number))


class ItineraryPane(Vertical):
    """Day tabs above a table of that day's events, with now/next marked."""

    day_index: reactive[int] = reactive(0, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.visit: Visit | None = None
        self.data = Dataset()
        self.local_now: datetime | None = None
        self.flagged: set[int] = set()
        self._tab_dates: list[date] = []
        self._generation = 0

    def compose(self) -> ComposeResult:
        tabs = Tabs(id="days")
        tabs.can_focus = False  # Tab moves between panes; days change with left/right
        yield tabs
        yield EventsTable("event", id="events")

    @property
    def table(self) -> EventsTable:
        return self.query_one(EventsTable)

    @property
    def day(self) -> date | None:
        if self.visit is None:
            return None
        return self.visit.dates[min(self.day_index, self.visit.days - 1)]

    def show(self, data: Dataset, visit: Visit | None, local_now: datetime | None, flagged: set[int]) -> None:
        """Redraw for new data or a new minute; rebuild the tabs if the days changed."""
        self.data, self.local_now, self.flagged = data, local_now, flagged
        self.visit = visit
        dates = visit.dates if visit else []
        if dates != self._tab_dates:
            # Tabs are removed asynchronously: fresh ids keep old and new apart.
            self._tab_dates, self._generation = dates, self._generation + 1
            tabs = self.query_one(Tabs)
            tabs.clear()
            for number, day in enumerate(dates, start=1):
                tabs.add_tab(Tab(f"{number} {day:%a %d}", id=self._tab_id(number)))
            self.day_index = min(self.day_index, max(len(dates) - 1, 0))
            if dates:
                tabs.active = self._tab_id(self.day_index + 1)
        self._fill()

    def _tab_id(self, number: int) -> str:
        return f"day-{self._generation}-{number}"

    def _fill(self) -> None:
        visit, day = self.visit, self.day
        if visit is None or day is None:
            self.table.show(EVENT_COLUMNS, [])
            self.border_title = "Itinerary (no visit)"
            return
        events = schedule.visit_events(self.data, visit)
        now, upcoming = schedule.now_and_next(events, self.local_now) if self.local_now else (None, None)
        todays = [e for e in events if e.day == day]
        self.table.show(EVENT_COLUMNS, event_rows(self.data, todays, now, upcoming, self.flagged))
        self.border_title = f"Itinerary · Day {self.day_index + 1} of {visit.days} · {day:%a %d %b}"

    def watch_day_index(self, index: int) -> None:
        self.query_one(Tabs).active = self._tab_id(index + 1)
        self._fill()

    def on_day_requested(self, message: DayRequested) -> None:
        message.stop()
        if self.visit is None:
            return
        if message.number is not None:
            if 1 <= message.number <= self.visit.days:
                self.day_index = message.number - 1
            else:
                self.notify(f"This visit has {self.visit.days} days", severity="warning")
            return
        self.day_index = max(0, min(self.visit.days - 1, self.day_index + message.step))

    def on_tabs_tab_activated(self, message: Tabs.TabActivated) -> None:
        message.stop()
        if message.tab is not None and message.tab.id:
            generation, number = message.tab.id.removeprefix("day-").split("-")
            if int(generation) == self._generation:
                self.day_index = int(number) - 1

    def go_to_event(self, event: Event) -> bool:
        """Switch to the event's day and put the cursor on it."""
        if self.visit is None or (number := self.visit.day_number(event.day)) is None:
            return False
        self.day_index = number - 1
        self._fill()
        return self.table.select_id(event.id)
