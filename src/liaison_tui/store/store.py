"""The store: one TinyDB file, loaded into domain objects, changed atomically.

Reads come from the in-memory ``Dataset``. Every change is a list of edits
committed under the writers' lock: reload if another process changed the file,
check that each record is still what the caller last saw (so nobody's change is
silently overwritten), validate, then one durable write. A failed write leaves
both the file and the in-memory data as they were.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from tinydb import TinyDB
from tinydb.table import Document

from liaison_tui.domain.edits import Edit
from liaison_tui.domain.model import TABLES, Dataset, Problem, Record, ValidationError, Visit, describe
from liaison_tui.domain.validation import check_dataset, check_record, check_references, dangling_references
from liaison_tui.store import codec as records
from liaison_tui.store import schema
from liaison_tui.store.gc_pause import collector_paused
from liaison_tui.store.storage import DurableJSONStorage, SharedMemoryStorage, StorageError, Tables, backup_path
from liaison_tui.store.tinydb_table import InPlaceTinyDB

KINDS_BY_TABLE = {name: kind for kind, name in TABLES.items()}


class StaleEditError(StorageError):
    """A record was changed by someone else since the caller read it.

    ``current`` is the record as it is now (None when it was deleted), so a form
    can show what changed and offer to put the user's changes on top of it.
    """

    def __init__(self, message: str, current: Record | None = None) -> None:
        super().__init__(message)
        self.current = current


@dataclass(frozen=True, slots=True)
class Commit:
    """What a commit did: the edits as saved (new ids filled in)."""

    edits: list[Edit]
    reloaded: bool  # another process had changed the file first


def dataset_from_tables(tables: Tables, where: Path | str) -> Dataset:
    """Parse and validate every record; raise StorageError naming the problems."""
    with collector_paused():
        return _parse_tables(tables, where)


def _parse_tables(tables: Tables, where: Path | str) -> Dataset:
    data = Dataset()
    problems: list[Problem | str] = []
    for name, kind in KINDS_BY_TABLE.items():
        table = data.table(kind)
        for key, document in tables.get(name, {}).items():
            try:
                doc_id = int(key)
                table[doc_id] = records.from_document(kind, doc_id, document)
            except ValueError as error:  # ValidationError, or a key that is no id
                problems += error.problems if isinstance(error, ValidationError) else [f"{name}: bad id {key!r}"]
    if not problems:
        problems += check_dataset(data)
    if problems:
        shown = "\n  ".join(str(p) for p in problems[:10])
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise StorageError(f"{where}: {len(problems)} invalid record(s):\n  {shown}{more}")
    return data


class Store:
    """The data of one file (or of memory, for tests) and the only way to change it."""

    def __init__(self, db: TinyDB, *, path: Path | None = None) -> None:
        self._db = db
        self.path = path
        storage = db.storage
        assert isinstance(storage, (DurableJSONStorage, SharedMemoryStorage))
        self._storage = storage
        if isinstance(storage, DurableJSONStorage) and not storage.read_only:
            with storage.lock():  # once, on opening: reloads need not look again
                storage.remove_stale_temporaries()
        self._data = self._load()

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False) -> Store:
        """Open the data file at ``path``; a missing file becomes an empty store if ``create``."""
        path = Path(path)
        if not create and not path.exists():
            raise StorageError(f"{path}: no such data file")
        db = InPlaceTinyDB(str(path), storage=DurableJSONStorage, read_only=read_only)
        try:
            return cls(db, path=path)
        except StorageError as error:
            backup = backup_path(path)
            if backup.exists():
                raise StorageError(f"{error}\nThe previous version is kept at {backup}.") from None
            raise

    @classmethod
    def in_memory(cls, tables: Tables | None = None) -> Store:
        db = InPlaceTinyDB(storage=SharedMemoryStorage)
        if tables is not None:
            db.storage.write(tables)
        return cls(db)

    # -- reading ---------------------------------------------------------------

    @property
    def data(self) -> Dataset:
        return self._data

    @property
    def where(self) -> str:
        return str(self.path) if self.path else "memory"

    def current_visit(self) -> Visit | None:
        """The visit the app shows: the one starting last."""
        return max(self._data.visits.values(), key=lambda v: (v.start_date, v.id), default=None)

    def file_id(self) -> str:
        """This file's own id; saved into the file on first asking if it had none."""
        tables = self._storage.read() or {}
        found = schema.meta(tables).get("file_id")
        if isinstance(found, str) and found:
            return found
        if self._storage.read_only:
            raise StorageError(f"{self.where}: has no file id yet; open it writable once")
        self.commit([])
        return str(schema.meta(self._storage.read() or {})["file_id"])

    def _load(self) -> Dataset:
        with self._storage.lock():
            tables = self._storage.read()
            if tables is None:
                if self._storage.read_only:
                    raise StorageError(f"{self.where}: no such data file")
                tables = schema.empty_tables()
                self._storage.write(tables)
                return Dataset()
            tables, migrated = schema.migrate(tables, Path(self.where))
            data = dataset_from_tables(tables, self.where)
            if migrated and not self._storage.read_only:
                self._storage.write(tables)
            return data

    def changed_on_disk(self) -> bool:
        """Cheap check (one stat) for the app's watch on the file."""
        return isinstance(self._storage, DurableJSONStorage) and self._storage.changed_on_disk()

    def reload_if_changed(self) -> bool:
        """Pick up another process's changes; True when there were any."""
        with self._storage.lock():
            return self._refresh()

    def _refresh(self) -> bool:
        if not self._storage.refresh():
            return False
        try:
            self._data = self._load()
        except StorageError:
            self._storage.forget()  # never write on top of a file we could not read
            raise
        return True

    # -- writing ---------------------------------------------------------------

    def commit(self, edits: Sequence[Edit]) -> Commit:
        """Apply ``edits`` atomically and durably, or raise and change nothing."""
        with self._storage.lock():
            reloaded = self._refresh()
            tables = cast(Tables, self._storage.read())
            meta = schema.meta(tables)
            next_ids: dict[str, int] = dict(meta.get("next_ids", {}))
            file_id = meta.get("file_id") or schema.new_file_id()
            saved = [self._check_current(edit, next_ids) for edit in edits]
            data = self._apply(saved)
            try:
                with self._storage.batch():
                    self._write(saved)
                    self._db.table(schema.META_TABLE).update(
                        {"next_ids": next_ids, "file_id": file_id}, doc_ids=[int(schema.META_ID)]
                    )
            except BaseException:
                self._storage.discard()
                raise
            self._data = data
            return Commit(saved, reloaded)

    def _check_current(self, edit: Edit, next_ids: dict[str, int]) -> Edit:
        """Refuse edits based on an out-of-date record; give new records an id."""
        kind = type(edit.record)
        table = self._data.table(kind)
        if edit.before is not None:
            current = table.get(edit.before.id)
            if current != edit.before:
                state = "deleted" if current is None else "changed"
                message = f"{describe(edit.before)} was {state} elsewhere meanwhile; nothing was saved"
                raise StaleEditError(message, current)
        after = edit.after
        if after is not None and edit.before is None:
            name = TABLES[kind]
            if after.id == 0:
                after = dataclasses.replace(after, id=next_ids.get(name, 1))
            elif after.id in table:
                raise StaleEditError(f"{describe(after)}: id {after.id} is already taken; nothing was saved")
            next_ids[name] = max(next_ids.get(name, 1), after.id + 1)
        return Edit(edit.before, after)

    def _apply(self, edits: Sequence[Edit]) -> Dataset:
        """The dataset after ``edits``, validated; the current one is untouched."""
        data = dataclasses.replace(self._data)
        for name in {TABLES[type(edit.record)] for edit in edits}:
            setattr(data, name, dict(getattr(data, name)))
        for edit in edits:
            table = data.table(type(edit.record))
            if edit.after is None:
                del table[edit.record.id]
            else:
                table[edit.after.id] = edit.after
        problems: list[Problem] = []
        for edit in edits:
            if edit.after is not None:
                problems += check_record(edit.after) + check_references(edit.after, data)
        gone = [edit.record for edit in edits if edit.after is None]
        if gone:
            problems += dangling_references(data, gone)
        if problems:
            raise ValidationError(problems)
        return data

    def _write(self, edits: Sequence[Edit]) -> None:
        """Hand the edits to TinyDB; its tables change in place, so one call per edit is cheap."""
        for edit in edits:
            table = self._db.table(TABLES[type(edit.record)])
            if edit.after is None:
                table.remove(doc_ids=[edit.record.id])
            elif edit.before is None:
                table.insert(Document(records.to_document(edit.after), doc_id=edit.after.id))
            else:
                table.update(records.to_document(edit.after), doc_ids=[edit.after.id])

    def close(self) -> None:
        self._db.close()
