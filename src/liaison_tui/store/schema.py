"""The data file's schema version, and migrations from older versions.

The ``meta`` table holds one document: the schema version, the next free id
of each table (ids are never reused, so undoing a delete cannot collide with a
record another process added meanwhile) and the file's own id (for calendar
UIDs; a file copied from the sample gets one on its first save). Version 0 is
a file without ``meta``: tables written by plain TinyDB or by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liaison_tui.domain.kinds import Kind
from liaison_tui.store.storage import StorageError, Tables

SCHEMA_VERSION = 2
META_TABLE = "meta"
META_ID = "1"
TABLE_NAMES = tuple(kind.table for kind in Kind)
KNOWN_TABLES = frozenset(TABLE_NAMES) | {META_TABLE, "_default"}


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
    document["next_ids"] = {**document.get("next_ids", {}), "checkins": 1}
    migrated[META_TABLE] = {META_ID: document}
    return migrated


#: MIGRATIONS[n] turns a version-n file into a version n+1 file.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _from_0, 1: _from_1}


def empty_tables() -> Tables:
    tables: Tables = {name: {} for name in TABLE_NAMES}
    next_ids = dict.fromkeys(TABLE_NAMES, 1)
    tables[META_TABLE] = {META_ID: {"schema": SCHEMA_VERSION, "next_ids": next_ids, "file_id": new_file_id()}}
    return tables


def new_file_id() -> str:
    """Names this data file in calendar UIDs, so re-exports update, not duplicate."""
    return uuid.uuid4().hex


def meta(tables: Tables) -> dict[str, Any]:
    document = tables.get(META_TABLE, {}).get(META_ID)
    return document if isinstance(document, dict) else {}


def version_of(tables: Tables, path: Path) -> int:
    if META_TABLE not in tables:
        return 0
    version = meta(tables).get("schema")
    if isinstance(version, bool) or not isinstance(version, int):
        raise StorageError(f"{path}: the meta table has no valid schema version")
    return version


def migrate(tables: Tables, path: Path) -> tuple[Tables, bool]:
    """Bring ``tables`` to the current schema; True when anything changed."""
    unknown = sorted(set(tables) - KNOWN_TABLES)
    if unknown:
        raise StorageError(f"{path}: not a liaison-tui data file (unknown tables: {', '.join(unknown)})")
    version = version_of(tables, path)
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"{path}: written by a newer liaison-tui (schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}). Upgrade liaison-tui to open it; the file was not changed."
        )
    if version < 0:
        raise StorageError(f"{path}: unknown schema version {version}")
    start = version
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
    return tables, version != start
