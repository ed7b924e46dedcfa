"""Pilot tests: names in other scripts typed as heard, in the quick lookup, the roll call and the people picker."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from liaison_tui.domain.attendance import Attendance
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import Officer
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.people_picker import PeoplePicker
from liaison_tui.ui.dialogs.roll_call import RollCallScreen
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import detail_followed, make_app

TUESDAY_MORNING = datetime(2026, 12, 1, 0, 30, tzinfo=UTC)  # 08:30 in Shenzhen, before the school visit
GUESTS = {"王小明": 3, "김민준": 2, "佐藤遥": 1, "Ивана Петрова": 3}


@pytest.fixture
def guests_file(sample_file: Path) -> Path:
    Store.open(sample_file).commit([added(Officer(name=name, city_id=city)) for name, city in GUESTS.items()])
    return sample_file


def officer_id(path: Path, name: str) -> int:
    return next(o.id for o in Store.open(path, read_only=True).data.officers.values() if o.name == name)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("wang xiaoming", "王小明"),
        ("xiaoming", "王小明"),
        ("kim min jun", "김민준"),
        ("sato haruka", "佐藤遥"),
        ("ivana petrova", "Ивана Петрова"),
    ],
)
async def test_lookup_shows_and_opens_the_person_typed_as_heard(guests_file: Path, query: str, name: str) -> None:
    app = make_app(guests_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *query)
        await pilot.pause(0.3)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(OptionList)
        assert options.option_count >= 1
        assert name in str(options.get_option_at_index(0).prompt)  # shown first, in the script it is written in
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one("#officers", RecordTable).current_id == officer_id(guests_file, name)
        await detail_followed(pilot)  # the panel follows the cursor a frame later
        assert name in str(app.screen.query_one("#detail-body").visual)


async def test_the_roll_marks_a_person_called_by_the_sound_of_their_name(guests_file: Path) -> None:
    app = make_app(guests_file, TUESDAY_MORNING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RollCallScreen)
        await pilot.press(*"kim min jun", "enter")
        await pilot.pause()
        assert app.screen.query_one("#roll-find", Input).value == ""  # taken: ready for the next name
        data = Store.open(guests_file, read_only=True).data
        [call] = list(data.checkins.values())
        assert data.officers[call.officer_id].name == "김민준"
        assert call.status is Attendance.PRESENT


async def test_the_people_picker_adds_a_person_typed_as_heard(guests_file: Path) -> None:
    app = make_app(guests_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(ItineraryPane).table.focus()
        await pilot.pause()
        await pilot.press("a", *"Forum")
        form = app.screen
        form.set_focus(form.query_one("#field-speaker_ids"))
        await pilot.pause()
        await pilot.press("enter", *"sato haruka", "enter")
        picker = app.screen
        assert isinstance(picker, PeoplePicker)
        assert [picker.data.officers[i].name for i in picker.picked] == ["佐藤遥"]
        assert "佐藤遥" in str(picker.query_one("#picker-matches", Static).visual)
