"""Import officers, cities, events or follow-ups from a registration spreadsheet.

Columns are matched by header name (with the aliases in ``columns``), not by
position; unknown columns are reported. Each row becomes an add, an update of
the record it matches (officers by email or by name and city), "unchanged", or
a rejection with its line number and reason (also when it could be either of
two records). Nothing is written here: the caller commits ``plan.edits`` in
one atomic save, or shows the plan.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit, added, changed
from liaison_tui.domain.kinds import Kind, describe, label
from liaison_tui.domain.model import City, Officer, Record, Travel
from liaison_tui.domain.names import UnknownCityError
from liaison_tui.domain.validation import check_record, check_references
from liaison_tui.domain.values import fold
from liaison_tui.i18n import _
from liaison_tui.spreadsheets.cells import from_row
from liaison_tui.spreadsheets.columns import SheetRow, columns_for, header_key, restore
from liaison_tui.spreadsheets.matching import Matcher, who
from liaison_tui.spreadsheets.reading import CsvImportError, Rows, read_rows
from liaison_tui.spreadsheets.registration import NewCities, holds_honorifics, unknown_city

__all__ = ["CsvImportError", "ImportPlan", "Outcome", "plan_import"]

# Which record attribute an importer field fills; fields not named keep their name.
ATTRIBUTE: dict[Kind, dict[str, str]] = {
    Kind.OFFICER: {
        "first_name": "name",
        "last_name": "name",
        "city": "city_id",
        "country": "city_id",
        "arrival_date": "arrival",
        "arrival_time": "arrival",
        "arrival_flight": "arrival",
        "departure_date": "departure",
        "departure_time": "departure",
        "departure_flight": "departure",
    },
    Kind.FOLLOW_UP: {"city": "city_id"},
    Kind.GIFT: {
        "city": "city_id",
        "officer": "officer_id",
        "officer_email": "officer_id",
        "event": "event_id",
        "amount": "amount",
    },
}


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
    honorific_columns: list[str] = field(default_factory=list)  # headers read as honorifics by their values
    outcomes: list[Outcome] = field(default_factory=list)
    new_cities: list[City] = field(default_factory=list)  # to create first (--add-cities)

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.action == "reject"]

    @property
    def edits(self) -> list[Edit]:
        cities = [added(city) for city in self.new_cities]  # before the officers that point at them
        return cities + [o.edit for o in self.outcomes if o.edit is not None]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("add", "update", "unchanged", "reject"), 0)
        for outcome in self.outcomes:
            counts[outcome.action] += 1
        return counts


def map_columns(
    kind: Kind, header: list[str], overrides: dict[str, str], rows: Rows | None = None
) -> tuple[dict[str, str], list[str]]:
    """Which field each header fills, and the headers that fill none.

    An officer "Title" column holding mostly Mr / Ms / Dr fills the honorific,
    not the job title (Indico-style exports; Cvent-style ones say "Prefix").
    """
    known: dict[str, str] = {}
    fields = {c.field for c in columns_for(kind)}
    for column in columns_for(kind):
        for name in (column.field, column.header, *column.aliases):
            if name:
                known.setdefault(header_key(name), column.field)
    for column_name, wanted in overrides.items():
        if wanted not in fields:
            raise CsvImportError(
                _("--map {column}={wanted}: {kind} fields are {fields}").format(
                    column=column_name, wanted=wanted, kind=kind.word, fields=", ".join(sorted(fields))
                )
            )
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    for index, name in enumerate(header):
        target: str | None = overrides.get(name) or known.get(header_key(name))
        if (
            target == "title"
            and kind is Kind.OFFICER
            and name not in overrides
            and holds_honorifics(cells[index] for _, cells in rows or [] if index < len(cells))
        ):
            target = "honorific"
        if target is None:
            unknown.append(name)
        elif target in mapping.values():
            unknown.append(f"{name} (another column already gives {target})")
        else:
            mapping[name] = target
    return mapping, unknown


def _merge(existing: Record, incoming: Record, attributes: set[str]) -> Record:
    """The existing record with the cells the file fills replaced.

    An empty cell never erases what is on file (registration exports leave out
    what the host typed by hand: a dietary need, a flight), and a name that
    differs only in case or accents keeps the spelling on file.
    """
    changes: dict[str, Any] = {}
    for name in attributes:  # the fields columns fill: never the id
        new, old = getattr(incoming, name), getattr(existing, name)
        if new in ("", None, ()) or (name == "name" and fold(new) == fold(old)):
            continue
        if isinstance(new, Travel) and isinstance(old, Travel) and not new.flight:
            new = dataclasses.replace(new, flight=old.flight)  # a time without its flight keeps the flight
        changes[name] = new
    return dataclasses.replace(existing, **changes)


def _row_label(kind: Kind, row: SheetRow) -> str:
    """How a rejected row is named: by the person (never their honorific or job), the event, the item."""
    person = row.get("name", "").strip() or " ".join(
        part for part in (row.get("first_name", "").strip(), row.get("last_name", "").strip()) if part
    )
    if kind is Kind.OFFICER:
        return person
    return person or row.get("title", "").strip() or row.get("text", "").strip() or row.get("description", "").strip()


def _plan_cities(data: Dataset, header: list[str], mapping: dict[str, str], rows: Rows, next_id: int) -> NewCities:
    """The cities the rows name that are not on file, with the country the rows give."""
    at = {target: header.index(name) for name, target in mapping.items()}
    planned = NewCities(next_id or max(data.cities, default=0) + 1, {})
    for _line, cells in rows:
        city = restore(cells[at["city"]]) if at["city"] < len(cells) else ""
        country = restore(cells[at["country"]]) if "country" in at and at["country"] < len(cells) else ""
        if city.strip() and unknown_city(data, city):
            planned.city_for(city, country)
    return planned


def plan_import(
    data: Dataset,
    kind: Kind,
    path: Path,
    overrides: dict[str, str] | None = None,
    visit_id: int = 0,
    progress: Callable[[Iterator[tuple[int, list[str]]], int], Iterator[tuple[int, list[str]]]] | None = None,
    *,
    sheet: str | None = None,
    add_cities: bool = False,
    next_city_id: int = 0,
) -> ImportPlan:
    """What importing ``path`` would do.

    ``add_cities`` plans the cities officers name that are not on file, with ids
    from ``next_city_id`` (the store's next id, so no id is ever reused).
    """
    header, rows = read_rows(path, sheet)
    mapping, unknown = map_columns(kind, header, overrides or {}, rows)
    if not mapping:
        raise CsvImportError(
            _("{file}: no column matches a {kind} field (use --map 'Column=field')").format(file=path, kind=kind.word)
        )
    renames = ATTRIBUTE.get(kind, {})
    attributes = {renames.get(f, f) for f in mapping.values()}
    positions = [(header.index(name), target) for name, target in mapping.items()]
    title_names = {header_key(n) for c in columns_for(kind) if c.field == "title" for n in (c.header, *c.aliases)}
    honorifics = [name for name, target in mapping.items() if target == "honorific" and header_key(name) in title_names]
    plan = ImportPlan(kind, mapping, unknown, honorifics)
    created: dict[int, City] = {}
    if kind is Kind.OFFICER and add_cities and "city" in mapping.values():
        created = {city.id: city for city in _plan_cities(data, header, mapping, rows, next_city_id).created.values()}
        data = dataclasses.replace(data, cities={**data.cities, **created})  # rows find them like cities on file
    matcher = Matcher(data.table(kind).values())
    iterator: Iterator[tuple[int, list[str]]] = iter(rows)
    if progress is not None:
        iterator = progress(iterator, len(rows))
    for line, cells in iterator:
        if len(cells) > len(header):
            problem = _("{cells} cells but {columns} columns").format(cells=len(cells), columns=len(header))
            plan.outcomes.append(Outcome(line, "reject", "", problem))
            continue
        row: SheetRow = {target: restore(cells[i]) if i < len(cells) else "" for i, target in positions}
        try:
            record = from_row(kind, data, row, visit_id)
        except ValueError as error:
            reason = str(error)
            if kind is Kind.OFFICER and isinstance(error, UnknownCityError):
                reason = _(
                    "unknown city {city!r}: --add-cities creates it from the file's City and Country "
                    "(or import cities first)"
                ).format(city=row.get("city", "").strip())
            plan.outcomes.append(Outcome(line, "reject", _row_label(kind, row), reason))
            continue
        earlier = matcher.earlier_line(record, line)
        if earlier is not None:
            same = _("same {kind} as line {line}").format(kind=kind.word, line=earlier)
            plan.outcomes.append(Outcome(line, "reject", label(record), same))
            continue
        candidates = matcher.candidates(record)
        if len(candidates) > 1:
            names = "; ".join(who(data, other) for other in candidates)
            reason = _("could be any of {count} on file: {names}; tell them apart first").format(
                count=kind.counted(len(candidates)), names=names
            )
            plan.outcomes.append(Outcome(line, "reject", label(record), reason))
            continue
        match = candidates[0] if candidates else None
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
    used = {o.edit.after.city_id for o in plan.outcomes if o.edit and isinstance(o.edit.after, Officer)}
    plan.new_cities = [city for city in created.values() if city.id in used]
    return plan
