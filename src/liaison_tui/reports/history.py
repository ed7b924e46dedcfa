"""The history for people: filtered, as a table, and told in one line when a colleague saves.

Times are shown in the local time of the machine showing them (entries are
kept in UTC). Every name and value is user text: it goes through ``literal``
or ``visible``, never markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.table import Table

from liaison_tui.domain.history import Action, HistoryEntry, Reason
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.values import fold
from liaison_tui.reports.display import clip, literal, visible

VALUE_WIDTH = 60  # characters of a value shown in the table; the file keeps it whole
VERBS = {Action.ADDED: "added", Action.CHANGED: "edited", Action.REMOVED: "deleted"}
ROLL_VERBS = {"present": "checked in", "missing": "marked missing", "excused": "excused"}


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    since: datetime | None = None  # aware
    who: str = ""
    record: str = ""

    def keeps(self, entry: HistoryEntry) -> bool:
        if self.since is not None and entry.at < self.since:
            return False
        if self.who and fold(self.who) not in fold(entry.who):
            return False
        return not self.record or fold(self.record) in fold(entry.record_name)


def filtered(entries: Iterable[HistoryEntry], chosen: HistoryFilter) -> list[HistoryEntry]:
    return [entry for entry in entries if chosen.keeps(entry)]


def when(entry: HistoryEntry) -> str:
    return entry.at.astimezone().strftime("%a %d %b %H:%M")


def what(entry: HistoryEntry) -> str:
    """``edited officer``, ``undo: deleted city``, ``import: added 1,200 records``."""
    if entry.is_bulk:
        done = f"{VERBS[entry.action]} {entry.bulk_count:,} records"
    else:
        assert entry.kind is not None
        done = f"{VERBS[entry.action]} {entry.kind}"
    return f"{entry.reason.value}: {done}" if entry.reason is not Reason.EDIT else done


def field_lines(entry: HistoryEntry) -> list[str]:
    """Each field as ``phone: +86 1 → +86 2`` (an add shows the new value, a delete the old)."""
    lines = []
    for change in entry.changes:
        before, after = clip(change.before, VALUE_WIDTH), clip(change.after, VALUE_WIDTH)
        if entry.action is Action.CHANGED:
            lines.append(f"{change.field}: {before or '(empty)'} → {after or '(empty)'}")
        else:
            lines.append(f"{change.field}: {after or before}")
    return lines


def record_text(entry: HistoryEntry) -> str:
    return "" if entry.is_bulk else f"{entry.record_name} #{entry.record_id}"


def history_table(entries: Sequence[HistoryEntry]) -> Table:
    """Oldest first, newest last (as a log reads; ``| tail`` shows the latest)."""
    counted = f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"
    table = Table(title=f"History ({counted}, local time, newest last)", title_justify="left")
    table.add_column("When", no_wrap=True)
    for heading in ("Who", "What", "Record", "Fields"):
        table.add_column(heading, overflow="fold")
    for entry in entries:
        table.add_row(
            literal(when(entry)),
            literal(entry.who),
            literal(what(entry)),
            literal(record_text(entry)),
            literal("\n".join(field_lines(entry)), multiline=True),
        )
    return table


# -- told in one line ------------------------------------------------------------


def news_lines(entries: Sequence[HistoryEntry], *, most: int = 3) -> list[str]:
    """What colleagues saved, one line per save (a roll call's marks told together), oldest first."""
    groups: dict[tuple[object, ...], list[HistoryEntry]] = {}
    for entry in entries:
        if entry.kind is Kind.CHECK_IN and entry.reason is Reason.EDIT:
            key: tuple[object, ...] = ("roll", entry.who, entry.event_title, entry.action, entry.value("status"))
        else:
            key = ("save", entry.change)
        groups.setdefault(key, []).append(entry)
    lines = [visible(_told(group)) for group in groups.values()]
    if len(lines) > most:
        lines = [*lines[: most - 1], f"… and {len(lines) - most + 1} more changes (H: history)"]
    return lines


def _told(group: list[HistoryEntry]) -> str:
    first, who = group[0], group[0].who
    if first.is_bulk:
        return f"{who} {what(first)}"
    if first.kind is Kind.CHECK_IN and first.reason is Reason.EDIT:
        people = f"{len(group)} {'person' if len(group) == 1 else 'people'}"
        if first.action is Action.REMOVED:
            return f"{who} took back {len(group)} check-in{'s' if len(group) > 1 else ''} at {first.event_title}"
        verb = ROLL_VERBS.get(first.value("status"), "marked")
        return f"{who} {verb} {people} at {first.event_title}"
    main = group[-1]  # a delete removes what refers to the record first, the record last
    assert main.kind is not None
    if main.action is Action.CHANGED:
        told = f"{main.record_name} ({', '.join(c.field for c in main.changes) or 'no field'})"
    else:
        told = f"{main.kind} {main.record_name}"
    more = f" and {len(group) - 1} more record{'s' if len(group) > 2 else ''}" if len(group) > 1 else ""
    verb = VERBS[main.action]
    if first.reason is Reason.EDIT:
        return f"{who} {verb} {told}{more}"
    return f"{who} ({first.reason.value}) {verb} {told}{more}"
