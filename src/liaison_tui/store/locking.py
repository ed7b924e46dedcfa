"""The writers' lock: one process at a time changes a data file.

``flock`` on ``FILE.lock`` alone is not enough: anyone may delete that file
while a writer holds it (``rm -f FILE.lock`` in a loop lost 145 of 600 saves
of two writers). The next writer creates a new lock file, locks it, and
writes at the same time as the holder; checking after locking that the name
still names the locked inode closes only part of that window. So a writer
takes two locks, always in this order:

1. the data file's folder, flocked through a read-only descriptor: deleting
   files cannot take it away, and every writer of the file names the same
   folder (the store resolves a symlinked data file first). Writers of other
   data files in the same folder wait for it too, for the milliseconds a save
   takes;
2. ``FILE.lock``, so that older versions of liaison-tui, which lock only that,
   are still kept out; after locking it a writer checks that the name still
   names the inode it locked (``fstat`` against ``stat``) and tries again if
   not.

Where a folder cannot be flocked (some network file systems refuse ``flock``
on a read-only descriptor) the writer relies on ``FILE.lock`` alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from liaison_tui.i18n import _
from liaison_tui.store.errors import LockBusyError, SaveCancelledError, StorageError

POLL = 0.002  # seconds between tries while another writer holds the lock


@dataclass
class LockPolicy:
    """How long a writer waits for another one, and how the app calls the wait off.

    The app first tries with ``timeout`` 0 (the lock is free almost always), and
    only when another program holds it waits in a thread, where the user can
    cancel: ``cancelled`` is set, and the waiting save raises SaveCancelledError.
    """

    timeout: float
    cancelled: threading.Event = field(default_factory=threading.Event)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def held_elsewhere(path: Path) -> bool:
    """Whether ``path``'s lock file is locked now, by another program or another thread.

    A probe: the lock is tried without waiting, and let go at once if it was free.
    A lock file that is not there is free (the probe never creates one).
    """
    try:
        descriptor = os.open(lock_path(path), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False  # flock refused here: nothing to tell
    finally:
        os.close(descriptor)  # closing lets go of the lock if the probe took it
    return False


@dataclass
class HeldLock:
    """The descriptors holding the lock; ``release`` frees them."""

    descriptors: list[int] = field(default_factory=list)

    def release(self) -> None:
        while self.descriptors:
            descriptor = self.descriptors.pop()
            with contextlib.suppress(OSError):
                fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)


def acquire(path: Path, policy: LockPolicy) -> HeldLock:
    """Lock the data file ``path`` for writing, waiting as ``policy`` says."""
    deadline = time.monotonic() + policy.timeout
    held = HeldLock()
    try:
        folder = _lock_folder(path, deadline, policy)
        if folder is not None:
            held.descriptors.append(folder)
        held.descriptors.append(_lock_file(path, deadline, policy))
    except BaseException:
        held.release()
        raise
    return held


def _timed_out(path: Path, timeout: float) -> StorageError:
    return LockBusyError(
        _("{file}: locked by another program for over {seconds} s; nothing was saved, try again").format(
            file=path, seconds=f"{timeout:g}"
        )
    )


def _lock_folder(path: Path, deadline: float, policy: LockPolicy) -> int | None:
    try:
        descriptor = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        raise StorageError(
            _("{file}: the folder {folder} does not exist").format(file=path, folder=path.parent)
        ) from None
    except OSError:
        return None  # a folder we may not read: the lock file alone
    try:
        if _flock(descriptor, deadline, policy.cancelled):
            return descriptor
    except OSError:  # flock not supported on this folder
        os.close(descriptor)
        return None
    except BaseException:
        os.close(descriptor)
        raise
    os.close(descriptor)
    raise _timed_out(path, policy.timeout)


def _lock_file(path: Path, deadline: float, policy: LockPolicy) -> int:
    name = lock_path(path)
    while True:
        try:
            descriptor = os.open(name, os.O_RDWR | os.O_CREAT, 0o600)
        except FileNotFoundError:
            raise StorageError(
                _("{file}: the folder {folder} does not exist").format(file=path, folder=path.parent)
            ) from None
        except OSError as error:
            raise StorageError(
                _("{file}: cannot lock the file ({reason})").format(file=path, reason=error.strerror)
            ) from None
        try:
            if not _flock(descriptor, deadline, policy.cancelled):
                raise _timed_out(path, policy.timeout)
            if _still_named(descriptor, name):
                return descriptor
        except BaseException:
            os.close(descriptor)
            raise
        # The lock file was deleted or replaced while we waited: lock the one the name holds now.
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)


def _flock(descriptor: int, deadline: float, cancelled: threading.Event) -> bool:
    """Take an exclusive flock, polling so the wait has a deadline; False on timeout."""
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if cancelled.is_set():
                raise SaveCancelledError(
                    _("nothing was saved: cancelled while waiting for the data file's lock")
                ) from None
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL)


def _still_named(descriptor: int, name: Path) -> bool:
    try:
        current = os.stat(name)
    except FileNotFoundError:
        return False
    locked = os.fstat(descriptor)
    return (locked.st_ino, locked.st_dev) == (current.st_ino, current.st_dev)
