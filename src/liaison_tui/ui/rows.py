"""Rows for the panes' tables, built from the dataset."""

from __future__ import annotations

from rich.text import Text

from liaison_tui.domain import schedule
from liaison_tui.domain.model import Dataset, Event
from liaison_tui.reports.display import literal
from liaison_tui.ui.widgets.record_table import LazyRows

CITY_COLUMNS = ("City", "Country", "Officers")
OFFICER_COLUMNS = ("Name", "City", "Title", "Role")
EVENT_COLUMNS = (" ", "Time", "Title", "Venue", "People")

Row = tuple[int, list[str | Text]]


def city_rows(data: Dataset) -> list[Row]:
    counts: dict[int | None, int] = {}
    for officer in data.officers.values():
        counts[officer.city_id] = counts.get(officer.city_id, 0) + 1
    cities = sorted(data.cities.values(), key=lambda c: (c.name.casefold(), c.id))
    return [(c.id, [c.name, c.country, Text(str(counts.get(c.id, 0)), justify="right")]) for c in cities]


def officer_rows(data: Dataset, city_id: int | None, flagged: set[int]) -> LazyRows:
    """All officers, or those of one city; ⚠ marks officers with a conflict.

    Only the order is worked out here; each row's cells are made when shown.
    """
    officers = [o for o in data.officers.values() if city_id is None or o.city_id == city_id]
    city_names = {city.id: city.name for city in data.cities.values()}

    def cells(officer_id: int) -> list[str | Text]:
        officer = data.officers[officer_id]
        name: str | Text = officer.name
        if officer_id in flagged:
            name = Text.assemble(("⚠ ", "bold"), literal(officer.name))
        city = city_names.get(officer.city_id, "host staff") if officer.city_id is not None else "host staff"
        return [name, city, officer.title, officer.role.value]

    return LazyRows([o.id for o in schedule.sort_officers(data, officers)], cells)


def event_rows(
    data: Dataset, events: list[Event], now: Event | None, upcoming: Event | None, flagged: set[int]
) -> list[Row]:
    """The day's events; ▶ under way, › next, ⚠ with a conflict."""
    rows: list[Row] = []
    for event in events:
        marker = "▶" if event == now else "›" if event == upcoming else ""
        if event.id in flagged:
            marker += "⚠"
        people = schedule.participant_count(data, event)
        rows.append(
            (
                event.id,
                [
                    Text(marker, style="bold"),
                    f"{event.start:%H:%M}-{event.end:%H:%M}",
                    event.title,
                    event.venue,
                    Text(str(people), justify="right"),
                ],
            )
        )
    return rows
