"""The ``history`` table: history entries as JSON documents in the data file itself.

Kept in the same file as the data, so a save writes its records and their
history in one atomic replace: no crash can leave a change without its entry
or an entry without its change, and the backup (``FILE.bak``) holds the history
of its own version. Entries are read only when asked for (the ``history``
command, the app's history screen, a reload's notice), not on every load; an
unreadable entry is reported with its id when read, and never stops the data
from opening.

Who is recorded: ``--user``, else ``$LIAISON_TUI_USER``, else the login name.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from liaison_tui.domain.history import Action, FieldChange, HistoryEntry, Reason
from liaison_tui.domain.kinds import by_table
from liaison_tui.i18n import _
from liaison_tui.store.errors import BadDataFileError

HISTORY_TABLE = "history"
NEXT_ID = "history_next_id"  # in ``meta``: entry ids are never reused, even after a trim
USER_VARIABLE = "LIAISON_TUI_USER"


def default_author() -> str:
    """Who this process saves as, when ``--user`` does not say."""
    named = os.environ.get(USER_VARIABLE, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "unknown user"


def to_document(entry: HistoryEntry) -> dict[str, Any]:
    document: dict[str, Any] = {
        "change": entry.change,
        "at": entry.at.astimezone(UTC).isoformat(timespec="seconds"),
        "who": entry.who,
        "action": entry.action.value,
        "reason": entry.reason.value,
        "table": entry.kind.table if entry.kind else "",
        "record_id": entry.record_id,
        "name": entry.record_name,
        "fields": [[c.field, c.before, c.after] for c in entry.changes],
    }
    if entry.is_bulk:
        document["count"] = entry.bulk_count
    if entry.event_title:
        document["event"] = entry.event_title
    return document


def from_document(key: str, document: Any) -> HistoryEntry:
    """One entry; BadDataFileError naming the entry when it cannot be read."""
    try:
        at = datetime.fromisoformat(document["at"])
        if at.tzinfo is None:
            raise ValueError(_("a time without its zone"))
        table = document["table"]
        kind = by_table(table) if table else None
        if table and kind is None:
            raise ValueError(_("unknown table {table!r}").format(table=table))
        fields = tuple(FieldChange(str(f), str(b), str(a)) for f, b, a in document["fields"])
        return HistoryEntry(
            int(key),
            int(document["change"]),
            at.astimezone(UTC),
            str(document["who"]),
            Action(document["action"]),
            Reason(document["reason"]),
            kind,
            int(document["record_id"]),
            str(document["name"]),
            fields,
            int(document.get("count", 0)),
            str(document.get("event", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        unreadable = _("history entry {key}: cannot be read ({error})").format(key=key, error=error)
        raise BadDataFileError(unreadable) from None


def read_entries(raw: dict[str, Any]) -> list[HistoryEntry]:
    """Every entry of the stored table, oldest first."""
    return sorted((from_document(key, document) for key, document in raw.items()), key=lambda e: e.id)


def next_entry_id(meta: dict[str, Any], raw: dict[str, Any]) -> int:
    """The id the next entry gets: ``meta``'s counter, unless a hand edit left it at or below a used id."""
    found = meta.get(NEXT_ID)
    stored = found if isinstance(found, int) and not isinstance(found, bool) and found >= 1 else 0
    valid = stored > 0
    # A look or two instead of a scan of every key (a save stays cheap with thousands of entries):
    # entries are only ever added at the counter, so it is sound when the entry before it is there.
    if valid and str(stored) not in raw and (not raw or str(stored - 1) in raw):
        return stored
    highest = max((int(key) for key in raw if key.isdigit()), default=0) + 1
    return max(stored, highest)


def append(raw: dict[str, Any], entries: Iterable[HistoryEntry]) -> None:
    for entry in entries:
        raw[str(entry.id)] = to_document(entry)


def older_than(raw: dict[str, Any], cutoff: datetime) -> list[str]:
    """Keys of the entries saved before ``cutoff`` (an entry that cannot be read is kept)."""
    old = []
    for key, document in raw.items():
        try:
            at = datetime.fromisoformat(document["at"])
        except (KeyError, TypeError, ValueError):
            continue
        if at.tzinfo is not None and at < cutoff:
            old.append(key)
    return old


def entries_from(raw: dict[str, Any], first_id: int) -> list[HistoryEntry]:
    """The entries with ids from ``first_id`` on (ids only grow): what was saved since that id was next."""
    return read_entries({key: doc for key, doc in raw.items() if key.isdigit() and int(key) >= first_id})
