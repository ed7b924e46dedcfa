"""Pilot tests: what people really type and the guards before a save, checked on disk."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from textual.widgets import Input

from liaison_tui.domain.dataset import Dataset
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from ui_helpers import make_app, screen_text


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
        assert "Wed 02 Dec 2026, 23:00–00:30 (+1)" in screen_text(app.screen.query_one("#detail-body"))
