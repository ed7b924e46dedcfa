"""The data file's schema version, its ``meta`` table, and migrations from older versions.

The ``meta`` table holds one document: the schema version, the next free id
of each table (ids are never reused, so undoing a delete cannot collide with a
record another process added meanwhile), the file's own id (for calendar
UIDs; a file copied from the sample gets one on its first save) and whether
the save that wrote this version deleted records (the backup rule in
``backups`` trusts a smaller version only then). Version 0 is a file without
``meta``: tables written by plain TinyDB or by hand.

``meta`` is checked on loading like any record: a hand-edited next id below
an existing id would hand out that id again (TinyDB then refuses the insert),
so it is raised to the highest id + 1, which is always safe; a value that is
not a table of whole numbers is refused with the file and field named.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.i18n import _
from liaison_tui.store import codec, file_layout
from liaison_tui.store.errors import BadDataFileError
from liaison_tui.store.history_table import HISTORY_TABLE

Tables = dict[str, dict[str, Any]]

SCHEMA_VERSION = 3
META_TABLE = "meta"
META_ID = "1"
LAST_SAVE_DELETED = "last_save_deleted"
TABLE_NAMES = tuple(kind.table for kind in Kind)
KNOWN_TABLES = frozenset(TABLE_NAMES) | {META_TABLE, "_default", HISTORY_TABLE}
RECORD_TABLES = frozenset(TABLE_NAMES)  # what the backup rule counts (history entries are no records)

# A migration is frozen in time: it names the tables of its own version, not today's.
VERSION_1_TABLES = ("visits", "cities", "officers", "events", "followups")


def _from_0(tables: Tables) -> Tables:
    next_ids = {name: max((int(key) for key in tables.get(name, {})), default=0) + 1 for name in VERSION_1_TABLES}
    migrated = {name: tables.get(name, {}) for name in VERSION_1_TABLES}
    migrated[META_TABLE] = {META_ID: {"schema": 1, "next_ids": next_ids, "file_id": new_file_id()}}
    return migrated


def _with_default(table: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    """Every document with ``field`` set (documents that are no object are left for the codec to report)."""
    return {key: {field: value, **doc} if isinstance(doc, dict) else doc for key, doc in table.items()}


def _from_1(tables: Tables) -> Tables:
    """Version 2: check-ins (attendance at each event), cities' time zones, vehicles of transfers."""
    migrated = dict(tables)
    migrated["checkins"] = dict(tables.get("checkins", {}))
    migrated["cities"] = _with_default(tables.get("cities", {}), "timezone", "")
    migrated["events"] = _with_default(tables.get("events", {}), "vehicles", [])
    document = dict(meta(tables))
    document["schema"] = 2
    next_ids = document.get("next_ids")
    if isinstance(next_ids, dict):  # anything else is for check_meta to name
        document["next_ids"] = {**next_ids, "checkins": 1}
    migrated[META_TABLE] = {META_ID: document}
    return migrated


def _from_2(tables: Tables) -> Tables:
    """Version 3: the history of changes (who changed what, when), empty until the next save."""
    migrated = dict(tables)
    migrated[HISTORY_TABLE] = dict(tables.get(HISTORY_TABLE, {}))
    migrated[META_TABLE] = {META_ID: {**meta(tables), "schema": 3}}
    return migrated


#: MIGRATIONS[n] turns a version-n file into a version n+1 file.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _from_0, 1: _from_1, 2: _from_2}


def empty_tables() -> Tables:
    tables: Tables = {name: {} for name in (*TABLE_NAMES, HISTORY_TABLE)}
    next_ids = dict.fromkeys(TABLE_NAMES, 1)
    tables[META_TABLE] = {META_ID: {"schema": SCHEMA_VERSION, "next_ids": next_ids, "file_id": new_file_id()}}
    return tables


def new_file_id() -> str:
    """Names this data file in calendar UIDs, so re-exports update, not duplicate."""
    return uuid.uuid4().hex


def meta(tables: Tables) -> dict[str, Any]:
    document = tables.get(META_TABLE, {}).get(META_ID)
    return document if isinstance(document, dict) else {}


def next_id(document: dict[str, Any], data: Dataset, kind: Kind) -> int:
    """The id the next new record of ``kind`` gets: above every id the table ever had."""
    next_ids = document.get("next_ids", {})
    stored = next_ids.get(kind.table, 1) if isinstance(next_ids, dict) else 1
    return max(stored if isinstance(stored, int) else 1, max(data.table(kind), default=0) + 1)


@dataclass(frozen=True, slots=True)
class VersionFacts:
    """What the backup rule needs to know about one version of the file."""

    records: int
    deleted: bool  # written by a save that deleted records


def version_facts(tables: Tables) -> VersionFacts:
    records = sum(len(table) for name, table in tables.items() if name in RECORD_TABLES)
    return VersionFacts(records, meta(tables).get(LAST_SAVE_DELETED) is True)


def version_of(tables: Tables, path: Path) -> int:
    if META_TABLE not in tables:
        return 0
    version = meta(tables).get("schema")
    if isinstance(version, bool) or not isinstance(version, int):
        raise BadDataFileError(_("{file}: the meta table has no valid schema version").format(file=path))
    return version


def migrate(tables: Tables, path: Path) -> tuple[Tables, bool]:
    """Bring ``tables`` to the current schema and check ``meta``; True when anything changed."""
    unknown = sorted(set(tables) - KNOWN_TABLES)
    if unknown:
        raise BadDataFileError(
            _("{file}: not a liaison-tui data file (unknown tables: {tables})").format(
                file=path, tables=", ".join(unknown)
            )
        )
    version = version_of(tables, path)
    if version > SCHEMA_VERSION:
        raise BadDataFileError(
            _(
                "{file}: written by a newer liaison-tui (schema {version}; this version reads up to "
                "{supported}). Upgrade liaison-tui to open it; the file was not changed."
            ).format(file=path, version=version, supported=SCHEMA_VERSION)
        )
    if version < 0:
        raise BadDataFileError(_("{file}: unknown schema version {version}").format(file=path, version=version))
    start = version
    if version < SCHEMA_VERSION:
        tables = file_layout.documents(tables)  # migrations work on documents, not record lines
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
    check_meta(tables, path)
    return tables, version != start


def _shown(value: Any) -> str:
    text = repr(value)  # repr shows control characters as escapes: safe on a terminal
    return text if len(text) <= 40 else text[:39] + "…"


def check_meta(tables: Tables, path: Path) -> None:
    """Refuse a ``meta`` document whose fields have the wrong type, naming the field."""
    document = meta(tables)
    next_ids = document.get("next_ids", {})
    if not isinstance(next_ids, dict):
        raise BadDataFileError(
            _('{file}: meta.next_ids: expected a table of next ids such as {{"officers": 5}}, found {found}').format(
                file=path, found=_shown(next_ids)
            )
        )
    for name, value in next_ids.items():
        if name not in TABLE_NAMES:
            raise BadDataFileError(
                _("{file}: meta.next_ids: unknown table {table}").format(file=path, table=_shown(name))
            )
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise BadDataFileError(
                _("{file}: meta.next_ids.{table}: expected a whole number of at least 1, found {found}").format(
                    file=path, table=name, found=_shown(value)
                )
            )
    file_id = document.get("file_id")
    if file_id is not None and not (isinstance(file_id, str) and file_id):
        raise BadDataFileError(
            _("{file}: meta.file_id: expected text, found {found}").format(file=path, found=_shown(file_id))
        )


def repair_next_ids(tables: Tables, data: Dataset) -> list[str]:
    """Raise each next id that is at or below an existing id; what was repaired."""
    document = meta(tables)
    if not document:
        return []
    next_ids: dict[str, int] = document.setdefault("next_ids", {})
    repaired = []
    for kind in Kind:
        name = kind.table
        needed = max(data.table(kind), default=0) + 1
        if next_ids.get(name, 1) < needed:
            repaired.append(f"meta.next_ids.{name} {next_ids.get(name, 1)} → {needed}")
            next_ids[name] = needed
    return repaired


def tables_for(data: Dataset, last_meta: dict[str, Any]) -> Tables:
    """The file's tables for ``data`` (for a copy of what the app shows); keeps the file id and next ids."""
    tables: Tables = {
        kind.table: {str(record.id): codec.to_document(record) for record in data.table(kind).values()} for kind in Kind
    }
    known = last_meta.get("next_ids")
    known = known if isinstance(known, dict) else {}
    next_ids = {kind.table: max(int(known.get(kind.table, 1)), max(data.table(kind), default=0) + 1) for kind in Kind}
    file_id = last_meta.get("file_id") if isinstance(last_meta.get("file_id"), str) else None
    tables[META_TABLE] = {
        META_ID: {"schema": SCHEMA_VERSION, "next_ids": next_ids, "file_id": file_id or new_file_id()}
    }
    return tables
