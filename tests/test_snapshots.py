"""What the screen looks like: snapshot tests (review the report before updating)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import City, Officer, Role
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from ui_helpers import CONFERENCE_MORNING, make_app

SnapCompare = Callable[..., bool]


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursors, and every pending refresh done."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def settled_screen(pilot: Pilot[Any]) -> None:
    """``steady``, and the form behind a dialog done scrolling its focused field into view."""
    await pilot.wait_for_scheduled_animations()
    await steady(pilot)


def test_main_screen_80x24(snap_compare: SnapCompare, sample_file: Path) -> None:
    assert snap_compare(make_app(sample_file), terminal_size=(80, 24), run_before=steady)


def test_main_screen_160x48_on_the_conference(snap_compare: SnapCompare, sample_file: Path) -> None:
    assert snap_compare(make_app(sample_file), press=["n"], terminal_size=(160, 48), run_before=steady)


def test_help_screen(snap_compare: SnapCompare, sample_file: Path) -> None:
    assert snap_compare(make_app(sample_file), press=["question_mark"], terminal_size=(80, 40), run_before=steady)


def test_lookup_with_a_query(snap_compare: SnapCompare, sample_file: Path) -> None:
    async def type_query(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"hel")
        await pilot.pause(0.4)
        await steady(pilot)

    assert snap_compare(make_app(sample_file), terminal_size=(100, 30), run_before=type_query)


def test_form_with_a_validation_error(snap_compare: SnapCompare, sample_file: Path) -> None:
    async def bad_time(pilot: Pilot[Any]) -> None:
        await pilot.press("n", "e")
        pilot.app.screen.query_one("#field-start", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await steady(pilot)

    assert snap_compare(make_app(sample_file), terminal_size=(100, 40), run_before=bad_time)


def test_cjk_named_officers_line_up(snap_compare: SnapCompare, sample_file: Path) -> None:
    store = Store.open(sample_file)
    [busan] = store.commit([added(City(name="Busan", native_name="부산", country="South Korea"))]).edits
    assert busan.after is not None
    store.commit(
        [
            added(
                Officer(name="김민준", native_name="김민준", city_id=busan.after.id, title="연락관", role=Role.MEMBER)
            ),
            added(Officer(name="佐藤花子", city_id=busan.after.id, title="通訳", role=Role.INTERPRETER)),
        ]
    )
    assert snap_compare(make_app(sample_file), press=["down"], terminal_size=(100, 30), run_before=steady)


def _called_at_the_school(path: Path) -> None:
    """Two of three checked in at the Tuesday school visit, one excused: a roll half called."""
    from datetime import datetime, time

    from liaison_tui.domain import attendance
    from liaison_tui.domain.model import Attendance

    store = Store.open(path)
    school = next(e for e in store.data.events.values() if e.title == "Visit to a local school")
    by_name = {o.name: o.id for o in store.data.officers.values()}
    at = datetime.combine(school.day, time(9, 40))
    store.commit(attendance.mark(store.data, school, [by_name["Henri Kahonen"]], Attendance.PRESENT, at, "Li"))
    store.commit(attendance.mark(store.data, school, [by_name["Duncan Sandeman"]], Attendance.EXCUSED, at, "Li"))


def test_roll_call_80x24(snap_compare: SnapCompare, sample_file: Path) -> None:
    from datetime import UTC, datetime

    _called_at_the_school(sample_file)
    app = make_app(sample_file, datetime(2026, 12, 1, 1, 45, tzinfo=UTC))  # 09:45, the bus about to leave
    assert snap_compare(app, press=["r"], terminal_size=(80, 24), run_before=steady)


def test_now_board_80x24(snap_compare: SnapCompare, sample_file: Path) -> None:
    from datetime import UTC, datetime

    _called_at_the_school(sample_file)
    app = make_app(sample_file, datetime(2026, 12, 1, 1, 45, tzinfo=UTC))
    assert snap_compare(app, press=["b"], terminal_size=(80, 24), run_before=steady)


def test_discard_changes_question(snap_compare: SnapCompare, sample_file: Path) -> None:
    async def escape_from_a_filled_form(pilot: Pilot[Any]) -> None:
        await pilot.press("a", *"Kim Ji-woo", "tab", "tab", *"Liaison officer", "escape")
        await settled_screen(pilot)

    assert snap_compare(make_app(sample_file), terminal_size=(80, 24), run_before=escape_from_a_filled_form)


def test_officer_form_80x24(snap_compare: SnapCompare, sample_file: Path) -> None:
    """The common fields first, the Save button and key hints on screen, the city's origin noted."""

    async def new_officer(pilot: Pilot[Any]) -> None:
        await pilot.press("a", *"Aino Virtanen")
        await steady(pilot)

    assert snap_compare(make_app(sample_file), terminal_size=(80, 24), run_before=new_officer)


def test_speaker_picker_80x24(snap_compare: SnapCompare, sample_file: Path) -> None:
    """The conference's speakers in order, the list focused: its keys shown at the bottom."""

    async def pick_speakers(pilot: Pilot[Any]) -> None:
        await pilot.press("n", "e")
        form = pilot.app.screen
        form.set_focus(form.query_one("#field-speaker_ids"))
        await pilot.press("enter", *"tang", "enter", "tab")
        await steady(pilot)

    assert snap_compare(make_app(sample_file), terminal_size=(80, 24), run_before=pick_speakers)


def test_stale_edit_panel(snap_compare: SnapCompare, sample_file: Path) -> None:
    async def save_over_another_windows_change(pilot: Pilot[Any]) -> None:
        # The visit, changed where the main screen behind does not show it: a background screen
        # redrawn after the reload was caught half done now and then.
        [visit] = Store.open(sample_file).data.visits.values()
        await pilot.press("v")
        pilot.app.screen.query_one("#field-organiser", Input).value = "Protocol office"
        pilot.app.screen.query_one("#field-notes", Input).value = "Interpreters booked"
        theirs = dataclasses.replace(visit, organiser="Foreign affairs office", expected_officers=12)
        Store.open(sample_file).commit([changed(visit, theirs)])
        await pilot.press("ctrl+s")
        await settled_screen(pilot)

    # No file watching here: its "reloaded" note would show up, or not, depending on timing.
    app = LiaisonApp(Store.open(sample_file), clock=lambda: CONFERENCE_MORNING, watch_interval=3600)
    assert snap_compare(app, terminal_size=(80, 24), run_before=save_over_another_windows_change)


def _long_named_officer(path: Path) -> None:
    """A 200-character name, as pasted by mistake from a letter."""
    store = Store.open(path)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    name = "Alexandra " + "Montgomery-Featherstonehaugh " * 7
    store.commit([added(Officer(name=name[:200], city_id=atlanta.id, title="Protocol officer"))])


def test_a_200_character_name_keeps_the_city_column_at_80x24(snap_compare: SnapCompare, sample_file: Path) -> None:
    _long_named_officer(sample_file)
    assert snap_compare(make_app(sample_file), terminal_size=(80, 24), run_before=steady)


def test_name_asked_when_served(snap_compare: SnapCompare, sample_file: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("LIAISON_TUI_ASK_USER", "1")
    assert snap_compare(make_app(sample_file), terminal_size=(80, 24), run_before=steady)


def test_history_since_this_morning(snap_compare: SnapCompare, sample_file: Path, monkeypatch: Any) -> None:
    import time as clock_module
    from datetime import UTC, datetime

    monkeypatch.setenv("TZ", "UTC")  # times are shown in the machine's local time
    clock_module.tzset()
    for who, minute, name in (("Li", 30, "Busan"), ("[b]Kaho", 45, "Kobe")):
        other = Store.open(sample_file)
        other.author, other.clock = who, lambda minute=minute: datetime(2026, 12, 4, 0, minute, tzinfo=UTC)
        other.commit([added(City(name=name, country="Korea" if name == "Busan" else "Japan"))])
    store = Store.open(sample_file)
    store.clock = lambda: CONFERENCE_MORNING
    app = LiaisonApp(store, clock=lambda: CONFERENCE_MORNING, watch_interval=0.2)
    try:
        assert snap_compare(app, press=["H", "m"], terminal_size=(80, 24), run_before=steady)
    finally:
        monkeypatch.undo()
        clock_module.tzset()
