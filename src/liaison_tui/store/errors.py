"""What can go wrong with the data file, as exceptions the front ends can tell apart.

Every one is a ``StorageError``, so a caller that only reports the message
needs one ``except``; the subclasses exist for the callers that act
differently: the store names the backup only for a damaged file, and the app
offers to save a copy only when the file is gone.
"""

from __future__ import annotations

from liaison_tui.domain.model import Record


class StorageError(Exception):
    """The data file cannot be read or written; the message says which and why."""


class BadDataFileError(StorageError):
    """The file's content is not a sound data file (not JSON, wrong shape, invalid records)."""


class DataFileGoneError(StorageError):
    """The data file was moved or deleted while open; the data as last read is still in memory."""


class LockBusyError(StorageError):
    """Another program held the writers' lock for longer than the caller would wait."""


class SaveCancelledError(StorageError):
    """The user called off a save while it waited for another program's lock."""


class StaleEditError(StorageError):
    """A record was changed by someone else since the caller read it.

    ``current`` is the record as it is now (None when it was deleted), so a form
    can show what changed and offer to put the user's changes on top of it.
    """

    def __init__(self, message: str, current: Record | None = None) -> None:
        super().__init__(message)
        self.current = current
