"""The domain: visits, cities, officers, itinerary events, follow-ups and check-ins.

Plain frozen dataclasses, so the store, the CLI and the UI all pass around the
same immutable values and an edit is always "make a new record and save it".
Record ids are TinyDB document ids; ``0`` marks a record not yet saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum


class Role(StrEnum):
    """An officer's part in the visit."""

    LEADER = "leader"
    MEMBER = "member"
    INTERPRETER = "interpreter"
    HOST = "host"  # host-city staff, not part of the delegation

    @property
    def in_delegation(self) -> bool:
        return self is not Role.HOST


class PrecedenceRule(StrEnum):
    """How a visit orders its officers for speaking orders, seating, place cards and badges."""

    LEADERS_THEN_CITIES = "leaders-then-cities"  # the delegation leaders, then cities alphabetical
    RANK = "rank"  # by each officer's rank (1 first); the unranked after, by the default
    FIXED_LIST = "fixed-list"  # the visit's own list; officers not on it after, by the default


class EventKind(StrEnum):
    VISIT = "visit"
    MEETING = "meeting"
    CONFERENCE = "conference"
    MEAL = "meal"
    TRANSPORT = "transport"
    FREE = "free"


class TableShape(StrEnum):
    """How a seating table is laid out."""

    ROUND = "round"  # a table with seats around it: seat 1 is its head (the host's, at the head table)
    ROW = "row"  # a row of chairs, numbered left to right as seen from the front


class Attendance(StrEnum):
    """Where a person stands when the roll is called at an event."""

    PRESENT = "present"
    MISSING = "missing"  # called and not there
    EXCUSED = "excused"  # not expected there, with the host's say-so


class FollowUpStatus(StrEnum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True, kw_only=True)
class Visit:
    """A delegation visit hosted by a city."""

    id: int = 0
    name: str
    host_city: str
    organiser: str = ""
    host_contact: str = ""  # the host's duty officer: name and phone, printed on every handout
    emergency_contact: str = ""  # who to call when something goes wrong, day or night
    start_date: date
    days: int = 4
    timezone: str = "UTC"
    expected_cities: int = 0
    expected_officers: int = 0
    precedence: PrecedenceRule = PrecedenceRule.LEADERS_THEN_CITIES
    precedence_ids: tuple[int, ...] = ()  # officer ids in order, for the fixed-list rule
    notes: str = ""
    # Interpreters: the language the visit is held in (a code such as "zh"); "" when not known.
    language: str = ""

    @property
    def dates(self) -> list[date]:
        return [date.fromordinal(self.start_date.toordinal() + i) for i in range(self.days)]

    @property
    def end_date(self) -> date:
        return self.dates[-1]

    def day_number(self, day: date) -> int | None:
        """1-based day of the visit, or None when ``day`` falls outside it."""
        offset = day.toordinal() - self.start_date.toordinal()
        return offset + 1 if 0 <= offset < self.days else None


@dataclass(frozen=True, slots=True, kw_only=True)
class City:
    """A partner city sending officers."""

    id: int = 0
    name: str
    native_name: str = ""
    country: str = ""
    relationship: str = "friendship city"
    since: int | None = None
    cooperation_areas: tuple[str, ...] = ()
    timezone: str = ""  # IANA zone of the city, for its officers' home time; "" when not known
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Travel:
    """One leg of an officer's journey: when (local time of the visit) and how."""

    at: datetime
    flight: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Vehicle:
    """A car or bus of a transfer, and who rides in it."""

    name: str  # "Bus 1", "Car A"
    driver: str = ""
    phone: str = ""  # the driver's
    rider_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SeatingTable:
    """A table (or a row of chairs) of an event's seating plan and who sits where."""

    name: str  # "Table 1", "Row A"
    shape: TableShape = TableShape.ROUND
    seats: tuple[int | None, ...] = ()  # officer id per seat (seat 1 first); None for an empty seat


@dataclass(frozen=True, slots=True, kw_only=True)
class InterpreterAssignment:
    """An interpreter between two languages at an event: an officer (by id) or a name."""

    languages: tuple[str, str]  # language codes, e.g. ("zh", "en")
    interpreter_id: int | None = None  # an officer, usually with the interpreter role
    interpreter: str = ""  # a name, when the interpreter is no officer in the file


@dataclass(frozen=True, slots=True, kw_only=True)
class Officer:
    """A liaison officer of a partner city, or a member of the host staff."""

    id: int = 0
    name: str
    honorific: str = ""  # form of address (Mr, Dr, H.E., Councillor), never part of the name
    native_name: str = ""
    city_id: int | None = None  # None for host staff
    title: str = ""
    organisation: str = ""
    role: Role = Role.MEMBER
    rank: int | None = None  # order of precedence under the rank rule: 1 is highest
    email: str = ""
    phone: str = ""
    languages: tuple[str, ...] = ()
    dietary: str = ""
    accessibility: str = ""
    arrival: Travel | None = None
    departure: Travel | None = None
    hotel: str = ""
    room: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One item of a visit's itinerary, in the visit's local time.

    An ``end`` earlier than ``start`` is on the next day (a dinner 23:00-00:30):
    ``ends_at`` is the one place that says so, for everything that asks when it ends.
    """

    id: int = 0
    visit_id: int
    day: date
    start: time
    end: time
    title: str
    kind: EventKind = EventKind.VISIT
    venue: str = ""
    host_contact: str = ""
    whole_delegation: bool = True
    participant_ids: tuple[int, ...] = ()  # named officers, besides the delegation if whole
    speaker_ids: tuple[int, ...] = ()  # speaking order, for conference sessions
    speaking_now_id: int | None = None  # who has the floor, set live during the session
    vehicles: tuple[Vehicle, ...] = ()  # for transfers: who rides in which car or bus
    seating: tuple[SeatingTable, ...] = ()  # for meals and conferences: the first table is the head table
    notes: str = ""
    interpreters: tuple[InterpreterAssignment, ...] = ()  # one per language pair

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.start)

    @property
    def crosses_midnight(self) -> bool:
        return self.end < self.start

    @property
    def ends_at(self) -> datetime:
        ends = datetime.combine(self.day, self.end)
        return ends + timedelta(days=1) if self.end < self.start else ends

    def overlaps(self, other: Event) -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUp:
    """Something a city proposed, offered or agreed, to be followed up."""

    id: int = 0
    city_id: int
    text: str
    area: str = ""
    status: FollowUpStatus = FollowUpStatus.PROPOSED
    owner: str = ""
    due: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckIn:
    """One call of one person's name at one event.

    A record of its own (not a field of the event), so two staff calling the
    roll at two doors never edit the same record; the latest check-in of a
    person at an event is their status there.
    """

    id: int = 0
    event_id: int
    officer_id: int
    status: Attendance = Attendance.PRESENT
    at: datetime  # when, on the visit's clock
    by: str = ""  # who called it


class GiftDirection(StrEnum):
    GIVEN = "given"  # by the host to a partner city
    RECEIVED = "received"  # by the host from a partner city


@dataclass(frozen=True, slots=True, kw_only=True)
class Gift:
    """A gift given to or received from a partner city, as protocol offices must declare them."""

    id: int = 0
    direction: GiftDirection = GiftDirection.RECEIVED
    description: str
    city_id: int
    officer_id: int | None = None  # who gave or received it: the city's officer or host staff
    day: date | None = None
    event_id: int | None = None
    amount: Decimal | None = None  # estimated value, with ``currency``
    currency: str = ""  # ISO 4217 code, e.g. "CNY"
    custody: str = ""  # where it is now
    declared: bool = False
    notes: str = ""


Record = Visit | City | Officer | Event | FollowUp | CheckIn | Gift


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one field of one record."""

    where: str  # e.g. "event 'Library visit'"
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class ValidationError(ValueError):
    """Raised with every problem found, so a form or ``check`` can show them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))
