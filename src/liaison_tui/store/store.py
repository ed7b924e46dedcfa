"""The store: one TinyDB file, loaded into domain objects, changed atomically.

Reads come from the in-memory ``Dataset``. Every change is a list of edits
committed under the writers' lock: reload if another process changed the file,
check that each record is still what the caller last saw (so nobody's change is
silently overwritten), validate, then one durable write. A failed write leaves
both the file and the in-memory data as they were.

Reloads (the app's watch on the file) read and parse without the writers' lock, so a
slow parse never makes another program's save wait. A data file that is moved or deleted
while open is never recreated: the data as last read stays in memory, saves are refused,
and ``save_copy`` writes it where the user says. A read-only file opens for viewing only.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit
from liaison_tui.domain.history import Reason
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _
from liaison_tui.store import history_table, schema
from liaison_tui.store.errors import BadDataFileError, DataFileGoneError
from liaison_tui.store.errors import StaleEditError as StaleEditError
from liaison_tui.store.history_access import HistoryAccess
from liaison_tui.store.loading import Loaded, load_version
from liaison_tui.store.loading import dataset_from_tables as dataset_from_tables
from liaison_tui.store.memory_storage import SharedMemoryStorage
from liaison_tui.store.paths import real_path
from liaison_tui.store.planning import applied, checked_edit
from liaison_tui.store.recording import write_commit
from liaison_tui.store.storage import DurableJSONStorage, StorageError, Tables, Version
from liaison_tui.store.storage import backup_path as backup_path
from liaison_tui.store.tinydb_table import InPlaceTinyDB


@dataclass(frozen=True, slots=True)
class Commit:
    """What a commit did: the edits as saved (new ids filled in)."""

    edits: list[Edit]
    reloaded: bool  # another process had changed the file first
    change: int = 0  # its number in the history (0: nothing saved)


class Store(HistoryAccess):
    """The data of one file (or of memory, for tests) and the only way to change it."""

    def __init__(self, db: TinyDB, *, path: Path | None = None, create: bool = False) -> None:
        self._db = db
        self.path = path
        storage = db.storage
        assert isinstance(storage, (DurableJSONStorage, SharedMemoryStorage))
        self._storage = storage
        self.lock_policy = storage.lock_policy  # how long saves wait for another writer (the app changes it)
        self._meta: dict[str, Any] = {}  # of the version last held: for a copy after the file is gone
        self.author = history_table.default_author()  # who this process's saves are recorded as
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._data = self._open(create)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False) -> Store:
        """Open the data file at ``path``; a missing file becomes an empty store if ``create``.

        A file whose permissions forbid writing opens read-only: saves are refused, saying so.
        """
        given = Path(path)
        real = real_path(given)
        exists = real.exists()
        if not exists and (not create or read_only):
            raise StorageError(_("{file}: no such data file").format(file=given))
        reason = None
        if exists and not read_only and not os.access(real, os.W_OK):
            read_only, reason = True, _("{file} is read-only; nothing was saved").format(file=given)
        db = InPlaceTinyDB(str(real), storage=DurableJSONStorage, read_only=read_only, read_only_reason=reason)
        try:
            return cls(db, path=real, create=create)
        except BadDataFileError as error:
            raise BadDataFileError(f"{error}{cls._backup_note(real)}") from None

    @classmethod
    def _backup_note(cls, path: Path) -> str:
        """Point at the backup only if it is a sound file: a damaged one is no way back."""
        backup = backup_path(path)
        try:
            cls(InPlaceTinyDB(str(backup), storage=DurableJSONStorage, read_only=True), path=backup)
        except StorageError:
            return ""
        return f"\nThe previous version is kept at {backup}."

    @classmethod
    def in_memory(cls, tables: Tables | None = None) -> Store:
        db = InPlaceTinyDB(storage=SharedMemoryStorage)
        if tables is not None:
            db.storage.write(tables)
        return cls(db, create=True)

    def _open(self, create: bool) -> Dataset:
        storage = self._storage
        if create and storage.missing():
            with storage.lock():
                if storage.missing():  # no other process created it meanwhile
                    tables = schema.empty_tables()
                    storage.create(tables)
                    self._meta = schema.meta(tables)
                    return Dataset()
        # Read and check before locking: a refused file gets no lock file beside it.
        version = storage.read_version()
        loaded = self._load(version)
        self._hold(loaded, version)
        if storage.read_only or isinstance(storage, SharedMemoryStorage):
            return loaded.data
        with storage.lock():  # once, on opening: reloads need not look again
            storage.remove_stale_temporaries()
            newer = storage.changed_version()
            if newer is not None:  # another process saved between our read and the lock
                loaded = self._load(newer)
                self._hold(loaded, newer)
            if loaded.needs_writing:
                storage.save()
        return loaded.data

    # -- reading ---------------------------------------------------------------

    @property
    def data(self) -> Dataset:
        return self._data

    @property
    def where(self) -> str:
        return str(self.path) if self.path else "memory"

    @property
    def read_only_reason(self) -> str | None:
        """Why saves are refused, when the file's permissions forbid writing; else None."""
        return self._storage.read_only_reason

    def current_visit(self) -> Visit | None:
        """The visit the app shows: the one starting last."""
        return self._data.current_visit()

    def next_id(self, kind: Kind) -> int:
        """The id the next new record of ``kind`` gets (ids are never reused)."""
        return schema.next_id(self._meta, self._data, kind)

    @property
    def has_file_id(self) -> bool:
        return bool(self._meta.get("file_id"))  # check_meta has made sure it is text

    def file_id(self) -> str:
        """This file's own id; saved into the file on first asking if it had none."""
        found = self._meta.get("file_id")
        if isinstance(found, str) and found:
            return found
        if self._storage.read_only:
            raise StorageError(_("{file}: has no file id yet; open it writable once").format(file=self.where))
        self.commit([])
        return str(self._meta["file_id"])

    def _load(self, version: Version) -> Loaded:
        return load_version(version, self.where)

    def _hold(self, loaded: Loaded, version: Version) -> None:
        self._storage.install(loaded.tables, version.signature)
        self._meta = schema.meta(loaded.tables)
        self._data = loaded.data

    def changed_on_disk(self) -> bool:
        """Cheap check (one stat) for the app's watch on the file."""
        return self._storage.changed_on_disk()

    def reload_if_changed(self) -> bool:
        """Pick up another process's changes; True when there were any.

        Reads and parses without the writers' lock (a reader always sees one
        whole version). Raises DataFileGoneError once when the file is gone,
        keeping the data as last read.
        """
        storage = self._storage
        if not storage.changed_on_disk():
            return False
        seen = storage.signature
        try:
            version = storage.read_version()
        except DataFileGoneError:
            with storage.local_lock():
                if storage.signature == seen:
                    storage.mark_gone()  # reported once; a save still refuses
            raise
        except StorageError:
            with storage.local_lock():
                if storage.signature == seen:  # reported once, until the file changes again
                    storage.forget(storage.disk_signature())
            raise
        try:
            loaded = self._load(version)
        except StorageError:
            with storage.local_lock():
                if storage.signature == seen:  # never write on top of a file we could not read
                    storage.forget(version.signature)
            raise
        with storage.local_lock():
            if storage.signature != seen:
                return False  # a save in this process got in first, and it read the file itself
            self._hold(loaded, version)
        return True

    def _refresh(self) -> bool:
        """Under the lock: take another process's newer version, if any."""
        version = self._storage.changed_version()
        if version is None:
            return False
        try:
            loaded = self._load(version)
        except StorageError:
            self._storage.forget(version.signature)  # never write on top of a file we could not read
            raise
        self._hold(loaded, version)
        return True

    # -- writing ---------------------------------------------------------------

    def commit(self, edits: Sequence[Edit], *, reason: Reason = Reason.EDIT) -> Commit:
        """Apply ``edits`` atomically and durably with their history entries, or raise and change nothing."""
        if self._storage.read_only:
            raise StorageError(self._storage.read_only_reason or _("{file}: opened read-only").format(file=self.where))
        with self._storage.lock():
            reloaded = self._refresh()
            tables = cast(Tables, self._storage.read())
            meta = schema.meta(tables)
            next_ids: dict[str, int] = dict(meta.get("next_ids", {}))
            file_id = meta.get("file_id") or schema.new_file_id()
            saved = [checked_edit(self._data, edit, next_ids) for edit in edits]
            data = applied(self._data, saved)
            deleted = any(edit.after is None for edit in saved)  # the user's say-so for a smaller backup
            change = history_table.next_entry_id(meta, tables.get(history_table.HISTORY_TABLE, {}))
            try:
                with self._storage.batch():
                    update = {"next_ids": next_ids, "file_id": file_id, schema.LAST_SAVE_DELETED: deleted}
                    at, datasets = self.clock(), (data, self._data)
                    write_commit(
                        self._db, tables, saved, update, at=at, who=self.author, reason=reason, datasets=datasets
                    )
            except BaseException:
                self._storage.discard()
                with contextlib.suppress(StorageError):
                    self._refresh()  # hold the file as it is again (a failed save left it unchanged)
                raise
            self._data = data
            self._meta = schema.meta(tables)
            return Commit(saved, reloaded, change if saved else 0)

    def commit_planned(self, plan: Callable[[Dataset], Sequence[Edit]], *, reason: Reason = Reason.EDIT) -> Commit:
        """Commit the edits ``plan`` makes from the data as it is on disk, all under one lock.

        For changes worked out from the data itself (an import matching rows to
        records): planned outside the lock, two processes would both add what
        neither saw the other add. An empty plan writes nothing.
        """
        with self._storage.lock():
            reloaded = self._refresh()
            edits = plan(self._data)
            if not edits:
                return Commit([], reloaded)
            done = self.commit(edits, reason=reason)  # the lock is re-entrant; nothing changed since the refresh
            return Commit(done.edits, reloaded or done.reloaded, done.change)

    def save_copy(self, target: str | Path) -> Path:
        """Write the data as held (what the app shows) to a new file, and from then on use that file.

        For a data file that was moved or deleted while open; giving the
        original path re-creates it there. The copy is written atomically and
        readable by its owner only; an existing file is never replaced.
        """
        if not isinstance(self._storage, DurableJSONStorage):
            raise StorageError(_("memory: there is no file to copy"))
        real = real_path(Path(target).expanduser())
        tables = schema.tables_for(self._data, self._meta)
        tables[history_table.HISTORY_TABLE] = dict(self._history_raw())  # the history goes with the data
        schema.meta(tables)[history_table.NEXT_ID] = self.history_next_id()
        self._storage.create_at(real, tables)
        self.path = real
        self._meta = schema.meta(tables)
        return real

    def close(self) -> None:
        self._db.close()
