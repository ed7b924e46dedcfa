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
from liaison_tui.i18n import _, ngettext
from liaison_tui.i18n.formats import day, number
from liaison_tui.reports.display import literal
from liaison_tui.reports.tables import table
from liaison_tui.reports.words import shown

_STATUS_STYLE = {Attendance.PRESENT: "green", Attendance.MISSING: "red", Attendance.EXCUSED: "yellow"}


def few(names: list[str], shown: int = 5) -> str:
    """The first few names, then how many more."""
    if len(names) <= shown + 1:
        return ", ".join(names)
    return _("{items} and {n} more").format(items=", ".join(names[:shown]), n=len(names) - shown)


def when(event: Event) -> str:
    return f"{day(event.day)} {event.start:%H:%M}"


def _capped(table: Table, rows: list[list[Text]], limit: int | None) -> Table:
    for row in rows[:limit]:
        table.add_row(*row)
    if limit is not None and len(rows) > limit:
        note = _("showing {limit} of {total} rows; `liaison-tui attendance` prints them all").format(
            limit=number(limit), total=number(len(rows))
        )
        table.caption = Text("\n").join([c for c in (table.caption, Text(note)) if isinstance(c, Text)])
    return table


def roll_report(data: Dataset, roll: Roll, limit: int | None = None, *, everyone: bool = True) -> list[RenderableType]:
    """One event's roll: each person's status, and when and by whom they were called.

    Without ``everyone``, only those not present: at 10,000 people, the list to act on.
    """
    title = _("Roll: {event} ({when})").format(event=roll.event.title, when=when(roll.event))
    entries = roll.entries if everyone else [e for e in roll.entries if e.status is not Attendance.PRESENT]
    caption = roll.headline()
    if not everyone:
        caption = _("{headline} (the {n} present are not listed)").format(headline=caption, n=number(roll.present))
    roll_table = table(title, _("Officer"), _("City"), _("Status"), _("At"), _("By"), caption=caption)
    rows = []
    for entry in entries:
        city = schedule.city_of(data, entry.officer)
        checkin = entry.checkin
        status = literal(shown(entry.status), _STATUS_STYLE[entry.status]) if entry.status else Text(_("not called"))
        at = f"{checkin.at:%H:%M}" if checkin else ""
        rows.append(
            [
                literal(entry.officer.name),
                literal(city.name if city else _("host staff")),
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
        _("Attendance per event"),
        _("When"),
        _("Event"),
        _("Present"),
        _("Missing"),
        _("Excused"),
        _("Not called"),
        _("Absent"),
        caption=ngettext(
            "{n} event with a roll-call; absent: missing or not called",
            "{n} events with a roll-call; absent: missing or not called",
            len(rolls),
        ).format(n=len(rolls)),
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
        _("Attendance per officer: who missed or was excused"),
        _("Officer"),
        _("City"),
        _("Present"),
        _("Missing"),
        _("Excused"),
    )
    rows = []
    tallies = attendance_by_officer(data, visit) if visit else []
    for officer, present, missing, excused in tallies:
        if not missing and not excused:
            continue  # present at every roll-call: thousands of rows that say nothing
        city = schedule.city_of(data, officer)
        cells = [literal(officer.name), literal(city.name if city else _("host staff"))]
        rows.append([*cells, *(Text(str(n)) for n in (present, missing, excused))])
    officers.caption = literal(
        _(
            "{n} present at every roll-call are not listed; "
            "missing: called missing, or not called at an event whose roll was called"
        ).format(n=number(len(tallies) - len(rows)))
    )
    return [events, _capped(officers, rows, limit)]
