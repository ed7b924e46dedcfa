"""A delegate's personal handout: their agenda, hotel, pick-ups and whom to call.

It carries no other delegate's personal data: events show "whole delegation"
or a head count, never the names, phones, hotels or flights of others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from liaison_tui.domain import flights, precedence, schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.flights import Direction, Rides
from liaison_tui.domain.model import Event, Officer, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.i18n import _, ngettext
from liaison_tui.i18n.formats import DAY_TIME, when
from liaison_tui.printing.contacts import facts, host_contacts
from liaison_tui.printing.html_writer import Markup, element, joined, name
from liaison_tui.printing.page import document, running_visit
from liaison_tui.printing.programme import day_heading, events_header
from liaison_tui.printing.stylesheet import Paper
from liaison_tui.reports.arrivals import pickup_text


def part(data: Dataset, event: Event, officer: Officer) -> str:
    """The officer's part: "speaker 3", "rides Bus 1 at 08:30", and who else goes, as a count."""
    said = []
    if officer.id in event.speaker_ids:
        said.append(_("speaker {n}").format(n=event.speaker_ids.index(officer.id) + 1))
    for vehicle in event.vehicles:
        if officer.id in vehicle.rider_ids:
            said.append(
                _("rides {vehicle} at {time}").format(vehicle=vehicle.name, time=values.format_time(event.start))
            )
    if event.whole_delegation:
        said.append(_("whole delegation"))
    else:
        count = schedule.participant_count(data, event)
        said.append(ngettext("{n} person", "{n} people", count).format(n=count))
    return "; ".join(said)


def _travel(officer: Officer, seats: Rides, direction: Direction) -> str:
    travel = flights.leg(officer, direction)
    if travel is None:
        return ""
    leg = f"{when(travel.at, DAY_TIME)} {travel.flight}".strip()
    pickup = pickup_text(flights.pickup(seats, officer, direction))
    return f"{leg}. {pickup}" if pickup else leg


def _agenda(data: Dataset, visit: Visit, officer: Officer) -> Markup:
    events = schedule.agenda(data, visit, officer)
    if not events:
        return element("p", _("Nothing planned."))
    parts = [element("h2", _("Your programme"))]
    header = events_header(_("Your part"))
    for number, event_day in enumerate(visit.dates, start=1):
        todays = [e for e in events if e.day == event_day]
        if not todays:
            continue
        rows = [
            element(
                "tr",
                element("td", values.format_span(e.start, e.end), class_="time"),
                element(
                    "td",
                    element("b", e.title, dir="auto"),
                    element("div", e.notes, class_="notes", dir="auto") if e.notes else None,
                ),
                element("td", e.venue, dir="auto"),
                element("td", part(data, e, officer)),
            )
            for e in todays
        ]
        parts.append(element("h3", day_heading(number, event_day)))
        parts.append(element("table", header, element("tbody", joined(rows))))
    return joined(parts)


def handout_body(data: Dataset, visit: Visit, officer: Officer, seats: Rides, *, first: bool = True) -> Markup:
    """One person's handout as a section that starts on a page of its own."""
    city = schedule.city_of(data, officer)
    title = [name(addressed(officer))]
    if officer.native_name:
        title += [Markup(" "), name(officer.native_name)]
    rows: list[tuple[str, str | Markup]] = [
        (_("City"), f"{city.name}, {city.country}".rstrip(", ") if city else _("host staff")),
        (_("Hotel"), _(" room ").join(p for p in (officer.hotel, officer.room) if p)),
        (_("Arrives"), _travel(officer, seats, Direction.ARRIVAL)),
        (_("Departs"), _travel(officer, seats, Direction.DEPARTURE)),
    ]
    section = [
        element("h1", joined(title)),
        element("p", _("{visit}: personal programme").format(visit=visit.name), dir="auto"),
        facts(rows),
        host_contacts(visit),
        _agenda(data, visit, officer),
    ]
    return element("section", joined(section), class_="person first" if first else "person")


def handout_html(data: Dataset, visit: Visit, officer: Officer, paper: Paper = Paper.A4) -> str:
    seats = flights.rides(data, visit)
    body = [running_visit(visit), handout_body(data, visit, officer, seats)]
    return document(f"{addressed(officer)}: {visit.name}", body, paper)


def handout_parts(
    data: Dataset, visit: Visit, paper: Paper, per_part: int, progress: Callable[[int], None] | None = None
) -> Iterator[str]:
    """Every delegation member's handout, one per page, as HTML documents of ``per_part`` people each."""
    seats = flights.rides(data, visit)
    people = precedence.ordered(data, schedule.delegation(data))
    for start in range(0, max(len(people), 1), per_part):
        chunk = people[start : start + per_part]
        body = [running_visit(visit)]
        body += [handout_body(data, visit, o, seats, first=i == 0) for i, o in enumerate(chunk)]
        if not chunk:
            body.append(element("p", _("No delegation members on file.")))
        yield document(_("Handouts: {visit}").format(visit=visit.name), body, paper, numbered=False)
        if progress is not None:
            progress(len(chunk))
