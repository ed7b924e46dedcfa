"""Changes to the data as values: what a save does, and how to undo it.

Every change the app, the CLI or an import makes is a list of ``Edit``s (a
record before and after). The store applies a list atomically; undo applies
its inverse. Deleting a record plans the edits for whatever refers to it, so
the confirmation can say exactly what goes with it. When someone else changed a
record while it was being edited, ``rebase`` puts the editor's own changes on
top of the fresh version instead of throwing either away.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import assert_never

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind, kind_of
from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Gift, Officer, Record, Visit
from liaison_tui.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Edit:
    """One record added (no ``before``), changed, or removed (no ``after``)."""

    before: Record | None
    after: Record | None

    @property
    def record(self) -> Record:
        record = self.after if self.after is not None else self.before
        assert record is not None, "an edit changes something"
        return record

    def inverse(self) -> Edit:
        return Edit(self.after, self.before)


def added(record: Record) -> Edit:
    return Edit(None, record)


def changed(before: Record, after: Record) -> Edit:
    return Edit(before, after)


def removed(record: Record) -> Edit:
    return Edit(record, None)


def invert(edits: Sequence[Edit]) -> list[Edit]:
    """The edits that undo ``edits``, in the order that keeps references valid."""
    return [edit.inverse() for edit in reversed(edits)]


def applied_in(data: Dataset, edits: Sequence[Edit]) -> bool:
    """True when ``data`` holds every record as ``edits`` left it (a record's last edit counts)."""
    final = {(kind_of(edit.record), edit.record.id): edit.after for edit in edits}
    return all(data.table(kind).get(record_id) == after for (kind, record_id), after in final.items())


def _without_officers(event: Event, gone: set[int]) -> Event:
    return dataclasses.replace(
        event,
        participant_ids=tuple(i for i in event.participant_ids if i not in gone),
        speaker_ids=tuple(i for i in event.speaker_ids if i not in gone),
        speaking_now_id=None if event.speaking_now_id in gone else event.speaking_now_id,
        vehicles=tuple(
            dataclasses.replace(v, rider_ids=tuple(i for i in v.rider_ids if i not in gone)) for v in event.vehicles
        ),
        # A deleted officer's seat stays, empty, so nobody else moves.
        seating=tuple(
            dataclasses.replace(t, seats=tuple(None if i in gone else i for i in t.seats)) for t in event.seating
        ),
        interpreters=tuple(a for a in event.interpreters if a.interpreter_id not in gone),
    )


def _gifts_without(data: Dataset, officers: set[int], events: set[int]) -> list[Edit]:
    """Gifts keep their record when who or where goes: only the reference is cleared."""
    edits: list[Edit] = []
    for gift in data.gifts.values():
        if gift.officer_id in officers or gift.event_id in events:
            cleared = dataclasses.replace(
                gift,
                officer_id=None if gift.officer_id in officers else gift.officer_id,
                event_id=None if gift.event_id in events else gift.event_id,
            )
            edits.append(changed(gift, cleared))
    return edits


def plan_delete(data: Dataset, record: Record) -> list[Edit]:
    """Edits that remove ``record`` and everything that would point at nothing.

    A city takes its officers, follow-ups and gifts with it; an officer is taken
    off every event's participants, speakers, vehicles, interpreters and seats and
    every visit's order of precedence, and their check-ins go; a visit takes its
    events, and an event its check-ins. A gift loses the officer or event that
    went (the gift itself must stay declared).
    Dependants are edited first so that no step leaves a dangling reference.
    """
    edits: list[Edit] = []
    gone_officers: set[int] = set()
    match record:
        case City():
            gone_officers = {o.id for o in data.officers.values() if o.city_id == record.id}
            edits += [removed(f) for f in data.followups.values() if f.city_id == record.id]
            edits += [removed(g) for g in data.gifts.values() if g.city_id == record.id]
            edits += _off_events(data, gone_officers)
            edits += _off_precedence(data, gone_officers)
            edits += _checkins_of(data, gone_officers, set())
            edits += [removed(data.officers[i]) for i in sorted(gone_officers)]
        case Officer():
            edits += _off_events(data, {record.id})
            edits += _off_precedence(data, {record.id})
            edits += _checkins_of(data, {record.id}, set())
            edits += _gifts_without(data, {record.id}, set())
        case Visit():
            events = [e for e in data.events.values() if e.visit_id == record.id]
            edits += _checkins_of(data, set(), {e.id for e in events})
            edits += _gifts_without(data, set(), {e.id for e in events})
            edits += [removed(e) for e in events]
        case Event():
            edits += _checkins_of(data, set(), {record.id})
            edits += _gifts_without(data, set(), {record.id})
        case FollowUp() | CheckIn() | Gift():
            pass  # nothing refers to them
        case _:
            assert_never(record)
    edits.append(removed(record))
    return edits


def _checkins_of(data: Dataset, officers: set[int], events: set[int]) -> list[Edit]:
    """Removing the check-ins of the officers or at the events that go."""
    if not officers and not events:
        return []
    return [removed(c) for c in data.checkins.values() if c.officer_id in officers or c.event_id in events]


def _off_events(data: Dataset, gone: set[int]) -> list[Edit]:
    """Take the officers in ``gone`` off every event's participants and speakers."""
    edits: list[Edit] = []
    if gone:
        for event in data.events.values():
            trimmed = _without_officers(event, gone)
            if trimmed != event:
                edits.append(changed(event, trimmed))
    return edits


def _off_precedence(data: Dataset, gone: set[int]) -> list[Edit]:
    """Take the officers in ``gone`` off every visit's fixed order of precedence."""
    edits: list[Edit] = []
    for visit in data.visits.values():
        if not gone.isdisjoint(visit.precedence_ids):
            kept = tuple(i for i in visit.precedence_ids if i not in gone)
            edits.append(changed(visit, dataclasses.replace(visit, precedence_ids=kept)))
    return edits


def changed_fields(before: Record, after: Record) -> list[str]:
    """The names of the fields whose values differ, in the record's own order (never the id)."""
    return [
        field.name
        for field in dataclasses.fields(before)
        if field.name != "id" and getattr(before, field.name) != getattr(after, field.name)
    ]


def rebase(original: Record, mine: Record, theirs: Record) -> tuple[Record, list[str]]:
    """``theirs`` with the fields ``mine`` changed from ``original`` put on top.

    Returns the merged record and the fields both sides changed to different
    values (where ``mine`` wins, so the caller can say what of theirs it replaces).
    """
    mine_changed = changed_fields(original, mine)
    theirs_changed = set(changed_fields(original, theirs))
    conflicts = [
        name for name in mine_changed if name in theirs_changed and getattr(mine, name) != getattr(theirs, name)
    ]
    merged = dataclasses.replace(theirs, **{name: getattr(mine, name) for name in mine_changed})
    return merged, conflicts


def summarise(edits: Sequence[Edit]) -> str:
    """``1 city, 2 officers removed; 3 events changed`` for confirmations and undo."""
    counts: dict[tuple[str, Kind], int] = {}
    for edit in edits:
        verb = "added" if edit.before is None else "removed" if edit.after is None else "changed"
        key = (verb, kind_of(edit.record))
        counts[key] = counts.get(key, 0) + 1
    parts: list[str] = []
    for verb, said in (
        ("added", N_("{kinds} added")),
        ("changed", N_("{kinds} changed")),
        ("removed", N_("{kinds} removed")),
    ):
        kinds = [kind.counted(n) for (v, kind), n in counts.items() if v == verb]
        if kinds:
            parts.append(_(said).format(kinds=", ".join(kinds)))
    return "; ".join(parts) or _("nothing")
