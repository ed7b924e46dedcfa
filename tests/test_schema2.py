"""Schema 2: check-ins, cities' time zones and vehicles; older files migrate; deletes cascade."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import orjson
import pytest

from liaison_tui.domain import attendance
from liaison_tui.domain.edits import added, changed, plan_delete, summarise
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Attendance, CheckIn, City, Vehicle
from liaison_tui.domain.names import parse_vehicles, vehicles_text
from liaison_tui.store import codec, paths, schema
from liaison_tui.store.storage import StorageError
from liaison_tui.store.store import Store

AT = datetime(2026, 12, 2, 9, 55)
BUSES = (
    Vehicle(name="Bus 1", driver="Wang Li", phone="+86 138 0000 0000", rider_ids=(1, 3)),
    Vehicle(name="Car 2", driver="", phone="", rider_ids=(2,)),
    Vehicle(name="Spare van"),
)


def test_a_schema_1_file_opens_migrates_and_is_written_back_as_schema_2(sample_file: Path) -> None:
    old = json.loads(sample_file.read_text())
    old["meta"]["1"]["schema"] = 1
    del old["meta"]["1"]["next_ids"]["checkins"]
    del old["checkins"]
    for city in old["cities"].values():
        del city["timezone"]
    for event in old["events"].values():
        del event["vehicles"]
    sample_file.write_text(json.dumps(old))
    store = Store.open(sample_file)
    assert {c.timezone for c in store.data.cities.values()} == {""}
    assert {e.vehicles for e in store.data.events.values()} == {()}
    written = json.loads(sample_file.read_text())
    assert written["meta"]["1"]["schema"] == schema.SCHEMA_VERSION  # migrated on to the newest
    assert written["meta"]["1"]["next_ids"]["checkins"] == 1
    assert written["checkins"] == {}
    assert all(city["timezone"] == "" for city in written["cities"].values())
    assert all(event["vehicles"] == [] for event in written["events"].values())
    # And the roll can be called on it at once.
    library = store.data.events[2]
    commit = store.commit(attendance.mark(store.data, library, [3], Attendance.PRESENT, AT, "Wang"))
    assert [edit.record.id for edit in commit.edits] == [1]


def test_vehicles_survive_the_file(make_store: Callable[[], Store]) -> None:
    store = make_store()
    event = store.data.events[3]
    store.commit([changed(event, dataclasses.replace(event, vehicles=BUSES))])
    document = codec.to_document(store.data.events[3])
    assert document["vehicles"][0] == {
        "name": "Bus 1",
        "driver": "Wang Li",
        "phone": "+86 138 0000 0000",
        "rider_ids": [1, 3],
    }
    assert codec.from_document(Kind.EVENT, 3, orjson.loads(orjson.dumps(document))) == store.data.events[3]
    if store.path is not None:  # on a JSON file: read back by another process's open
        assert Store.open(store.path, read_only=True).data.events[3].vehicles == BUSES


@pytest.mark.parametrize(
    ("vehicles", "message"),
    [
        ([{"name": "Bus 1", "seats": 40}], "unknown vehicle fields: seats"),
        (["Bus 1"], "expected {'name'"),
        ([{"name": "Bus 1", "rider_ids": ["Kahonen"]}], "expected a whole number"),
        ([{"name": "Bus 1", "rider_ids": [99]}], "vehicles carry unknown officers #99"),
    ],
)
def test_bad_vehicles_in_a_file_are_named(sample_file: Path, vehicles: list[object], message: str) -> None:
    content = json.loads(sample_file.read_text())
    content["events"]["3"]["vehicles"] = vehicles
    sample_file.write_text(json.dumps(content))
    with pytest.raises(StorageError, match="Company visits") as refused:
        Store.open(sample_file)
    assert message in str(refused.value)


def test_vehicles_as_typed_in_a_form_round_trip() -> None:
    data = Store.in_memory(orjson.loads(paths.sample_bytes())).data
    text = vehicles_text(data, BUSES)
    assert text == (
        "Bus 1 / Wang Li / +86 138 0000 0000 / Duncan Sandeman, Henri Kahonen"
        " | Car 2 /  /  / Taylor Woodruff | Spare van"
    )
    assert parse_vehicles(data, text) == BUSES
    with pytest.raises(ValueError, match="unknown officer 'Nobody'"):
        parse_vehicles(data, "Bus 1 / / / Nobody")


def test_deleting_an_officer_takes_their_check_ins_and_seats(make_store: Callable[[], Store]) -> None:
    store = make_store()
    event = store.data.events[3]
    store.commit([changed(event, dataclasses.replace(event, vehicles=BUSES))])
    for event_id in (1, 2):
        store.commit(attendance.mark(store.data, store.data.events[event_id], [1, 3], Attendance.PRESENT, AT, "Wang"))
    kahonen = store.data.officers[3]
    plan = plan_delete(store.data, kahonen)
    assert summarise(plan) == "2 events changed; 2 check-ins, 1 officer removed"
    store.commit(plan)
    assert {c.officer_id for c in store.data.checkins.values()} == {1}
    assert store.data.events[3].vehicles[0].rider_ids == (1,)
    assert 3 not in store.data.events[4].speaker_ids


def test_deleting_an_event_or_a_visit_takes_its_check_ins(make_store: Callable[[], Store]) -> None:
    store = make_store()
    for event_id in (1, 2):
        store.commit(attendance.mark(store.data, store.data.events[event_id], [1, 2], Attendance.PRESENT, AT, "Wang"))
    store.commit(plan_delete(store.data, store.data.events[1]))
    assert {c.event_id for c in store.data.checkins.values()} == {2}
    store.commit(plan_delete(store.data, store.data.visits[1]))
    assert store.data.checkins == {}


def test_check_ins_must_point_at_an_event_and_an_officer(sample_file: Path) -> None:
    content = json.loads(sample_file.read_text())
    content["checkins"] = {"1": {"event_id": 9, "officer_id": 7, "status": "here", "at": "2026-12-02 09:55", "by": ""}}
    sample_file.write_text(json.dumps(content))
    with pytest.raises(StorageError, match="is not one of: present, missing, excused"):
        Store.open(sample_file)
    content["checkins"]["1"]["status"] = "present"
    sample_file.write_text(json.dumps(content))
    with pytest.raises(StorageError, match="unknown event #9") as refused:
        Store.open(sample_file)
    assert "unknown officer #7" in str(refused.value)
    store = Store.in_memory(orjson.loads(paths.sample_bytes()))
    with pytest.raises(ValueError, match="unknown officer #7"):
        store.commit([added(CheckIn(event_id=1, officer_id=7, at=AT))])


def test_a_city_zone_must_be_a_real_one() -> None:
    store = Store.in_memory(orjson.loads(paths.sample_bytes()))
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        store.commit([added(City(name="Olympus", timezone="Mars/Olympus"))])
    store.commit([added(City(name="Tampere", timezone="Europe/Helsinki"))])
