"""A working session on one data file: the store, undo, and the lookup index kept in step.

Everything a front end does to the data that is not drawing it: save a list of
edits, undo the last saves, pick up other processes' changes, and answer
lookups from an index carried over edit by edit. The Textual app runs these in
workers and shows what they return or raise; the CLI's write commands and the
tests use them directly. Errors are the store's own (``StorageError``,
``StaleEditError``, ``ValidationError``), plus the two undo can meet.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from liaison_tui.domain import attendance
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit, invert, summarise
from liaison_tui.domain.history import HistoryEntry, Reason
from liaison_tui.domain.kinds import kind_of
from liaison_tui.domain.model import Record, Visit
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.store.store import Commit, StaleEditError, Store

UNDO_LEVELS = 100


class NothingToUndo(Exception):
    """Undo with no change of this session left to undo."""


class UndoCollision(StaleEditError):
    """Undo refused: what it would restore was changed elsewhere since."""


@dataclass(frozen=True, slots=True)
class Undone:
    """What an undo did, for the message and for showing where it happened."""

    commit: Commit
    summary: str  # "1 officer added", as the undone change was summarised
    where: Record | None  # the record the undone change was about, if it still exists


class Session:
    """One front end's work on one store; not shared between threads except as noted."""

    def __init__(self, store: Store, *, undo_levels: int = UNDO_LEVELS) -> None:
        self.store = store
        self.undo_levels = undo_levels
        self._undo: list[list[Edit]] = []
        self._index: tuple[Dataset, LookupIndex] | None = None
        self._index_lock = threading.Lock()  # built in a worker thread, read on the UI thread
        self._history_seen = store.history_next_id()  # entries from here on are news, unless our own
        self._own_changes: set[int] = set()

    # -- reading ---------------------------------------------------------------

    @property
    def data(self) -> Dataset:
        return self.store.data

    def current_visit(self) -> Visit | None:
        return self.store.current_visit()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def lookup_index(self) -> LookupIndex:
        """The index of the current data: carried over saves, rebuilt after a reload.

        Safe to call from a worker thread to build it ahead of the first keystroke.
        """
        data = self.store.data
        with self._index_lock:
            if self._index is None or self._index[0] is not data:
                self._index = (data, LookupIndex(data))
            return self._index[1]

    @property
    def lookup_ready(self) -> bool:
        """True when a lookup would not have to build the index first."""
        index = self._index
        return index is not None and index[0] is self.store.data

    # -- changing the data -----------------------------------------------------

    def save(
        self, edits: Sequence[Edit], *, undoable: bool = True, wait: float | None = None, reason: Reason = Reason.EDIT
    ) -> Commit:
        """Commit ``edits`` durably (or raise and change nothing); remember them for undo.

        ``wait`` is how many seconds a lock held by another program may hold the
        save up (None: the store's usual timeout). With 0 a busy lock raises
        LockBusyError at once, so a caller on an event loop can move the waiting
        to a thread; there it may wait without limit (``math.inf``) until the
        other program lets go or ``cancel_waiting`` is called.
        """
        before = self.store.data
        with self._waiting(wait):
            return self._saved(before, self.store.commit(edits, reason=reason), undoable)

    @contextlib.contextmanager
    def _waiting(self, wait: float | None) -> Iterator[None]:
        policy = self.store.lock_policy
        if wait is None:
            yield
            return
        usual, policy.timeout = policy.timeout, wait
        try:
            yield
        finally:
            policy.timeout = usual

    def forget_cancelled_wait(self) -> None:
        """Before a new save: an earlier wait called off must not refuse it.

        Not done by the save itself, which may already run in the waiting thread
        when Esc is pressed: clearing there would lose that Esc and save after all.
        """
        self.store.lock_policy.cancelled.clear()

    def cancel_waiting(self) -> None:
        """Call off a save waiting (in another thread) for another program's lock."""
        self.store.lock_policy.cancelled.set()

    def save_planned(
        self, plan: Callable[[Dataset], Sequence[Edit]], *, undoable: bool = True, reason: Reason = Reason.EDIT
    ) -> Commit:
        """Save the edits ``plan`` works out from the data as it is under the writers' lock.

        For changes that depend on what is on file (an import matching rows to
        records), so two processes cannot both add what neither saw the other add.
        """
        before = self.store.data
        return self._saved(before, self.store.commit_planned(plan, reason=reason), undoable)

    def _saved(self, before: Dataset, commit: Commit, undoable: bool) -> Commit:
        if commit.change:
            self._own_changes.add(commit.change)
        if undoable and commit.edits:
            self._undo = [*self._undo, commit.edits][-self.undo_levels :]
        self._carry_lookup(before, commit)
        return commit

    def undo(self, *, wait: float | None = None) -> Undone:
        """Undo this session's last save; the undo itself cannot be undone."""
        if not self._undo:
            raise NothingToUndo("Nothing to undo")
        last = self._undo[-1]
        try:
            commit = self.save(invert(last), undoable=False, wait=wait, reason=Reason.UNDO)
        except StaleEditError as error:
            reason = str(error).removesuffix("; nothing was saved")
            what = attendance.said(self.store.data, last) or summarise(last)
            raise UndoCollision(
                f"Cannot undo ({what}): {reason}. Nothing was undone; "
                "edit the record by hand if the earlier version is still wanted."
            ) from None
        self._undo.pop()
        record = last[-1].record
        where = self.store.data.table(kind_of(record)).get(record.id)
        return Undone(commit, attendance.said(self.store.data, last) or summarise(last), where)

    def forget_undo(self) -> None:
        """Drop the undo history (e.g. when another file was opened in its place)."""
        self._undo.clear()

    def reload_if_changed(self) -> bool:
        """Pick up another process's saves; True when there were any."""
        return self.store.reload_if_changed()

    def news(self) -> list[HistoryEntry]:
        """What other processes saved since the last call (their history entries), oldest first."""
        entries = self.store.history(from_id=self._history_seen)
        self._history_seen = self.store.history_next_id()
        return [entry for entry in entries if entry.change not in self._own_changes]

    def _carry_lookup(self, before: Dataset, commit: Commit) -> None:
        """Update the index edit by edit (milliseconds) instead of rebuilding it."""
        with self._index_lock:
            if self._index is not None and self._index[0] is before and not commit.reloaded:
                index = self._index[1]
                index.update(self.store.data, commit.edits)
                self._index = (self.store.data, index)
