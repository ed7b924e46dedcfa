"""An event's participants grouped by city, computed once per version of the data.

At 50,000 officers sorting and grouping a whole-delegation event's participants cost about
0.2 s, and the detail panel asks for it on every cursor move onto an event and every day change.
Everyone is sorted once per Dataset (a save makes a new one), each event then only picks its
people out of that order, and the last events' groups are kept in ``Dataset.derived``.
"""

from __future__ import annotations

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event

# (city name, or None for the host's staff; the names of its participants, sorted)
CityGroup = tuple[str | None, list[str]]
Roster = list[tuple[int, str | None, str]]  # (officer id, city name, name) by city then name
KEPT = 64  # events' groups kept per version: a visit's days' worth, a few hundred KB at 50,000


def warm(data: Dataset) -> None:
    """Sort everyone by city now (in a worker) rather than on the first event shown."""
    _roster(data)


def _roster(data: Dataset) -> Roster:
    found = data.derived.get("roster_by_city")
    if not isinstance(found, list):
        found = [
            (o.id, city.name if (city := schedule.city_of(data, o)) else None, o.name)
            for o in schedule.sort_officers(data, list(data.officers.values()))
        ]
        data.derived["roster_by_city"] = found
    return found


def _kept(data: Dataset) -> dict[int, tuple[Event, list[CityGroup]]]:
    found = data.derived.get("city_groups")
    if not isinstance(found, dict):
        found = {}
        data.derived["city_groups"] = found
    return found


def by_city(data: Dataset, event: Event) -> list[CityGroup]:
    """``event``'s participants by city (cities by name, host staff last), each city's names sorted."""
    kept = _kept(data)
    hit = kept.get(event.id)
    if hit is not None and hit[0] is event:
        return hit[1]
    taking_part = schedule.participant_ids(data, event)
    groups: dict[str | None, list[str]] = {}
    for officer_id, city_name, name in _roster(data):
        if officer_id in taking_part:
            groups.setdefault(city_name, []).append(name)
    result = list(groups.items())
    if len(kept) >= KEPT:
        kept.clear()
    kept[event.id] = (event, result)
    return result
