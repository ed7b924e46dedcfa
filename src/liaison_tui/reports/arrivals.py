"""Arrivals and departures by flight, for the staff who meet and see off the delegation.

One row per flight (two flights landing at the same minute are two rows): its
time, who is on it with their hotels, and the cars or buses that pick them up,
with the drivers' phones. One row per flight rather than per officer keeps a
large delegation's list readable and quick to draw (Rich spends its time per
cell). ``spreadsheets.handouts`` writes one row per officer as CSV.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from liaison_tui.domain import flights, schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.flights import Direction, FlightGroup, PickUp
from liaison_tui.domain.model import Vehicle, Visit
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import day, number
from liaison_tui.reports.display import literal
from liaison_tui.reports.tables import cap, cells, few, table


def pickup_text(pickup: PickUp | None) -> str:
    """``Airport pick-up 14:00: Bus 1, driver Wang Li +86 138 0000 0000``; "" when none."""
    if pickup is None:
        return ""
    driver = " ".join(part for part in (pickup.vehicle.driver, pickup.vehicle.phone) if part)
    when = values.format_time(pickup.transfer.start)
    ride = f"{pickup.transfer.title} {when}: {pickup.vehicle.name}"
    return _("{ride}, driver {driver}").format(ride=ride, driver=driver) if driver else ride


def flight_label(group: FlightGroup) -> str:
    return group.flight or _("no flight given")


def _lines(lines: list[str]) -> Text:
    """Several lines in one cell, each literal."""
    return Text("\n").join(literal(line) for line in lines)


def _row(data: Dataset, group: FlightGroup, limit: int | None) -> list[Text]:
    travellers = group.travellers[:limit]
    people = []
    for traveller in travellers:
        city = schedule.city_of(data, traveller.officer)
        hotel = f" · {traveller.officer.hotel}" if traveller.officer.hotel else ""
        people.append(f"{traveller.officer.name} ({city.name if city else _('host staff')}){hotel}")
    if len(travellers) < len(group.travellers):
        people.append(_("… and {n} more").format(n=number(len(group.travellers) - len(travellers))))
    # Pick-ups by vehicle, in order of first rider: the driver is called once per car, not per passenger.
    rides: dict[tuple[int, Vehicle] | None, tuple[PickUp | None, list[str]]] = {}
    for traveller in group.travellers:
        pickup = traveller.pickup
        key = (pickup.transfer.id, pickup.vehicle) if pickup else None
        rides.setdefault(key, (pickup, []))[1].append(traveller.officer.name)
    pickups = []
    for pickup, names in rides.values():
        riders = ", ".join(names) if limit is None else few(names, limit)
        pickups.append(f"{pickup_text(pickup) if pickup else _('no pick-up')}: {riders}")
    when, count = f"{day(group.at)} {values.format_time(group.at.time())}", len(group.travellers)
    return [*cells(when, f"{flight_label(group)} ({count})"), _lines(people), _lines(pickups)]


def _flights_table(title: str, data: Dataset, groups: list[FlightGroup], limit: int | None) -> Table:
    travellers = sum(len(g.travellers) for g in groups)
    unmet = sum(1 for g in groups for t in g.travellers if t.pickup is None)
    caption = _("{flights} flights, {travellers} officers; {unmet} without a pick-up in a transfer's vehicles").format(
        flights=len(groups), travellers=travellers, unmet=unmet
    )
    drawn = table(title, _("When"), _("Flight"), _("Officers · hotel"), _("Pick-up"), caption=caption)
    rows = [_row(data, group, limit) for group in groups[:limit]]
    return cap(drawn, rows, limit, section_ends=range(len(rows)), total=len(groups))


def arrivals(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    """Arrivals, then departures, by flight."""
    return [
        _flights_table(_("Arrivals by flight"), data, flights.by_flight(data, visit, Direction.ARRIVAL), limit),
        _flights_table(_("Departures by flight"), data, flights.by_flight(data, visit, Direction.DEPARTURE), limit),
    ]
