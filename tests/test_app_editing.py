"""Pilot tests: add, edit, delete and undo through the forms, checked on disk."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from liaison_tui.domain.dataset import Dataset
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import detail_followed, make_app


def on_disk(path: Path) -> Dataset:
    return Store.open(path, read_only=True).data


async def type_into(pilot: object, app: object, field: str, text: str) -> None:
    widget = app.screen.query_one(f"#field-{field}", Input)  # type: ignore[attr-defined]
    widget.focus()
    widget.value = ""
    await pilot.press(*text)  # type: ignore[attr-defined]


async def test_add_an_officer_for_atlanta_by_keyboard(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)
        await pilot.press(*"Kim Ji-woo", "tab")  # name, then the city
        assert isinstance(app.focused, Select)
        await pilot.press("enter", *"atl", "enter")  # open the list, type to search, choose: on to the title
        await pilot.press(*"Protocol officer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        saved = [o for o in on_disk(sample_file).officers.values() if o.name == "Kim Ji-woo"]
        assert len(saved) == 1
        atlanta = next(c for c in on_disk(sample_file).cities.values() if c.name == "Atlanta")
        assert saved[0].city_id == atlanta.id and saved[0].title == "Protocol officer"
        assert app.screen.query_one("#officers", RecordTable).current_id == saved[0].id


async def test_move_an_event_to_another_day_and_undo(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")  # the conference, under way
        await pilot.pause()
        conference_id = app.screen.query_one(ItineraryPane).table.current_id
        await pilot.press("e")
        await type_into(pilot, app, "day", "2026-12-03")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert str(on_disk(sample_file).events[conference_id].day) == "2026-12-03"
        assert app.screen.query_one(ItineraryPane).day_index == 2  # the cursor followed it
        await pilot.press("u")
        await pilot.pause()
        assert str(on_disk(sample_file).events[conference_id].day) == "2026-12-04"


async def test_add_edit_delete_a_city_with_undo(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#cities").focus()
        await pilot.press("a", *"Busan", "tab", "tab", *"South Korea", "ctrl+s")
        await pilot.pause()
        busan = next(c for c in on_disk(sample_file).cities.values() if c.name == "Busan")
        assert busan.country == "South Korea"
        await pilot.press("e")
        await type_into(pilot, app, "since", "2007")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert on_disk(sample_file).cities[busan.id].since == 2007
        await pilot.press("d")
        assert "Busan" in str(app.screen.query_one("#confirm-question").visual)
        await pilot.press("y")
        await pilot.pause()
        assert busan.id not in on_disk(sample_file).cities
        await pilot.press("u", "u")  # undo the delete, then the edit
        await pilot.pause()
        assert on_disk(sample_file).cities[busan.id].since is None


async def test_deleting_a_city_says_what_goes_with_it(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        cities = app.screen.query_one("#cities", RecordTable)
        cities.focus()
        christchurch = next(c.id for c in app.store.data.cities.values() if c.name == "Christchurch")
        cities.select_id(christchurch)
        await pilot.press("d")
        question = str(app.screen.query_one("#confirm-question").visual)
        assert "officer 'Duncan Sandeman' removed" in question
        assert "event 'Liaison conference' updated" in question
        assert "follow-up" in question
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert christchurch in on_disk(sample_file).cities


async def test_follow_up_added_edited_and_deleted(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("F")  # the follow-ups tab
        assert app.focused is not None and app.focused.id == "followups"
        await pilot.press("a", "tab", *"Sister-school exchange", "ctrl+s")
        await pilot.pause()
        [added] = [f for f in on_disk(sample_file).followups.values() if f.text == "Sister-school exchange"]
        table = app.screen.query_one("#followups", RecordTable)
        assert table.current_id == added.id
        await pilot.press("e")
        await type_into(pilot, app, "owner", "Protocol desk")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert on_disk(sample_file).followups[added.id].owner == "Protocol desk"
        await pilot.press("d", "y")
        await pilot.pause()
        assert added.id not in on_disk(sample_file).followups


async def test_delete_an_event_and_undo(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "2")  # itinerary, Wednesday: the library
        library = app.screen.query_one(ItineraryPane).table.current_id
        await pilot.press("d", "y")
        await pilot.pause()
        assert library not in on_disk(sample_file).events
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(sample_file).events[library].title == "Visit to a library"


async def test_speaker_marker_moves_along_the_order(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "greater_than_sign", "greater_than_sign")
        await pilot.pause()
        conference = next(e for e in on_disk(sample_file).events.values() if e.title == "Liaison conference")
        assert app.store.data.officers[conference.speaking_now_id].name == "Taylor Woodruff"  # type: ignore[index]
        await detail_followed(pilot)  # the panel follows the cursor a frame later
        detail = str(app.screen.query_one("#detail-body").visual)
        assert "▶ now" in detail and "› next" in detail


async def test_add_an_event_and_edit_the_visit(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "3", "a")
        await type_into(pilot, app, "title", "Welcome dinner")
        await type_into(pilot, app, "start", "19:00")
        await type_into(pilot, app, "end", "21:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [dinner] = [e for e in on_disk(sample_file).events.values() if e.title == "Welcome dinner"]
        assert str(dinner.day) == "2026-12-03"
        await pilot.press("v")
        await type_into(pilot, app, "expected_officers", "33")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [visit] = on_disk(sample_file).visits.values()
        assert visit.expected_officers == 33


async def test_edit_and_delete_an_officer_with_undo(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        kahonen = next(o for o in app.store.data.officers.values() if o.name == "Henri Kahonen")
        officers.select_id(kahonen.id)
        await pilot.press("e")
        await type_into(pilot, app, "phone", "+358 9 123")
        await type_into(pilot, app, "arrival", "2026-11-30 14:05 AY87")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = on_disk(sample_file).officers[kahonen.id]
        assert saved.phone == "+358 9 123" and saved.arrival is not None and saved.arrival.flight == "AY87"
        await pilot.press("d")
        assert "Henri Kahonen" in str(app.screen.query_one("#confirm-question").visual)
        await pilot.press("y")
        await pilot.pause()
        assert kahonen.id not in on_disk(sample_file).officers
        conference = next(e for e in on_disk(sample_file).events.values() if e.title == "Liaison conference")
        assert kahonen.id not in conference.speaker_ids  # taken off the speaking order with him
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(sample_file).officers[kahonen.id].phone == "+358 9 123"
        conference = next(e for e in on_disk(sample_file).events.values() if e.title == "Liaison conference")
        assert conference.speaker_ids.index(kahonen.id) == 2  # back in his place
        assert officers.current_id == kahonen.id


async def test_lookup_finds_a_record_just_added(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#cities").focus()
        await pilot.press("slash", *"hel")  # the index exists before the change
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.press("a", *"Busan", "ctrl+s")
        await pilot.pause()
        await pilot.press("tab", "slash", *"busan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("#cities", RecordTable)
        assert app.focused is table
        assert app.store.data.cities[table.current_id].name == "Busan"  # type: ignore[index]
