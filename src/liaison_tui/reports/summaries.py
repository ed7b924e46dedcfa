"""Summaries as Rich tables, for the app's summaries screen and ``liaison-tui summary``.

Each summary takes the dataset and the visit and returns Rich renderables; the
caller decides whether they go to a terminal, a screen or an HTML handout.
User text goes through ``literal`` like everywhere else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from liaison_tui.domain import needs, schedule, values
from liaison_tui.domain.conflicts import find_conflicts
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import EventKind, Officer, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.reports.arrivals import arrivals as arrivals_by_flight
from liaison_tui.reports.attendance import attendance
from liaison_tui.reports.meals import meals as meals_by_name
from liaison_tui.reports.tables import cap as _cap
from liaison_tui.reports.tables import cells as _cells
from liaison_tui.reports.tables import few as _few
from liaison_tui.reports.tables import table as _table


def delegation(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    officers = schedule.delegation(data)
    speakers: set[int] = set()
    if visit is not None:
        for event in schedule.visit_events(data, visit):
            speakers.update(event.speaker_ids)
    counted_cities = {o.city_id for o in officers if o.city_id is not None}
    caption = ""
    if visit is not None:
        caption = (
            f"{len(counted_cities)} of {visit.expected_cities} cities and "
            f"{len(officers)} of {visit.expected_officers} officers registered"
        )
    table = _table("Delegation", "Country", "City", "Officers", "Leader", "Speakers", caption=caption)
    for city in sorted(data.cities.values(), key=lambda c: (c.country.casefold(), c.name.casefold())):
        members = [o for o in officers if o.city_id == city.id]
        leaders = ", ".join(addressed(o) for o in members if o.role.value == "leader")
        speaking = ", ".join(addressed(o) for o in members if o.id in speakers)
        table.add_row(*_cells(city.country, city.name, str(len(members)), leaders, speaking))
    return [table]


def _missing(officer: Officer) -> list[str]:
    gaps = []
    if not officer.email and not officer.phone:
        gaps.append("contact")
    if officer.arrival is None:
        gaps.append("arrival")
    if officer.departure is None:
        gaps.append("departure")
    if not officer.hotel:
        gaps.append("hotel")
    if not officer.dietary:
        gaps.append("dietary")
    return gaps


def roster(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    officers = schedule.sort_officers(data, schedule.delegation(data))
    incomplete = [(o, gaps) for o in officers if (gaps := _missing(o))]
    caption = f"{len(officers) - len(incomplete)} of {len(officers)} officers complete"
    table = _table("Roster completeness", "Officer", "City", "Missing", caption=caption)
    rows = []
    for officer, gaps in incomplete:
        city = schedule.city_of(data, officer)
        rows.append(_cells(officer.name, city.name if city else "", ", ".join(gaps)))
    return [_cap(table, rows, limit)]


def itinerary(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    if visit is None:
        return [Text("No visit yet.")]
    events = schedule.visit_events(data, visit)
    minutes = sum((e.ends_at - e.starts_at).seconds // 60 for e in events if e.kind is not EventKind.FREE)
    caption = f"{len(events)} events; programme {minutes // 60} h {minutes % 60:02d} min (free time not counted)"
    table = _table(f"Itinerary: {visit.name}", "Day", "Time", "Event", "Venue", "People", caption=caption)
    rows = []
    for event in events:
        number = visit.day_number(event.day)
        day = f"Day {number} {event.day:%a %d %b}" if number else f"{event.day} (outside the visit)"
        people = str(schedule.participant_count(data, event))
        rows.append(_cells(day, values.format_span(event.start, event.end), event.title, event.venue, people))
    return [_cap(table, rows, limit)]


def agenda(data: Dataset, visit: Visit | None, officer: Officer) -> list[RenderableType]:
    city = schedule.city_of(data, officer)
    title = f"Agenda: {addressed(officer)}" + (f" ({city.name})" if city else "")
    table = _table(title, "Day", "Time", "Event", "Venue", "Part")
    for event in schedule.agenda(data, visit, officer) if visit else []:
        part = f"speaker {event.speaker_ids.index(officer.id) + 1}" if officer.id in event.speaker_ids else ""
        table.add_row(
            *_cells(f"{event.day:%a %d %b}", values.format_span(event.start, event.end), event.title, event.venue, part)
        )
    return [table]


def _travel_table(title: str, data: Dataset, legs: list[tuple[Officer, datetime, str]], limit: int | None) -> Table:
    """Who lands or leaves when, grouped by day and time: one row per pick-up."""
    table = _table(title, "Day", "Time", "Officers", "Flights", "Who", caption=f"{len(legs)} recorded")
    slots: dict[datetime, list[tuple[Officer, str]]] = {}
    for officer, at, flight in legs:
        slots.setdefault(at, []).append((officer, flight))
    rows = []
    for at in sorted(slots):
        travellers = sorted(slots[at], key=lambda leg: leg[0].name)
        flights = sorted({flight for _, flight in travellers if flight})
        names = [_name_and_city(data, officer) for officer, _ in travellers]
        rows.append(
            _cells(f"{at:%a %d %b}", values.format_time(at.time()), str(len(travellers)), _few(flights), _few(names))
        )
    return _cap(table, rows, limit)


def _name_and_city(data: Dataset, officer: Officer) -> str:
    city = schedule.city_of(data, officer)
    return f"{officer.name} ({city.name})" if city else officer.name


def logistics(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    officers = list(data.officers.values())
    arrivals = [(o, o.arrival.at, o.arrival.flight) for o in officers if o.arrival]
    departures = [(o, o.departure.at, o.departure.flight) for o in officers if o.departure]
    hotels = _table(
        "Hotels", "Hotel", "Officers", "Rooms", caption="officers without a hotel are in Roster completeness"
    )
    by_hotel: dict[str, list[Officer]] = {}
    for officer in officers:
        if officer.hotel:
            by_hotel.setdefault(officer.hotel, []).append(officer)
    for hotel, guests in sorted(by_hotel.items()):
        shown = sorted(guests, key=lambda o: o.name)[:limit]
        rooms = ", ".join(f"{o.name} {o.room}".strip() for o in shown)
        if len(shown) < len(guests):
            rooms += f", … and {len(guests) - len(shown):,} more"
        hotels.add_row(*_cells(hotel, str(len(guests)), rooms))
    catering = _table("Meals: dietary and accessibility needs (no names)", "Meal", "People", "Dietary", "Accessibility")
    catering.caption = Text("counted over each meal's participants; meals are events of kind 'meal'")
    for meal in needs.meal_needs(data, visit) if visit else []:
        diets = ", ".join(f"{g.need}: {len(g.officers)}" for g in meal.dietary)
        access = ", ".join(f"{g.need}: {len(g.officers)}" for g in meal.accessibility)
        when = f"{meal.meal.day:%a %d %b} {meal.meal.start:%H:%M} {meal.meal.title}"
        catering.add_row(*_cells(when, str(len(meal.attendees)), diets or "-", access or "-"))
    return [
        _travel_table("Arrivals", data, arrivals, limit),
        _travel_table("Departures", data, departures, limit),
        hotels,
        catering,
    ]


def followups(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    counts = Counter(f.status.value for f in data.followups.values())
    caption = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
    table = _table("Follow-ups", "City", "Status", "What", "Area", "Owner", "Due", caption=caption)
    rows = sorted(
        data.followups.values(),
        key=lambda f: (data.cities[f.city_id].name.casefold() if f.city_id in data.cities else "", f.status.value),
    )
    for followup in rows:
        city = data.cities.get(followup.city_id)
        due = followup.due.isoformat() if followup.due else ""
        table.add_row(
            *_cells(city.name if city else "", followup.status.value, followup.text, followup.area, followup.owner, due)
        )
    return [table]


def conflicts(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    found = find_conflicts(data, visit) if visit else []
    table = _table("Conflicts", "Kind", "What", caption=f"{len(found)} found")
    return [_cap(table, [_cells(c.kind, c.message) for c in found], limit)]


@dataclass(frozen=True)
class Summary:
    name: str
    title: str
    build: Callable[[Dataset, Visit | None, int | None], list[RenderableType]]


SUMMARIES = [
    Summary("delegation", "Delegation", delegation),
    Summary("roster", "Roster completeness", roster),
    Summary("itinerary", "Itinerary", itinerary),
    Summary("logistics", "Logistics", logistics),
    Summary("meals", "Meals by name", meals_by_name),
    Summary("arrivals", "Arrivals by flight", arrivals_by_flight),
    Summary("followups", "Follow-ups", followups),
    Summary("conflicts", "Conflicts", conflicts),
    Summary("attendance", "Attendance", attendance),
]
BY_NAME = {summary.name: summary for summary in SUMMARIES}
