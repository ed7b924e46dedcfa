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
from typing import assert_never

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Record
from liaison_tui.domain.values import fold
from liaison_tui.spreadsheets.cells import to_row
from liaison_tui.spreadsheets.columns import columns_for, neutralise


def _records(data: Dataset, kind: Kind) -> list[Record]:
    """The records of ``kind`` in the order a person reads the sheet."""
    match kind:
        case Kind.OFFICER:
            return list(schedule.sort_officers(data, list(data.officers.values())))
        case Kind.CITY:
            return [*sorted(data.cities.values(), key=lambda c: fold(c.name))]
        case Kind.EVENT:
            return [*sorted(data.events.values(), key=lambda e: (e.day, e.start, e.id))]
        case Kind.FOLLOW_UP:
            return [*sorted(data.followups.values(), key=lambda f: (f.city_id, f.id))]
        case Kind.GIFT:
            return [*sorted(data.gifts.values(), key=lambda g: (g.city_id, g.direction.value, g.id))]
        case Kind.VISIT | Kind.CHECK_IN:
            return []
        case _:
            assert_never(kind)


def table_csv(data: Dataset, kind: Kind) -> str:
    """One table as CSV text (CRLF line ends, as RFC 4180 and spreadsheets expect)."""
    columns = [c for c in columns_for(kind) if c.header]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.header for c in columns])
    for record in _records(data, kind):
        row = to_row(data, record)
        writer.writerow([neutralise(row[c.field]) for c in columns])
    return out.getvalue()
