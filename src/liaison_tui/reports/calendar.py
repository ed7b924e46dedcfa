"""The itinerary as an RFC 5545 calendar, for phones and desktop calendars.

Times are the visit's local time with a VTIMEZONE, so a calendar anywhere
shows them right. UIDs combine the data file's id and the event's id: a
re-export updates the events a calendar already has instead of duplicating.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, vText
from icalendar import Event as CalendarEvent

from liaison_tui import __version__
from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, Officer, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.i18n import _

LISTED_PARTICIPANTS = 40  # more than this and the description gives counts, not names

# RFC 5545 TEXT may not hold control characters other than tab (newlines are escaped).
_CONTROLS = dict.fromkeys([*range(0, 9), *range(11, 32), 127, *range(128, 160)])


def ics_text(text: str) -> str:
    return text.translate(_CONTROLS)


def event_uid(file_id: str, event: Event) -> str:
    return f"event-{event.id}-{file_id}@liaison-tui"


def _description(data: Dataset, event: Event) -> str:
    lines = []
    speakers = schedule.speakers(data, event)
    if speakers:
        lines.append(_("Speaking order:"))
        lines += [f"{n}. {addressed(o)}" for n, o in enumerate(speakers, start=1)]
    taking_part = schedule.participant_ids(data, event)
    if len(taking_part) > LISTED_PARTICIPANTS:  # a phone calendar is no place for a roster of thousands
        cities = {data.officers[i].city_id for i in taking_part} - {None}
        lines.append(
            _("Participants: {n} from {cities} cities (the roster is in liaison-tui)").format(
                n=len(taking_part), cities=len(cities)
            )
        )
        people = [data.officers[i] for i in event.participant_ids if i in data.officers]
        if people:
            lines.append(_("Also taking part:"))
    else:
        people = schedule.participants(data, event)
        lines.append(_("Participants ({n}):").format(n=len(people)))
    for officer in people:
        city = schedule.city_of(data, officer)
        lines.append(f"- {officer.name} ({city.name if city else _('host staff')})")
    if event.host_contact:
        lines.append(_("Host contact: {contact}").format(contact=event.host_contact))
    if event.notes:
        lines.append(event.notes)
    return "\n".join(lines)


def itinerary_calendar(
    data: Dataset, visit: Visit, file_id: str, officer: Officer | None = None, now: datetime | None = None
) -> bytes:
    """The visit's events (or one officer's) as an iCalendar file."""
    zone = ZoneInfo(visit.timezone)
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//liaison-tui//liaison-tui {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = (
        visit.name
        if officer is None
        else _("{visit}: agenda for {officer}").format(visit=visit.name, officer=officer.name)
    )
    calendar.add("x-wr-calname", vText(ics_text(name)))  # as TEXT, so a line break is escaped
    calendar.add("x-wr-timezone", visit.timezone)
    events = schedule.agenda(data, visit, officer) if officer else schedule.visit_events(data, visit)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", event_uid(file_id, event))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.starts_at.replace(tzinfo=zone))
        entry.add("dtend", event.ends_at.replace(tzinfo=zone))
        entry.add("summary", ics_text(event.title))
        if event.venue:
            entry.add("location", ics_text(event.venue))
        entry.add("description", ics_text(_description(data, event)))
        entry.add("categories", [event.kind.value])
        calendar.add_component(entry)
    first = min([visit.start_date, *(e.day for e in events)])
    calendar.add_missing_timezones(first_date=first.replace(month=1, day=1))
    return bytes(calendar.to_ical())
