"""Who changed what, when: the history entries a save records beside its edits.

Each record a save adds, changes or removes becomes one ``HistoryEntry``: when
(aware UTC), who, how (added / changed / removed, and ``reason`` for an undo or
an import), the record's kind, id and name at the time, and its fields before →
after as text (for an add the new values, for a delete what was deleted). The
entries of one save share its ``change`` number, so "Li checked in 3 people"
can be said of one save. A very large save (a whole demo) is recorded by its
counts, not record by record: the history must not outweigh the data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum, StrEnum

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit
from liaison_tui.domain.kinds import Kind, kind_of, label
from liaison_tui.domain.model import CheckIn, Record, Travel, Vehicle

BULK_LIMIT = 1000  # records one save may list one by one; beyond, one entry with the counts


class Action(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


class Reason(StrEnum):
    """Why a save was made, when it was not a plain edit."""

    EDIT = ""
    UNDO = "undo"
    IMPORT = "import"
    DEMO = "demo"


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One record changed by one save (or, for a save too large to list, the save itself)."""

    id: int
    change: int  # the save's number; the entries of one save share it
    at: datetime  # aware, UTC
    who: str
    action: Action
    reason: Reason
    kind: Kind | None  # None for a bulk entry
    record_id: int
    record_name: str
    changes: tuple[FieldChange, ...] = ()
    bulk_count: int = 0  # records a bulk entry stands for
    event_title: str = ""  # a check-in's event, so a roll call can be told as one

    def value(self, field: str) -> str:
        """The field's value after the change (before it, for a removed record); "" when not recorded."""
        for change in self.changes:
            if change.field == field:
                return change.before if self.action is Action.REMOVED else change.after
        return ""

    @property
    def is_bulk(self) -> bool:
        return self.kind is None


def shown(value: object) -> str:
    """A field's value as text a person reads in the history."""
    match value:
        case None:
            return ""
        case bool():
            return "yes" if value else "no"
        case Enum():
            return str(value.value)
        case datetime():
            return value.strftime("%Y-%m-%d %H:%M")
        case date():
            return value.isoformat()
        case time():
            return value.strftime("%H:%M")
        case Travel():
            return " ".join(part for part in (shown(value.at), value.flight) if part)
        case Vehicle():
            return f"{value.name} ({len(value.rider_ids)} riders)"
        case tuple():
            return ", ".join(shown(item) for item in value)
        case _:
            return str(value)


def field_changes(before: Record | None, after: Record | None) -> tuple[FieldChange, ...]:
    """Fields before → after; all set fields of an added or removed record."""
    if before is not None and after is not None:
        names = [f.name for f in dataclasses.fields(before) if f.name != "id"]
        return tuple(
            FieldChange(name, shown(getattr(before, name)), shown(getattr(after, name)))
            for name in names
            if getattr(before, name) != getattr(after, name)
        )
    record = after if after is not None else before
    assert record is not None
    changes = []
    for name in (f.name for f in dataclasses.fields(record) if f.name != "id"):
        text = shown(getattr(record, name))
        if text:
            changes.append(FieldChange(name, "" if after is not None else text, text if after is not None else ""))
    return tuple(changes)


def action_of(edit: Edit) -> Action:
    return Action.ADDED if edit.before is None else Action.REMOVED if edit.after is None else Action.CHANGED


def record_name(record: Record, *datasets: Dataset) -> str:
    """How the history names a record: a check-in by the person and the event, looked up in ``datasets``."""
    if not isinstance(record, CheckIn):
        return label(record)
    officer = next((d.officers[record.officer_id] for d in datasets if record.officer_id in d.officers), None)
    who = officer.name if officer else f"officer #{record.officer_id}"
    return f"{who} at {event_title(record, *datasets)}"


def event_title(record: Record, *datasets: Dataset) -> str:
    """A check-in's event by its title ("" for other records)."""
    if not isinstance(record, CheckIn):
        return ""
    event = next((d.events[record.event_id] for d in datasets if record.event_id in d.events), None)
    return event.title if event else f"event #{record.event_id}"


def entries_for(
    edits: Sequence[Edit],
    *,
    at: datetime,
    who: str,
    reason: Reason,
    first_id: int,
    change: int,
    datasets: Sequence[Dataset] = (),
) -> list[HistoryEntry]:
    """The history entries of one save of ``edits`` (as saved: new records have their ids).

    ``datasets`` (after the save, then before it) name what check-ins refer to.
    """
    if len(edits) > BULK_LIMIT:
        return [HistoryEntry(first_id, change, at, who, _bulk_action(edits), reason, None, 0, "", (), len(edits))]
    return [
        HistoryEntry(
            first_id + number,
            change,
            at,
            who,
            action_of(edit),
            reason,
            kind_of(edit.record),
            edit.record.id,
            record_name(edit.record, *datasets),
            field_changes(edit.before, edit.after),
            0,
            event_title(edit.record, *datasets),
        )
        for number, edit in enumerate(edits)
    ]


def _bulk_action(edits: Sequence[Edit]) -> Action:
    actions = {action_of(edit) for edit in edits}
    return actions.pop() if len(actions) == 1 else Action.CHANGED
