"""The history for people: filtered, as a table, and told in one line when a colleague saves.

Times are shown in the local time of the machine showing them (entries are
kept in UTC). Every name and value is user text: it goes through ``literal``
or ``visible``, never markup. The words around them are in the interface's
language; names, values and field names stay as stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.table import Table

from liaison_tui.domain.history import Action, HistoryEntry, Reason
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.values import fold
from liaison_tui.i18n import N_, _, ngettext
from liaison_tui.i18n.formats import DAY_TIME
from liaison_tui.i18n.formats import when as written
from liaison_tui.reports.display import clip, literal, visible

VALUE_WIDTH = 60  # characters of a value shown in the table; the file keeps it whole
# Whole phrases, not a verb and a noun put together: a translator may need to reorder them.
DONE = {Action.ADDED: N_("added {kind}"), Action.CHANGED: N_("edited {kind}"), Action.REMOVED: N_("deleted {kind}")}
REASONS = {Reason.UNDO: N_("undo"), Reason.IMPORT: N_("import"), Reason.DEMO: N_("demo")}


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
    return written(entry.at.astimezone(), DAY_TIME)


def _bulk_done(entry: HistoryEntry) -> str:
    n = entry.bulk_count
    match entry.action:
        case Action.ADDED:
            return ngettext("added {n} record", "added {n} records", n).format(n=f"{n:,}")
        case Action.CHANGED:
            return ngettext("edited {n} record", "edited {n} records", n).format(n=f"{n:,}")
        case Action.REMOVED:
            return ngettext("deleted {n} record", "deleted {n} records", n).format(n=f"{n:,}")


def what(entry: HistoryEntry) -> str:
    """``edited officer``, ``undo: deleted city``, ``import: added 1,200 records``."""
    if entry.is_bulk:
        done = _bulk_done(entry)
    else:
        assert entry.kind is not None
        done = _(DONE[entry.action]).format(kind=entry.kind.word)
    if entry.reason is Reason.EDIT:
        return done
    return _("{reason}: {done}").format(reason=_(REASONS[entry.reason]), done=done)


def field_lines(entry: HistoryEntry) -> list[str]:
    """Each field as ``phone: +86 1 → +86 2`` (an add shows the new value, a delete the old)."""
    lines = []
    for change in entry.changes:
        before, after = clip(change.before, VALUE_WIDTH), clip(change.after, VALUE_WIDTH)
        if entry.action is Action.CHANGED:
            empty = _("(empty)")
            lines.append(f"{change.field}: {before or empty} → {after or empty}")
        else:
            lines.append(f"{change.field}: {after or before}")
    return lines


def record_text(entry: HistoryEntry) -> str:
    return "" if entry.is_bulk else f"{entry.record_name} #{entry.record_id}"


def history_table(entries: Sequence[HistoryEntry]) -> Table:
    """Oldest first, newest last (as a log reads; ``| tail`` shows the latest)."""
    title = ngettext(
        "History ({n} entry, local time, newest last)", "History ({n} entries, local time, newest last)", len(entries)
    )
    table = Table(title=title.format(n=len(entries)), title_justify="left")
    table.add_column(_("When"), no_wrap=True)
    for heading in (_("Who"), _("What"), _("Record"), _("Fields")):
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
        hidden = len(lines) - most + 1
        more = ngettext("… and {n} more change (H: history)", "… and {n} more changes (H: history)", hidden)
        lines = [*lines[: most - 1], more.format(n=hidden)]
    return lines


def _told(group: list[HistoryEntry]) -> str:
    first, who = group[0], group[0].who
    if first.is_bulk:
        return _("{who} {what}").format(who=who, what=what(first))
    if first.kind is Kind.CHECK_IN and first.reason is Reason.EDIT:
        return _roll_told(who, first, len(group))
    main = group[-1]  # a delete removes what refers to the record first, the record last
    assert main.kind is not None
    if first.reason is not Reason.EDIT:
        who = _("{who} ({reason})").format(who=who, reason=_(REASONS[first.reason]))
    match main.action:
        case Action.CHANGED:
            fields = ", ".join(c.field for c in main.changes) or _("no field")
            told = _("{who} edited {record} ({fields})").format(who=who, record=main.record_name, fields=fields)
        case Action.ADDED:
            told = _("{who} added {kind} {record}").format(who=who, kind=main.kind.word, record=main.record_name)
        case Action.REMOVED:
            told = _("{who} deleted {kind} {record}").format(who=who, kind=main.kind.word, record=main.record_name)
    if len(group) == 1:
        return told
    more = len(group) - 1
    return ngettext("{told} and {n} more record", "{told} and {n} more records", more).format(told=told, n=more)


def _roll_told(who: str, first: HistoryEntry, n: int) -> str:
    """A roll call's marks at one event, told together: "Li checked in 3 people at Visit to a library"."""
    if first.action is Action.REMOVED:
        told = ngettext("{who} took back {n} check-in at {event}", "{who} took back {n} check-ins at {event}", n)
    else:
        match first.value("status"):
            case "present":
                told = ngettext("{who} checked in {n} person at {event}", "{who} checked in {n} people at {event}", n)
            case "missing":
                told = ngettext(
                    "{who} marked missing {n} person at {event}", "{who} marked missing {n} people at {event}", n
                )
            case "excused":
                told = ngettext("{who} excused {n} person at {event}", "{who} excused {n} people at {event}", n)
            case _:
                told = ngettext("{who} marked {n} person at {event}", "{who} marked {n} people at {event}", n)
    return told.format(who=who, n=n, event=first.event_title)
