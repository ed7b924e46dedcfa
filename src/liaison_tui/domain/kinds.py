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

from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Officer, Record, Visit


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

    def counted(self, n: int) -> str:
        """``1 city``, ``3 cities``."""
        return f"{n} {self.value if n == 1 else self.plural}"


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
        case CheckIn():
            return f"{record.status} #{record.officer_id} at #{record.event_id}"
        case Visit() | City() | Officer():
            return record.name
        case _:
            assert_never(record)


def describe(record: Record) -> str:
    """How messages name a record: ``event 'Library visit'``."""
    text = label(record)
    if len(text) > 40:
        text = text[:39] + "…"
    kind = kind_of(record)
    return f"{kind} {text!r}" if text else f"{kind} #{record.id}"
