"""Which record on file an imported row is, and which earlier row of the file it repeats.

Officers match by email *or* by name and city: people entered by hand have no
email, while the registration export has one, and re-importing the export over
a hand-made roster must not add everyone twice. When those two ways point at
different people the row could be either, and the importer says so instead
of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Gift, Officer, Record, Visit
from liaison_tui.domain.values import fold

Key = tuple[object, ...]


def match_keys(record: Record) -> list[Key]:
    """Each of these alone makes an imported row the same record as one on file."""
    match record:
        case Officer():
            by_name: Key = ("name", fold(record.name), record.city_id)
            return [("email", fold(record.email)), by_name] if record.email else [by_name]
        case City():
            return [(fold(record.name), fold(record.country))]
        case Event():
            return [(record.visit_id, record.day, fold(record.title))]
        case FollowUp():
            return [(record.city_id, fold(record.text))]
        case CheckIn():
            return [(record.event_id, record.officer_id)]
        case Gift():
            return [(record.city_id, record.direction, fold(record.description), record.day)]
        case Visit():
            return [(record.id,)]
        case _:
            assert_never(record)


def _email(record: Record) -> str:
    return fold(record.email) if isinstance(record, Officer) else ""


class Matcher:
    """The records on file by each match key, and the rows of the file seen so far."""

    def __init__(self, records: Iterable[Record]) -> None:
        self._on_file: dict[Key, list[Record]] = {}
        for record in records:
            for key in match_keys(record):
                self._on_file.setdefault(key, []).append(record)
        self._rows: dict[Key, tuple[int, str]] = {}  # key -> (line, folded email) of the first row with it

    def candidates(self, record: Record) -> list[Record]:
        """The records on file ``record`` may be: none (new), one (the match), or several (ambiguous)."""
        keys = match_keys(record)
        email = _email(record)
        by_email = self._on_file.get(keys[0], []) if email else []
        found: list[Record] = list(by_email)
        # The email named someone of this very name: a namesake with another email is someone else.
        # Named someone else, the row could be either of them (a shared or mistyped email).
        same_name = any(fold(getattr(other, "name", "")) == fold(getattr(record, "name", "")) for other in by_email)
        for key in keys[1:] if email else keys:
            for other in self._on_file.get(key, []):
                if same_name and _email(other) and _email(other) != email:
                    continue
                found.append(other)
        return list({other.id: other for other in found}.values())

    def earlier_line(self, record: Record, line: int) -> int | None:
        """The line of an earlier row that is the same record; else None, and this row is remembered."""
        email = _email(record)
        keys = match_keys(record)
        for key in keys:
            seen = self._rows.get(key)
            if seen is None:
                continue
            earlier, earlier_email = seen
            if key[0] == "email" or not (email and earlier_email) or email == earlier_email:
                return earlier
        for key in keys:
            self._rows.setdefault(key, (line, email))
        return None


def who(data: Dataset, record: Record) -> str:
    """A candidate as the ambiguity message names it: ``#4 Aino Virtanen (Helsinki, no email)``."""
    if not isinstance(record, Officer):
        return f"#{record.id}"
    city = data.cities.get(record.city_id) if record.city_id is not None else None
    return f"#{record.id} {record.name} ({city.name if city else 'host staff'}, {record.email or 'no email'})"
