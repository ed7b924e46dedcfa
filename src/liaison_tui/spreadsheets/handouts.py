"""Lists for people outside the office, as CSV: the caterer's meals, the drivers' flights.

What leaves the office carries only what its reader needs. The caterer gets
each meal's head count, its needs with their counts, and the names per need
(to serve the right plate): no phones, emails, titles or cities. The
arrivals list gives flights, names, hotels and the pick-up with the driver's
phone, not the officers' own contact details. Cells go through ``neutralise``
like every other export, so a name starting with ``=`` cannot run as a formula.
"""

from __future__ import annotations

import csv
import io

from liaison_tui.domain import flights, needs, schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.flights import Direction
from liaison_tui.domain.model import Visit
from liaison_tui.domain.names import addressed
from liaison_tui.i18n import N_, _
from liaison_tui.spreadsheets.columns import neutralise

# These lists are read by people (the caterer, the drivers), never imported: their headings and
# words follow the interface's language. The tables' CSVs (exporting.py) keep the import's names.
MEALS_HEADER = [
    N_("Date"),
    N_("Start"),
    N_("End"),
    N_("Meal"),
    N_("Venue"),
    N_("People"),
    N_("Kind"),
    N_("Need"),
    N_("Count"),
    N_("Names"),
]
ARRIVALS_HEADER = [
    N_("Direction"),
    N_("Date"),
    N_("Time"),
    N_("Flight"),
    N_("Officer"),
    N_("City"),
    N_("Hotel"),
    N_("Transfer"),
    N_("Transfer start"),
    N_("Vehicle"),
    N_("Driver"),
    N_("Driver phone"),
]
DIRECTION_WORDS = {"arrival": N_("arrival"), "departure": N_("departure")}


def _csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV text with CRLF line ends, every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_(heading) for heading in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue()


def meals_csv(data: Dataset, visit: Visit) -> str:
    """One row per need of each meal (one row with no need for a meal without any)."""
    rows = []
    for meal in needs.meal_needs(data, visit):
        event = meal.meal
        head = [
            event.day.isoformat(),
            values.format_time(event.start),
            values.format_time(event.end),
            event.title,
            event.venue,
            str(len(meal.attendees)),
        ]
        groups = [(_("dietary"), g) for g in meal.dietary] + [(_("accessibility"), g) for g in meal.accessibility]
        for kind, group in groups:
            names = "; ".join(o.name for o in group.officers)
            rows.append([*head, kind, group.need, str(len(group.officers)), names])
        if not groups:
            rows.append([*head, "", "", "0", ""])
    return _csv(MEALS_HEADER, rows)


def arrivals_csv(data: Dataset, visit: Visit) -> str:
    """One row per officer and flight: arrivals in time order, then departures."""
    rows = []
    for direction in Direction:
        for group in flights.by_flight(data, visit, direction):
            for traveller in group.travellers:
                officer, pickup = traveller.officer, traveller.pickup
                city = schedule.city_of(data, officer)
                ride = ["", "", "", "", ""]
                if pickup is not None:
                    vehicle = pickup.vehicle
                    start = values.format_time(pickup.transfer.start)
                    ride = [pickup.transfer.title, start, vehicle.name, vehicle.driver, vehicle.phone]
                rows.append(
                    [
                        _(DIRECTION_WORDS.get(direction.value, direction.value)),
                        group.at.date().isoformat(),
                        values.format_time(group.at.time()),
                        group.flight,
                        addressed(officer),  # in time order, for the sign at the gate
                        city.name if city else _("host staff"),
                        officer.hotel,
                        *ride,
                    ]
                )
    return _csv(ARRIVALS_HEADER, rows)
