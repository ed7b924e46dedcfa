"""Arrivals and departures by flight, for the staff who meet and see off the delegation.

One block per flight (two flights landing at the same minute are two blocks):
its time, who is on it, their hotels, and the car or bus that picks each one
up, with the driver's phone. ``spreadsheets.handouts`` writes the same as CSV.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from liaison_tui.domain import flights, schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.flights import Direction, FlightGroup, PickUp
from liaison_tui.domain.model import Visit
from liaison_tui.reports.tables import cap, cells, table


def pickup_text(pickup: PickUp | None) -> str:
    """``Airport transfer 14:30: Bus 1, driver Wang Li +86 138 0000 0000``; "" when none."""
    if pickup is None:
        return ""
    driver = " ".join(part for part in (pickup.vehicle.driver, pickup.vehicle.phone) if part)
    when = values.format_time(pickup.transfer.start)
    return f"{pickup.transfer.title} {when}: {pickup.vehicle.name}" + (f", driver {driver}" if driver else "")


def flight_label(group: FlightGroup) -> str:
    return group.flight or "no flight given"


def _flights_table(title: str, data: Dataset, groups: list[FlightGroup], limit: int | None) -> Table:
    travellers = sum(len(g.travellers) for g in groups)
    unmet = sum(1 for g in groups for t in g.travellers if t.pickup is None)
    caption = f"{len(groups)} flights, {travellers} officers; {unmet} without a pick-up in a transfer's vehicles"
    drawn = table(title, "Day", "Time", "Flight", "Officer", "City", "Hotel", "Pick-up", caption=caption)
    rows: list[list[Text]] = []
    ends: set[int] = set()
    for group in groups:
        for position, traveller in enumerate(group.travellers):
            first = position == 0  # the flight's cells on its first row only: one block per flight
            city = schedule.city_of(data, traveller.officer)
            rows.append(
                cells(
                    f"{group.at:%a %d %b}" if first else "",
                    values.format_time(group.at.time()) if first else "",
                    f"{flight_label(group)} ({len(group.travellers)})" if first else "",
                    traveller.officer.name,
                    city.name if city else "host staff",
                    traveller.officer.hotel,
                    pickup_text(traveller.pickup),
                )
            )
        ends.add(len(rows) - 1)
    return cap(drawn, rows, limit, section_ends=ends)


def arrivals(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    """Arrivals, then departures, by flight."""
    return [
        _flights_table("Arrivals by flight", data, flights.by_flight(data, visit, Direction.ARRIVAL), limit),
        _flights_table("Departures by flight", data, flights.by_flight(data, visit, Direction.DEPARTURE), limit),
    ]
