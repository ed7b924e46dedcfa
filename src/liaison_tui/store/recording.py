"""Writing one commit into the tables: its records, its history entries and ``meta``, in one batch.

The store calls this inside the storage's batch, so the records and the
history of a save reach the disk in the same atomic replace of the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tinydb import TinyDB
from tinydb.table import Document

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit
from liaison_tui.domain.history import Reason, entries_for
from liaison_tui.domain.kinds import kind_of
from liaison_tui.store import codec, history_table, schema
from liaison_tui.store.schema import Tables


def write_commit(
    db: TinyDB,
    tables: Tables,
    edits: Sequence[Edit],
    meta_update: dict[str, object],
    *,
    at: datetime,
    who: str,
    reason: Reason,
    datasets: tuple[Dataset, Dataset],
) -> None:
    """Hand the edits and their history to TinyDB (tables change in place, so this is cheap)."""
    for edit in edits:
        table = db.table(kind_of(edit.record).table)
        if edit.after is None:
            table.remove(doc_ids=[edit.record.id])
        elif edit.before is None:
            table.insert(Document(codec.to_document(edit.after), doc_id=edit.after.id))
        else:
            table.update(codec.to_document(edit.after), doc_ids=[edit.after.id])
    raw = tables.setdefault(history_table.HISTORY_TABLE, {})
    first = history_table.next_entry_id(schema.meta(tables), raw)
    entries = entries_for(edits, at=at, who=who, reason=reason, first_id=first, change=first, datasets=datasets)
    history_table.append(raw, entries)
    # The meta update is a TinyDB write: it marks the batch for writing, history and all.
    update = {**meta_update, history_table.NEXT_ID: first + len(entries)}
    db.table(schema.META_TABLE).update(update, doc_ids=[int(schema.META_ID)])
