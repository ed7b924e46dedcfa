"""The visit programme: every day, every event with venue, participants, speaking order and notes.

Names are printed (it is the delegation's own programme) but no phone,
email, hotel or flight: those are in the staff pack and the personal handouts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from liaison_tui.domain import precedence, schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, Officer, Visit
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import FULL_DATE, FULL_DAY, when
from liaison_tui.printing.contacts import host_contacts
from liaison_tui.printing.html_writer import Markup, element, joined, name
from liaison_tui.printing.page import document, running_visit
from liaison_tui.printing.stylesheet import Paper
from liaison_tui.reports.words import shown


def day_heading(number: int, event_day: date) -> str:
    return _("Day {number}: {day}").format(number=number, day=when(event_day, FULL_DAY))


def visit_header(visit: Visit) -> Markup:
    dates = _("{start} to {end}, hosted by {host} ({timezone} time)").format(
        start=when(visit.start_date, FULL_DATE),
        end=when(visit.end_date, FULL_DATE),
        host=visit.host_city,
        timezone=visit.timezone,
    )
    # The title also feeds the running footer (see stylesheet: .running-visit).
    return joined([element("h1", visit.name, dir="auto", class_="running-visit"), element("p", dates)])


def _names_by_city(data: Dataset, event: Event) -> Markup:
    named = [data.officers[i] for i in dict.fromkeys(event.participant_ids) if i in data.officers]
    members = schedule.delegation_ids(data)
    if event.whole_delegation:
        named = [o for o in named if o.id not in members]
    lines = [element("div", _("whole delegation"))] if event.whole_delegation else []
    ordered = precedence.ordered(data, named)
    by_city: dict[str, list[Markup]] = {}
    for officer in ordered:
        city = schedule.city_of(data, officer)
        by_city.setdefault(city.name if city else _("host staff"), []).append(name(officer.name))
    for city_name, people in by_city.items():
        lines.append(element("div", element("b", city_name), Markup(": "), Markup(", ".join(people))))
    return joined(lines)


def _event_cell(data: Dataset, event: Event) -> Markup:
    parts = [element("b", event.title, dir="auto")]
    speakers = schedule.speakers(data, event)
    if speakers:
        parts.append(element("div", _("Speaking order"), class_="muted"))
        parts.append(element("ol", joined([name(o.name, "li") for o in speakers]), class_="speakers"))
    if event.host_contact:
        parts.append(element("div", _("Host contact: {contact}").format(contact=event.host_contact)))
    if event.notes:
        parts.append(element("div", event.notes, class_="notes", dir="auto"))
    return joined(parts)


def events_header(last: str) -> Markup:
    """The head of a day's table of events (repeated on each page it runs over); ``last`` names the
    column that differs: who takes part, or the reader's own part."""
    return element(
        "thead",
        element(
            "tr",
            element("th", _("Time"), class_="time"),
            element("th", _("Event"), class_="event"),
            element("th", _("Venue"), class_="venue"),
            element("th", last),
        ),
    )


def _day(data: Dataset, visit: Visit, number: int, events: list[Event], first: bool) -> Markup:
    heading = element("h2", day_heading(number, visit.dates[number - 1]))
    if not events:
        return element("section", heading, element("p", _("Nothing planned.")), class_="day first" if first else "day")
    header = events_header(_("Participants"))
    rows = [
        element(
            "tr",
            element("td", values.format_span(e.start, e.end), class_="time"),
            element("td", _event_cell(data, e)),
            element("td", e.venue, dir="auto"),
            element("td", _names_by_city(data, e)),
        )
        for e in events
    ]
    table = element("table", header, element("tbody", joined(rows)))
    return element("section", heading, table, class_="day first" if first else "day")


def roster(data: Dataset, officers: list[Officer], *, heading: bool = True) -> Markup:
    """Officers by precedence: names, cities, titles and roles only."""
    header = element(
        "thead",
        element("tr", *(element("th", h) for h in (_("Name"), _("City"), _("Title"), _("Role")))),
    )
    rows = []
    for officer in officers:
        city = schedule.city_of(data, officer)
        rows.append(
            element(
                "tr",
                element("td", name(officer.name)),
                element("td", city.name if city else _("host staff"), dir="auto"),
                element("td", officer.title, dir="auto"),
                element("td", shown(officer.role)),
            )
        )
    table = element("table", header, element("tbody", joined(rows)))
    return element("section", element("h2", _("Roster")) if heading else None, table, class_="roster")


def _days(data: Dataset, visit: Visit) -> list[Markup]:
    events = schedule.visit_events(data, visit)
    body = [visit_header(visit)]
    if visit.notes:
        body.append(element("p", visit.notes, class_="notes", dir="auto"))
    body.append(host_contacts(visit))
    for number, event_day in enumerate(visit.dates, start=1):
        todays = [e for e in events if e.day == event_day]
        body.append(_day(data, visit, number, todays, first=number == 1))
    return body


def programme_parts(
    data: Dataset, visit: Visit, paper: Paper, per_part: int, progress: Callable[[int], None] | None = None
) -> Iterator[str]:
    """The programme as HTML: one document, or (a roster longer than ``per_part``) the days then roster parts."""
    officers = precedence.ordered(data, data.officers.values())
    if len(officers) <= per_part:
        yield document(visit.name, [*_days(data, visit), roster(data, officers)], paper)
        return
    # Page numbers would restart in each part: left out when the parts are joined.
    yield document(visit.name, _days(data, visit), paper, numbered=False)
    for start in range(0, len(officers), per_part):
        chunk = officers[start : start + per_part]
        body = [running_visit(visit), roster(data, chunk, heading=start == 0)]
        yield document(visit.name, body, paper, numbered=False)
        if progress is not None:
            progress(len(chunk))


def programme_html(data: Dataset, visit: Visit, paper: Paper = Paper.A4) -> str:
    """The whole programme as one HTML document."""
    return "".join(programme_parts(data, visit, paper, max(len(data.officers), 1)))
