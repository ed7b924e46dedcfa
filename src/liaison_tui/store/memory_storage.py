"""A storage in memory for tests and tools, with the durable storage's interface.

Memory is the only copy: nothing else can change it, it cannot go, and there
is nothing to lock or reload.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from tinydb.storages import MemoryStorage

from liaison_tui.store.backups import Signature
from liaison_tui.store.locking import LockPolicy
from liaison_tui.store.schema import Tables
from liaison_tui.store.storage import Version


class SharedMemoryStorage(MemoryStorage):
    """TinyDB's MemoryStorage with the same interface as the durable one."""

    path: Path | None = None
    read_only = False
    read_only_reason: str | None = None
    signature: Signature | None = None

    def missing(self) -> bool:
        return self.memory is None

    def create(self, tables: Tables) -> None:
        self.write(tables)

    def read_version(self) -> Version:
        return Version(self.memory or {}, None)

    def disk_signature(self) -> Signature | None:
        return None

    def changed_on_disk(self) -> bool:
        return False

    def changed_version(self) -> Version | None:
        return None  # memory is the only copy: nothing else can change it

    def install(self, tables: Tables, signature: Signature | None) -> None:
        self.memory = tables

    def forget(self, signature: Signature | None) -> None:
        """Memory is the only copy: there is nothing to read again."""

    def mark_gone(self) -> None:
        """Memory cannot go."""

    def discard(self) -> None:
        """Nothing on disk to go back to; failed writes cannot happen in memory."""

    def save(self) -> None:
        """Memory holds the tables already."""

    def local_lock(self) -> threading.RLock:
        return threading.RLock()

    def remove_stale_temporaries(self) -> None:
        """No files, no temporaries."""

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        yield

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        yield

    @property
    def lock_policy(self) -> LockPolicy:
        return LockPolicy(0.0)  # memory has no other writers to wait for
