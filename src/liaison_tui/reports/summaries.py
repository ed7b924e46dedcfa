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
from liaison_tui.i18n import N_, _, ngettext
from liaison_tui.i18n.formats import day as day_label
from liaison_tui.i18n.formats import number
from liaison_tui.reports.arrivals import arrivals as arrivals_by_flight
from liaison_tui.reports.attendance import attendance
from liaison_tui.reports.gifts import gifts
from liaison_tui.reports.interpreting import interpreters
from liaison_tui.reports.meals import meals as meals_by_name
from liaison_tui.reports.precedence import precedence
from liaison_tui.reports.tables import cap as _cap
from liaison_tui.reports.tables import cells as _cells
from liaison_tui.reports.tables import few as _few
from liaison_tui.reports.tables import table as _table
from liaison_tui.reports.words import shown


def delegation(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    officers = schedule.delegation(data)
    speakers: set[int] = set()
    if visit is not None:
        for event in schedule.visit_events(data, visit):
            speakers.update(event.speaker_ids)
    counted_cities = {o.city_id for o in officers if o.city_id is not None}
    caption = ""
    if visit is not None:
        caption = _(
            "{cities} of {expected_cities} cities and {officers} of {expected_officers} officers registered"
        ).format(
            cities=len(counted_cities),
            expected_cities=visit.expected_cities,
            officers=len(officers),
            expected_officers=visit.expected_officers,
        )
    table = _table(_("Delegation"), _("Country"), _("City"), _("Officers"), _("Leader"), _("Speakers"), caption=caption)
    for city in sorted(data.cities.values(), key=lambda c: (c.country.casefold(), c.name.casefold())):
        members = [o for o in officers if o.city_id == city.id]
        leaders = ", ".join(addressed(o) for o in members if o.role.value == "leader")
        speaking = ", ".join(addressed(o) for o in members if o.id in speakers)
        table.add_row(*_cells(city.country, city.name, str(len(members)), leaders, speaking))
    return [table]


def _missing(officer: Officer) -> list[str]:
    gaps = []
    if not officer.email and not officer.phone:
        gaps.append(_("contact"))
    if officer.arrival is None:
        gaps.append(_("arrival"))
    if officer.departure is None:
        gaps.append(_("departure"))
    if not officer.hotel:
        gaps.append(_("hotel"))
    if not officer.dietary:
        gaps.append(_("dietary"))
    return gaps


def roster(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    officers = schedule.sort_officers(data, schedule.delegation(data))
    incomplete = [(o, gaps) for o in officers if (gaps := _missing(o))]
    caption = _("{complete} of {officers} officers complete").format(
        complete=len(officers) - len(incomplete), officers=len(officers)
    )
    table = _table(_("Roster completeness"), _("Officer"), _("City"), _("Missing"), caption=caption)
    rows = []
    for officer, gaps in incomplete:
        city = schedule.city_of(data, officer)
        rows.append(_cells(officer.name, city.name if city else "", ", ".join(gaps)))
    return [_cap(table, rows, limit)]


def itinerary(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    if visit is None:
        return [Text(_("No visit yet."))]
    events = schedule.visit_events(data, visit)
    minutes = sum((e.ends_at - e.starts_at).seconds // 60 for e in events if e.kind is not EventKind.FREE)
    caption = ngettext(
        "{n} event; programme {hours} h {minutes:02d} min (free time not counted)",
        "{n} events; programme {hours} h {minutes:02d} min (free time not counted)",
        len(events),
    ).format(n=len(events), hours=minutes // 60, minutes=minutes % 60)
    table = _table(
        _("Itinerary: {name}").format(name=visit.name),
        _("Day"),
        _("Time"),
        _("Event"),
        _("Venue"),
        _("People"),
        caption=caption,
    )
    rows = []
    for event in events:
        number = visit.day_number(event.day)
        day = (
            _("Day {number} {day}").format(number=number, day=day_label(event.day))
            if number
            else _("{day} (outside the visit)").format(day=event.day)
        )
        people = str(schedule.participant_count(data, event))
        rows.append(_cells(day, values.format_span(event.start, event.end), event.title, event.venue, people))
    return [_cap(table, rows, limit)]


def agenda(data: Dataset, visit: Visit | None, officer: Officer) -> list[RenderableType]:
    city = schedule.city_of(data, officer)
    title = (
        _("Agenda: {officer} ({city})").format(officer=addressed(officer), city=city.name)
        if city
        else _("Agenda: {officer}").format(officer=addressed(officer))
    )
    table = _table(title, _("Day"), _("Time"), _("Event"), _("Venue"), _("Part"))
    for event in schedule.agenda(data, visit, officer) if visit else []:
        speaking = event.speaker_ids.index(officer.id) + 1 if officer.id in event.speaker_ids else 0
        part = _("speaker {n}").format(n=speaking) if speaking else ""
        table.add_row(
            *_cells(day_label(event.day), values.format_span(event.start, event.end), event.title, event.venue, part)
        )
    return [table]


def _travel_table(title: str, data: Dataset, legs: list[tuple[Officer, datetime, str]], limit: int | None) -> Table:
    """Who lands or leaves when, grouped by day and time: one row per pick-up."""
    caption = _("{n} recorded").format(n=len(legs))
    table = _table(title, _("Day"), _("Time"), _("Officers"), _("Flights"), _("Who"), caption=caption)
    slots: dict[datetime, list[tuple[Officer, str]]] = {}
    for officer, at, flight in legs:
        slots.setdefault(at, []).append((officer, flight))
    rows = []
    for at in sorted(slots):
        travellers = sorted(slots[at], key=lambda leg: leg[0].name)
        flights = sorted({flight for _, flight in travellers if flight})
        names = [_name_and_city(data, officer) for officer, _ in travellers]
        rows.append(
            _cells(day_label(at), values.format_time(at.time()), str(len(travellers)), _few(flights), _few(names))
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
        _("Hotels"),
        _("Hotel"),
        _("Officers"),
        _("Rooms"),
        caption=_("officers without a hotel are in Roster completeness"),
    )
    by_hotel: dict[str, list[Officer]] = {}
    for officer in officers:
        if officer.hotel:
            by_hotel.setdefault(officer.hotel, []).append(officer)
    for hotel, guests in sorted(by_hotel.items()):
        shown = sorted(guests, key=lambda o: o.name)[:limit]
        rooms = ", ".join(f"{o.name} {o.room}".strip() for o in shown)
        if len(shown) < len(guests):
            rooms += _(", … and {n} more").format(n=number(len(guests) - len(shown)))
        hotels.add_row(*_cells(hotel, str(len(guests)), rooms))
    catering = _table(
        _("Meals: dietary and accessibility needs (no names)"), _("Meal"), _("People"), _("Dietary"), _("Accessibility")
    )
    catering.caption = Text(_("counted over each meal's participants; meals are events of kind 'meal'"))
    for meal in needs.meal_needs(data, visit) if visit else []:
        diets = ", ".join(f"{g.need}: {len(g.officers)}" for g in meal.dietary)
        access = ", ".join(f"{g.need}: {len(g.officers)}" for g in meal.accessibility)
        when = f"{day_label(meal.meal.day)} {meal.meal.start:%H:%M} {meal.meal.title}"
        catering.add_row(*_cells(when, str(len(meal.attendees)), diets or "-", access or "-"))
    return [
        _travel_table(_("Arrivals"), data, arrivals, limit),
        _travel_table(_("Departures"), data, departures, limit),
        hotels,
        catering,
    ]


# Follow-up statuses as shown (the stored values stay English).
FOLLOWUP_STATUS_WORDS = {
    "proposed": N_("proposed"),
    "agreed": N_("agreed"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}


def followups(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    counts = Counter(f.status.value for f in data.followups.values())
    caption = ", ".join(f"{shown(status)}: {n}" for status, n in sorted(counts.items()))
    table = _table(_("Follow-ups"), _("City"), _("Status"), _("What"), _("Area"), _("Owner"), _("Due"), caption=caption)
    rows = sorted(
        data.followups.values(),
        key=lambda f: (data.cities[f.city_id].name.casefold() if f.city_id in data.cities else "", f.status.value),
    )
    for followup in rows:
        city = data.cities.get(followup.city_id)
        due = followup.due.isoformat() if followup.due else ""
        table.add_row(
            *_cells(
                city.name if city else "",
                shown(followup.status),
                followup.text,
                followup.area,
                followup.owner,
                due,
            )
        )
    return [table]


def conflicts(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    found = find_conflicts(data, visit) if visit else []
    table = _table(_("Conflicts"), _("Kind"), _("What"), caption=_("{n} found").format(n=len(found)))
    return [_cap(table, [_cells(_(c.kind), c.message) for c in found], limit)]


@dataclass(frozen=True)
class Summary:
    name: str
    title: str  # marked with N_: translate with _() where it is shown
    build: Callable[[Dataset, Visit | None, int | None], list[RenderableType]]


SUMMARIES = [
    Summary("delegation", N_("Delegation"), delegation),
    Summary("roster", N_("Roster completeness"), roster),
    Summary("itinerary", N_("Itinerary"), itinerary),
    Summary("logistics", N_("Logistics"), logistics),
    Summary("meals", N_("Meals by name"), meals_by_name),
    Summary("arrivals", N_("Arrivals by flight"), arrivals_by_flight),
    Summary("followups", N_("Follow-ups"), followups),
    Summary("conflicts", N_("Conflicts"), conflicts),
    Summary("attendance", N_("Attendance"), attendance),
    Summary("precedence", N_("Order of precedence"), precedence),
    Summary("gifts", N_("Gifts"), gifts),
    Summary("interpreters", N_("Interpreters"), interpreters),
]
BY_NAME = {summary.name: summary for summary in SUMMARIES}
