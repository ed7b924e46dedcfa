"""The Now board: the group's next move, the conference under way, home times, the board as text."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import orjson
import pytest
from rich.console import Console

from liaison_tui.domain import attendance, now
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import Attendance, City, Event, Visit
from liaison_tui.reports.now_board import duration, now_board_text
from liaison_tui.store import paths
from liaison_tui.store.store import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def store() -> Store:
    return Store.in_memory(orjson.loads(paths.sample_bytes()))


def visit_of(store: Store) -> Visit:
    visit = store.current_visit()
    assert visit is not None
    return visit


def local(text: str) -> datetime:
    """A visit-local moment (Shenzhen), as ``--at`` takes it."""
    return datetime.fromisoformat(text)


def utc_of(text: str) -> datetime:
    return local(text).replace(tzinfo=SHANGHAI).astimezone(UTC)


def add_pick_up(store: Store, participants: tuple[int, ...]) -> Event:
    """An airport pick-up on Thursday late morning: a driver (host staff) and some officers."""
    pick_up = Event(
        visit_id=1,
        day=date(2026, 12, 3),
        start=time(11, 0),
        end=time(12, 30),
        title="Airport pick-up",
        kind=Event.__dataclass_fields__["kind"].default,
        whole_delegation=False,
        participant_ids=participants,
    )
    store.commit([added(pick_up)])
    return max(store.data.events.values(), key=lambda e: e.id)


def render(parts: list[object]) -> str:
    console = Console(file=io.StringIO(), width=80, color_system=None)
    for part in parts:
        console.print(part)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def test_a_staff_only_pick_up_is_not_the_groups_next_move(store: Store) -> None:
    visit = visit_of(store)
    pick_up = add_pick_up(store, (4, 1, 2))  # Tang Lixia and two of the 32 officers expected
    assert pick_up not in now.group_events(store.data, visit)
    assert [e.title for e in now.group_events(store.data, visit)] == [
        "Visit to a local school",
        "Visit to a library",
        "Company visits",
        "Liaison conference",
    ]
    move = now.next_move(store.data, visit, local("2026-12-03 10:30"))
    assert move is not None and move.title == "Company visits"


def test_named_participants_making_up_half_the_delegation_are_the_group(store: Store) -> None:
    visit = visit_of(store)
    store.commit([changed(visit, dataclasses.replace(visit, expected_officers=0))])  # the 3 registered are all
    pick_up = add_pick_up(store, (4, 1, 2))  # two of three: most of the delegation
    assert pick_up in now.group_events(store.data, visit_of(store))
    lone = add_pick_up(store, (4, 1))  # one of three, with a driver: host staff do not count
    assert lone not in now.group_events(store.data, visit_of(store))


def test_next_move_is_the_group_event_under_way_else_the_next(store: Store) -> None:
    visit = visit_of(store)
    assert now.next_move(store.data, visit, local("2026-12-02 11:59")).title == "Visit to a library"  # type: ignore[union-attr]
    assert now.next_move(store.data, visit, local("2026-12-02 12:00")).title == "Company visits"  # type: ignore[union-attr]
    assert now.next_move(store.data, visit, local("2026-12-04 12:00")) is None


def test_the_speaker_can_move_on_only_during_the_conference(store: Store) -> None:
    visit = visit_of(store)
    for moment, under_way in [
        ("2026-12-01 10:30", False),  # three days before it
        ("2026-12-04 08:59", False),
        ("2026-12-04 09:00", True),
        ("2026-12-04 11:59", True),
        ("2026-12-04 12:00", False),
    ]:
        found = now.conference_under_way(store.data, visit, local(moment))
        assert (found is not None and found.title == "Liaison conference") is under_way, moment


@pytest.mark.parametrize(
    ("at_utc", "expected"),
    [
        # 10:00 in Shenzhen on Friday 4th: 21:00 on the 3rd in Atlanta, 04:00 in Helsinki.
        ("2026-12-04 02:00+00:00", "Atlanta 3rd 21:00, Helsinki 4th 04:00 night, Christchurch 4th 15:00"),
        # Summer in the north, winter in New Zealand: the offsets change.
        ("2026-07-01 12:00+00:00", "Atlanta 1st 08:00, Helsinki 1st 15:00, Christchurch 2nd 00:00 night"),
        # Night runs 22:00 to 06:59 (a moment without a zone is taken as UTC).
        ("2026-12-04 20:00+00:00", "Atlanta 4th 15:00, Helsinki 4th 22:00 night, Christchurch 5th 09:00"),
        ("2026-12-04 04:59", "Atlanta 3rd 23:59 night, Helsinki 4th 06:59 night, Christchurch 4th 17:59"),
        ("2026-12-04 05:00", "Atlanta 4th 00:00 night, Helsinki 4th 07:00, Christchurch 4th 18:00"),
    ],
)
def test_home_times_west_to_east_with_the_night(store: Store, at_utc: str, expected: str) -> None:
    found = now.home_times(store.data, datetime.fromisoformat(at_utc))
    ordinal = {1: "1st", 2: "2nd", 3: "3rd"}
    shown = [
        f"{h.city.name} {ordinal.get(h.local.day, f'{h.local.day}th')} {h.local:%H:%M}" + (" night" if h.night else "")
        for h in found
    ]
    assert ", ".join(shown) == expected


def test_home_times_only_for_delegation_cities_with_a_zone(store: Store) -> None:
    atlanta = store.data.cities[2]
    store.commit([changed(atlanta, dataclasses.replace(atlanta, timezone=""))])
    store.commit([added(City(name="Tampere", country="Finland", timezone="Europe/Helsinki"))])  # nobody from there
    found = now.home_times(store.data, datetime(2026, 12, 4, 2, 0, tzinfo=UTC))
    assert [h.city.name for h in found] == ["Helsinki", "Christchurch"]
    kahonen, tang = store.data.officers[3], store.data.officers[4]
    home = now.home_time(store.data, kahonen, datetime(2026, 12, 4, 2, 0, tzinfo=UTC))
    assert home is not None and (f"{home.local:%H:%M}", home.night) == ("04:00", True)
    assert now.home_time(store.data, tang, datetime(2026, 12, 4, 2, 0, tzinfo=UTC)) is None  # host staff


def test_the_board_before_the_company_visits(store: Store) -> None:
    board = now.now_board(store.data, visit_of(store), utc_of("2026-12-03 13:35"))
    assert board.at == local("2026-12-03 13:35")
    assert board.current is None and board.next is not None and board.next.title == "Company visits"
    assert board.leaves_in == timedelta(minutes=25)
    assert (board.last_roll, board.speaker, board.following_speaker) == (None, None, None)
    text = render(now_board_text(board, store.data))
    assert "Now: nothing under way for the group" in text
    assert "Next: Company visits at Companies in Shenzhen (not named in the report), 14:00, leaves in 0:25" in " ".join(
        text.split()
    )
    assert "Home: Atlanta 00:35 (night) · Helsinki 07:35 · Christchurch 18:35" in text
    assert len(text.splitlines()) <= 8


def test_the_board_during_the_conference(store: Store) -> None:
    conference = store.data.events[4]
    store.commit([changed(conference, dataclasses.replace(conference, speaking_now_id=1))])
    visit = visit_of(store)
    board = now.now_board(store.data, visit, utc_of("2026-12-04 10:00"))
    assert board.current is not None and board.current.title == "Liaison conference"
    assert (board.next, board.leaves_in) == (None, None)
    assert (board.speaker.name, board.following_speaker.name) == ("Duncan Sandeman", "Taylor Woodruff")  # type: ignore[union-attr]
    text = render(now_board_text(board, store.data))
    assert "On the floor: Duncan Sandeman (Christchurch), then Taylor Woodruff (Atlanta)" in text
    # Before it starts nobody has the floor on the board, even with a speaker set.
    early = now.now_board(store.data, visit, utc_of("2026-12-04 08:30"))
    assert (early.speaker, early.following_speaker) == (None, None)
    assert early.next is not None and early.next.title == "Liaison conference"


def test_the_board_shows_who_was_missing_at_the_last_roll_call(store: Store) -> None:
    visit = visit_of(store)
    school, library = store.data.events[1], store.data.events[2]
    at = local("2026-12-01 09:50")
    store.commit(attendance.mark(store.data, school, [1, 2, 3], Attendance.PRESENT, at, "Wang"))
    store.commit(attendance.mark(store.data, library, [1, 2], Attendance.PRESENT, at, "Wang"))
    store.commit(attendance.mark(store.data, library, [3], Attendance.MISSING, at, "Wang"))
    board = now.now_board(store.data, visit, utc_of("2026-12-02 11:00"))
    assert board.last_roll is not None and board.last_roll.event == library
    text = render(now_board_text(board, store.data))
    assert "Missing at Visit to a library: 2 of 3 present, 1 missing: Henri Kahonen" in text
    # On the Tuesday the library's roll lies ahead: the school's is the last one.
    tuesday = now.now_board(store.data, visit, utc_of("2026-12-01 23:00"))
    assert tuesday.last_roll is not None and tuesday.last_roll.event == school
    assert "Roll at Visit to a local school: all 3 present" in render(now_board_text(tuesday, store.data))
    # At the bus door before the school visit its roll is the one being called...
    door = now.now_board(store.data, visit, utc_of("2026-12-01 09:00"))
    assert door.last_roll is not None and door.last_roll.event == school
    # ...but not hours before it.
    assert now.now_board(store.data, visit, utc_of("2026-12-01 07:30")).last_roll is None


def test_the_board_shows_user_text_literally(store: Store) -> None:
    school = store.data.events[1]
    hostile = dataclasses.replace(school, title="[bold]School\x1b[31m", venue="[/]")
    store.commit([changed(school, hostile)])
    board = now.now_board(store.data, visit_of(store), utc_of("2026-12-01 10:30"))
    text = render(now_board_text(board, store.data))
    assert "Now: [bold]School␛[31m at [/], until 12:00" in text


def test_durations_read_like_a_clock() -> None:
    assert [duration(timedelta(minutes=m)) for m in (0, 25, 185, 24 * 60 + 125, 3 * 24 * 60)] == [
        "0:00",
        "0:25",
        "3:05",
        "1 day 2:05",
        "3 days 0:00",
    ]


def test_a_staff_only_pick_ups_roll_is_not_the_groups_last_roll(store: Store) -> None:
    visit = visit_of(store)
    library = store.data.events[2]
    at = local("2026-12-02 09:50")
    store.commit(attendance.mark(store.data, library, [3], Attendance.MISSING, at, "Wang"))
    pick_up = add_pick_up(store, (4, 1))  # Thursday 11:00: the driver and one officer
    store.commit(attendance.mark(store.data, pick_up, [4, 1], Attendance.PRESENT, local("2026-12-03 11:05"), "Li"))
    board = now.now_board(store.data, visit, utc_of("2026-12-03 11:30"))
    assert board.last_roll is not None and board.last_roll.event == library  # who the group is still missing
