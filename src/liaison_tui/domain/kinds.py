"""The kinds of record a data file holds: one registry from which the rest is derived.

Names, tables, spreadsheet files and how a record is described all come from
here. Code that must treat each kind differently matches on ``Kind`` (or on the
record's class) and ends with ``assert_never``, so adding a member makes
``mypy --strict`` list every place that has to learn about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import assert_never

from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Gift, Officer, Record, Visit
from liaison_tui.i18n import N_, _, ngettext


@dataclass(frozen=True, slots=True)
class KindSpec:
    cls: type[Record]
    plural: str  # "cities": how messages count them
    table: str  # the TinyDB table in the data file
    spreadsheet: bool  # has a CSV file of its own (``<table>.csv``) and can be imported


class Kind(StrEnum):
    """A kind of record; its value is the singular name people read ("follow-up")."""

    VISIT = "visit"
    CITY = "city"
    OFFICER = "officer"
    EVENT = "event"
    FOLLOW_UP = "follow-up"
    CHECK_IN = "check-in"
    GIFT = "gift"

    @property
    def spec(self) -> KindSpec:
        return _SPECS[self]

    @property
    def cls(self) -> type[Record]:
        return _SPECS[self].cls

    @property
    def plural(self) -> str:
        return _SPECS[self].plural

    @property
    def table(self) -> str:
        return _SPECS[self].table

    @property
    def csv_name(self) -> str:
        return f"{_SPECS[self].table}.csv"

    @property
    def word(self) -> str:
        """The singular name in the interface's language."""
        return _(_WORDS[self])

    def counted(self, n: int) -> str:
        """``1 city``, ``3 cities`` (in the interface's language)."""
        return _counted(self, n).format(n=n)


_WORDS = {
    Kind.VISIT: N_("visit"),
    Kind.CITY: N_("city"),
    Kind.OFFICER: N_("officer"),
    Kind.EVENT: N_("event"),
    Kind.FOLLOW_UP: N_("follow-up"),
    Kind.CHECK_IN: N_("check-in"),
    Kind.GIFT: N_("gift"),
}


def _counted(kind: Kind, n: int) -> str:
    match kind:
        case Kind.VISIT:
            return ngettext("{n} visit", "{n} visits", n)
        case Kind.CITY:
            return ngettext("{n} city", "{n} cities", n)
        case Kind.OFFICER:
            return ngettext("{n} officer", "{n} officers", n)
        case Kind.EVENT:
            return ngettext("{n} event", "{n} events", n)
        case Kind.FOLLOW_UP:
            return ngettext("{n} follow-up", "{n} follow-ups", n)
        case Kind.CHECK_IN:
            return ngettext("{n} check-in", "{n} check-ins", n)
        case Kind.GIFT:
            return ngettext("{n} gift", "{n} gifts", n)
        case _:
            assert_never(kind)


def _spec(kind: Kind) -> KindSpec:
    match kind:
        case Kind.VISIT:
            return KindSpec(Visit, "visits", "visits", spreadsheet=False)
        case Kind.CITY:
            return KindSpec(City, "cities", "cities", spreadsheet=True)
        case Kind.OFFICER:
            return KindSpec(Officer, "officers", "officers", spreadsheet=True)
        case Kind.EVENT:
            return KindSpec(Event, "events", "events", spreadsheet=True)
        case Kind.FOLLOW_UP:
            return KindSpec(FollowUp, "follow-ups", "followups", spreadsheet=True)
        case Kind.CHECK_IN:
            return KindSpec(CheckIn, "check-ins", "checkins", spreadsheet=False)
        case Kind.GIFT:
            return KindSpec(Gift, "gifts", "gifts", spreadsheet=True)
        case _:
            assert_never(kind)


_SPECS: dict[Kind, KindSpec] = {kind: _spec(kind) for kind in Kind}
_BY_CLASS: dict[type[Record], Kind] = {spec.cls: kind for kind, spec in _SPECS.items()}
_BY_TABLE: dict[str, Kind] = {spec.table: kind for kind, spec in _SPECS.items()}

#: The kinds that have a spreadsheet of their own, in the order exports write them.
SPREADSHEET_KINDS: tuple[Kind, ...] = tuple(kind for kind in Kind if kind.spec.spreadsheet)


def kind_of(record: Record) -> Kind:
    return _BY_CLASS[type(record)]


def kind_for(cls: type[Record]) -> Kind:
    return _BY_CLASS[cls]


def by_table(name: str) -> Kind | None:
    """The kind stored in table ``name`` of a data file, if any."""
    return _BY_TABLE.get(name)


def label(record: Record) -> str:
    """The text a person knows a record by."""
    match record:
        case Event():
            return record.title
        case FollowUp():
            return record.text
        case Gift():
            return record.description
        case CheckIn():
            return _("{status} #{officer} at #{event}").format(
                status=record.status, officer=record.officer_id, event=record.event_id
            )
        case Visit() | City() | Officer():
            return record.name
        case _:
            assert_never(record)


def describe(record: Record) -> str:
    """How messages name a record: ``event 'Library visit'``."""
    text = label(record)
    if len(text) > 40:
        text = text[:39] + "…"
    kind = kind_of(record).word
    return _("{kind} {label!r}").format(kind=kind, label=text) if text else f"{kind} #{record.id}"
