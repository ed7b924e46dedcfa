"""The itinerary and roster, and one officer's handout, as Markdown for pasting into other tools.

The print layouts (HTML and PDF) are built in ``liaison_tui.printing``.
"""

from __future__ import annotations

import re

from liaison_tui.domain import schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, Officer, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import DAY_TIME, FULL_DATE, FULL_DAY, day, when
from liaison_tui.reports.words import shown

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def md(text: str) -> str:
    """User text made inert in Markdown: no emphasis, links, HTML or table breaks."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _roster_rows(data: Dataset) -> list[list[str]]:
    rows = []
    for officer in schedule.sort_officers(data, list(data.officers.values())):
        city = schedule.city_of(data, officer)
        rows.append(
            [
                officer.name,
                city.name if city else _("host staff"),
                officer.title,
                shown(officer.role),
                officer.phone,
                officer.hotel,
            ]
        )
    return rows


def _roster_headers() -> list[str]:
    return [_("Name"), _("City"), _("Title"), _("Role"), _("Phone"), _("Hotel")]


def _event_details(data: Dataset, events: list[Event]) -> list[str]:
    """Each event's speaking order (a numbered list) and notes, below the day's table."""
    lines: list[str] = []
    for event in events:
        speakers = schedule.speakers(data, event)
        if not speakers and not event.notes:
            continue
        lines += [f"### {md(event.title)}", ""]
        if speakers:
            lines += [_("Speaking order") + ":", ""]
            lines += [f"{n}. {md(o.name)}" for n, o in enumerate(speakers, start=1)] + [""]
        if event.notes:
            lines += [md(event.notes), ""]
    return lines


def itinerary_markdown(data: Dataset, visit: Visit) -> str:
    lines = [
        f"# {md(visit.name)}",
        "",
        _("{start} to {end}, hosted by {host} ({timezone} time)").format(
            start=when(visit.start_date, FULL_DATE),
            end=when(visit.end_date, FULL_DATE),
            host=md(visit.host_city),
            timezone=md(visit.timezone),
        ),
        "",
    ]
    events = schedule.visit_events(data, visit)
    for number, date in enumerate(visit.dates, start=1):
        lines += ["## " + _("Day {number}: {day}").format(number=number, day=when(date, FULL_DAY)), ""]
        rows = [
            [values.format_span(e.start, e.end), e.title, e.venue, str(schedule.participant_count(data, e))]
            for e in events
            if e.day == date
        ]
        headers = [_("Time"), _("Event"), _("Venue"), _("People")]
        lines += _md_table(headers, rows) if rows else [_("Nothing planned."), ""]
        lines += _event_details(data, [e for e in events if e.day == date])
    lines += ["## " + _("Roster"), ""]
    lines += _md_table(_roster_headers(), _roster_rows(data))
    return "\n".join(lines) + "\n"


def handout_markdown(data: Dataset, visit: Visit, officer: Officer) -> str:
    city = schedule.city_of(data, officer)
    lines = [f"# {md(addressed(officer))}", "", _("{visit}: personal programme").format(visit=md(visit.name)), ""]
    facts = [
        (_("City"), f"{city.name}, {city.country}" if city else _("host staff")),
        (_("Hotel"), _(" room ").join(p for p in (officer.hotel, officer.room) if p)),
        (_("Arrives"), f"{when(officer.arrival.at, DAY_TIME)} {officer.arrival.flight}" if officer.arrival else ""),
        (
            _("Departs"),
            f"{when(officer.departure.at, DAY_TIME)} {officer.departure.flight}" if officer.departure else "",
        ),
    ]
    lines += [
        f"- **{_('{label}: ').format(label=name).rstrip()}** {md(value)}" for name, value in facts if value.strip()
    ]
    lines.append("")
    rows = []
    for event in schedule.agenda(data, visit, officer):
        speaking = event.speaker_ids.index(officer.id) + 1 if officer.id in event.speaker_ids else 0
        part = _("speaker {n}").format(n=speaking) if speaking else ""
        span = values.format_span(event.start, event.end)
        rows.append([day(event.day), span, event.title, event.venue, part])
    lines += _md_table([_("Day"), _("Time"), _("Event"), _("Venue"), _("Your part")], rows)
    return "\n".join(lines) + "\n"
