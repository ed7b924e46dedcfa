"""The itinerary pane: the visit's days as tabs over the chosen day's events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Event, Visit
from liaison_tui.i18n import N_, _, ngettext
from liaison_tui.i18n.formats import WEEKDAY_DATE, when
from liaison_tui.i18n.formats import day as day_label
from liaison_tui.ui.rows import EVENT_COLUMNS, event_rows
from liaison_tui.ui.widgets.record_table import RecordTable
from liaison_tui.ui.widgets.tab_strip import TabStrip


@dataclass
class DayRequested(Message):
    """Show another day: a step from the current one, or a day number."""

    step: int = 0
    number: int | None = None


class EventsTable(RecordTable):
    """The events of one day; left and right change the day."""

    BINDINGS = [
        Binding("left,h", "day(-1)", N_("Day"), key_display="←→", tooltip=N_("Previous / next day of the visit")),
        Binding("right,l", "day(1)", N_("Next day"), show=False, tooltip=N_("Previous / next day of the visit")),
        *[
            Binding(str(n), f"day_number({n})", N_("Day {n}").format(n=n), show=False, tooltip=N_("Jump to that day"))
            for n in range(1, 10)
        ],
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

    def compose(self) -> ComposeResult:
        yield TabStrip(id="days")
        yield EventsTable(Kind.EVENT, id="events")

    @property
    def table(self) -> EventsTable:
        return self.query_one(EventsTable)

    @property
    def day(self) -> date | None:
        if self.visit is None:
            return None
        return self.visit.dates[min(self.day_index, self.visit.days - 1)]

    def show(self, data: Dataset, visit: Visit | None, local_now: datetime | None, flagged: set[int]) -> None:
        """Redraw for new data or a new minute."""
        self.data, self.local_now, self.flagged = data, local_now, flagged
        self.visit = visit
        self.day_index = min(self.day_index, max((visit.days - 1) if visit else 0, 0))
        self._fill()

    def _fill(self) -> None:
        visit, day = self.visit, self.day
        strip = self.query_one(TabStrip)
        if visit is None or day is None:
            strip.show([], 0)
            self.table.show(EVENT_COLUMNS, [])
            self.border_title = _("Itinerary (no visit)")
            return
        numbered = list(enumerate(visit.dates, start=1))
        strip.show(
            [_("Day {n} · {day}").format(n=n, day=day_label(d)) for n, d in numbered],
            self.day_index,
            short=[f"{n} {when(d, WEEKDAY_DATE)}" for n, d in numbered],
        )
        events = schedule.visit_events(self.data, visit)
        now, upcoming = schedule.now_and_next(events, self.local_now) if self.local_now else (None, None)
        todays = [e for e in events if e.day == day]
        self.table.show(EVENT_COLUMNS, event_rows(self.data, todays, now, upcoming, self.flagged))
        self.border_title = _("Itinerary · Day {n} of {days} · {day}").format(
            n=self.day_index + 1, days=visit.days, day=day_label(day)
        )

    def watch_day_index(self, index: int) -> None:
        self._fill()

    def on_day_requested(self, message: DayRequested) -> None:
        message.stop()
        if self.visit is None:
            return
        if message.number is not None:
            if 1 <= message.number <= self.visit.days:
                self.day_index = message.number - 1
            else:
                self.notify(
                    ngettext("This visit has {n} day", "This visit has {n} days", self.visit.days).format(
                        n=self.visit.days
                    ),
                    severity="warning",
                )
            return
        self.day_index = max(0, min(self.visit.days - 1, self.day_index + message.step))

    def on_tab_strip_chosen(self, message: TabStrip.Chosen) -> None:
        message.stop()
        self.day_index = message.index
        self.table.focus()

    def go_to_event(self, event: Event) -> bool:
        """Switch to the event's day and put the cursor on it."""
        if self.visit is None or (number := self.visit.day_number(event.day)) is None:
            return False
        self.day_index = number - 1
        self._fill()
        return self.table.select_id(event.id)
