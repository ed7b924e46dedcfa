"""What each form asks for: one ``Field`` per input, per kind of record.

A field turns the record's value into the text shown in its input and parses
the text back, raising ValueError with a message for the user. Forms are built
from these lists, so adding a field to a record means adding one line here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial
from typing import Any, assert_never

from liaison_tui.domain import values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import (
    Event,
    EventKind,
    FollowUpStatus,
    Record,
    Role,
    Travel,
)
from liaison_tui.domain.names import officer_ids, officer_names, parse_vehicles, vehicles_text


@dataclass(frozen=True)
class Field:
    name: str  # attribute of the record
    label: str
    show: Callable[[Any], str] = str
    parse: Callable[[str], Any] = str
    choices: Callable[[], list[tuple[str, Any]]] | None = None  # a Select instead of an Input
    placeholder: str = ""
    picks_officers: bool = False  # officer ids, picked in a list rather than typed (``PeoplePicker``)


PICK = "Enter: pick from a list"


def _optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    return lambda text: parse(text) if text.strip() else None


def _whole_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def _show_travel(leg: Travel | None) -> str:
    return "" if leg is None else f"{values.format_datetime(leg.at)} {leg.flight}".strip()


def _visit_year(data: Dataset) -> int:
    """The year a date typed without one (``1 Dec``) is in: the latest visit's."""
    return max((visit.start_date.year for visit in data.visits.values()), default=date.today().year)


def _travel_parser(data: Dataset) -> Callable[[str], Travel]:
    """Arrival or departure as typed; a date without a year is in the visit's year."""
    year = _visit_year(data)

    def parse(text: str) -> Travel:
        moment, flight = values.parse_travel(text, default_year=year)
        return Travel(at=moment, flight=flight)

    return parse


def _enum_choices(enum: type[Role] | type[EventKind] | type[FollowUpStatus]) -> Callable[[], list[tuple[str, Any]]]:
    return lambda: [(member.value, member) for member in enum]


def _city_choices(data: Dataset, *, host_staff: bool) -> Callable[[], list[tuple[str, Any]]]:
    def choices() -> list[tuple[str, Any]]:
        cities = sorted(data.cities.values(), key=lambda c: c.name.casefold())
        listed: list[tuple[str, Any]] = [(f"{c.name} ({c.country})" if c.country else c.name, c.id) for c in cities]
        # Host staff last: typing "H" in the list means Helsinki, not "host staff".
        return [*listed, ("host staff (no city)", None)] if host_staff else listed

    return choices


def _optional_timezone(text: str) -> str:
    return values.check_timezone(text.strip()) if text.strip() else ""


def _text(name: str, label: str, placeholder: str = "") -> Field:
    return Field(name, label, placeholder=placeholder)


def _list(name: str, label: str, placeholder: str = "comma-separated") -> Field:
    return Field(name, label, values.format_list, values.parse_list, placeholder=placeholder)


def visit_fields(data: Dataset) -> list[Field]:
    return [
        _text("name", "Name"),
        _text("host_city", "Host city"),
        _text("organiser", "Organiser"),
        Field("start_date", "First day", date.isoformat, values.parse_date, placeholder="YYYY-MM-DD"),
        Field("days", "Days", str, _whole_number),
        Field("timezone", "Time zone", str, values.check_timezone, placeholder="e.g. Asia/Shanghai"),
        Field("expected_cities", "Cities expected", str, _whole_number),
        Field("expected_officers", "Officers expected", str, _whole_number),
        _text("notes", "Notes"),
    ]


def city_fields(data: Dataset) -> list[Field]:
    return [
        _text("name", "Name"),
        _text("native_name", "Name in own script"),
        _text("country", "Country"),
        _text("relationship", "Relationship", "friendship city, sister city, ..."),
        Field("since", "Since (year)", lambda v: "" if v is None else str(v), _optional(_whole_number)),
        _list("cooperation_areas", "Cooperation areas", "trade, education, tourism, ..."),
        Field("timezone", "Time zone", str, _optional_timezone, placeholder="e.g. Europe/Helsinki"),
        _text("notes", "Notes"),
    ]


def officer_fields(data: Dataset) -> list[Field]:
    travel = _travel_parser(data)
    # What is asked of nearly everyone first: Enter walks down them, and on the last field saves.
    return [
        _text("name", "Name"),
        Field("city_id", "City", choices=_city_choices(data, host_staff=True)),
        _text("title", "Title"),
        _text("honorific", "Honorific", "Mr, Ms, Dr, H.E., Councillor, ..."),
        _text("phone", "Phone"),
        _text("email", "Email"),
        _text("dietary", "Dietary needs"),
        Field("role", "Role", choices=_enum_choices(Role)),
        _text("organisation", "Organisation"),
        _text("native_name", "Name in own script"),
        _list("languages", "Languages"),
        _text("accessibility", "Accessibility needs"),
        Field("arrival", "Arrival", _show_travel, _optional(travel), placeholder="1 Dec 09:00 FLIGHT"),
        Field("departure", "Departure", _show_travel, _optional(travel), placeholder="4 Dec 6pm FLIGHT"),
        _text("hotel", "Hotel"),
        _text("room", "Room"),
        _text("notes", "Notes"),
    ]


def event_fields(data: Dataset) -> list[Field]:
    show_names, parse_names = partial(officer_names, data), partial(officer_ids, data)
    return [
        _text("title", "Title"),
        Field(
            "day",
            "Date",
            date.isoformat,
            partial(values.parse_date, default_year=_visit_year(data)),
            placeholder="YYYY-MM-DD",
        ),
        Field("start", "Starts", values.format_time, values.parse_time, placeholder="HH:MM or 9am"),
        Field("end", "Ends", values.format_time, values.parse_time, placeholder="HH:MM; earlier = next day"),
        Field("kind", "Kind", choices=_enum_choices(EventKind)),
        _text("venue", "Venue"),
        _text("host_contact", "Host contact"),
        Field("whole_delegation", "Whole delegation", choices=lambda: [("yes", True), ("no", False)]),
        Field("participant_ids", "Also taking part", show_names, parse_names, placeholder=PICK, picks_officers=True),
        Field("speaker_ids", "Speakers in order", show_names, parse_names, placeholder=PICK, picks_officers=True),
        Field(
            "vehicles",
            "Vehicles",
            partial(vehicles_text, data),
            partial(parse_vehicles, data),
            placeholder="Bus 1 / driver / phone / riders | Car 2 / ...",
        ),
        _text("notes", "Notes"),
    ]


def followup_fields(data: Dataset) -> list[Field]:
    return [
        Field("city_id", "City", choices=_city_choices(data, host_staff=False)),
        _text("text", "What"),
        _text("area", "Area", "trade, education, ..."),
        Field("status", "Status", choices=_enum_choices(FollowUpStatus)),
        _text("owner", "Owner"),
        Field(
            "due",
            "Due",
            lambda v: "" if v is None else v.isoformat(),
            _optional(values.parse_date),
            placeholder="YYYY-MM-DD",
        ),
    ]


def fields_for(kind: Kind, data: Dataset) -> list[Field]:
    """What the form for ``kind`` asks, in order."""
    match kind:
        case Kind.VISIT:
            return visit_fields(data)
        case Kind.CITY:
            return city_fields(data)
        case Kind.OFFICER:
            return officer_fields(data)
        case Kind.EVENT:
            return event_fields(data)
        case Kind.FOLLOW_UP:
            return followup_fields(data)
        case Kind.CHECK_IN:
            return []  # taken at the roll-call, never through a form
        case _:
            assert_never(kind)


def context_problems(record: Record, data: Dataset) -> dict[str, str]:
    """Checks that need the rest of the data: an event must fall within its visit."""
    if isinstance(record, Event):
        visit = data.visits.get(record.visit_id)
        if visit is not None and visit.day_number(record.day) is None:
            return {"day": f"{record.day} is outside the visit ({visit.start_date} to {visit.end_date})"}
    return {}


def blank(kind: Kind, data: Dataset, **given: Any) -> Record:
    """A new record with defaults for the form to start from; ``given`` overrides them."""
    today = date.today()
    defaults: dict[str, Any]
    match kind:
        case Kind.VISIT:
            defaults = {"name": "", "host_city": "", "start_date": today}
        case Kind.CITY | Kind.OFFICER:
            defaults = {"name": ""}
        case Kind.EVENT:
            start, end = values.parse_time("09:00"), values.parse_time("10:00")
            defaults = {"visit_id": 0, "day": today, "title": "", "start": start, "end": end}
        case Kind.FOLLOW_UP:
            defaults = {"city_id": min(data.cities, default=0), "text": ""}
        case Kind.CHECK_IN:
            defaults = {"event_id": 0, "officer_id": 0, "at": datetime.combine(today, time())}
        case _:
            assert_never(kind)
    return kind.cls(**(defaults | given))


def replace(record: Record, changes: dict[str, Any]) -> Record:
    return dataclasses.replace(record, **changes)
