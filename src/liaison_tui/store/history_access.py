"""The store's history side: reading the entries held, and trimming old ones.

A part of ``Store`` kept in its own module (the store is the only writer, so
trimming goes through its lock and its atomic write like any save).
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any, cast

from liaison_tui.domain.history import HistoryEntry
from liaison_tui.store import history_table
from liaison_tui.store.memory_storage import SharedMemoryStorage
from liaison_tui.store.storage import DurableJSONStorage, StorageError, Tables


class HistoryAccess:
    """Mixed into ``Store``, which provides these."""

    _storage: DurableJSONStorage | SharedMemoryStorage
    _meta: dict[str, Any]

    @property
    def where(self) -> str:
        raise NotImplementedError

    def _refresh(self) -> bool:
        raise NotImplementedError

    def _history_raw(self) -> dict[str, Any]:
        return (self._storage.read() or {}).get(history_table.HISTORY_TABLE, {})

    def history(self, *, from_id: int = 0) -> list[HistoryEntry]:
        """The history as held, oldest first (from entry ``from_id`` on); BadDataFileError for a bad entry."""
        return history_table.entries_from(self._history_raw(), from_id)

    def history_next_id(self) -> int:
        """The id the next entry gets: entries from it on are saves not yet held."""
        return history_table.next_entry_id(self._meta, self._history_raw())

    def trim_history(self, cutoff: datetime) -> int:
        """Remove the entries saved before ``cutoff``, in one durable write; how many went."""
        if self._storage.read_only:
            raise StorageError(self._storage.read_only_reason or f"{self.where}: opened read-only")
        with self._storage.lock():
            self._refresh()
            tables = cast(Tables, self._storage.read())
            raw = tables.get(history_table.HISTORY_TABLE, {})
            old = history_table.older_than(raw, cutoff)
            if old:
                kept = {key: document for key, document in raw.items() if key not in set(old)}
                try:
                    self._storage.write({**tables, history_table.HISTORY_TABLE: kept})
                except BaseException:
                    self._storage.discard()
                    with contextlib.suppress(StorageError):
                        self._refresh()
                    raise
            return len(old)
