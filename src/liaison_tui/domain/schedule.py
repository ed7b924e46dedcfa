"""Questions about the itinerary asked during a visit.

Where must the group be now and next, who takes part in an event, what is an
officer's own agenda, who speaks after whom. All times are the visit's local
time; ``local_now`` turns the real clock into that.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import City, Event, Officer, Visit


def local_now(visit: Visit, now: datetime) -> datetime:
    """``now`` (aware) as a naive date-time on the visit's clock."""
    return now.astimezone(ZoneInfo(visit.timezone)).replace(tzinfo=None)


def visit_events(data: Dataset, visit: Visit) -> list[Event]:
    """The visit's events in time order."""
    events = [e for e in data.events.values() if e.visit_id == visit.id]
    return sorted(events, key=lambda e: (e.starts_at, e.ends_at, e.id))


def events_outside(data: Dataset, visit: Visit) -> list[Event]:
    """The visit's events on days outside its dates (after it was shortened or moved), in time order."""
    return [e for e in visit_events(data, visit) if visit.day_number(e.day) is None]


def now_and_next(events: list[Event], at: datetime) -> tuple[Event | None, Event | None]:
    """The event under way at ``at`` (local) and the next one to start."""
    current = next((e for e in events if e.starts_at <= at < e.ends_at), None)
    upcoming = next((e for e in events if e.starts_at > at), None)
    return current, upcoming


def delegation(data: Dataset) -> list[Officer]:
    """Officers who are part of the visiting delegation (not host staff)."""
    return [o for o in data.officers.values() if o.role.in_delegation]


def delegation_ids(data: Dataset) -> frozenset[int]:
    """Ids of the delegation, computed once per dataset (it is asked for every event)."""
    found = data.derived.get("delegation_ids")
    if not isinstance(found, frozenset):
        found = frozenset(o.id for o in data.officers.values() if o.role.in_delegation)
        data.derived["delegation_ids"] = found
    return found


def participant_ids(data: Dataset, event: Event) -> set[int]:
    ids = set(event.participant_ids)
    if event.whole_delegation:
        ids.update(delegation_ids(data))
    return ids


def participant_count(data: Dataset, event: Event) -> int:
    if not event.whole_delegation:
        return len(set(event.participant_ids))
    members = delegation_ids(data)
    return len(members) + len({i for i in event.participant_ids if i not in members})


def takes_part(data: Dataset, event: Event, officer_id: int) -> bool:
    return officer_id in event.participant_ids or (event.whole_delegation and officer_id in delegation_ids(data))


def participants(data: Dataset, event: Event) -> list[Officer]:
    """Everyone taking part, ordered by city then name."""
    return sort_officers(data, [data.officers[i] for i in participant_ids(data, event) if i in data.officers])


def sort_officers(data: Dataset, officers: list[Officer]) -> list[Officer]:
    city_keys = {city.id: city.name.casefold() for city in data.cities.values()}
    city_keys[None] = "\uffff"  # type: ignore[index]  # host staff last
    return sorted(officers, key=lambda o: (city_keys[o.city_id], o.name.casefold()))  # type: ignore[index]


def agenda(data: Dataset, visit: Visit, officer: Officer) -> list[Event]:
    """Every event of the visit the officer takes part in, in order."""
    return [e for e in visit_events(data, visit) if takes_part(data, e, officer.id)]


def speakers(data: Dataset, event: Event) -> list[Officer]:
    return [data.officers[i] for i in event.speaker_ids if i in data.officers]


def speaking_now_and_next(data: Dataset, event: Event) -> tuple[Officer | None, Officer | None]:
    """Who has the floor and who follows; before the first, the first is next."""
    order = list(event.speaker_ids)
    if event.speaking_now_id is None or event.speaking_now_id not in order:
        return None, data.officers.get(order[0]) if order else None
    position = order.index(event.speaking_now_id)
    following = order[position + 1] if position + 1 < len(order) else None
    return data.officers.get(event.speaking_now_id), data.officers.get(following) if following else None


def city_of(data: Dataset, officer: Officer) -> City | None:
    return data.cities.get(officer.city_id) if officer.city_id is not None else None


def officers_of(data: Dataset, city: City) -> list[Officer]:
    return sorted((o for o in data.officers.values() if o.city_id == city.id), key=lambda o: o.name.casefold())
