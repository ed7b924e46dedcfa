"""Problems in a plan that a host must see before the day: flagged, not refused.

An officer booked into two events at once, an event outside the visit's days,
a speaker who is not taking part, an officer who lands after an event they are
booked for has started or leaves before it ends. The data stays saveable (plans are made in
steps); the app and the summaries flag these where people look.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime

from liaison_tui.domain import interpreting, schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, Officer, Visit
from liaison_tui.i18n import N_, _

# The kinds, kept in English as identifiers; shown through _() (summaries, check).
KINDS = (
    N_("outside visit"),
    N_("speaker not taking part"),
    N_("double-booked"),
    N_("arrives after"),
    N_("leaves before"),
    N_("not interpreted"),
)


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # "double-booked", "outside visit", "speaker not taking part", "arrives after", "leaves before"
    message: str
    event_ids: tuple[int, ...]
    officer_ids: tuple[int, ...] = ()


def find_conflicts(data: Dataset, visit: Visit) -> list[Conflict]:
    found: list[Conflict] = []
    events = schedule.visit_events(data, visit)
    for event in events:
        if visit.day_number(event.day) is None:
            found.append(
                Conflict(
                    "outside visit",
                    _("{title!r} is on {day}, outside the visit ({start} to {end})").format(
                        title=event.title, day=event.day, start=visit.start_date, end=visit.end_date
                    ),
                    (event.id,),
                )
            )
        outsiders = [i for i in event.speaker_ids if not schedule.takes_part(data, event, i)]
        for officer_id in outsiders:
            name = data.officers[officer_id].name if officer_id in data.officers else f"#{officer_id}"
            found.append(
                Conflict(
                    "speaker not taking part",
                    _("{name} speaks at {title!r} but is not among its participants").format(
                        name=name, title=event.title
                    ),
                    (event.id,),
                    (officer_id,),
                )
            )
    for a, b in _overlapping_pairs(events):
        # Sets of participants only for the (rare) overlapping pairs: with the whole
        # delegation of a large file each set holds tens of thousands of ids.
        for officer_id in sorted(schedule.participant_ids(data, a) & schedule.participant_ids(data, b)):
            officer = data.officers[officer_id]
            when = values.format_datetime(max(a.starts_at, b.starts_at))
            found.append(
                Conflict(
                    "double-booked",
                    _("{name} is in {first!r} and {second!r} at once ({when})").format(
                        name=officer.name, first=a.title, second=b.title, when=when
                    ),
                    (a.id, b.id),
                    (officer_id,),
                )
            )
    return found + _travel_conflicts(data, events) + _interpreting_conflicts(data, visit, events)


def _interpreting_conflicts(data: Dataset, visit: Visit, events: list[Event]) -> list[Conflict]:
    """Events where someone speaks none of the languages interpreted (only when the working language is known)."""
    if not interpreting.working_language(visit):
        return []
    found: list[Conflict] = []
    for event in events:
        covered = interpreting.coverage(data, visit, event)
        if covered is not None and covered.uncovered:
            found.append(Conflict("not interpreted", interpreting.uncovered_message(data, covered), (event.id,)))
    return found


def _overlapping_pairs(events: list[Event]) -> list[tuple[Event, Event]]:
    """Pairs of events that overlap, earlier first; ``events`` are in time order.

    A sweep rather than pairs within a day: an event across midnight overlaps
    the next morning's first one.
    """
    pairs: list[tuple[Event, Event]] = []
    open_events: list[Event] = []
    for event in events:
        open_events = [e for e in open_events if e.ends_at > event.starts_at]
        pairs += [(earlier, event) for earlier in open_events if earlier.overlaps(event)]
        open_events.append(event)
    return pairs


def _late(officer: Officer, event: Event) -> Conflict:
    assert officer.arrival is not None
    lands = values.format_datetime(officer.arrival.at)
    return Conflict(
        "arrives after",
        _("{name} arrives after {title!r} starts (lands {lands}; it starts {starts})").format(
            name=officer.name, title=event.title, lands=lands, starts=values.format_datetime(event.starts_at)
        ),
        (event.id,),
        (officer.id,),
    )


def _early(officer: Officer, event: Event) -> Conflict:
    assert officer.departure is not None
    leaves = values.format_datetime(officer.departure.at)
    return Conflict(
        "leaves before",
        _("{name} leaves before {title!r} ends (departs {leaves}; it ends {ends})").format(
            name=officer.name, title=event.title, leaves=leaves, ends=values.format_datetime(event.ends_at)
        ),
        (event.id,),
        (officer.id,),
    )


def _travel_conflicts(data: Dataset, events: list[Event]) -> list[Conflict]:
    """Officers who land after an event they take part in starts, or leave before it ends.

    Whole-delegation events are the common case: the delegation's arrivals and
    departures are sorted once, and each event looks only at those after its
    start (or before its end) by bisection, not at every member. A transfer
    that carries an officer is not late for them: it is their pick-up, and
    meets them when they land.
    """
    if not events:
        return []
    members = schedule.delegation_ids(data)
    officers = data.officers
    # Only those landing after the first start, or leaving before the last end, can be late or early
    # for anything: usually few, so this one pass is the cost, not sorting every member's legs.
    first_start, last_end = min(e.starts_at for e in events), max(e.ends_at for e in events)
    arrivals = sorted((leg.at, i) for i in members if (leg := officers[i].arrival) is not None and leg.at > first_start)
    departures = sorted(
        (leg.at, i) for i in members if (leg := officers[i].departure) is not None and leg.at < last_end
    )
    found: list[Conflict] = []
    for event in events:
        late: list[int] = []
        early: list[int] = []
        if event.whole_delegation:
            late = [i for _at, i in arrivals[bisect_right(arrivals, event.starts_at, key=_time) :]]
            early = [i for _at, i in departures[: bisect_left(departures, event.ends_at, key=_time)]]
        for officer_id in dict.fromkeys(event.participant_ids):  # named ones, each once
            officer = officers.get(officer_id)
            if officer is None or (event.whole_delegation and officer_id in members):
                continue
            if officer.arrival is not None and officer.arrival.at > event.starts_at:
                late.append(officer_id)
            if officer.departure is not None and officer.departure.at < event.ends_at:
                early.append(officer_id)
        riders = {i for vehicle in event.vehicles for i in vehicle.rider_ids}
        found += [_late(officers[i], event) for i in late if i not in riders]
        found += [_early(officers[i], event) for i in early]
    return found


def _time(leg: tuple[datetime, int]) -> datetime:
    return leg[0]


def flagged_ids(conflicts: list[Conflict]) -> tuple[set[int], set[int]]:
    """Event ids and officer ids that have a conflict, for markers in tables."""
    events = {i for c in conflicts for i in c.event_ids}
    officers = {i for c in conflicts for i in c.officer_ids}
    return events, officers
