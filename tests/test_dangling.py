"""A save never leaves a record pointing at one that went: removing what others point at is refused.

``plan_delete`` takes the dependants along; these edits remove a record alone
(as an out-of-date plan or a hand-made edit would), and each kind of
reference must stop it, naming who still points there.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest

from liaison_tui.domain.edits import Edit, added, removed
from liaison_tui.domain.model import (
    CheckIn,
    City,
    Event,
    FollowUp,
    Gift,
    InterpreterAssignment,
    Officer,
    Record,
    SeatingTable,
    ValidationError,
    Vehicle,
)
from liaison_tui.store.store import Store


def _saved(store: Store, record: Record) -> Record:
    [edit] = store.commit([added(record)]).edits
    assert edit.after is not None
    return edit.after


def _refused(store: Store, edits: list[Edit]) -> str:
    """Commit ``edits``, which must be refused with the file unchanged; the message it gives."""
    before = store.data.counts()
    with pytest.raises(ValidationError) as refused:
        store.commit(edits)
    assert store.data.counts() == before
    assert store.path is not None and Store.open(store.path).data.counts() == before
    return str(refused.value)


def _conference(store: Store) -> Event:
    return next(e for e in store.data.events.values() if e.title == "Liaison conference")


def test_a_city_with_an_officer_and_no_follow_ups_stays(sample_file: Path) -> None:
    store = Store.open(sample_file)
    busan = _saved(store, City(name="Busan"))
    _saved(store, Officer(name="Kim Min-jun", city_id=busan.id))
    message = _refused(store, [removed(busan)])
    assert f"officer 'Kim Min-jun': unknown city #{busan.id}" in message


def test_a_city_with_a_follow_up_and_no_officers_stays(sample_file: Path) -> None:
    store = Store.open(sample_file)
    busan = _saved(store, City(name="Busan"))
    _saved(store, FollowUp(city_id=busan.id, text="Port twinning"))
    message = _refused(store, [removed(busan)])
    assert f"unknown city #{busan.id}" in message and "Port twinning" in message


def test_a_city_removed_with_an_unrelated_officer_still_stays(sample_file: Path) -> None:
    """Several removals in one save: the check of one must not hide the check of another."""
    store = Store.open(sample_file)
    busan = _saved(store, City(name="Busan"))
    _saved(store, Officer(name="Kim Min-jun", city_id=busan.id))
    loner = _saved(store, Officer(name="Sam Lee"))
    message = _refused(store, [removed(loner), removed(busan)])
    assert f"officer 'Kim Min-jun': unknown city #{busan.id}" in message


@pytest.mark.parametrize("place", ["participant", "speaker", "rider", "seat", "interpreter"])
def test_an_officer_on_an_event_stays(sample_file: Path, place: str) -> None:
    store = Store.open(sample_file)
    guest = _saved(store, Officer(name="Sam Lee"))
    conference = _conference(store)
    on_event = {
        "participant": {"participant_ids": (*conference.participant_ids, guest.id)},
        "speaker": {"speaker_ids": (*conference.speaker_ids, guest.id)},
        "rider": {"vehicles": (Vehicle(name="Bus 1", rider_ids=(guest.id,)),)},
        # One table or one assignment, the guest's alone: a check over several must not need them all.
        "seat": {"seating": (SeatingTable(name="Table 1", seats=(guest.id,)),)},
        "interpreter": {"interpreters": (InterpreterAssignment(languages=("zh", "en"), interpreter_id=guest.id),)},
    }[place]
    store.commit([Edit(conference, dataclasses.replace(conference, **on_event))])  # type: ignore[arg-type]
    message = _refused(store, [removed(guest)])
    wording = {
        "participant": "participants name",
        "speaker": "speakers name",
        "rider": "vehicles carry",
        "seat": "the seating plan seats",
        "interpreter": "interpreters name",
    }[place]
    assert f"event 'Liaison conference': {wording} unknown officers #{guest.id}" in message


def test_a_visit_with_events_stays(sample_file: Path) -> None:
    store = Store.open(sample_file)
    [visit] = store.data.visits.values()
    message = _refused(store, [removed(visit)])
    assert f"event 'Liaison conference': unknown visit #{visit.id}" in message


def test_an_event_or_an_officer_with_a_check_in_stays(sample_file: Path) -> None:
    store = Store.open(sample_file)
    conference = _conference(store)
    kahonen = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    _saved(store, CheckIn(event_id=conference.id, officer_id=kahonen.id, at=datetime(2026, 12, 4, 9, 5)))
    assert f"check-in 'present #{kahonen.id} at #{conference.id}': unknown event" in _refused(
        store, [removed(conference)]
    )
    # Off the conference's speakers too, so that only the check-in still points at the officer.
    speakers = tuple(i for i in conference.speaker_ids if i != kahonen.id)
    officer_gone = [Edit(conference, dataclasses.replace(conference, speaker_ids=speakers)), removed(kahonen)]
    assert f"check-in 'present #{kahonen.id} at #{conference.id}': unknown officer" in _refused(store, officer_gone)


@pytest.mark.parametrize("pointed_at", ["city", "officer", "event"])
def test_what_a_gift_names_stays(sample_file: Path, pointed_at: str) -> None:
    """A gift alone points at its city, the officer who gave or received it, and the event."""
    store = Store.open(sample_file)
    busan = _saved(store, City(name="Busan"))
    guest = _saved(store, Officer(name="Sam Lee"))  # host staff: may take a gift of any city
    reception = _saved(store, dataclasses.replace(_conference(store), id=0, title="Reception"))
    gift = Gift(description="Celadon vase", city_id=busan.id)
    gift = {
        "city": gift,
        "officer": dataclasses.replace(gift, city_id=1, officer_id=guest.id),
        "event": dataclasses.replace(gift, city_id=1, event_id=reception.id),
    }[pointed_at]
    _saved(store, gift)
    gone = {"city": busan, "officer": guest, "event": reception}[pointed_at]
    message = _refused(store, [removed(gone)])
    assert f"gift 'Celadon vase': unknown {pointed_at} #{gone.id}" in message


def test_an_officer_in_the_order_of_precedence_stays(sample_file: Path) -> None:
    store = Store.open(sample_file)
    guest = _saved(store, Officer(name="Sam Lee"))
    [visit] = store.data.visits.values()
    store.commit([Edit(visit, dataclasses.replace(visit, precedence_ids=(guest.id,)))])
    message = _refused(store, [removed(guest)])
    assert f"the order of precedence names unknown officers #{guest.id}" in message
