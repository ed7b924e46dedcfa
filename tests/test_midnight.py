"""An event that ends after midnight ends on the next day, wherever its end is asked for."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import orjson
import pytest
from icalendar import Calendar
from rich.console import Console

from liaison_tui.domain import now, values
from liaison_tui.domain.conflicts import find_conflicts
from liaison_tui.domain.edits import added
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Event, EventKind, Visit
from liaison_tui.domain.validation import check_record
from liaison_tui.reports import calendar, documents, summaries
from liaison_tui.spreadsheets.exporting import table_csv
from liaison_tui.store import paths
from liaison_tui.store.store import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")


def late_dinner(**changes: object) -> Event:
    fields: dict[str, object] = {
        "visit_id": 1,
        "day": date(2026, 12, 2),
        "start": time(23, 0),
        "end": time(0, 30),
        "title": "Late dinner",
        "kind": EventKind.MEAL,
    }
    return Event(**(fields | changes))  # type: ignore[arg-type]


@pytest.fixture
def store() -> Store:
    store = Store.in_memory(orjson.loads(paths.sample_bytes()))
    store.commit([added(late_dinner())])
    return store


def visit_of(store: Store) -> Visit:
    visit = store.current_visit()
    assert visit is not None
    return visit


def test_an_end_before_the_start_is_the_next_day() -> None:
    dinner = late_dinner()
    assert dinner.ends_at == datetime(2026, 12, 3, 0, 30)
    assert dinner.crosses_midnight
    assert check_record(dinner) == []
    assert values.format_span(dinner.start, dinner.end) == "23:00-00:30 (+1)"
    [problem] = check_record(late_dinner(end=time(23, 0)))
    assert (problem.field, problem.message) == ("end", "ends when it starts 23:00")
    assert check_record(late_dinner(start=time(20, 0), end=time(8, 0))) == []  # an overnight train: 12 h
    [typo] = check_record(late_dinner(start=time(15, 0), end=time(14, 0)))
    assert (typo.field, typo.message) == (
        "end",
        "ends 14:00 before it starts 15:00 (an end after midnight is allowed up to 12 h on)",
    )


def test_it_overlaps_the_next_mornings_first_event(store: Store) -> None:
    store.commit([added(late_dinner(day=date(2026, 12, 3), start=time(0, 0), end=time(1, 0), title="Night walk"))])
    double = [c for c in find_conflicts(store.data, visit_of(store)) if c.kind == "double-booked"]
    assert double and all("'Late dinner' and 'Night walk'" in c.message for c in double)
    assert "(2026-12-03 00:00)" in double[0].message


def test_after_midnight_it_is_still_under_way(store: Store) -> None:
    visit = visit_of(store)
    move = now.next_move(store.data, visit, datetime(2026, 12, 3, 0, 15))
    assert move is not None and move.title == "Late dinner"
    board = now.now_board(store.data, visit, datetime(2026, 12, 3, 0, 15, tzinfo=SHANGHAI).astimezone(UTC))
    assert board.current is not None and board.current.title == "Late dinner"


def test_calendar_ends_it_on_the_next_day(store: Store) -> None:
    ics = Calendar.from_ical(calendar.itinerary_calendar(store.data, visit_of(store), "f"))
    [entry] = [c for c in ics.walk("VEVENT") if str(c["summary"]) == "Late dinner"]
    assert entry.decoded("dtend") == datetime(2026, 12, 3, 0, 30, tzinfo=SHANGHAI)


def test_summaries_and_documents_mark_the_next_day(store: Store) -> None:
    console = Console(file=io.StringIO(), width=120, color_system=None)
    for part in summaries.itinerary(store.data, visit_of(store)):
        console.print(part)
    assert "23:00-00:30 (+1)" in console.file.getvalue()  # type: ignore[attr-defined]
    assert "23:00-00:30 (+1)" in documents.itinerary_markdown(store.data, visit_of(store))


def test_spreadsheet_keeps_the_clock_times(store: Store) -> None:
    [line] = [line for line in table_csv(store.data, Kind.EVENT).splitlines() if "Late dinner" in line]
    assert ",23:00,00:30," in line  # read back, an end before the start is the next day again
