"""How spreadsheet cells become records and records become cells.

Conversions both ways, per kind, so an export imports back unchanged. The
columns themselves (headers and the aliases registration systems use) are
``columns``.
"""

from __future__ import annotations

from typing import Any, assert_never

from liaison_tui.domain import schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.interpreter_text import interpreters_text, parse_interpreters
from liaison_tui.domain.kinds import Kind, kind_of
from liaison_tui.domain.model import (
    CheckIn,
    City,
    Event,
    EventKind,
    FollowUp,
    FollowUpStatus,
    Gift,
    Officer,
    Record,
    Role,
    Travel,
    Visit,
)
from liaison_tui.domain.names import find_city, officer_ids, officer_names
from liaison_tui.i18n import _
from liaison_tui.spreadsheets.columns import SheetRow
from liaison_tui.spreadsheets.gift_cells import gift_cells, gift_from_row


def _travel_cells(leg: Travel | None) -> tuple[str, str]:
    return ("", "") if leg is None else (values.format_datetime(leg.at), leg.flight)


def to_row(data: Dataset, record: Record) -> SheetRow:
    """The cells of one record, keyed by field."""
    match record:
        case Officer():
            return _officer_cells(data, record)
        case City():
            return _city_cells(record)
        case Event():
            return _event_cells(data, record)
        case FollowUp():
            return _followup_cells(data, record)
        case Gift():
            return gift_cells(data, record)
        case Visit() | CheckIn():
            raise ValueError(_("{kinds} have no spreadsheet rows").format(kinds=kind_of(record).plural))
        case _:
            assert_never(record)


def _officer_cells(data: Dataset, record: Officer) -> SheetRow:
    city = schedule.city_of(data, record)
    arrival, arrival_flight = _travel_cells(record.arrival)
    departure, departure_flight = _travel_cells(record.departure)
    return {
        "name": record.name,
        "honorific": record.honorific,
        "native_name": record.native_name,
        "city": city.name if city else "",
        "country": city.country if city else "",
        "title": record.title,
        "organisation": record.organisation,
        "role": record.role.value,
        "rank": "" if record.rank is None else str(record.rank),
        "email": record.email,
        "phone": record.phone,
        "languages": values.format_list(record.languages),
        "dietary": record.dietary,
        "accessibility": record.accessibility,
        "arrival": arrival,
        "arrival_flight": arrival_flight,
        "departure": departure,
        "departure_flight": departure_flight,
        "hotel": record.hotel,
        "room": record.room,
        "notes": record.notes,
    }


def _city_cells(record: City) -> SheetRow:
    return {
        "name": record.name,
        "native_name": record.native_name,
        "country": record.country,
        "relationship": record.relationship,
        "since": "" if record.since is None else str(record.since),
        "cooperation_areas": values.format_list(record.cooperation_areas),
        "notes": record.notes,
    }


def _event_cells(data: Dataset, record: Event) -> SheetRow:
    return {
        "day": record.day.isoformat(),
        "start": values.format_time(record.start),
        "end": values.format_time(record.end),
        "title": record.title,
        "kind": record.kind.value,
        "venue": record.venue,
        "host_contact": record.host_contact,
        "whole_delegation": "yes" if record.whole_delegation else "no",
        "participant_ids": officer_names(data, record.participant_ids),
        "speaker_ids": officer_names(data, record.speaker_ids),
        "interpreters": interpreters_text(data, record.interpreters),
        "notes": record.notes,
    }


def _followup_cells(data: Dataset, record: FollowUp) -> SheetRow:
    city_record = data.cities.get(record.city_id)
    return {
        "city": city_record.name if city_record else "",
        "text": record.text,
        "area": record.area,
        "status": record.status.value,
        "owner": record.owner,
        "due": record.due.isoformat() if record.due else "",
    }


# -- reading cells back --------------------------------------------------------


def _choice(enum: type[Role] | type[EventKind] | type[FollowUpStatus], text: str, default: Any) -> Any:
    if not text.strip():
        return default
    try:
        return enum(text.strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ValueError(_("{text!r} is not one of: {allowed}").format(text=text, allowed=allowed)) from None


def _rank(text: str) -> int | None:
    if not text.strip():
        return None
    problem = ValueError(_("rank {text!r} is not a whole number from 1 (highest)").format(text=text))
    try:
        rank = int(text.strip())
    except ValueError:
        raise problem from None
    if rank < 1:
        raise problem
    return rank


def _yes_no(text: str) -> bool:
    answer = text.strip().lower()
    if answer in ("", "yes", "y", "true", "1", "x"):
        return True
    if answer in ("no", "n", "false", "0"):
        return False
    raise ValueError(_("{text!r}: use yes or no").format(text=text))


def _travel(at: str, flight: str) -> Travel | None:
    if not at.strip():
        return None
    return Travel(at=values.parse_datetime(at), flight=flight.strip())


def _when(row: SheetRow, leg: str) -> str:
    """The ``arrival``/``departure`` cell, or the date and time columns of exports that split them."""
    both = row.get(leg, "").strip()
    day, clock = row.get(f"{leg}_date", "").strip(), row.get(f"{leg}_time", "").strip()
    if both or not (day or clock):
        return both
    if not day:
        raise ValueError(_("{leg} time {clock!r} has no {leg} date").format(leg=_(leg), clock=clock))
    if not clock:
        if " " in day or "T" in day:  # a date column holding date and time
            return day
        raise ValueError(_("{leg} date {day!r} has no {leg} time").format(leg=_(leg), day=day))
    return f"{day} {clock}"


def officer_from_row(data: Dataset, row: SheetRow) -> Officer:
    name = row.get("name", "").strip() or " ".join(
        part for part in (row.get("first_name", "").strip(), row.get("last_name", "").strip()) if part
    )
    city_name = row.get("city", "").strip()
    city = find_city(data, city_name, row.get("country", "")) if city_name else None
    return Officer(
        name=name,
        honorific=row.get("honorific", "").strip(),
        native_name=row.get("native_name", "").strip(),
        city_id=city.id if city else None,
        title=row.get("title", "").strip(),
        organisation=row.get("organisation", "").strip(),
        role=_choice(Role, row.get("role", ""), Role.MEMBER if city else Role.HOST),
        rank=_rank(row.get("rank", "")),
        email=row.get("email", "").strip(),
        phone=row.get("phone", "").strip(),
        languages=values.parse_list(row.get("languages", "")),
        dietary=row.get("dietary", "").strip(),
        accessibility=row.get("accessibility", "").strip(),
        arrival=_travel(_when(row, "arrival"), row.get("arrival_flight", "")),
        departure=_travel(_when(row, "departure"), row.get("departure_flight", "")),
        hotel=row.get("hotel", "").strip(),
        room=row.get("room", "").strip(),
        notes=row.get("notes", "").strip(),
    )


def city_from_row(row: SheetRow) -> City:
    since = row.get("since", "").strip()
    if since and not since.isdigit():
        raise ValueError(_("since: {since!r} is not a year").format(since=since))
    return City(
        name=row.get("name", "").strip(),
        native_name=row.get("native_name", "").strip(),
        country=row.get("country", "").strip(),
        relationship=row.get("relationship", "").strip() or "friendship city",
        since=int(since) if since else None,
        cooperation_areas=values.parse_list(row.get("cooperation_areas", "")),
        notes=row.get("notes", "").strip(),
    )


def event_from_row(data: Dataset, row: SheetRow, visit_id: int) -> Event:
    return Event(
        visit_id=visit_id,
        day=values.parse_date(row.get("day", "")),
        start=values.parse_time(row.get("start", "")),
        end=values.parse_time(row.get("end", "")),
        title=row.get("title", "").strip(),
        kind=_choice(EventKind, row.get("kind", ""), EventKind.VISIT),
        venue=row.get("venue", "").strip(),
        host_contact=row.get("host_contact", "").strip(),
        whole_delegation=_yes_no(row.get("whole_delegation", "")),
        participant_ids=officer_ids(data, row.get("participant_ids", "")),
        speaker_ids=officer_ids(data, row.get("speaker_ids", "")),
        interpreters=parse_interpreters(data, row.get("interpreters", "")),
        notes=row.get("notes", "").strip(),
    )


def followup_from_row(data: Dataset, row: SheetRow) -> FollowUp:
    due = row.get("due", "").strip()
    return FollowUp(
        city_id=find_city(data, row.get("city", "")).id,
        text=row.get("text", "").strip(),
        area=row.get("area", "").strip(),
        status=_choice(FollowUpStatus, row.get("status", ""), FollowUpStatus.PROPOSED),
        owner=row.get("owner", "").strip(),
        due=values.parse_date(due) if due else None,
    )


def from_row(kind: Kind, data: Dataset, row: SheetRow, visit_id: int) -> Record:
    """The record a spreadsheet row describes; ValueError says what is wrong with it."""
    match kind:
        case Kind.OFFICER:
            return officer_from_row(data, row)
        case Kind.CITY:
            return city_from_row(row)
        case Kind.EVENT:
            return event_from_row(data, row, visit_id)
        case Kind.FOLLOW_UP:
            return followup_from_row(data, row)
        case Kind.GIFT:
            return gift_from_row(data, row)
        case Kind.VISIT | Kind.CHECK_IN:
            raise ValueError(_("{kinds} are not imported from spreadsheets").format(kinds=kind.plural))
        case _:
            assert_never(kind)
