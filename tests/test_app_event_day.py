"""Pilot tests of the event day in the app: the roll-call, the group's next move, the Now board, speakers.

Key counts are the ones the issue asks for at 80x24: the roll for the next stop
in at most 2 keys, a person checked in by four letters of their name in at
most 6, the Now board in 1.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time
from pathlib import Path

from textual.widgets import Input, Static

from liaison_tui.domain import attendance
from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import Attendance, Event, EventKind
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.confirm import ConfirmDialog
from liaison_tui.ui.dialogs.now_board import NowBoardScreen
from liaison_tui.ui.dialogs.roll_call import RollCallScreen, RollTable
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from ui_helpers import burst, make_app, screen_text

TUESDAY_MORNING = datetime(2026, 12, 1, 0, 30, tzinfo=UTC)  # 08:30 in Shenzhen, before the school visit


def on_disk(path: Path) -> Dataset:
    return Store.open(path, read_only=True).data


def status_on_disk(path: Path, title: str, name: str) -> Attendance | None:
    data = on_disk(path)
    event = next(e for e in data.events.values() if e.title == title)
    roll = attendance.roll(data, event)
    return next(entry.status for entry in roll.entries if entry.officer.name == name)


def headline(app: object) -> str:
    return screen_text(app.screen.query_one("#roll-headline", Static)).strip()  # type: ignore[attr-defined]


async def test_roll_for_the_next_stop_in_one_key_and_a_name_in_five_more(sample_file: Path) -> None:
    app = make_app(sample_file, TUESDAY_MORNING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")  # 1 key: the group's next move is the school visit
        assert isinstance(app.screen, RollCallScreen)
        assert "Visit to a local school" in screen_text(app.screen.query_one("#roll-title", Static))
        assert headline(app) == "0 of 3 present, 3 missing: Taylor Woodruff, Duncan Sandeman, Henri Kahonen"
        await pilot.press(*"kaho", "enter")  # 5 more keys, pressed as one burst
        await pilot.pause()
        assert status_on_disk(sample_file, "Visit to a local school", "Henri Kahonen") is Attendance.PRESENT
        assert headline(app) == "1 of 3 present, 2 missing: Taylor Woodruff, Duncan Sandeman"
        assert app.screen.query_one("#roll-find", Input).value == ""  # ready for the next name


async def test_a_badge_scanner_and_one_key_on_a_row_check_people_in_and_undo_takes_it_back(
    sample_file: Path,
) -> None:
    app = make_app(sample_file, TUESDAY_MORNING)
    officers = {o.name: o for o in on_disk(sample_file).officers.values()}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.press(*badge_code(officers["Duncan Sandeman"].id), "enter")  # what a scanner types
        await pilot.pause()
        assert status_on_disk(sample_file, "Visit to a local school", "Duncan Sandeman") is Attendance.PRESENT
        table = app.screen.query_one(RollTable)
        table.select_id(officers["Taylor Woodruff"].id)
        await pilot.press("enter")  # Enter on the empty search line: the person under the cursor
        await pilot.pause()
        assert status_on_disk(sample_file, "Visit to a local school", "Taylor Woodruff") is Attendance.PRESENT
        await pilot.press("tab")  # into the list: one key per row
        table.select_id(officers["Henri Kahonen"].id)
        await pilot.press("x")
        await pilot.pause()
        assert status_on_disk(sample_file, "Visit to a local school", "Henri Kahonen") is Attendance.EXCUSED
        assert headline(app) == "2 of 3 present, 1 excused"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert status_on_disk(sample_file, "Visit to a local school", "Henri Kahonen") is None
        await pilot.press("h")  # a letter on the list goes to the search line
        assert app.focused is app.screen.query_one("#roll-find", Input)
        assert app.screen.query_one("#roll-find", Input).value == "h"


async def test_an_ambiguous_name_marks_nobody(sample_file: Path) -> None:
    app = make_app(sample_file, TUESDAY_MORNING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "o", "enter")  # Taylor Woodruff and Henri Kahonen match alike
        await pilot.pause()
        assert not on_disk(sample_file).checkins
        assert isinstance(app.screen, RollCallScreen)


async def test_another_door_sees_this_doors_check_ins(sample_file: Path) -> None:
    app = make_app(sample_file, TUESDAY_MORNING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        other = Store.open(sample_file)
        school = next(e for e in other.data.events.values() if e.title == "Visit to a local school")
        at = datetime.combine(school.day, time(9, 55))
        other.commit(attendance.mark(other.data, school, list(other.data.officers)[:1], Attendance.PRESENT, at, "li"))
        for _ in range(20):
            await pilot.pause(0.1)
            if headline(app).startswith("1 of 3"):
                break
        assert headline(app).startswith("1 of 3 present")


async def test_n_goes_to_the_groups_move_not_a_staff_only_pick_up(sample_file: Path) -> None:
    store = Store.open(sample_file)
    visit = store.current_visit()
    assert visit is not None
    tang = next(o for o in store.data.officers.values() if o.name == "Tang Lixia")
    pick_up = Event(
        visit_id=visit.id,
        day=date(2026, 12, 1),
        start=time(9, 0),
        end=time(9, 30),
        title="Airport pick-up",
        kind=EventKind.TRANSPORT,
        whole_delegation=False,
        participant_ids=(tang.id,),
    )
    store.commit([added(pick_up)])
    app = make_app(sample_file, TUESDAY_MORNING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        current = app.screen.query_one(ItineraryPane).table.current_id
        assert on_disk(sample_file).events[current].title == "Visit to a local school"


async def test_now_board_in_one_key_shows_the_next_stop_and_who_is_missing(sample_file: Path) -> None:
    store = Store.open(sample_file)
    school = next(e for e in store.data.events.values() if e.title == "Visit to a local school")
    kahonen = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    at = datetime.combine(school.day, time(9, 55))
    store.commit(attendance.mark(store.data, school, [kahonen.id], Attendance.PRESENT, at, "li"))
    app = make_app(sample_file, datetime(2026, 12, 1, 1, 35, tzinfo=UTC))  # 09:35 Tuesday
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, NowBoardScreen)
        shown = " ".join(screen_text(app.screen.query_one("#now-body", Static)).split())
        assert "Next: Visit to a local school" in shown and "leaves in 0:25" in shown
        assert "Missing at Visit to a local school: 1 of 3 present" in shown
        assert "Helsinki" in shown and "(night)" in shown  # 03:35 at home in Helsinki
        await pilot.press("r")  # straight from the board to that roll
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)


async def test_next_speaker_acts_only_on_the_conference_under_way_or_asks(sample_file: Path) -> None:
    app = make_app(sample_file, TUESDAY_MORNING)  # the conference is three days away
    async with app.run_test(size=(80, 24)) as pilot:
        itinerary = app.screen.query_one(ItineraryPane)
        itinerary.day_index = 3
        itinerary.table.focus()
        await pilot.press("greater_than_sign")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        conference = next(e for e in on_disk(sample_file).events.values() if e.title == "Liaison conference")
        assert conference.speaking_now_id is None
    under_way = make_app(sample_file)  # Friday 09:30: under way
    async with under_way.run_test(size=(80, 24)) as pilot:
        await pilot.press("greater_than_sign")  # from any pane
        await pilot.pause()
        assert isinstance(under_way.screen, MainScreen)
        conference = on_disk(sample_file).events[conference.id]
        assert conference.speaking_now_id == conference.speaker_ids[0]


async def test_a_roll_survives_its_event_being_deleted_elsewhere(sample_file: Path) -> None:
    app = make_app(sample_file, TUESDAY_MORNING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        other = Store.open(sample_file)
        school = next(e for e in other.data.events.values() if e.title == "Visit to a local school")
        other.commit([changed(school, dataclasses.replace(school, title="Visit to a school"))])
        for _ in range(20):
            await pilot.pause(0.1)
            if "Visit to a school" in screen_text(app.screen.query_one("#roll-title", Static)):
                break
        assert "Visit to a school" in screen_text(app.screen.query_one("#roll-title", Static))


async def test_names_typed_in_one_burst_each_mark_their_person(sample_file: Path) -> None:
    """Over SSH a whole line or two arrive in one read: every name still marks the right person."""
    app = make_app(sample_file, TUESDAY_MORNING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await burst(pilot, *"kaho", "enter", *"sande", "enter", *"wood", "enter")
        for _ in range(20):  # each mark is a save; let them all land
            await pilot.pause()
        assert headline(app) == "all 3 present"
    for name in ("Henri Kahonen", "Duncan Sandeman", "Taylor Woodruff"):
        assert status_on_disk(sample_file, "Visit to a local school", name) is Attendance.PRESENT


async def test_a_refused_scan_is_replaced_by_the_next_and_an_ambiguous_name_grows(sample_file: Path) -> None:
    app = make_app(sample_file, TUESDAY_MORNING)
    data = on_disk(sample_file)
    tang = next(o for o in data.officers.values() if o.name == "Tang Lixia")  # host staff: not on this roll
    sandeman = next(o for o in data.officers.values() if o.name == "Duncan Sandeman")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await burst(pilot, *badge_code(tang.id), "enter", *badge_code(sandeman.id), "enter")
        for _ in range(10):
            await pilot.pause()
        assert app.screen.query_one("#roll-find", Input).value == ""
        assert status_on_disk(sample_file, "Visit to a local school", "Duncan Sandeman") is Attendance.PRESENT
        await pilot.press("o", "enter")  # Woodruff and Kahonen match alike: nobody marked
        await pilot.press(*"odr", "enter")  # typed after it: "oodr", Woodruff
        await pilot.pause()
        assert status_on_disk(sample_file, "Visit to a local school", "Taylor Woodruff") is Attendance.PRESENT
