"""Turning a caller's edits into the ones a commit saves, on a new dataset.

Each edit is checked against the data as it is now (someone else may have
changed or deleted the record: refused, never overwritten), new records get
the next free id, and the result is validated as a whole before anything is
written. The dataset the store holds is never touched here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit
from liaison_tui.domain.kinds import describe, kind_of
from liaison_tui.domain.model import Problem, ValidationError
from liaison_tui.domain.validation import check_record, check_references, dangling_references
from liaison_tui.i18n import _
from liaison_tui.store import codec
from liaison_tui.store.errors import StaleEditError


def checked_edit(data: Dataset, edit: Edit, next_ids: dict[str, int]) -> Edit:
    """Refuse edits based on an out-of-date record; give new records an id."""
    kind = kind_of(edit.record)
    table = data.table(kind)
    if edit.before is not None:
        current = table.get(edit.before.id)
        if current != edit.before:
            said = (
                _("{record} was deleted elsewhere meanwhile; nothing was saved")
                if current is None
                else _("{record} was changed elsewhere meanwhile; nothing was saved")
            )
            message = said.format(record=describe(edit.before))
            raise StaleEditError(message, current)
    after = edit.after
    if after is not None and edit.before is None:
        name = kind.table
        if after.id == 0:
            after = dataclasses.replace(after, id=next_ids.get(name, 1))
        elif after.id in table:
            raise StaleEditError(
                _("{record}: id {id} is already taken; nothing was saved").format(record=describe(after), id=after.id)
            )
        next_ids[name] = max(next_ids.get(name, 1), after.id + 1)
    if after is not None:
        # Held as it will read back from the file (times to the minute, say): otherwise
        # undo, or a later edit, would find its own record "changed elsewhere" after a reload.
        after = codec.from_document(kind, after.id, codec.to_document(after))
    return Edit(edit.before, after)


def applied(data: Dataset, edits: Sequence[Edit]) -> Dataset:
    """The dataset after ``edits``, validated; the current one is untouched."""
    data = dataclasses.replace(data)  # a new Dataset sharing the untouched tables
    for name in {kind_of(edit.record).table for edit in edits}:
        setattr(data, name, dict(getattr(data, name)))
    for edit in edits:
        table = data.table(kind_of(edit.record))
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
