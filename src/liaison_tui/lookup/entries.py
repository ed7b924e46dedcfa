"""What the lookup finds: one entry per record, and the text it is found by.

An entry is what a hit shows (the name, and enough context to tell two apart);
its haystack is every searchable field, folded, which the index keeps only in
its joined text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Gift, Officer, Record, Visit
from liaison_tui.domain.values import fold
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import day
from liaison_tui.lookup.fields import officer_context, officer_fields
from liaison_tui.lookup.romanise import sounds_of


@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    record_id: int
    label: str  # what a person reads: the name or title
    context: str  # city, venue or date: enough to tell two entries apart
    label_folded: str
    sounds: str = ""  # its names' sound forms after " ", its city's after "\t" (romanise); "" for Latin names


# A removed record's place: nothing in it matches any query (every text empty).
VACANT = Entry(Kind.OFFICER, 0, "", "", "")


# An entry and its haystack: the index keeps haystacks only in its joined text.
Searched = tuple[Entry, str]


def _entry(kind: Kind, record: Record, label: str, context: str, fields: list[str], sounds: str = "") -> Searched:
    """The entry, and its haystack: every searchable field, folded, one per line (no NUL: it parts haystacks)."""
    haystack = fold("\n".join(f for f in fields if f)).replace("\x00", "\ufffd")
    return Entry(kind, record.id, label, context, fold(label), sounds), haystack


def entry_of(data: Dataset, record: Record, romanised: bool) -> Searched | None:
    """The lookup entry for one record; None for kinds that are not looked up (the visit)."""
    match record:
        case Officer():
            city = schedule.city_of(data, record)
            city_name = city.name if city else _("host staff")  # also found by it, in the language shown
            context = officer_context(record, city_name)
            names, places = ([record.name, record.native_name], [city_name]) if romanised else ([], [])
            sounds = sounds_of(names, True) + sounds_of(places, False, "\t")
            return _entry(Kind.OFFICER, record, record.name, context, officer_fields(record, city_name), sounds)
        case City():
            fields = [record.name, record.native_name, record.country]
            sounds = sounds_of([record.name, record.native_name] if romanised else [], False)
            return _entry(Kind.CITY, record, record.name, record.country, fields, sounds)
        case Event():
            context = f"{day(record.day)} {record.start:%H:%M}"
            return _entry(Kind.EVENT, record, record.title, context, [record.title, record.venue])
        case FollowUp():
            owner = data.cities.get(record.city_id)
            fields = [record.text, record.area]
            return _entry(Kind.FOLLOW_UP, record, record.text, owner.name if owner else "", fields)
        case Visit() | CheckIn() | Gift():
            return None  # the visit is the whole screen; check-ins are found through their event
        case _:
            assert_never(record)


def entries_for(data: Dataset, romanised: bool = True) -> list[Searched]:
    records: list[Record] = [*data.officers.values(), *data.cities.values(), *data.events.values()]
    entries = (entry_of(data, record, romanised) for record in [*records, *data.followups.values()])
    return [entry for entry in entries if entry is not None]
