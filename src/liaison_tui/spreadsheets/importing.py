"""Import officers, cities, events or follow-ups from a registration spreadsheet.

Columns are matched by header name (with the aliases in ``columns``), not by
position; unknown columns are reported. Each row becomes an add, an update of
the record it matches (officers by email, else name and city), "unchanged", or
a rejection with its line number and reason. Nothing is written here: the
caller commits ``plan.edits`` in one atomic save, or shows the plan.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import assert_never

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit, added, changed
from liaison_tui.domain.kinds import Kind, describe, label
from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Officer, Record, Visit
from liaison_tui.domain.validation import check_record, check_references
from liaison_tui.domain.values import fold
from liaison_tui.spreadsheets.cells import from_row
from liaison_tui.spreadsheets.columns import SheetRow, columns_for, header_key, restore

# Which record attribute an importer field fills; fields not named keep their name.
ATTRIBUTE: dict[Kind, dict[str, str]] = {
    Kind.OFFICER: {
        "first_name": "name",
        "last_name": "name",
        "city": "city_id",
        "country": "city_id",
        "arrival_flight": "arrival",
        "departure_flight": "departure",
    },
    Kind.FOLLOW_UP: {"city": "city_id"},
}
MAX_FIELD = 1_000_000  # one cell over 1 MB is not a registration export


class CsvImportError(ValueError):
    """The file as a whole cannot be imported (encoding, no header, bad --map)."""


@dataclass
class Outcome:
    line: int
    action: str  # "add", "update", "unchanged", "reject"
    label: str
    reason: str = ""
    edit: Edit | None = None


@dataclass
class ImportPlan:
    kind: Kind
    mapping: dict[str, str]  # header -> field
    unknown_columns: list[str]
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.action == "reject"]

    @property
    def edits(self) -> list[Edit]:
        return [o.edit for o in self.outcomes if o.edit is not None]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("add", "update", "unchanged", "reject"), 0)
        for outcome in self.outcomes:
            counts[outcome.action] += 1
        return counts


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and rows (with their line numbers) of a CSV in UTF-8, with or without BOM."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CsvImportError(f"{path}: cannot read ({error.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvImportError(
            f"{path}: not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as CSV UTF-8"
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    csv.field_size_limit(MAX_FIELD)
    rows: list[tuple[int, list[str]]] = []
    try:
        header = next(reader, None)
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, cells))
    except csv.Error as error:
        raise CsvImportError(f"{path}, line {reader.line_num}: {error}") from None
    if not header or not any(h.strip() for h in header):
        raise CsvImportError(f"{path}: no header row")
    return [h.strip() for h in header], rows


def map_columns(kind: Kind, header: list[str], overrides: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Which field each header fills, and the headers that fill none."""
    known: dict[str, str] = {}
    fields = {c.field for c in columns_for(kind)}
    for column in columns_for(kind):
        for name in (column.field, column.header, *column.aliases):
            if name:
                known.setdefault(header_key(name), column.field)
    for column_name, wanted in overrides.items():
        if wanted not in fields:
            raise CsvImportError(f"--map {column_name}={wanted}: {kind} fields are {', '.join(sorted(fields))}")
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    for name in header:
        target: str | None = overrides.get(name) or known.get(header_key(name))
        if target is None:
            unknown.append(name)
        elif target in mapping.values():
            unknown.append(f"{name} (another column already gives {target})")
        else:
            mapping[name] = target
    return mapping, unknown


def _match_key(record: Record) -> tuple[object, ...]:
    """What makes an imported row the same record as one on file."""
    match record:
        case Officer():
            return ("email", fold(record.email)) if record.email else ("name", fold(record.name), record.city_id)
        case City():
            return (fold(record.name), fold(record.country))
        case Event():
            return (record.visit_id, record.day, fold(record.title))
        case FollowUp():
            return (record.city_id, fold(record.text))
        case CheckIn():
            return (record.event_id, record.officer_id)
        case Visit():
            return (record.id,)
        case _:
            assert_never(record)


def _merge(existing: Record, incoming: Record, attributes: set[str]) -> Record:
    """The existing record with only the columns the file has replaced."""
    changes = {name: getattr(incoming, name) for name in attributes if name != "id"}
    return dataclasses.replace(existing, **changes)


def plan_import(
    data: Dataset,
    kind: Kind,
    path: Path,
    overrides: dict[str, str] | None = None,
    visit_id: int = 0,
    progress: Callable[[Iterator[tuple[int, list[str]]], int], Iterator[tuple[int, list[str]]]] | None = None,
) -> ImportPlan:
    header, rows = read_rows(path)
    mapping, unknown = map_columns(kind, header, overrides or {})
    if not mapping:
        raise CsvImportError(f"{path}: no column matches a {kind} field (use --map 'Column=field')")
    renames = ATTRIBUTE.get(kind, {})
    attributes = {renames.get(f, f) for f in mapping.values()}
    positions = [(header.index(name), target) for name, target in mapping.items()]
    plan = ImportPlan(kind, mapping, unknown)
    existing = {_match_key(r): r for r in data.table(kind).values()}
    seen: dict[tuple[object, ...], int] = {}
    iterator: Iterator[tuple[int, list[str]]] = iter(rows)
    if progress is not None:
        iterator = progress(iterator, len(rows))
    for line, cells in iterator:
        if len(cells) > len(header):
            plan.outcomes.append(Outcome(line, "reject", "", f"{len(cells)} cells but {len(header)} columns"))
            continue
        row: SheetRow = {target: restore(cells[i]) if i < len(cells) else "" for i, target in positions}
        try:
            record = from_row(kind, data, row, visit_id)
        except ValueError as error:
            plan.outcomes.append(Outcome(line, "reject", row.get("name", "") or row.get("title", ""), str(error)))
            continue
        key = _match_key(record)
        if key in seen:
            plan.outcomes.append(Outcome(line, "reject", label(record), f"same {kind} as line {seen[key]}"))
            continue
        seen[key] = line
        match = existing.get(key)
        result = _merge(match, record, attributes) if match else record
        problems = check_record(result) + check_references(result, data)
        if problems:
            plan.outcomes.append(Outcome(line, "reject", label(record), "; ".join(p.message for p in problems)))
        elif match is None:
            plan.outcomes.append(Outcome(line, "add", label(record), edit=added(record)))
        elif result == match:
            plan.outcomes.append(Outcome(line, "unchanged", describe(match)))
        else:
            plan.outcomes.append(Outcome(line, "update", describe(match), edit=changed(match, result)))
    return plan
