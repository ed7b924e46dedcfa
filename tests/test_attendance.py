"""Roll-call: who is expected, the latest call wins, the head count's wording, marking and taking back."""

from __future__ import annotations

import dataclasses
import time as clock
from datetime import date, datetime, time

import orjson
import pytest

from liaison_tui.domain import attendance
from liaison_tui.domain.attendance import Roll, RollEntry
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import Attendance, CheckIn, City, Event, Officer, Role, Visit
from liaison_tui.store import paths
from liaison_tui.store.store import Store

AT = datetime(2026, 12, 4, 8, 55)
PRESENT, MISSING, EXCUSED = Attendance.PRESENT, Attendance.MISSING, Attendance.EXCUSED


@pytest.fixture
def store() -> Store:
    return Store.in_memory(orjson.loads(paths.sample_bytes()))


def officer_id(store: Store, surname: str) -> int:
    return next(o.id for o in store.data.officers.values() if o.name.endswith(surname))


def mark(store: Store, event: Event, surnames: list[str], status: Attendance) -> None:
    ids = [officer_id(store, s) for s in surnames]
    store.commit(attendance.mark(store.data, event, ids, status, AT, "Wang"))


def statuses(roll: Roll) -> list[tuple[str, str]]:
    return [(e.officer.name, e.status.value if e.status else "-") for e in roll.entries]


def test_the_roll_of_the_conference_holds_delegation_and_named_host_staff(store: Store) -> None:
    roll = attendance.roll(store.data, store.data.events[4])
    # Ordered like the schedule lists participants: by city, host staff last.
    assert statuses(roll) == [
        ("Taylor Woodruff", "-"),
        ("Duncan Sandeman", "-"),
        ("Henri Kahonen", "-"),
        ("Tang Lixia", "-"),
    ]
    assert (roll.expected, roll.present, roll.missing, roll.excused, roll.not_called) == (4, 0, 0, 0, 4)
    assert roll.headline() == "0 of 4 present, 4 missing: Taylor Woodruff, Duncan Sandeman, Henri Kahonen, Tang Lixia"


def test_marking_sets_each_status_and_the_headline_counts_them(store: Store) -> None:
    conference = store.data.events[4]
    mark(store, conference, ["Woodruff", "Sandeman"], PRESENT)
    mark(store, conference, ["Kahonen"], MISSING)
    mark(store, conference, ["Lixia"], EXCUSED)
    roll = attendance.roll(store.data, conference)
    assert statuses(roll) == [
        ("Taylor Woodruff", "present"),
        ("Duncan Sandeman", "present"),
        ("Henri Kahonen", "missing"),
        ("Tang Lixia", "excused"),
    ]
    assert (roll.present, roll.missing, roll.excused, roll.not_called) == (2, 1, 1, 0)
    assert roll.absent_names == ["Henri Kahonen"]
    assert roll.headline() == "2 of 4 present, 1 missing: Henri Kahonen, 1 excused"
    entry = roll.entries[0]
    assert entry.checkin is not None and (entry.checkin.by, entry.checkin.at) == ("Wang", AT)
    mark(store, conference, ["Kahonen", "Lixia"], PRESENT)
    assert attendance.roll(store.data, conference).headline() == "all 4 present"


def test_not_called_counts_as_missing_in_the_headline_only(store: Store) -> None:
    conference = store.data.events[4]
    mark(store, conference, ["Woodruff", "Sandeman", "Lixia"], PRESENT)
    roll = attendance.roll(store.data, conference)
    assert (roll.missing, roll.not_called) == (0, 1)
    assert roll.headline() == "3 of 4 present, 1 missing: Henri Kahonen"


def test_the_latest_call_wins_whatever_order_the_records_come_in(store: Store) -> None:
    event = store.data.events[1]
    first = CheckIn(id=7, event_id=1, officer_id=1, status=PRESENT, at=AT)
    later = CheckIn(id=9, event_id=1, officer_id=1, status=MISSING, at=AT)
    for order in ([first, later], [later, first]):
        data = dataclasses.replace(store.data)
        data.checkins = {c.id: c for c in order}
        entry = next(e for e in attendance.roll(data, event).entries if e.officer.id == 1)
        assert (entry.status, entry.checkin) == (MISSING, later)


def test_mark_adds_only_what_changes(store: Store) -> None:
    library = store.data.events[2]
    ids = [officer_id(store, "Kahonen"), officer_id(store, "Sandeman")]
    store.commit(attendance.mark(store.data, library, ids, PRESENT, AT, "Wang"))
    again = attendance.mark(store.data, library, [*ids, ids[0]], PRESENT, AT, "Li")
    assert again == []  # both are present already; repeats are one person
    changed = attendance.mark(store.data, library, ids, MISSING, AT, "Li")
    assert [(e.before, e.after.officer_id if e.after else None) for e in changed] == [(None, i) for i in ids]


def test_only_people_expected_at_the_event_can_be_marked(store: Store) -> None:
    school = store.data.events[1]  # the whole delegation; the host's Tang Lixia is not named there
    for status in Attendance:
        with pytest.raises(ValueError, match="Tang Lixia is not expected at 'Visit to a local school'"):
            attendance.mark(store.data, school, [officer_id(store, "Lixia")], status, AT, "Wang")
    with pytest.raises(ValueError, match="officer #99"):
        attendance.mark(store.data, school, [99], PRESENT, AT, "Wang")


def test_named_participants_only(store: Store) -> None:
    pick_up = Event(
        visit_id=1,
        day=date(2026, 12, 1),
        start=time(7),
        end=time(8),
        title="Airport pick-up",
        whole_delegation=False,
        participant_ids=(4, 1),
    )
    store.commit([added(pick_up)])
    event = max(store.data.events.values(), key=lambda e: e.id)
    assert [e.officer.name for e in attendance.roll(store.data, event).entries] == ["Duncan Sandeman", "Tang Lixia"]
    with pytest.raises(ValueError, match="Henri Kahonen"):
        attendance.mark(store.data, event, [3], PRESENT, AT, "Wang")


def test_unmark_takes_back_the_latest_call(store: Store) -> None:
    library = store.data.events[2]
    mark(store, library, ["Kahonen"], PRESENT)
    mark(store, library, ["Kahonen"], MISSING)
    store.commit(attendance.unmark(store.data, library, [officer_id(store, "Kahonen")]))
    assert attendance.status_of(store.data, library, officer_id(store, "Kahonen")).status is PRESENT  # type: ignore[union-attr]
    store.commit(attendance.unmark(store.data, library, [officer_id(store, "Kahonen")]))
    assert attendance.status_of(store.data, library, officer_id(store, "Kahonen")) is None
    with pytest.raises(ValueError, match="Henri Kahonen has not been called at 'Visit to a library'"):
        attendance.unmark(store.data, library, [officer_id(store, "Kahonen")])


def _roll_of(names: list[str], present: int) -> Roll:
    event = Event(visit_id=1, day=date(2026, 12, 1), start=time(9), end=time(10), title="Bus")
    entries = [
        RollEntry(Officer(id=n + 1, name=name), PRESENT if n < present else None, None) for n, name in enumerate(names)
    ]
    return Roll(event, entries)


def test_a_long_list_of_absent_names_is_cut_after_eight() -> None:
    names = [f"Person {n}" for n in range(1, 41)]
    assert _roll_of(names, 20).headline() == (
        "20 of 40 present, 20 missing: Person 21, Person 22, Person 23, Person 24, Person 25, "
        "Person 26, Person 27, Person 28 and 12 more"
    )
    nine = _roll_of(names[:9], 0).headline()
    assert nine.endswith("Person 8, Person 9")  # one more name rather than "and 1 more"
    assert _roll_of([], 0).headline() == "nobody is expected"
    assert _roll_of(names * 300, 12_000).headline() == "all 12,000 present"


def test_attendance_per_event_and_per_officer(store: Store) -> None:
    visit = store.current_visit()
    assert visit is not None
    assert attendance.attendance_by_event(store.data, visit) == []
    mark(store, store.data.events[1], ["Woodruff", "Sandeman", "Kahonen"], PRESENT)
    mark(store, store.data.events[2], ["Woodruff"], PRESENT)
    mark(store, store.data.events[2], ["Sandeman"], EXCUSED)
    rolls = attendance.attendance_by_event(store.data, visit)
    assert [r.event.title for r in rolls] == ["Visit to a local school", "Visit to a library"]
    tallies = {o.name: counts for o, *counts in attendance.attendance_by_officer(store.data, visit)}
    # Kahonen was not called at the library, whose roll was called: that counts as missing.
    assert tallies == {"Taylor Woodruff": [2, 0, 0], "Duncan Sandeman": [1, 0, 1], "Henri Kahonen": [1, 1, 0]}


def test_the_roll_of_ten_thousand_is_quick() -> None:
    data = Dataset()
    data.visits[1] = Visit(id=1, name="V", host_city="H", start_date=date(2026, 12, 1))
    data.cities[1] = City(id=1, name="C")
    data.officers = {i: Officer(id=i, name=f"Officer {i:05d}", city_id=1, role=Role.MEMBER) for i in range(1, 10_001)}
    events = [Event(id=e, visit_id=1, day=date(2026, 12, 1), start=time(9), end=time(10), title="E") for e in (1, 2)]
    data.events = {e.id: e for e in events}
    data.checkins = {
        i: CheckIn(id=i, event_id=1 + i % 2, officer_id=i, status=PRESENT, at=AT) for i in range(1, 10_001)
    }
    started = clock.perf_counter()
    rolls = [attendance.roll(data, event) for event in events for _ in range(5)]
    elapsed = clock.perf_counter() - started
    assert [r.present for r in rolls[::5]] == [5000, 5000]
    assert elapsed < 1.5, f"10 rolls of 10,000 took {elapsed:.2f} s"
