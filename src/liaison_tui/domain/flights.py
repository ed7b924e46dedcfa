"""Who lands and leaves on which flight, and who picks them up.

Travellers are grouped by flight number and time together: two flights landing
at the same minute are two groups (each is met at its own gate), and "MH376",
"mh 376" and "MH-376" are one flight. The pick-up comes from the visit's
transfers (events of kind transport): the vehicle that carries the officer on
the day of the flight.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, EventKind, Officer, Travel, Vehicle, Visit
from liaison_tui.domain.values import fold

_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


class Direction(StrEnum):
    ARRIVAL = "arrival"
    DEPARTURE = "departure"


@dataclass(frozen=True, slots=True)
class PickUp:
    """The vehicle of a transfer that carries one officer."""

    transfer: Event
    vehicle: Vehicle


@dataclass(frozen=True, slots=True)
class Traveller:
    officer: Officer
    pickup: PickUp | None


@dataclass(frozen=True, slots=True)
class FlightGroup:
    """Everyone on one flight at one time (``flight`` "" for travellers who gave none)."""

    flight: str  # as most of its travellers' records spell it
    at: datetime  # on the visit's clock
    travellers: tuple[Traveller, ...]


def flight_key(flight: str) -> str:
    """The key of a flight number: case, spaces and dashes ignored."""
    return _NOT_ALPHANUMERIC.sub("", fold(flight))


def leg(officer: Officer, direction: Direction) -> Travel | None:
    return officer.arrival if direction is Direction.ARRIVAL else officer.departure


Rides = dict[tuple[date, int], list[PickUp]]


def rides(data: Dataset, visit: Visit) -> Rides:
    """Every officer's seats in the visit's transfers, by day, in time order."""
    found: Rides = {}
    for event in schedule.visit_events(data, visit):
        if event.kind is not EventKind.TRANSPORT:
            continue
        for vehicle in event.vehicles:
            for officer_id in vehicle.rider_ids:
                found.setdefault((event.day, officer_id), []).append(PickUp(event, vehicle))
    return found


def pickup(seats: Rides, officer: Officer, direction: Direction) -> PickUp | None:
    """The transfer that meets the officer's flight: on its day, after landing or before take-off.

    Arriving, the first transfer of the day not over before the landing;
    leaving, the last one that starts before the take-off.
    """
    travel = leg(officer, direction)
    if travel is None:
        return None
    options = seats.get((travel.at.date(), officer.id), [])
    if direction is Direction.ARRIVAL:
        return next((p for p in options if p.transfer.ends_at > travel.at), None)
    return next((p for p in reversed(options) if p.transfer.starts_at < travel.at), None)


def _spelling(spellings: list[str]) -> str:
    """The most used spelling; on a tie the first in sort order ("MH376" before "mh 376")."""
    counts = Counter(spellings)
    return min(counts, key=lambda text: (-counts[text], text)) if counts else ""


def by_flight(data: Dataset, visit: Visit | None, direction: Direction) -> list[FlightGroup]:
    """Flights in time order, each with its travellers (by city, then name) and their pick-ups."""
    seats = rides(data, visit) if visit is not None else {}
    travelling = [o for o in data.officers.values() if leg(o, direction) is not None]
    groups: dict[tuple[datetime, str], list[Officer]] = {}
    for officer in schedule.sort_officers(data, travelling):  # sorted once; groups keep the order
        travel = leg(officer, direction)
        assert travel is not None
        groups.setdefault((travel.at, flight_key(travel.flight)), []).append(officer)
    found = []
    for at, key in sorted(groups):
        officers = groups[(at, key)]
        spelled = _spelling([t.flight.strip() for o in officers if (t := leg(o, direction)) and t.flight.strip()])
        travellers = tuple(Traveller(o, pickup(seats, o, direction)) for o in officers)
        found.append(FlightGroup(spelled, at, travellers))
    return found
