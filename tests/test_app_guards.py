"""Pilot tests: what people really type and the guards before a save, checked on disk."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from textual.widgets import Input

from liaison_tui.domain.dataset import Dataset
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.dialogs.save_guard import SameCityDialog, SaveGuardDialog
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import detail_followed, make_app, screen_text


def on_disk(path: Path) -> Dataset:
    return Store.open(path, read_only=True).data


async def type_into(pilot: object, app: LiaisonApp, field: str, text: str) -> None:
    widget = app.screen.query_one(f"#field-{field}", Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)  # type: ignore[attr-defined]


async def test_an_event_across_midnight_is_saved_and_shown_with_plus_one(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "2", "a")  # itinerary, Wednesday, new event
        assert isinstance(app.screen, RecordForm)
        await type_into(pilot, app, "title", "Night market")
        await type_into(pilot, app, "start", "11pm")
        await type_into(pilot, app, "end", "00:30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [market] = [e for e in on_disk(sample_file).events.values() if e.title == "Night market"]
        assert (market.day, market.start, market.end) == (date(2026, 12, 2), time(23, 0), time(0, 30))
        table = app.screen.query_one(ItineraryPane).table
        assert table.cells_of(market.id)[1] == "23:00-00:30 (+1)"
        assert "23:00-00:30 (+1)" in screen_text(table)
        await detail_followed(pilot)  # the panel follows the cursor a frame later
        assert "Wed 02 Dec 2026, 23:00–00:30 (+1)" in screen_text(app.screen.query_one("#detail-body"))


async def add_busan_twice(pilot: object, app: LiaisonApp) -> None:
    app.screen.query_one("#cities").focus()
    await pilot.press("a", *"Busan", "tab", "tab", *"South Korea", "ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("a", *" busan ", "tab", "tab", *"Korea", "ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def busans(path: Path) -> list[str]:
    return sorted(f"{c.name}/{c.country}" for c in on_disk(path).cities.values() if "usan" in c.name)


async def test_a_second_busan_is_asked_about_and_esc_keeps_what_was_typed(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_busan_twice(pilot, app)
        assert isinstance(app.screen, SameCityDialog)
        question = str(app.screen.query_one("#guard-question").visual)
        assert "busan" in question and "Busan / South Korea" in question
        await pilot.press("escape")
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-country", Input).value == "Korea"  # nothing typed is lost
        assert busans(sample_file) == ["Busan/South Korea"]


async def test_a_second_busan_saved_anyway(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_busan_twice(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert busans(sample_file) == [" busan /Korea", "Busan/South Korea"]


async def test_a_second_busan_opens_the_existing_one(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_busan_twice(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-country", Input).value == "South Korea"  # the existing one
        await type_into(pilot, app, "since", "2007")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [busan] = [c for c in on_disk(sample_file).cities.values() if "usan" in c.name]
        assert (busan.name, busan.since) == ("Busan", 2007)
        assert app.screen.query_one("#cities", RecordTable).current_id == busan.id


async def test_shortening_the_visit_names_the_events_left_out(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await type_into(pilot, app, "days", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveGuardDialog)
        question = str(app.screen.query_one("#guard-question").visual)
        assert (
            "1 event of the visit falls outside" in question
            and "Fri 04 Dec 09:00-12:00  Liaison conference" in question
        )
        await pilot.press("enter")  # keeps editing
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-days", Input).value == "3"
        [visit] = on_disk(sample_file).visits.values()
        assert visit.days == 4
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("s")  # saves anyway
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    data = on_disk(sample_file)
    [visit] = data.visits.values()
    assert visit.days == 3
    assert any(e.title == "Liaison conference" for e in data.events.values())  # kept, not deleted


async def test_lengthening_the_visit_asks_nothing(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await type_into(pilot, app, "days", "5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    [visit] = on_disk(sample_file).visits.values()
    assert visit.days == 5
