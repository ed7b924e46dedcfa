"""The event-day half of the synthetic ``demo`` data: flights, meals, buses, roll-calls.

Made up and labelled as such like the rest of ``demo``, but shaped like a real
arrival day so the event-day features can be tried at scale: officers of one
city share a few flights (real airline codes, invented numbers) landing early
on the first day, two latecomers land after the airport transfer has left and
are fetched by a staff-only pick-up, buses carry everyone else by hotel, and
the roll was called at the first morning's events. Time zones are real.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from liaison_tui.domain.model import Attendance, CheckIn, City, Event, EventKind, Officer, Travel, Vehicle, Visit

# Real IANA zones for the synthetic cities: the home times are then real too.
ZONES = [
    "Europe/Helsinki",
    "America/New_York",
    "Pacific/Auckland",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Asia/Kuala_Lumpur",
    "Europe/Paris",
    "Africa/Nairobi",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Europe/London",
    "America/Los_Angeles",
    "Africa/Lagos",
    "Asia/Dubai",
    "America/Mexico_City",
    "Europe/Istanbul",
    "Asia/Jakarta",
    "America/Toronto",
    "Europe/Berlin",
    "Asia/Bangkok",
    "Africa/Cairo",
    "America/Bogota",
    "Asia/Manila",
    "Europe/Madrid",
    "America/Chicago",
    "Asia/Karachi",
    "Pacific/Honolulu",
    "Africa/Johannesburg",
    "Asia/Singapore",
]
# About half the people have a dietary need; a few an accessibility need.
DIETS = [*[""] * 8, "halal", "vegetarian", "vegan", "no pork", "gluten-free", "nut allergy", "lactose-free", "kosher"]
ACCESSIBILITY = [*[""] * 24, "wheelchair", "step-free access", "hearing loop", "large print"]
_AIRLINES = "CZ MU CA HU MH SQ CX KE OZ NH JL AY QF NZ EK QR TK LH AF BA DL UA ET TG".split()
_STAFF = ["Synthetic staff A", "Synthetic staff B", "Synthetic staff C"]
BUS_SEATS = 45
LATE_ARRIVAL = time(10, 30)  # the two latecomers land after the transfer has left, between two activities
_TRANSFER = (time(7, 45), time(8, 45))


@dataclass
class _Flights:
    """Arrival and departure flights, a few per city, each shared by that city's officers."""

    rng: random.Random
    first: date
    last: date
    numbers: set[str] = field(default_factory=set)
    by_city: dict[int, list[tuple[Travel, Travel]]] = field(default_factory=dict)
    late_flight: str = ""

    def _number(self) -> str:
        while True:
            number = f"{self.rng.choice(_AIRLINES)}{self.rng.randint(1, 9999)}"
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def _leg(self, day: date, earliest: time, quarters: int) -> Travel:
        start = datetime.combine(day, earliest)
        return Travel(at=start + timedelta(minutes=15 * self.rng.randrange(quarters)), flight=self._number())

    def legs(self, city: City, late: bool) -> tuple[Travel, Travel]:
        flights = self.by_city.get(city.id)
        if flights is None:  # landing 04:30-07:15, leaving 21:30-23:45 after the conference
            flights = [
                (self._leg(self.first, time(4, 30), 12), self._leg(self.last, time(21, 30), 10))
                for _ in range(self.rng.randint(1, 3))
            ]
            self.by_city[city.id] = flights
        arrival, departure = self.rng.choice(flights)
        if late:
            self.late_flight = self.late_flight or self._number()
            arrival = Travel(at=datetime.combine(self.first, LATE_ARRIVAL), flight=self.late_flight)
        return arrival, departure


def flight_plan(
    rng: random.Random, cities: list[City], start: date, days: int
) -> Callable[[City, bool], tuple[Travel, Travel]]:
    """``legs(city, late)``: an officer's arrival and departure; ``late`` lands after the transfer."""
    flights = _Flights(rng, start, start + timedelta(days=days - 1))
    return flights.legs


def arrival_events(rng: random.Random, visit: Visit, officers: list[Officer]) -> list[Event]:
    """The first morning: the airport transfer by hotel, and a staff-only pick-up of the latecomers."""
    day = visit.start_date
    late = [o for o in officers if o.arrival and o.arrival.at.time() == LATE_ARRIVAL]
    riders = sorted((o for o in officers if o not in late), key=lambda o: (o.hotel, o.id))
    vehicles = tuple(
        Vehicle(
            name=f"Bus {n + 1}",
            driver=f"Synthetic driver {n + 1}",
            phone=f"+00 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            rider_ids=tuple(o.id for o in riders[at : at + BUS_SEATS]),
        )
        for n, at in enumerate(range(0, len(riders), BUS_SEATS))
    )
    transfer = Event(
        visit_id=visit.id,
        day=day,
        start=_TRANSFER[0],
        end=_TRANSFER[1],
        title="Airport transfer to the hotels",
        kind=EventKind.TRANSPORT,
        venue="Airport, arrivals hall",
        vehicles=vehicles,
    )
    events = [transfer]
    if late:
        pick_up_end = (datetime.combine(day, LATE_ARRIVAL) + timedelta(minutes=30)).time()
        car = Vehicle(
            name="Car 1", driver="Synthetic driver 0", phone="+00 100 1000", rider_ids=tuple(o.id for o in late)
        )
        events.append(
            Event(
                visit_id=visit.id,
                day=day,
                start=LATE_ARRIVAL,
                end=pick_up_end,
                title="Airport pick-up (late flight)",
                kind=EventKind.TRANSPORT,
                venue="Airport, arrivals hall",
                whole_delegation=False,
                participant_ids=tuple(o.id for o in late),
                vehicles=(car,),
            )
        )
    return events


def welcome_dinner(visit: Visit) -> Event:
    return Event(
        visit_id=visit.id,
        day=visit.start_date,
        start=time(19, 0),
        end=time(21, 0),
        title="Welcome dinner",
        kind=EventKind.MEAL,
        venue="Banquet hall",
    )


def checkins(rng: random.Random, events: list[Event], officers: list[Officer]) -> list[CheckIn]:
    """Roll-calls at ``events``: latecomers excused, most present, a few missing or not called yet."""
    calls: list[CheckIn] = []
    for event in events:
        expected = officers if event.whole_delegation else [o for o in officers if o.id in event.participant_ids]
        for officer in expected:
            draw = rng.random()
            if officer.arrival and officer.arrival.at > event.starts_at:
                status = Attendance.EXCUSED
            elif draw < 0.94:
                status = Attendance.PRESENT
            elif draw < 0.97:
                status = Attendance.MISSING
            else:
                continue  # not called (yet)
            at = event.starts_at + timedelta(minutes=rng.randint(-15, 5))
            calls.append(
                CheckIn(
                    id=len(calls) + 1,
                    event_id=event.id,
                    officer_id=officer.id,
                    status=status,
                    at=at,
                    by=rng.choice(_STAFF),
                )
            )
    return calls
