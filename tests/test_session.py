"""The session without Textual: saving, undo (and its collisions), the lookup index carried over, reload."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from conftest import SAMPLE, StoreFactory
from liaison_tui.domain import attendance
from liaison_tui.domain.edits import added, changed, plan_delete
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Attendance, City, Officer
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.session import NothingToUndo, Session, UndoCollision
from liaison_tui.store.store import Store


def named(session: Session, name: str) -> Officer:
    return next(o for o in session.data.officers.values() if o.name == name)


def test_undo_takes_back_saves_in_reverse_order(make_store: StoreFactory) -> None:
    session = Session(make_store())
    original = named(session, "Henri Kahonen")
    session.save([changed(original, dataclasses.replace(original, title="Chief liaison"))])
    [edit] = session.save([added(City(name="Busan", country="South Korea"))]).edits
    assert edit.after is not None

    first = session.undo()
    assert first.summary == "1 city added"
    assert edit.after.id not in session.data.cities
    assert first.where is None  # the city is gone: nothing to show

    second = session.undo()
    assert second.summary == "1 officer changed"
    assert named(session, "Henri Kahonen") == original
    assert second.where == original  # the app shows where the undone change was
    assert not session.can_undo
    with pytest.raises(NothingToUndo):
        session.undo()


def test_undo_of_a_delete_brings_back_what_went_with_it(make_store: StoreFactory) -> None:
    session = Session(make_store())
    before = session.data
    helsinki = next(c for c in before.cities.values() if c.name == "Helsinki")
    session.save(plan_delete(before, helsinki))
    assert helsinki.id not in session.data.cities
    session.undo()
    assert session.data.cities == before.cities
    assert session.data.officers == before.officers
    assert session.data.events == before.events


def test_undo_keeps_only_the_last_levels(make_store: StoreFactory) -> None:
    session = Session(make_store(), undo_levels=3)
    for number in range(5):
        session.save([added(City(name=f"City {number}"))])
    for _ in range(3):
        session.undo()
    with pytest.raises(NothingToUndo):
        session.undo()
    assert sorted(c.name for c in session.data.cities.values() if c.name.startswith("City")) == ["City 0", "City 1"]


def test_undo_that_collides_says_so_in_undo_words(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    shutil.copyfile(SAMPLE, path)
    mine, theirs = Session(Store.open(path)), Store.open(path)
    kahonen = named(mine, "Henri Kahonen")
    mine.save([changed(kahonen, dataclasses.replace(kahonen, phone="+358 1"))])
    theirs.reload_if_changed()
    current = theirs.data.officers[kahonen.id]
    theirs.commit([changed(current, dataclasses.replace(current, phone="+358 2"))])

    with pytest.raises(UndoCollision) as refused:
        mine.undo()
    message = str(refused.value)
    assert message.startswith("Cannot undo (1 officer changed)")
    assert "changed elsewhere" in message and "Nothing was undone" in message
    assert "nothing was saved" not in message
    assert mine.can_undo  # still there: the user may try again after looking
    assert Store.open(path).data.officers[kahonen.id].phone == "+358 2"  # their change stands


def test_lookup_index_is_carried_over_saves_not_rebuilt(make_store: StoreFactory) -> None:
    session = Session(make_store())
    index = session.lookup_index
    assert session.lookup_ready
    [edit] = session.save([added(Officer(name="Zhang Wei"))]).edits
    assert session.lookup_ready
    assert session.lookup_index is index  # updated edit by edit, not rebuilt
    assert edit.after is not None
    [hit] = index.search("zhang wei", limit=1)
    assert (hit.entry.kind, hit.entry.record_id) == (Kind.OFFICER, edit.after.id)
    session.undo()
    assert session.lookup_index is index
    assert not [h for h in index.search("zhang wei") if h.entry.label == "Zhang Wei"]
    fresh = LookupIndex(session.data)
    for query in ("kahonen", "atlanta", "conference", "tang"):
        got = [(h.entry.kind, h.entry.record_id, h.score) for h in index.search(query, limit=100)]
        want = [(h.entry.kind, h.entry.record_id, h.score) for h in fresh.search(query, limit=100)]
        assert sorted(got) == sorted(want)


def test_a_reload_makes_the_index_follow_the_new_data(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    shutil.copyfile(SAMPLE, path)
    session, other = Session(Store.open(path)), Store.open(path)
    stale = session.lookup_index
    other.commit([added(Officer(name="Park Ji-woo"))])
    assert session.reload_if_changed()
    assert not session.lookup_ready
    assert [h.entry.label for h in session.lookup_index.search("park ji")][:1] == ["Park Ji-woo"]
    assert session.lookup_index is not stale
    assert not session.reload_if_changed()  # nothing new since


def test_undo_of_a_check_in_after_another_window_saved(sample_file: Path) -> None:
    """The check-in's time is held as the file keeps it (to the minute), so undo finds it unchanged."""
    session = Session(Store.open(sample_file))
    data = session.data
    event = next(e for e in data.events.values() if e.title == "Visit to a local school")
    woodruff = next(o.id for o in data.officers.values() if o.name == "Taylor Woodruff")
    sandeman = next(o.id for o in data.officers.values() if o.name == "Duncan Sandeman")
    at = datetime(2026, 12, 1, 9, 41, 27, 123456)  # seconds, as the clock gives them
    session.save(attendance.mark(data, event, [woodruff], Attendance.PRESENT, at, "door 1"))
    other = Store.open(sample_file)  # another window checks someone else in
    other.commit(attendance.mark(other.data, event, [sandeman], Attendance.PRESENT, at, "door 2"))
    session.undo()  # reloads first, then takes back only this window's check-in
    roll = {e.officer.name: e.status for e in attendance.roll(Store.open(sample_file).data, event).entries}
    assert roll["Taylor Woodruff"] is None and roll["Duncan Sandeman"] is Attendance.PRESENT


def test_undoing_a_roll_call_mark_names_whose_mark_went(sample_file: Path) -> None:
    session = Session(Store.open(sample_file))
    data = session.data
    event = next(e for e in data.events.values() if e.title == "Visit to a local school")
    henri = next(o.id for o in data.officers.values() if o.name == "Henri Kahonen")
    session.save(attendance.mark(data, event, [henri], Attendance.PRESENT, datetime(2026, 12, 1, 9, 40), "door"))
    assert session.undo().summary == "Henri Kahonen present at Visit to a local school"
