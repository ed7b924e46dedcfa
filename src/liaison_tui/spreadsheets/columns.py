"""The columns of the spreadsheets we write and read.

One table per kind: the header we export, and the other names registration
systems use for the same column (matched without regard to case, spaces or
punctuation). How cells become records and back is ``cells``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import assert_never

from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.values import fold

SheetRow = dict[str, str]  # one spreadsheet row: cell text keyed by field name


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
    # "Title" may hold honorifics too: the importer reads such a column as this one (``registration``).
    Column("honorific", "Honorific", ("Prefix", "Salutation", "Form of Address", "Courtesy Title", "Name Prefix")),
    Column("first_name", "", ("First Name", "Given Name", "Forename", "First")),
    Column("last_name", "", ("Last Name", "Surname", "Family Name", "Last")),
    Column("native_name", "Name in own script", ("Native Name", "Local Name", "Name (local script)")),
    Column("city", "City", ("Partner City", "Home City", "Municipality", "City/Town", "Town")),
    Column("country", "Country", ("Nation", "Country/Region")),
    Column("title", "Title", ("Job Title", "Position", "Role Title", "Designation", "Job Position")),
    Column(
        "organisation",
        "Organisation",
        ("Organization", "Company", "Company Name", "Institution", "Agency", "Department", "Affiliation"),
    ),
    Column("role", "Role", ("Delegation Role",)),
    Column("rank", "Rank", ("Precedence", "Protocol Rank", "Order of Precedence")),
    Column("email", "Email", ("E-mail", "Email Address", "E-mail Address", "Mail")),
    Column("phone", "Phone", ("Mobile", "Mobile Phone", "Mobile Number", "Telephone", "Tel", "Phone Number", "Cell")),
    Column("languages", "Languages", ("Language", "Languages Spoken")),
    Column(
        "dietary",
        "Dietary",
        ("Dietary Requirements", "Special Dietary Requirements", "Dietary Needs", "Diet", "Dietary Restrictions"),
    ),
    Column(
        "accessibility",
        "Accessibility",
        (
            "Accessibility Needs",
            "Accessibility Requirements",
            "Special Access Requirements",
            "Access Requirements",
            "Special Requirements",
            "Special Needs",
        ),
    ),
    Column("arrival", "Arrival", ("Arriving", "Arrival Date and Time")),
    # Exports that split date and time: joined into "arrival" on reading (``cells``); never exported.
    Column("arrival_date", "", ("Arrival Date", "Date of Arrival")),
    Column("arrival_time", "", ("Arrival Time", "Time of Arrival")),
    Column("arrival_flight", "Arrival flight", ("Arrival Flight Number", "Inbound Flight", "Flight In")),
    Column("departure", "Departure", ("Departing", "Departure Date and Time")),
    Column("departure_date", "", ("Departure Date", "Date of Departure")),
    Column("departure_time", "", ("Departure Time", "Time of Departure")),
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
    Column("interpreters", "Interpreters", ("Interpreting", "Interpretation", "Interpreter")),
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

GIFT_COLUMNS = [
    Column("direction", "Direction", ("Given or Received", "Given/Received")),
    Column("city", "City", ("Partner City", "From/To City")),
    Column("officer", "Officer", ("Person", "Given By", "Received By", "Recipient", "Giver")),
    # Tells apart officers of one city who share a name (common in a large delegation).
    Column("officer_email", "Officer email", ("Officer E-mail", "Email", "E-mail")),
    Column("description", "Description", ("Gift", "Item", "What")),
    Column("day", "Date", ("Day", "Date Given", "Date Received")),
    Column("event", "Event", ("Occasion",)),
    Column("amount", "Value", ("Amount", "Estimated Value", "Worth")),
    Column("currency", "Currency", ("Currency Code",)),
    Column("custody", "Where now", ("Custody", "Location", "Kept At", "Held By")),
    Column("declared", "Declared", ("Declaration", "Is Declared")),
    Column("notes", "Notes", ("Comments", "Remarks")),
]


def columns_for(kind: Kind) -> list[Column]:
    """The columns of ``kind``'s spreadsheet; the visit has none."""
    match kind:
        case Kind.OFFICER:
            return OFFICER_COLUMNS
        case Kind.CITY:
            return CITY_COLUMNS
        case Kind.EVENT:
            return EVENT_COLUMNS
        case Kind.FOLLOW_UP:
            return FOLLOWUP_COLUMNS
        case Kind.GIFT:
            return GIFT_COLUMNS
        case Kind.VISIT | Kind.CHECK_IN:
            return []  # attendance has its own report, not a spreadsheet of records
        case _:
            assert_never(kind)


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
