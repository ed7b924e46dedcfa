"""A TinyDB storage that never damages the data file and shares it safely.

TinyDB's own ``JSONStorage`` rewrites the file in place, so a crash mid-write
leaves half a file and two processes overwrite each other. This one keeps the
tables in memory and makes every write durable and atomic: serialise, write a
temporary file beside the data file, fsync, keep the old file as ``.bak`` (a
hard link, so no copy), then ``os.replace``. A lock file serialises writers
across processes, and ``refresh`` notices when another process replaced the
file so the store can reload before it writes.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import MemoryStorage, Storage

from liaison_tui.store.atomic import OWNER_ONLY, FolderError, write_atomically

Tables = dict[str, dict[str, Any]]
LOCK_TIMEOUT = 5.0  # seconds to wait for another writer before giving up


class StorageError(Exception):
    """The data file cannot be read or written; the message says which and why."""


def _signature(stat: os.stat_result) -> tuple[int, int, int]:
    # A replaced file has a new inode; an in-place edit changes size or mtime.
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def decode(raw: bytes, path: Path) -> Tables:
    """Parse the bytes of a data file, explaining what is wrong with a bad one."""
    if not raw.strip():
        raise StorageError(f"{path}: the file is empty")
    try:
        tables = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StorageError(f"{path}: not a valid JSON data file ({error})") from None
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise StorageError(f"{path}: not a liaison-tui data file (expected an object of tables)")
    return tables


class DurableJSONStorage(Storage):
    """Atomic, locked, change-detecting JSON storage for one data file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._tables: Tables | None = None
        self._signature: tuple[int, int, int] | None = None
        self._lock_depth = 0
        self._lock_file: int | None = None
        self._thread_lock = threading.RLock()  # the app reloads in a worker thread
        self.lock_timeout = LOCK_TIMEOUT
        self._batch_depth = 0
        self._dirty = False

    # -- reading ---------------------------------------------------------------

    def _load(self) -> Tables | None:
        try:
            with self.path.open("rb") as handle:
                signature = _signature(os.fstat(handle.fileno()))
                raw = handle.read()
        except FileNotFoundError:
            self._signature = None
            return None
        except IsADirectoryError:
            raise StorageError(f"{self.path}: is a directory, not a data file") from None
        except OSError as error:
            raise StorageError(f"{self.path}: cannot read the file ({error.strerror})") from None
        tables = decode(raw, self.path)
        self._signature = signature
        return tables

    def read(self) -> Tables | None:
        if self._tables is None:
            self._tables = self._load()
        return self._tables

    def changed_on_disk(self) -> bool:
        """True when the file is not the one we last read or wrote."""
        try:
            current: tuple[int, int, int] | None = _signature(os.stat(self.path))
        except FileNotFoundError:
            current = None
        except OSError as error:
            raise StorageError(f"{self.path}: cannot read the file ({error.strerror})") from None
        return current != self._signature

    def refresh(self) -> bool:
        """Reload if another process changed the file; True when it did."""
        if self._tables is not None and not self.changed_on_disk():
            return False
        self._tables = self._load()
        return True

    def forget(self) -> None:
        """Drop what was read, so the next ``refresh`` reads the file again."""
        self._tables = None
        self._signature = None

    def discard(self) -> None:
        """Forget unsaved changes (after a failed write) by re-reading the file."""
        self._dirty = False
        self._tables = self._load()

    # -- writing ---------------------------------------------------------------

    def write(self, data: Tables) -> None:
        self._tables = data
        if self._batch_depth:
            self._dirty = True
        else:
            self._flush()

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

    def _flush(self) -> None:
        if self.read_only:
            raise StorageError(f"{self.path}: opened read-only")
        self._dirty = False
        try:
            payload = orjson.dumps(self._tables)
        except TypeError as error:
            raise StorageError(f"{self.path}: cannot encode the data ({error})") from None
        directory = self.path.parent
        try:
            mode = self.path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = OWNER_ONLY  # new files hold personal data
        try:
            write_atomically(self.path, payload, mode=mode, before_replace=self._keep_backup)
        except FolderError as error:
            if error.errno == errno.ENOENT:
                raise StorageError(f"{self.path}: the folder {directory} does not exist") from None
            raise StorageError(f"{self.path}: cannot write in {directory} ({error.strerror})") from None
        except OSError as error:
            raise StorageError(
                f"{self.path}: could not save ({error.strerror or error}); the file is unchanged"
            ) from None
        self._signature = _signature(os.stat(self.path))

    def remove_stale_temporaries(self) -> None:
        """Delete temporary files of writes that never finished (a killed process).

        Call with the lock held: then no other writer can be using them.
        """
        for leftover in self.path.parent.glob(f".{glob.escape(self.path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
        with contextlib.suppress(OSError):
            backup_path(self.path).with_name(backup_path(self.path).name + ".tmp").unlink()

    def _keep_backup(self) -> None:
        """Make ``.bak`` the version about to be replaced, atomically."""
        if not self.path.exists():
            return
        backup = backup_path(self.path)
        staging = backup.with_name(backup.name + ".tmp")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staging)
        try:
            try:
                os.link(self.path, staging)
            except OSError:  # no hard links here (some network mounts): copy instead
                staging.write_bytes(self.path.read_bytes())
                os.chmod(staging, 0o600)
            os.replace(staging, backup)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(staging)
            raise

    # -- locking ---------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the writers' lock (re-entrant) for a read-modify-write."""
        with self._thread_lock, self._process_lock():
            yield

    @contextlib.contextmanager
    def _process_lock(self) -> Iterator[None]:
        if self._lock_depth == 0 and not self.read_only:
            lock_path = self.path.with_name(self.path.name + ".lock")
            try:
                self._lock_file = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except FileNotFoundError:
                raise StorageError(f"{self.path}: the folder {self.path.parent} does not exist") from None
            except OSError as error:
                raise StorageError(f"{self.path}: cannot lock the file ({error.strerror})") from None
            self._wait_for_lock(self._lock_file)
        self._lock_depth += 1
        try:
            yield
        finally:
            self._lock_depth -= 1
            if self._lock_depth == 0 and self._lock_file is not None:
                fcntl.flock(self._lock_file, fcntl.LOCK_UN)
                os.close(self._lock_file)
                self._lock_file = None

    def _wait_for_lock(self, descriptor: int) -> None:
        """Take the lock, waiting a little for another writer; never hang the app."""
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(descriptor)
                    self._lock_file = None
                    raise StorageError(
                        f"{self.path}: locked by another program for over {self.lock_timeout:g} s; "
                        "nothing was saved, try again"
                    ) from None
                time.sleep(0.002)

    def close(self) -> None:
        if self._dirty:
            self._flush()


class SharedMemoryStorage(MemoryStorage):
    """TinyDB's MemoryStorage with the same interface as the durable one."""

    path: Path | None = None
    read_only = False

    def refresh(self) -> bool:
        return False

    def forget(self) -> None:
        """Memory is the only copy: there is nothing to read again."""

    def discard(self) -> None:
        """Nothing on disk to go back to; failed writes cannot happen in memory."""

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        yield

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        yield
