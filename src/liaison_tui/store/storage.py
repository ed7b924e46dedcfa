"""A TinyDB storage that never damages the data file and shares it safely.

TinyDB's own ``JSONStorage`` rewrites the file in place, so a crash mid-write
leaves half a file and two processes overwrite each other. This one keeps the
tables in memory (records as the file's lines, ``file_layout``, until they
change) and makes every write durable and atomic: serialise, write a
temporary file beside the data file, fsync, keep the old file as ``.bak`` (a
hard link, so no copy; see ``backups`` for when it is kept instead), then
``os.replace``. A lock (``locking``) serialises writers across processes.

Because the file is only ever replaced whole, a reader needs no lock: one
``open`` reads one whole version. Reloads therefore read and parse without
the writers' lock, and only saves hold it.

The storage never creates a data file by itself: only ``create`` (a new file
at open) and ``create_at`` (a copy the user asked for) do. A save finding the
file gone refuses (``DataFileGoneError``) rather than write a new file with
what may be a fraction of the data.

Size limit: ``MAX_FILE_BYTES`` (64 MB). The largest realistic file is a city
network's: 83 partner cities, 50,000 officers and 5 past visits take 20.8 MB
(``liaison-tui demo --officers 50000 --past-visits 5``); 64 MB leaves three
times that. Far bigger files made the app unusable (a 268 MB file took 28 s
and 1.8 GB to open); they are refused on opening, and a save that would pass
the limit is refused with nothing written.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
from tinydb.storages import Storage

from liaison_tui.store import file_layout, locking, messages
from liaison_tui.store.atomic import OWNER_ONLY, FolderError, write_atomically
from liaison_tui.store.backups import BackupKeeper, Signature, signature_of
from liaison_tui.store.backups import backup_path as backup_path
from liaison_tui.store.errors import BadDataFileError, DataFileGoneError
from liaison_tui.store.errors import StorageError as StorageError
from liaison_tui.store.schema import Tables as Tables
from liaison_tui.store.schema import VersionFacts, version_facts

LOCK_TIMEOUT = 5.0  # seconds to wait for another writer before giving up
MAX_FILE_BYTES = 64_000_000


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1_000:.1f} kB"


@dataclass(frozen=True, slots=True)
class Version:
    """One whole version of the data file as read: its tables and file signature."""

    tables: Tables
    signature: Signature | None
    raw: bytes | None = None  # the file's bytes, while its records are still lines (``file_layout``)

    def whole(self, path: Path) -> Version:
        """This version read the careful way: for a record line that turned out not to be one."""
        return Version(decode_whole(self.raw or b"", path), self.signature)


def decode(raw: bytes, path: Path) -> Tables:
    """The tables of a data file: its records as lines in our layout, else parsed whole."""
    tables = file_layout.split(raw)
    return tables if tables is not None else decode_whole(raw, path)


def decode_whole(raw: bytes, path: Path) -> Tables:
    """Parse the bytes of a data file, explaining what is wrong with a bad one."""
    if not raw.strip():
        raise BadDataFileError(messages.empty(path))
    try:
        tables = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise BadDataFileError(messages.not_json(path, error)) from None
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise BadDataFileError(messages.not_tables(path))
    return tables


def read_version(path: Path) -> Version:
    """Read and decode the file at ``path`` (no lock needed: writers replace it whole)."""
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            if stat.st_size > MAX_FILE_BYTES:
                raise StorageError(messages.too_big(path, megabytes(stat.st_size), megabytes(MAX_FILE_BYTES)))
            raw = handle.read()
    except FileNotFoundError:
        raise DataFileGoneError(messages.gone(path)) from None
    except IsADirectoryError:
        raise StorageError(messages.a_directory(path)) from None
    except OSError as error:
        raise StorageError(messages.unreadable(path, error.strerror)) from None
    return Version(decode(raw, path), signature_of(stat), raw)


class DurableJSONStorage(Storage):
    """Atomic, locked, change-detecting JSON storage for one data file."""

    def __init__(self, path: str | Path, *, read_only: bool = False, read_only_reason: str | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.lock_policy = locking.LockPolicy(LOCK_TIMEOUT)
        self._tables: Tables | None = None
        self._signature: Signature | None = None  # of the version ``_tables`` holds
        self._on_disk: VersionFacts | None = None  # facts of that version, before any change in memory
        self._backups = BackupKeeper()
        self._lock_depth = 0
        self._held: locking.HeldLock | None = None
        self._thread_lock = threading.RLock()  # the app reloads in a worker thread
        self._batch_depth = 0
        self._dirty = False

    # -- reading ---------------------------------------------------------------

    def read(self) -> Tables | None:
        return self._tables

    @property
    def signature(self) -> Signature | None:
        return self._signature

    def missing(self) -> bool:
        return not self.path.exists()

    def read_version(self) -> Version:
        return read_version(self.path)

    def disk_signature(self) -> Signature | None:
        """The signature of the file there now (one stat); None when it is gone."""
        try:
            return signature_of(os.stat(self.path))
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StorageError(messages.unreadable(self.path, error.strerror)) from None

    def changed_on_disk(self) -> bool:
        """True when the file is not the one we last read or wrote (or is gone and not yet reported)."""
        return self.disk_signature() != self._signature

    def changed_version(self) -> Version | None:
        """The file as it is now if it is not the version held; None if it is (call under the lock)."""
        if self._tables is not None and not self.changed_on_disk():
            return None
        return self.read_version()

    def install(self, tables: Tables, signature: Signature | None) -> None:
        """Hold ``tables`` (checked by the store) as the version with ``signature``."""
        self._tables, self._signature = tables, signature
        self._on_disk = version_facts(tables)

    def forget(self, signature: Signature | None) -> None:
        """Drop a version we could not use; the next save reads the file again, nothing is written on it."""
        self._tables, self._signature = None, signature

    def mark_gone(self) -> None:
        """The store has reported the file gone: stop seeing that as a change."""
        self._signature = None

    def discard(self) -> None:
        """Forget unsaved changes (after a failed write); the next save reads the file again."""
        self._dirty = False
        self._tables = None

    def local_lock(self) -> threading.RLock:
        """This process's lock only: for swapping in a version read without the writers' lock."""
        return self._thread_lock

    # -- writing ---------------------------------------------------------------

    def write(self, data: Tables) -> None:
        self._tables = data
        if self._batch_depth:
            self._dirty = True
        else:
            self._flush()

    def save(self) -> None:
        """Write the tables held (after a migration or repair on opening)."""
        self._flush()

    def create(self, tables: Tables) -> None:
        """Write a new data file (call under the lock, when ``missing``)."""
        self._tables = tables
        self._flush(creating=True)

    def create_at(self, path: Path, tables: Tables) -> None:
        """Write ``tables`` to a new file at ``path`` and from then on work on that file."""
        with self._thread_lock:
            before = dict(vars(self))
            self.path, self.read_only, self.read_only_reason = path, False, None
            try:
                with self.lock():
                    if path.exists():
                        raise StorageError(messages.exists_already(path))
                    self.create(tables)
            except BaseException:
                vars(self).update(before)  # still the file we had
                raise

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect every write inside the block into one write to disk."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            raise  # the caller discards the half-made change; nothing is written
        self._batch_depth -= 1
        if not self._batch_depth and self._dirty:
            self._flush()

    def _flush(self, *, creating: bool = False) -> None:
        if self.read_only:
            raise StorageError(self.read_only_reason or messages.read_only(self.path))
        self._dirty = False
        try:
            payload = file_layout.chunks(self._tables or {})
        except TypeError as error:
            raise StorageError(messages.unencodable(self.path, error)) from None
        size = sum(map(len, payload))
        if size > MAX_FILE_BYTES:
            raise StorageError(messages.would_be_too_big(self.path, megabytes(size), megabytes(MAX_FILE_BYTES)))
        if not creating and self.missing():
            raise DataFileGoneError(messages.gone(self.path, saving=True))
        self._write_atomically(payload, creating=creating)
        self._signature = signature_of(os.stat(self.path))
        self._on_disk = version_facts(self._tables or {})

    def _write_atomically(self, payload: list[bytes], *, creating: bool) -> None:
        directory = self.path.parent
        try:
            # New files hold personal data; a save keeps the file's mode (a file gone since the check refuses).
            mode = OWNER_ONLY if creating else self.path.stat().st_mode & 0o777
            write_atomically(self.path, payload, mode=mode, before_replace=self._rotate_backup)
        except FolderError as error:
            if error.errno == errno.ENOENT:
                raise StorageError(messages.no_folder(self.path, directory)) from None
            raise StorageError(messages.unwritable_folder(self.path, directory, error.strerror)) from None
        except OSError as error:
            raise StorageError(messages.not_saved(self.path, error.strerror or error)) from None

    def remove_stale_temporaries(self) -> None:
        """Delete temporary files of writes that never finished (a killed process).

        Call with the lock held: then no other writer can be using them.
        """
        for leftover in self.path.parent.glob(f".{glob.escape(self.path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
        with contextlib.suppress(OSError):
            backup_path(self.path).with_name(backup_path(self.path).name + ".tmp").unlink()

    def _rotate_backup(self) -> None:
        """Just before the new version replaces the file: keep the old one as ``.bak`` if the rule allows.

        A new file (``create``, ``create_at``) is only written where there is none, so there is nothing to keep.
        """
        if self.path.exists():
            self._backups.rotate(self.path, self._on_disk, MAX_FILE_BYTES)

    # -- locking ---------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the writers' lock (re-entrant) for a read-modify-write."""
        with self._thread_lock:
            if self._lock_depth == 0 and not self.read_only:
                self._held = locking.acquire(self.path, self.lock_policy)
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0 and self._held is not None:
                    self._held.release()
                    self._held = None

    def close(self) -> None:
        if self._dirty:
            self._flush()
