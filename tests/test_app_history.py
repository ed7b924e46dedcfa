"""The app and the history: the name asked when served, colleagues' saves told, the history screen."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from liaison_tui.domain.edits import changed
from liaison_tui.domain.history import Action, Reason
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.ask_name import AskNameDialog
from liaison_tui.ui.dialogs.history_screen import HistoryScreen
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import make_app, screen_text


def messages(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_served_session_asks_the_name_once_and_records_it(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIAISON_TUI_ASK_USER", "1")
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AskNameDialog)
        await pilot.press("enter")  # no name yet: it stays, saying what to do
        assert isinstance(app.screen, AskNameDialog)
        assert "Type your name" in screen_text(app.screen.query_one("#ask-name-problem"))
        await pilot.press(*"Li Wei", "enter")
        assert isinstance(app.screen, MainScreen)
        officer = app.store.data.officers[1]
        await app.save([changed(officer, dataclasses.replace(officer, room="12"))], "Saved")
    [entry] = Store.open(sample_file).history()
    assert (entry.who, entry.record_name) == ("Li Wei", officer.name)


async def test_without_the_variable_no_name_is_asked(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIAISON_TUI_USER", "desk 2")
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.user == app.store.author == "desk 2"


async def test_a_colleagues_roll_call_is_told_without_touching_the_open_form(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        await pilot.press("down")
        where = officers.current_id
        await pilot.press("e")
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-phone", Input).value = "+1 555 0100"
        command = [sys.executable, "-m", "liaison_tui", "--db", str(sample_file), "--user", "Li"]
        subprocess.run([*command, "check-in", "library", "kahonen", "sandeman"], check=True, capture_output=True)
        told = "Li checked in 2 people at Visit to a library"
        for _ in range(50):
            await pilot.pause(0.1)
            if told in messages(app):
                break
        assert told in messages(app)
        assert isinstance(app.screen, RecordForm)  # the form stays open with what was typed
        assert app.screen.query_one("#field-phone", Input).value == "+1 555 0100"
        assert officers.current_id == where  # and the cursor where it was


async def test_history_screen_lists_changes_and_enter_shows_the_record(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        city = app.store.data.cities[2]
        await app.save([changed(city, dataclasses.replace(city, notes="[b]sister city"))], "Saved")
        await pilot.press("H")
        assert isinstance(app.screen, HistoryScreen)
        listed = app.screen.query_one(OptionList)
        assert listed.option_count == 1
        shown = screen_text(listed)
        assert "edited city  Atlanta #2" in shown and "→ [b]sister city" in shown  # literal, not markup
        await pilot.press("m")
        assert "since this morning" in str(app.screen.query_one("Vertical").border_title)
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        cities = app.screen.query_one("#cities", RecordTable)
        assert cities.current_id == 2 and app.focused is cities


async def test_a_roll_called_in_the_app_and_an_edit_are_recorded_under_the_apps_user(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIAISON_TUI_USER", "Door 1")
    tuesday_morning = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 09:00 in Shenzhen, before the school visit
    app = make_app(sample_file, tuesday_morning)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.press(*"kaho", "enter")
        await pilot.pause()
        await pilot.press("escape", "u")  # and undo it, from the main screen
        await pilot.pause()
    told = [(e.who, e.action, e.reason, e.record_name) for e in Store.open(sample_file).history()]
    assert told == [
        ("Door 1", Action.ADDED, Reason.EDIT, "Henri Kahonen at Visit to a local school"),
        ("Door 1", Action.REMOVED, Reason.UNDO, "Henri Kahonen at Visit to a local school"),
    ]
