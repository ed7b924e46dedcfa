"""The store: edits, undo, ids, validation and stale edits, on both storages."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time
from pathlib import Path

import pytest

from conftest import StoreFactory
from liaison_tui.domain.edits import added, changed, invert, plan_delete, removed
from liaison_tui.domain.model import (
    CheckIn,
    City,
    Event,
    InterpreterAssignment,
    Officer,
    Role,
    ValidationError,
    Vehicle,
)
from liaison_tui.store.store import StaleEditError, Store


def officer_named(store_data: object, name: str) -> Officer:
    return next(o for o in store_data.officers.values() if o.name == name)  # type: ignore[attr-defined]


def test_add_update_delete_and_undo(make_store: StoreFactory) -> None:
    store = make_store()
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    [edit] = store.commit([added(Officer(name="New Officer", city_id=atlanta.id))]).edits
    new = edit.after
    assert isinstance(new, Officer) and new.id > 0
    assert store.data.officers[new.id].name == "New Officer"

    renamed = dataclasses.replace(new, title="Interpreter", role=Role.INTERPRETER)
    store.commit([changed(new, renamed)])
    assert store.data.officers[new.id].role is Role.INTERPRETER

    deletion = plan_delete(store.data, renamed)
    store.commit(deletion)
    assert new.id not in store.data.officers
    store.commit(invert(deletion))
    assert store.data.officers[new.id] == renamed


def test_ids_are_never_reused(make_store: StoreFactory) -> None:
    store = make_store()
    [first] = store.commit([added(City(name="Busan"))]).edits
    assert first.after is not None
    store.commit(plan_delete(store.data, first.after))
    [second] = store.commit([added(City(name="Osaka"))]).edits
    assert second.after is not None and second.after.id > first.after.id


def test_deleting_a_city_takes_its_officers_off_events(make_store: StoreFactory) -> None:
    store = make_store()
    christchurch = next(c for c in store.data.cities.values() if c.name == "Christchurch")
    sandeman = officer_named(store.data, "Duncan Sandeman")
    conference = next(e for e in store.data.events.values() if e.title == "Liaison conference")
    assert sandeman.id in conference.speaker_ids

    deletion = plan_delete(store.data, christchurch)
    store.commit(deletion)
    assert sandeman.id not in store.data.officers
    assert sandeman.id not in store.data.events[conference.id].speaker_ids
    assert not [f for f in store.data.followups.values() if f.city_id == christchurch.id]

    store.commit(invert(deletion))
    assert store.data.events[conference.id].speaker_ids[0] == sandeman.id
    assert len(store.data.followups) == 5


def test_invalid_edit_changes_nothing(make_store: StoreFactory) -> None:
    store = make_store()
    before = store.data.counts()
    with pytest.raises(ValidationError, match="unknown city #999"):
        store.commit([added(Officer(name="Nobody", city_id=999))])
    with pytest.raises(ValidationError, match="name must not be empty"):
        store.commit([added(City(name="  "))])
    assert store.data.counts() == before


def test_removing_what_others_point_at_is_refused(make_store: StoreFactory) -> None:
    store = make_store()
    sandeman = officer_named(store.data, "Duncan Sandeman")
    with pytest.raises(ValidationError, match="unknown officer"):
        store.commit([invert([added(sandeman)])[0]])


def test_edit_of_an_out_of_date_record_is_refused(make_store: StoreFactory) -> None:
    store = make_store()
    kahonen = officer_named(store.data, "Henri Kahonen")
    store.commit([changed(kahonen, dataclasses.replace(kahonen, phone="+358 1"))])
    with pytest.raises(StaleEditError, match="changed elsewhere") as refused:
        store.commit([changed(kahonen, dataclasses.replace(kahonen, phone="+358 2"))])
    assert store.data.officers[kahonen.id].phone == "+358 1"
    assert refused.value.current == store.data.officers[kahonen.id]  # what a form needs to offer a merge


def test_edit_of_a_deleted_record_is_refused_and_says_it_is_gone(make_store: StoreFactory) -> None:
    store = make_store()
    kahonen = officer_named(store.data, "Henri Kahonen")
    store.commit(plan_delete(store.data, kahonen))
    with pytest.raises(StaleEditError, match="deleted elsewhere") as refused:
        store.commit([changed(kahonen, dataclasses.replace(kahonen, phone="+358 2"))])
    assert refused.value.current is None


def test_undoing_a_deletion_twice_is_refused_naming_the_taken_id(make_store: StoreFactory) -> None:
    """Two windows undo the same deletion: the second would put a record over the one brought back."""
    store = make_store()
    kahonen = officer_named(store.data, "Henri Kahonen")
    deletion = plan_delete(store.data, kahonen)
    store.commit(deletion)
    store.commit(invert(deletion))
    with pytest.raises(StaleEditError) as refused:
        store.commit([edit for edit in invert(deletion) if edit.before is None])
    assert str(refused.value) == f"officer 'Henri Kahonen': id {kahonen.id} is already taken; nothing was saved"
    assert store.data.officers[kahonen.id] == kahonen


def test_a_refused_save_names_every_problem_of_every_edit(make_store: StoreFactory) -> None:
    """A form or import fixes them all at once: the refusal lists each, not only the last edit's.

    Each names its field too: the form shows the message beside that field.
    """
    store = make_store()
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    with pytest.raises(ValidationError) as refused:
        store.commit([added(City(name=" ")), added(Officer(name="Nobody", city_id=999, rank=0)), removed(atlanta)])
    assert [(p.where, p.field, p.message) for p in refused.value.problems] == [
        ("city ' '", "name", "name must not be empty"),
        ("officer 'Nobody'", "rank", "rank must be 1 or more (1 is highest), not 0"),
        ("officer 'Nobody'", "city_id", "unknown city #999"),
        ("officer 'Taylor Woodruff'", "city_id", f"unknown city #{atlanta.id}"),
        ("follow-up 'A startup exchange between Atlanta and …'", "city_id", f"unknown city #{atlanta.id}"),
    ]


def test_every_unknown_reference_is_told_beside_its_field(make_store: StoreFactory) -> None:
    store = make_store()
    [visit] = store.data.visits.values()
    ghost_tour = Event(
        visit_id=999,
        day=date(2026, 12, 2),
        start=time(9),
        end=time(10),
        title="Ghost tour",
        participant_ids=(901, 911),
        speaker_ids=(902, 912),
        interpreters=(
            InterpreterAssignment(languages=("zh", "en"), interpreter_id=903),
            InterpreterAssignment(languages=("en", "fi"), interpreter_id=913),
        ),
        vehicles=(Vehicle(name="Bus 1", rider_ids=(904, 914)),),
    )
    check_in = CheckIn(event_id=905, officer_id=906, at=datetime(2026, 12, 4, 9, 5))
    with pytest.raises(ValidationError) as refused:
        store.commit(
            [added(ghost_tour), added(check_in), changed(visit, dataclasses.replace(visit, precedence_ids=(907, 917)))]
        )
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("visit_id", "unknown visit #999"),
        ("participant_ids", "participants name unknown officers #901, #911"),
        ("speaker_ids", "speakers name unknown officers #902, #912"),
        ("interpreters", "interpreters name unknown officers #903, #913"),
        ("vehicles", "vehicles carry unknown officers #904, #914"),
        ("event_id", "unknown event #905"),
        ("officer_id", "unknown officer #906"),
        ("precedence_ids", "the order of precedence names unknown officers #907, #917"),
    ]


def test_the_files_own_id_stays_the_same_across_saves(sample_file: Path) -> None:
    """Calendar exports build event UIDs from it: a new id on every save would duplicate every event."""
    store = Store.open(sample_file)
    file_id = store.file_id()
    store.commit([added(City(name="Busan"))])
    assert Store.open(sample_file).file_id() == file_id
