"""Rows for the panes' tables, built from the dataset, and rows made only when shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import overload

from rich.text import Text

from liaison_tui.domain import schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event
from liaison_tui.i18n import N_, _, pgettext
from liaison_tui.reports.display import literal
from liaison_tui.reports.words import shown

# Headings in English, translated where drawn (RecordTable); COLUMN_MAX is keyed by them.
CITY_COLUMNS = (N_("City"), N_("Country"), N_("Officers"))
OFFICER_COLUMNS = (N_("Name"), N_("City"), N_("Title"), N_("Role"))
EVENT_COLUMNS = (" ", N_("Time"), N_("Title"), N_("Venue"), N_("People"))
FOLLOWUP_COLUMNS = (N_("What"), N_("Status"), N_("City"))
# The widest a column grows (longer cells end in an ellipsis; the detail panel has all of it),
# so one 200-character name does not push the columns after it out of every row.
COLUMN_MAX = {"Name": 28, "City": 20, "Country": 20, "Title": 32, "Venue": 28, "What": 40}


def heading(kind: str, column: str) -> str:
    """A column's heading in the interface's language (an event's "Title" is its name, not a job)."""
    if kind == "event" and column == "Title":
        return pgettext("event", "Title")
    return _(column)


Cell = str | Text
TableRow = tuple[int, Sequence[Cell]]  # a record id and the cells shown for it


class LazyRows(Sequence[TableRow]):
    """Rows whose cells are made only when a line shows them (10,000s of officers)."""

    def __init__(self, ids: list[int], cells: Callable[[int], Sequence[Cell]]) -> None:
        self.ids = ids
        self._cells = cells

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> TableRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[TableRow]: ...
    def __getitem__(self, index: int | slice) -> TableRow | Sequence[TableRow]:
        if isinstance(index, slice):
            return [(i, self._cells(i)) for i in self.ids[index]]
        record_id = self.ids[index]
        return record_id, self._cells(record_id)


def city_rows(data: Dataset) -> list[TableRow]:
    counts: dict[int | None, int] = {}
    for officer in data.officers.values():
        counts[officer.city_id] = counts.get(officer.city_id, 0) + 1
    cities = sorted(data.cities.values(), key=lambda c: (c.name.casefold(), c.id))
    return [(c.id, [c.name, c.country, Text(str(counts.get(c.id, 0)), justify="right")]) for c in cities]


def followup_rows(data: Dataset) -> list[TableRow]:
    rows: list[TableRow] = []
    for followup in sorted(data.followups.values(), key=lambda f: (f.city_id, f.status.value, f.id)):
        city = data.cities.get(followup.city_id)
        rows.append((followup.id, [followup.text, shown(followup.status), city.name if city else "?"]))
    return rows


def officer_rows(data: Dataset, city_id: int | None, flagged: set[int]) -> LazyRows:
    """All officers, or those of one city; ⚠ marks officers with a conflict.

    Only the order is worked out here; each row's cells are made when shown.
    """
    officers = [o for o in data.officers.values() if city_id is None or o.city_id == city_id]
    city_names = {city.id: city.name for city in data.cities.values()}
    host_staff = _("host staff")

    def cells(officer_id: int) -> list[str | Text]:
        officer = data.officers[officer_id]
        name: str | Text = officer.name
        if officer_id in flagged:
            name = Text.assemble(("⚠ ", "bold"), literal(officer.name))
        city = city_names.get(officer.city_id, host_staff) if officer.city_id is not None else host_staff
        return [name, city, officer.title, shown(officer.role)]

    return LazyRows([o.id for o in schedule.sort_officers(data, officers)], cells)


def event_rows(
    data: Dataset, events: list[Event], now: Event | None, upcoming: Event | None, flagged: set[int]
) -> list[TableRow]:
    """The day's events; ▶ under way, › next, ⚠ with a conflict."""
    rows: list[TableRow] = []
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
                    values.format_span(event.start, event.end),
                    event.title,
                    event.venue,
                    Text(str(people), justify="right"),
                ],
            )
        )
    return rows
