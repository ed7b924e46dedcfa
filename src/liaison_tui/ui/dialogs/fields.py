"""What each form asks for: one ``Field`` per input, per kind of record.

A field turns the record's value into the text shown in its input and parses
the text back, raising ValueError with a message for the user. Forms are built
from these lists, so adding a field to a record means adding one line here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, time
from functools import partial
from typing import Any, assert_never

from liaison_tui.domain import values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.interpreter_text import PLACEHOLDER_EXAMPLE, interpreters_text, parse_interpreters
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.languages import is_known, language_code
from liaison_tui.domain.model import (
    Event,
    EventKind,
    FollowUpStatus,
    PrecedenceRule,
    Record,
    Role,
    Travel,
)
from liaison_tui.domain.names import officer_ids, officer_names, parse_vehicles, vehicles_text
from liaison_tui.i18n import N_, _, pgettext
from liaison_tui.reports.words import shown
from liaison_tui.ui.dialogs.field import Field
from liaison_tui.ui.dialogs.gift_fields import gift_fields

__all__ = ["Field", "blank", "context_problems", "fields_for", "replace"]


PICK = N_("Enter: pick from a list")  # translated where used


def _optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    return lambda text: parse(text) if text.strip() else None


def _whole_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(_("{text!r} is not a whole number").format(text=text)) from None


def _show_rank(rank: int | None) -> str:
    return "" if rank is None else str(rank)


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


def _enum_choices(
    enum: type[Role] | type[EventKind] | type[FollowUpStatus] | type[PrecedenceRule],
) -> Callable[[], list[tuple[str, Any]]]:
    return lambda: [(shown(member), member) for member in enum]


def _city_choices(data: Dataset, *, host_staff: bool) -> Callable[[], list[tuple[str, Any]]]:
    def choices() -> list[tuple[str, Any]]:
        cities = sorted(data.cities.values(), key=lambda c: c.name.casefold())
        listed: list[tuple[str, Any]] = [(f"{c.name} ({c.country})" if c.country else c.name, c.id) for c in cities]
        # Host staff last: typing "H" in the list means Helsinki, not "host staff".
        return [*listed, (_("host staff (no city)"), None)] if host_staff else listed

    return choices


def _optional_timezone(text: str) -> str:
    return values.check_timezone(text.strip()) if text.strip() else ""


def _language(text: str) -> str:
    """A language as its code ("Chinese" → "zh"); refused when unknown."""
    if not text.strip():
        return ""
    if not is_known(text):
        raise ValueError(_("unknown language {language!r}: use a code such as zh, or a name").format(language=text))
    return language_code(text)


def _text(name: str, label: str, placeholder: str = "") -> Field:
    return Field(name, label, placeholder=placeholder)


def _list(name: str, label: str, placeholder: str = "") -> Field:
    hint = placeholder or _("comma-separated")
    return Field(name, label, values.format_list, values.parse_list, placeholder=hint)


def visit_fields(data: Dataset) -> list[Field]:
    return [
        _text("name", _("Name")),
        _text("host_city", _("Host city")),
        _text("organiser", _("Organiser")),
        _text("host_contact", _("Host contact"), _("duty officer's name and phone")),
        _text("emergency_contact", _("Emergency contact"), _("name and phone, day and night")),
        Field("start_date", _("First day"), date.isoformat, values.parse_date, placeholder=_("YYYY-MM-DD")),
        Field("days", _("Days"), str, _whole_number),
        Field("timezone", _("Time zone"), str, values.check_timezone, placeholder=_("e.g. Asia/Shanghai")),
        Field("expected_cities", _("Cities expected"), str, _whole_number),
        Field("expected_officers", _("Officers expected"), str, _whole_number),
        Field("precedence", _("Order of precedence"), choices=_enum_choices(PrecedenceRule)),
        _text("notes", _("Notes")),
        Field("language", _("Working language"), str, _language, placeholder=_("e.g. zh or Chinese; empty: not known")),
    ]


def city_fields(data: Dataset) -> list[Field]:
    return [
        _text("name", _("Name")),
        _text("native_name", _("Name in own script")),
        _text("country", _("Country")),
        _text("relationship", _("Relationship"), _("friendship city, sister city, ...")),
        Field("since", _("Since (year)"), lambda v: "" if v is None else str(v), _optional(_whole_number)),
        _list("cooperation_areas", _("Cooperation areas"), _("trade, education, tourism, ...")),
        Field("timezone", _("Time zone"), str, _optional_timezone, placeholder=_("e.g. Europe/Helsinki")),
        _text("notes", _("Notes")),
    ]


def officer_fields(data: Dataset) -> list[Field]:
    travel = _travel_parser(data)
    # What is asked of nearly everyone first: Enter walks down them, and on the last field saves.
    return [
        _text("name", _("Name")),
        Field("city_id", _("City"), choices=_city_choices(data, host_staff=True)),
        _text("title", _("Title")),
        _text("honorific", _("Honorific"), _("Mr, Ms, Dr, H.E., Councillor, ...")),
        _text("phone", _("Phone")),
        _text("email", _("Email")),
        _text("dietary", _("Dietary needs")),
        Field("role", _("Role"), choices=_enum_choices(Role)),
        Field("rank", _("Rank"), _show_rank, _optional(_whole_number), placeholder=_("1 is highest; blank: unranked")),
        _text("organisation", _("Organisation")),
        _text("native_name", _("Name in own script")),
        _list("languages", _("Languages")),
        _text("accessibility", _("Accessibility needs")),
        Field("arrival", _("Arrival"), _show_travel, _optional(travel), placeholder=_("1 Dec 09:00 FLIGHT")),
        Field("departure", _("Departure"), _show_travel, _optional(travel), placeholder=_("4 Dec 6pm FLIGHT")),
        _text("hotel", _("Hotel")),
        _text("room", _("Room")),
        _text("notes", _("Notes")),
    ]


def event_fields(data: Dataset) -> list[Field]:
    show_names, parse_names = partial(officer_names, data), partial(officer_ids, data)
    return [
        _text("title", pgettext("event", "Title")),
        Field(
            "day",
            _("Date"),
            date.isoformat,
            partial(values.parse_date, default_year=_visit_year(data)),
            placeholder=_("YYYY-MM-DD"),
        ),
        Field("start", _("Starts"), values.format_time, values.parse_time, placeholder=_("HH:MM or 9am")),
        Field("end", _("Ends"), values.format_time, values.parse_time, placeholder=_("HH:MM; earlier = next day")),
        Field("kind", _("Kind"), choices=_enum_choices(EventKind)),
        _text("venue", _("Venue")),
        _text("host_contact", _("Host contact")),
        Field("whole_delegation", _("Whole delegation"), choices=lambda: [(_("yes"), True), (_("no"), False)]),
        Field(
            "participant_ids", _("Also taking part"), show_names, parse_names, placeholder=_(PICK), picks_officers=True
        ),
        Field("speaker_ids", _("Speakers in order"), show_names, parse_names, placeholder=_(PICK), picks_officers=True),
        Field(
            "vehicles",
            _("Vehicles"),
            partial(vehicles_text, data),
            partial(parse_vehicles, data),
            placeholder=_("Bus 1 / driver / phone / riders | Car 2 / ..."),
        ),
        _text("notes", _("Notes")),
        Field(
            "interpreters",
            _("Interpreters"),
            partial(interpreters_text, data),
            partial(parse_interpreters, data),
            placeholder=PLACEHOLDER_EXAMPLE,
        ),
    ]


def followup_fields(data: Dataset) -> list[Field]:
    return [
        Field("city_id", _("City"), choices=_city_choices(data, host_staff=False)),
        _text("text", _("What")),
        _text("area", _("Area"), _("trade, education, ...")),
        Field("status", _("Status"), choices=_enum_choices(FollowUpStatus)),
        _text("owner", _("Owner")),
        Field(
            "due",
            _("Due"),
            lambda v: "" if v is None else v.isoformat(),
            _optional(values.parse_date),
            placeholder=_("YYYY-MM-DD"),
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
        case Kind.GIFT:
            return gift_fields(data)
        case _:
            assert_never(kind)


def context_problems(record: Record, data: Dataset) -> dict[str, str]:
    """Checks that need the rest of the data: an event must fall within its visit."""
    if isinstance(record, Event):
        visit = data.visits.get(record.visit_id)
        if visit is not None and visit.day_number(record.day) is None:
            return {
                "day": _("{day} is outside the visit ({start} to {end})").format(
                    day=record.day, start=visit.start_date, end=visit.end_date
                )
            }
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
        case Kind.GIFT:
            defaults = {"city_id": min(data.cities, default=0), "description": ""}
        case _:
            assert_never(kind)
    return kind.cls(**(defaults | given))


def replace(record: Record, changes: dict[str, Any]) -> Record:
    return dataclasses.replace(record, **changes)
