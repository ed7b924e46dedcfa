"""The staff pack: the roster with every contact, need and flight, marked confidential on every page."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from liaison_tui.domain import precedence, schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Travel, Visit
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import DAY_TIME, when
from liaison_tui.printing.contacts import host_contacts
from liaison_tui.printing.html_writer import Markup, element, joined, name
from liaison_tui.printing.page import confidential_mark, document, running_visit
from liaison_tui.printing.programme import visit_header
from liaison_tui.printing.stylesheet import Paper
from liaison_tui.reports.words import shown


def _travel(travel: Travel | None) -> str:
    return f"{when(travel.at, DAY_TIME)} {travel.flight}".strip() if travel else ""


def _headers() -> list[str]:
    return [
        *(_("Name"), _("City"), _("Role"), _("Phone"), _("Email"), _("Hotel")),
        *(_("Dietary"), _("Accessibility"), _("Arrives"), _("Departs")),
    ]


def _row(data: Dataset, officer: Officer) -> Markup:
    city = schedule.city_of(data, officer)
    cells: list[str | Markup] = [
        name(officer.name),
        city.name if city else _("host staff"),
        shown(officer.role),
        officer.phone,
        officer.email,
        _(" room ").join(p for p in (officer.hotel, officer.room) if p),
        officer.dietary,
        officer.accessibility,
        _travel(officer.arrival),
        _travel(officer.departure),
    ]
    return element("tr", *(element("td", cell, dir="auto") for cell in cells))


def staff_pack_parts(
    data: Dataset, visit: Visit, paper: Paper, per_part: int, progress: Callable[[int], None] | None = None
) -> Iterator[str]:
    """The pack as HTML documents of ``per_part`` roster rows each (one document when it fits)."""
    officers = precedence.ordered(data, data.officers.values())
    header = element("thead", element("tr", *(element("th", h) for h in _headers())))
    numbered = len(officers) <= per_part  # page numbers restart in each part: left out when joined
    for start in range(0, max(len(officers), 1), per_part):
        chunk = officers[start : start + per_part]
        body = [confidential_mark()]
        if start == 0:
            body += [
                visit_header(visit),
                element("h2", _("Staff pack")),
                host_contacts(visit),
                element("h2", _("Roster")),
            ]
        else:
            body.append(running_visit(visit))
        body.append(element("table", header, element("tbody", joined([_row(data, o) for o in chunk]))))
        title = _("Staff pack: {visit}").format(visit=visit.name)
        yield document(title, body, paper, landscape=True, numbered=numbered, body_class="staff")
        if progress is not None:
            progress(len(chunk))
