"""Roll-call at an event: who is expected, who was called present, missing or excused.

Each call is a ``CheckIn`` record of its own; the latest (highest id) of a
person at an event is their status there, so two staff calling the roll at two
doors only ever add records and never collide. A person never called has no
status yet. The check-ins are indexed by event once per dataset: a roll of
10,000 people is then one pass over the participants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit, added, removed
from liaison_tui.domain.model import Attendance, CheckIn, Event, Officer, Visit
from liaison_tui.i18n import N_, _
from liaison_tui.i18n.formats import number

HEADLINE_NAMES = 8  # names a headline lists before "and N more"


@dataclass(frozen=True)
class RollEntry:
    officer: Officer
    status: Attendance | None  # None: not called yet
    checkin: CheckIn | None  # the latest check-in, which gives the status


@dataclass(frozen=True)
class Roll:
    """The roll of one event, in the order the schedule lists its participants."""

    event: Event
    entries: list[RollEntry]

    def _count(self, status: Attendance | None) -> int:
        return sum(1 for entry in self.entries if entry.status is status)

    @property
    def expected(self) -> int:
        return len(self.entries)

    @property
    def present(self) -> int:
        return self._count(Attendance.PRESENT)

    @property
    def missing(self) -> int:
        return self._count(Attendance.MISSING)

    @property
    def excused(self) -> int:
        return self._count(Attendance.EXCUSED)

    @property
    def not_called(self) -> int:
        return self._count(None)

    @property
    def absent_names(self) -> list[str]:
        """Who is not there as far as anyone knows: called missing, or not called yet, in roll order."""
        return [e.officer.name for e in self.entries if e.status is None or e.status is Attendance.MISSING]

    def headline(self) -> str:
        """``27 of 32 present, 5 missing: Henri Kahonen, …``; not yet called counts as missing here."""
        if not self.entries:
            return _("nobody is expected")
        present, excused = self.present, self.excused
        if present == self.expected:
            return _("all {n} present").format(n=number(present))
        parts = [_("{present} of {expected} present").format(present=number(present), expected=number(self.expected))]
        absent = self.absent_names
        if absent:
            shown = absent if len(absent) <= HEADLINE_NAMES + 1 else absent[:HEADLINE_NAMES]
            names = ", ".join(shown)
            if len(shown) < len(absent):
                names = _("{names} and {n} more").format(names=names, n=number(len(absent) - len(shown)))
            parts.append(_("{n} missing: {names}").format(n=number(len(absent)), names=names))
        if excused:
            parts.append(_("{n} excused").format(n=number(excused)))
        return _(", ").join(parts)


def latest_checkins(data: Dataset) -> dict[int, dict[int, CheckIn]]:
    """Event id -> officer id -> that officer's latest check-in there; built once per dataset."""
    found = data.derived.get("latest_checkins")
    if not isinstance(found, dict):
        found = data.derived["latest_checkins"] = _index_checkins(data)
    return found


def _index_checkins(data: Dataset) -> dict[int, dict[int, CheckIn]]:
    found: dict[int, dict[int, CheckIn]] = {}
    for checkin in data.checkins.values():
        at_event = found.setdefault(checkin.event_id, {})
        earlier = at_event.get(checkin.officer_id)
        if earlier is None or earlier.id < checkin.id:
            at_event[checkin.officer_id] = checkin
    return found


def status_of(data: Dataset, event: Event, officer_id: int) -> CheckIn | None:
    """The latest check-in of the officer at the event, if any."""
    return latest_checkins(data).get(event.id, {}).get(officer_id)


def roll(data: Dataset, event: Event) -> Roll:
    """Everyone expected at ``event`` (delegation or named participants, host staff included) and their status."""
    called = latest_checkins(data).get(event.id, {})
    entries = []
    for officer in schedule.participants(data, event):
        checkin = called.get(officer.id)
        entries.append(RollEntry(officer, checkin.status if checkin else None, checkin))
    return Roll(event, entries)


def _expected(data: Dataset, event: Event, officer_ids: Sequence[int]) -> list[int]:
    """``officer_ids`` without repeats; ValueError naming the first one not expected at the event."""
    unique = list(dict.fromkeys(officer_ids))
    for officer_id in unique:
        if not schedule.takes_part(data, event, officer_id):
            officer = data.officers.get(officer_id)
            who = officer.name if officer else _("officer #{id}").format(id=officer_id)
            raise ValueError(_("{who} is not expected at {event!r}").format(who=who, event=event.title))
    return unique


def mark(
    data: Dataset, event: Event, officer_ids: Sequence[int], status: Attendance, at: datetime, by: str
) -> list[Edit]:
    """Check-ins giving each officer ``status`` at ``event``; none for those who have it already."""
    edits = []
    for officer_id in _expected(data, event, officer_ids):
        current = status_of(data, event, officer_id)
        if current is None or current.status is not status:
            checkin = CheckIn(event_id=event.id, officer_id=officer_id, status=status, at=at, by=by)
            edits.append(added(checkin))
    return edits


def unmark(data: Dataset, event: Event, officer_ids: Sequence[int]) -> list[Edit]:
    """Remove each officer's latest check-in at ``event`` (the one before it, if any, counts again).

    ValueError names the first officer who has none there.
    """
    edits = []
    for officer_id in dict.fromkeys(officer_ids):
        current = status_of(data, event, officer_id)
        if current is None:
            officer = data.officers.get(officer_id)
            who = officer.name if officer else _("officer #{id}").format(id=officer_id)
            raise ValueError(_("{who} has not been called at {event!r}").format(who=who, event=event.title))
        edits.append(removed(current))
    return edits


def attendance_by_event(data: Dataset, visit: Visit) -> list[Roll]:
    """The rolls of the visit's events at which anyone was called, in time order."""
    called = latest_checkins(data)
    return [roll(data, event) for event in schedule.visit_events(data, visit) if called.get(event.id)]


def attendance_by_officer(data: Dataset, visit: Visit) -> list[tuple[Officer, int, int, int]]:
    """(officer, present, missing, excused) over the visit's called events, for everyone expected at one.

    Missing counts the events where the officer was called missing or, once the
    roll was called there, not called at all (as the headline does).
    """
    counts: dict[int, list[int]] = {}
    for event_roll in attendance_by_event(data, visit):
        for entry in event_roll.entries:
            tally = counts.setdefault(entry.officer.id, [0, 0, 0])
            if entry.status is Attendance.PRESENT:
                tally[0] += 1
            elif entry.status is Attendance.EXCUSED:
                tally[2] += 1
            else:
                tally[1] += 1
    officers = schedule.sort_officers(data, [data.officers[i] for i in counts])
    return [(officer, *_three(counts[officer.id])) for officer in officers]


def _three(tally: list[int]) -> tuple[int, int, int]:
    return tally[0], tally[1], tally[2]


MARKED = {
    Attendance.PRESENT: N_("{who} present at {event}"),
    Attendance.MISSING: N_("{who} missing at {event}"),
    Attendance.EXCUSED: N_("{who} excused at {event}"),
}


def said(data: Dataset, edits: Sequence[Edit]) -> str | None:
    """A few roll-call marks in words (``Henri Kahonen present at Visit to a local school``); else None.

    For the undo message at the bus door: "1 check-in added" does not say whose mark went.
    """
    marks = [edit.record for edit in edits if isinstance(edit.record, CheckIn)]
    if not marks or len(marks) != len(edits) or len(marks) > 3:
        return None
    words = []
    for mark in marks:
        officer, event = data.officers.get(mark.officer_id), data.events.get(mark.event_id)
        who = officer.name if officer else _("officer #{id}").format(id=mark.officer_id)
        where = event.title if event else _("event #{id}").format(id=mark.event_id)
        words.append(_(MARKED[mark.status]).format(who=who, event=where))
    return "; ".join(words)
