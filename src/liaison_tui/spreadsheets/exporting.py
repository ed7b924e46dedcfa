"""Spreadsheet export: one CSV per table, safe to open in Excel or LibreOffice.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or their full-width forms,
or one of them behind spaces, line breaks or invisible characters), a tab or a
carriage return would run as a formula when opened (CSV injection); such cells
are written with a leading apostrophe, which spreadsheets show as text and our
importer removes again (a cell that already starts with one gets a second).
"""

from __future__ import annotations

import csv
import io

from liaison_tui.domain import schedule
from liaison_tui.domain.model import TABLES, City, Dataset, Event, FollowUp, Officer, Record
from liaison_tui.domain.values import fold
from liaison_tui.spreadsheets.columns import COLUMNS, neutralise, to_row

EXPORTED_KINDS: list[type[Record]] = [Officer, City, Event, FollowUp]


def _records(data: Dataset, kind: type[Record]) -> list[Record]:
    if kind is Officer:
        return list(schedule.sort_officers(data, list(data.officers.values())))
    if kind is City:
        cities = sorted(data.cities.values(), key=lambda c: fold(c.name))
        return list(cities)
    if kind is Event:
        events = sorted(data.events.values(), key=lambda e: (e.day, e.start, e.id))
        return list(events)
    followups = sorted(data.followups.values(), key=lambda f: (f.city_id, f.id))
    return list(followups)


def table_csv(data: Dataset, kind: type[Record]) -> str:
    """One table as CSV text (CRLF line ends, as RFC 4180 and spreadsheets expect)."""
    columns = [c for c in COLUMNS[kind] if c.header]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in columns])
    for record in _records(data, kind):
        row = to_row(data, record)
        writer.writerow([neutralise(row[c.field]) for c in columns])
    return out.getvalue()


def table_names() -> dict[str, type[Record]]:
    return {TABLES[kind]: kind for kind in EXPORTED_KINDS}
