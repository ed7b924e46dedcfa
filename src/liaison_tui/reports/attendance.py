"""Attendance as Rich tables: one event's roll, and the visit per event and per officer.

For ``liaison-tui attendance``, ``summary attendance`` and the app's summaries
screen. Names are shown: this is for the host's staff.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from liaison_tui.domain import schedule
from liaison_tui.domain.attendance import Roll, attendance_by_event, attendance_by_officer
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Attendance, Event, Visit
from liaison_tui.reports.display import literal
from liaison_tui.reports.tables import table

_STATUS_STYLE = {Attendance.PRESENT: "green", Attendance.MISSING: "red", Attendance.EXCUSED: "yellow"}


def few(names: list[str], shown: int = 5) -> str:
    """The first few names, then how many more."""
    if len(names) <= shown + 1:
        return ", ".join(names)
    return ", ".join(names[:shown]) + f" and {len(names) - shown} more"


def when(event: Event) -> str:
    return f"{event.day:%a %d %b} {event.start:%H:%M}"


def _capped(table: Table, rows: list[list[Text]], limit: int | None) -> Table:
    for row in rows[:limit]:
        table.add_row(*row)
    if limit is not None and len(rows) > limit:
        note = f"showing {limit:,} of {len(rows):,} rows; `liaison-tui attendance` prints them all"
        table.caption = Text("\n").join([c for c in (table.caption, Text(note)) if isinstance(c, Text)])
    return table


def roll_report(data: Dataset, roll: Roll, limit: int | None = None, *, everyone: bool = True) -> list[RenderableType]:
    """One event's roll: each person's status, and when and by whom they were called.

    Without ``everyone``, only those not present: at 10,000 people, the list to act on.
    """
    title = f"Roll: {roll.event.title} ({when(roll.event)})"
    entries = roll.entries if everyone else [e for e in roll.entries if e.status is not Attendance.PRESENT]
    caption = roll.headline() + ("" if everyone else f" (the {roll.present:,} present are not listed)")
    roll_table = table(title, "Officer", "City", "Status", "At", "By", caption=caption)
    rows = []
    for entry in entries:
        city = schedule.city_of(data, entry.officer)
        checkin = entry.checkin
        status = literal(entry.status.value, _STATUS_STYLE[entry.status]) if entry.status else Text("not called")
        at = f"{checkin.at:%H:%M}" if checkin else ""
        rows.append(
            [
                literal(entry.officer.name),
                literal(city.name if city else "host staff"),
                status,
                Text(at),
                literal(checkin.by if checkin else ""),
            ]
        )
    return [_capped(roll_table, rows, limit)]


def attendance(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    """The visit's attendance per event (with each head count) and per officer."""
    rolls = attendance_by_event(data, visit) if visit else []
    events = table(
        "Attendance per event",
        "When",
        "Event",
        "Present",
        "Missing",
        "Excused",
        "Not called",
        "Absent",
        caption=f"{len(rolls)} event{'' if len(rolls) == 1 else 's'} with a roll-call; absent: missing or not called",
    )
    for roll in rolls:
        counts = (roll.present, roll.missing, roll.excused, roll.not_called)
        events.add_row(
            Text(when(roll.event)),
            literal(roll.event.title),
            *(Text(str(n)) for n in counts),
            literal(few(roll.absent_names)),
        )
    officers = table(
        "Attendance per officer: who missed or was excused",
        "Officer",
        "City",
        "Present",
        "Missing",
        "Excused",
    )
    rows = []
    tallies = attendance_by_officer(data, visit) if visit else []
    for officer, present, missing, excused in tallies:
        if not missing and not excused:
            continue  # present at every roll-call: thousands of rows that say nothing
        city = schedule.city_of(data, officer)
        cells = [literal(officer.name), literal(city.name if city else "host staff")]
        rows.append([*cells, *(Text(str(n)) for n in (present, missing, excused))])
    officers.caption = literal(
        f"{len(tallies) - len(rows):,} present at every roll-call are not listed; "
        "missing: called missing, or not called at an event whose roll was called"
    )
    return [events, _capped(officers, rows, limit)]
