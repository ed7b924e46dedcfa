"""Printable documents: the itinerary and roster, and one officer's handout.

Markdown for pasting into other tools, and self-contained HTML (Rich's
console export with inline styles: one file, no assets) for printing.
"""

from __future__ import annotations

import io
import re

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table

from liaison_tui.domain import schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.reports import details, summaries
from liaison_tui.reports.display import literal

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
                city.name if city else "host staff",
                officer.title,
                officer.role.value,
                officer.phone,
                officer.hotel,
            ]
        )
    return rows


def itinerary_markdown(data: Dataset, visit: Visit) -> str:
    lines = [
        f"# {md(visit.name)}",
        "",
        f"{visit.start_date:%A %d %B %Y} to {visit.end_date:%A %d %B %Y}, "
        f"hosted by {md(visit.host_city)} ({md(visit.timezone)} time)",
        "",
    ]
    events = schedule.visit_events(data, visit)
    for number, day in enumerate(visit.dates, start=1):
        lines += [f"## Day {number}: {day:%A %d %B}", ""]
        rows = [
            [values.format_span(e.start, e.end), e.title, e.venue, str(schedule.participant_count(data, e))]
            for e in events
            if e.day == day
        ]
        lines += _md_table(["Time", "Event", "Venue", "People"], rows) if rows else ["Nothing planned.", ""]
    lines += ["## Roster", ""]
    lines += _md_table(["Name", "City", "Title", "Role", "Phone", "Hotel"], _roster_rows(data))
    return "\n".join(lines) + "\n"


def handout_markdown(data: Dataset, visit: Visit, officer: Officer) -> str:
    city = schedule.city_of(data, officer)
    lines = [f"# {md(addressed(officer))}", "", f"{md(visit.name)}: personal programme", ""]
    facts = [
        ("City", f"{city.name}, {city.country}" if city else "host staff"),
        ("Hotel", " room ".join(p for p in (officer.hotel, officer.room) if p)),
        ("Arrives", f"{officer.arrival.at:%a %d %b %H:%M} {officer.arrival.flight}" if officer.arrival else ""),
        ("Departs", f"{officer.departure.at:%a %d %b %H:%M} {officer.departure.flight}" if officer.departure else ""),
    ]
    lines += [f"- **{name}:** {md(value)}" for name, value in facts if value.strip()]
    lines.append("")
    rows = []
    for event in schedule.agenda(data, visit, officer):
        part = f"speaker {event.speaker_ids.index(officer.id) + 1}" if officer.id in event.speaker_ids else ""
        span = values.format_span(event.start, event.end)
        rows.append([f"{event.day:%a %d %b}", span, event.title, event.venue, part])
    lines += _md_table(["Day", "Time", "Event", "Venue", ""], rows)
    return "\n".join(lines) + "\n"


def _html(title: str, parts: list[RenderableType]) -> str:
    console = Console(record=True, width=110, file=io.StringIO(), color_system="truecolor")
    console.print(Group(*parts))
    page = console.export_html(inline_styles=True)
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return page.replace("<head>", f"<head>\n<title>{escaped}</title>", 1)


def itinerary_html(data: Dataset, visit: Visit) -> str:
    roster = Table(title="Roster", title_justify="left")
    for column in ("Name", "City", "Title", "Role", "Phone", "Hotel"):
        roster.add_column(column, overflow="fold")
    for row in _roster_rows(data):
        roster.add_row(*(literal(cell) for cell in row))
    parts: list[RenderableType] = [*summaries.itinerary(data, visit), Rule(), roster]
    return _html(visit.name, parts)


def handout_html(data: Dataset, visit: Visit, officer: Officer) -> str:
    parts: list[RenderableType] = [details.officer_detail(data, None, officer), *summaries.agenda(data, visit, officer)]
    return _html(f"{addressed(officer)}: {visit.name}", parts)
