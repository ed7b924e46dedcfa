"""Problems in a plan that a host must see before the day: flagged, not refused.

An officer booked into two events at once, an event outside the visit's days,
a speaker who is not taking part. The data stays saveable (plans are made in
steps); the app and the summaries flag these where people look.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from liaison_tui.domain import schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Visit


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # "double-booked", "outside visit", "speaker not taking part"
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
                    f"{event.title!r} is on {event.day}, outside the visit ({visit.start_date} to {visit.end_date})",
                    (event.id,),
                )
            )
        outsiders = [i for i in event.speaker_ids if not schedule.takes_part(data, event, i)]
        for officer_id in outsiders:
            name = data.officers[officer_id].name if officer_id in data.officers else f"#{officer_id}"
            found.append(
                Conflict(
                    "speaker not taking part",
                    f"{name} speaks at {event.title!r} but is not among its participants",
                    (event.id,),
                    (officer_id,),
                )
            )
    by_day: dict[object, list[int]] = {}
    for index, event in enumerate(events):
        by_day.setdefault(event.day, []).append(index)
    for indices in by_day.values():
        for a, b in combinations((events[i] for i in indices), 2):
            if not a.overlaps(b):
                continue
            # Sets of participants only for the (rare) overlapping pairs: with the whole
            # delegation of a large file each set holds tens of thousands of ids.
            for officer_id in sorted(schedule.participant_ids(data, a) & schedule.participant_ids(data, b)):
                officer = data.officers[officer_id]
                when = f"{a.day} {values.format_time(max(a.start, b.start))}"
                found.append(
                    Conflict(
                        "double-booked",
                        f"{officer.name} is in {a.title!r} and {b.title!r} at once ({when})",
                        (a.id, b.id),
                        (officer_id,),
                    )
                )
    return found


def flagged_ids(conflicts: list[Conflict]) -> tuple[set[int], set[int]]:
    """Event ids and officer ids that have a conflict, for markers in tables."""
    events = {i for c in conflicts for i in c.event_ids}
    officers = {i for c in conflicts for i in c.officer_ids}
    return events, officers
