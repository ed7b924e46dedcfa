"""The columns of the spreadsheets we write and read, and how cells map to records.

One table per kind: the header we export, the other names registration
systems use for the same column (matched without regard to case, spaces or
punctuation), and conversions both ways, so an export imports back unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from liaison_tui.domain import schedule, values
from liaison_tui.domain.model import (
    City,
    Dataset,
    Event,
    EventKind,
    FollowUp,
    FollowUpStatus,
    Officer,
    Record,
    Role,
    Travel,
)
from liaison_tui.domain.names import find_city, officer_ids, officer_names
from liaison_tui.domain.values import fold

Row = dict[str, str]


@dataclass(frozen=True)
class Column:
    field: str  # key used inside the importer
    header: str  # what the export writes
    aliases: tuple[str, ...] = ()


def header_key(text: str) -> str:
    """'First Name', 'first_name' and 'FIRST-NAME' are the same column."""
    return re.sub(r"[^0-9a-z]+", "", fold(text))


OFFICER_COLUMNS = [
    Column("name", "Name", ("Full Name", "Officer", "Participant", "Attendee Name")),
    Column("first_name", "", ("First Name", "Given Name", "Forename", "First")),
    Column("last_name", "", ("Last Name", "Surname", "Family Name", "Last")),
    Column("native_name", "Name in own script", ("Native Name", "Local Name", "Name (local script)")),
    Column("city", "City", ("Partner City", "Home City", "Municipality")),
    Column("country", "Country", ("Nation",)),
    Column("title", "Title", ("Job Title", "Position", "Role Title", "Designation")),
    Column("organisation", "Organisation", ("Organization", "Company", "Institution", "Agency", "Department")),
    Column("role", "Role", ("Delegation Role",)),
    Column("email", "Email", ("E-mail", "Email Address", "E-mail Address", "Mail")),
    Column("phone", "Phone", ("Mobile", "Mobile Phone", "Telephone", "Tel", "Phone Number", "Cell")),
    Column("languages", "Languages", ("Language", "Languages Spoken")),
    Column("dietary", "Dietary", ("Dietary Requirements", "Dietary Needs", "Diet", "Dietary Restrictions")),
    Column("accessibility", "Accessibility", ("Accessibility Needs", "Special Requirements", "Special Needs")),
    Column("arrival", "Arrival", ("Arrival Date", "Arrival Time", "Arriving", "Arrival Date and Time")),
    Column("arrival_flight", "Arrival flight", ("Arrival Flight Number", "Inbound Flight", "Flight In")),
    Column("departure", "Departure", ("Departure Date", "Departure Time", "Departing", "Departure Date and Time")),
    Column("departure_flight", "Departure flight", ("Departure Flight Number", "Outbound Flight", "Flight Out")),
    Column("hotel", "Hotel", ("Accommodation", "Hotel Name", "Lodging")),
    Column("room", "Room", ("Room Number",)),
    Column("notes", "Notes", ("Comments", "Remarks")),
]
CITY_COLUMNS = [
    Column("name", "Name", ("City", "City Name")),
    Column("native_name", "Name in own script", ("Native Name", "Local Name")),
    Column("country", "Country", ("Nation",)),
    Column("relationship", "Relationship", ("Relationship Type", "Status")),
    Column("since", "Since", ("Year", "Since Year", "Established")),
    Column("cooperation_areas", "Cooperation areas", ("Cooperation", "Areas", "Areas of Cooperation")),
    Column("notes", "Notes", ("Comments", "Remarks")),
]
EVENT_COLUMNS = [
    Column("day", "Date", ("Day",)),
    Column("start", "Start", ("Start Time", "From", "Begins")),
    Column("end", "End", ("End Time", "To", "Until", "Ends")),
    Column("title", "Title", ("Event", "Name", "Activity")),
    Column("kind", "Kind", ("Type", "Event Type", "Category")),
    Column("venue", "Venue", ("Location", "Place", "Where")),
    Column("host_contact", "Host contact", ("Contact", "Host")),
    Column("whole_delegation", "Whole delegation", ("All Delegates", "Everyone")),
    Column("participant_ids", "Participants", ("Attendees", "Also Taking Part")),
    Column("speaker_ids", "Speakers", ("Speaking Order",)),
    Column("notes", "Notes", ("Comments", "Remarks", "Description")),
]
FOLLOWUP_COLUMNS = [
    Column("city", "City", ("Partner City",)),
    Column("text", "What", ("Text", "Follow-up", "Proposal", "Item", "Description")),
    Column("area", "Area", ("Cooperation Area", "Field")),
    Column("status", "Status", ("State",)),
    Column("owner", "Owner", ("Responsible", "Assigned To")),
    Column("due", "Due", ("Due Date", "Deadline")),
]
COLUMNS: dict[type[Record], list[Column]] = {
    Officer: OFFICER_COLUMNS,
    City: CITY_COLUMNS,
    Event: EVENT_COLUMNS,
    FollowUp: FOLLOWUP_COLUMNS,
}


# A cell starting with one of these runs as a formula when a spreadsheet opens the file
# (CSV injection): export prefixes an apostrophe, import removes it again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets also read a formula behind leading blanks or invisible characters, and
# some read the full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) as the plain ones.
_FORMULA_SIGNS = frozenset("=+-@")


def _is_blank(character: str) -> bool:
    # Spaces, no-break spaces, line breaks, and format characters (zero-width
    # space and joiners, word joiner, BOM, direction marks) a reader cannot see.
    return character.isspace() or unicodedata.category(character) == "Cf"


def looks_like_formula(cell: str) -> bool:
    """True when a spreadsheet might run ``cell``: its first visible character starts a formula."""
    if cell.startswith(FORMULA_STARTS):
        return True
    for character in cell:
        if not _is_blank(character):
            return unicodedata.normalize("NFKC", character) in _FORMULA_SIGNS
    return False


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to formula-like cells (and to ones already starting with one)."""
    return "'" + cell if cell.startswith("'") or looks_like_formula(cell) else cell


def restore(cell: str) -> str:
    """Undo ``neutralise`` on import; other cells starting with an apostrophe stay as they are."""
    rest = cell[1:]
    return rest if cell.startswith("'") and (rest.startswith("'") or looks_like_formula(rest)) else cell


def _travel_cells(leg: Travel | None) -> tuple[str, str]:
    return ("", "") if leg is None else (values.format_datetime(leg.at), leg.flight)


def to_row(data: Dataset, record: Record) -> Row:
    """The cells of one record, keyed by field."""
    if isinstance(record, Officer):
        city = schedule.city_of(data, record)
        arrival, arrival_flight = _travel_cells(record.arrival)
        departure, departure_flight = _travel_cells(record.departure)
        return {
            "name": record.name,
            "native_name": record.native_name,
            "city": city.name if city else "",
            "country": city.country if city else "",
            "title": record.title,
            "organisation": record.organisation,
            "role": record.role.value,
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
    if isinstance(record, City):
        return {
            "name": record.name,
            "native_name": record.native_name,
            "country": record.country,
            "relationship": record.relationship,
            "since": "" if record.since is None else str(record.since),
            "cooperation_areas": values.format_list(record.cooperation_areas),
            "notes": record.notes,
        }
    if isinstance(record, Event):
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
            "notes": record.notes,
        }
    assert isinstance(record, FollowUp)
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
        raise ValueError(f"{text!r} is not one of: {allowed}") from None


def _yes_no(text: str) -> bool:
    answer = text.strip().lower()
    if answer in ("", "yes", "y", "true", "1", "x"):
        return True
    if answer in ("no", "n", "false", "0"):
        return False
    raise ValueError(f"{text!r}: use yes or no")


def _travel(at: str, flight: str) -> Travel | None:
    if not at.strip():
        return None
    return Travel(at=values.parse_datetime(at), flight=flight.strip())


Builder = Callable[[Dataset, Row, int], Record]


def officer_from_row(data: Dataset, row: Row, visit_id: int) -> Officer:
    name = row.get("name", "").strip() or " ".join(
        part for part in (row.get("first_name", "").strip(), row.get("last_name", "").strip()) if part
    )
    city_name = row.get("city", "").strip()
    city = find_city(data, city_name, row.get("country", "")) if city_name else None
    return Officer(
        name=name,
        native_name=row.get("native_name", "").strip(),
        city_id=city.id if city else None,
        title=row.get("title", "").strip(),
        organisation=row.get("organisation", "").strip(),
        role=_choice(Role, row.get("role", ""), Role.MEMBER if city else Role.HOST),
        email=row.get("email", "").strip(),
        phone=row.get("phone", "").strip(),
        languages=values.parse_list(row.get("languages", "")),
        dietary=row.get("dietary", "").strip(),
        accessibility=row.get("accessibility", "").strip(),
        arrival=_travel(row.get("arrival", ""), row.get("arrival_flight", "")),
        departure=_travel(row.get("departure", ""), row.get("departure_flight", "")),
        hotel=row.get("hotel", "").strip(),
        room=row.get("room", "").strip(),
        notes=row.get("notes", "").strip(),
    )


def city_from_row(data: Dataset, row: Row, visit_id: int) -> City:
    since = row.get("since", "").strip()
    if since and not since.isdigit():
        raise ValueError(f"since: {since!r} is not a year")
    return City(
        name=row.get("name", "").strip(),
        native_name=row.get("native_name", "").strip(),
        country=row.get("country", "").strip(),
        relationship=row.get("relationship", "").strip() or "friendship city",
        since=int(since) if since else None,
        cooperation_areas=values.parse_list(row.get("cooperation_areas", "")),
        notes=row.get("notes", "").strip(),
    )


def event_from_row(data: Dataset, row: Row, visit_id: int) -> Event:
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
        notes=row.get("notes", "").strip(),
    )


def followup_from_row(data: Dataset, row: Row, visit_id: int) -> FollowUp:
    due = row.get("due", "").strip()
    return FollowUp(
        city_id=find_city(data, row.get("city", "")).id,
        text=row.get("text", "").strip(),
        area=row.get("area", "").strip(),
        status=_choice(FollowUpStatus, row.get("status", ""), FollowUpStatus.PROPOSED),
        owner=row.get("owner", "").strip(),
        due=values.parse_date(due) if due else None,
    )


BUILDERS: dict[type[Record], Builder] = {
    Officer: officer_from_row,
    City: city_from_row,
    Event: event_from_row,
    FollowUp: followup_from_row,
}
