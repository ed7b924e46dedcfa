"""Pilot tests: the gift register ($) and an event's interpreters, through the forms, checked on disk."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, Select, Static

from liaison_tui.domain.model import GiftDirection, InterpreterAssignment
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.gifts_screen import GiftsScreen
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.detail_panel import DetailPanel
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import make_app, screen_text


async def _type(pilot: object, app: object, field: str, text: str) -> None:
    widget = app.screen.query_one(f"#field-{field}", Input)  # type: ignore[attr-defined]
    widget.focus()
    widget.value = ""
    await pilot.press(*text)  # type: ignore[attr-defined]


def _error(app: object, field: str) -> str:
    return str(app.screen.query_one(f"#error-{field}", Static).visual)  # type: ignore[attr-defined]


def _register(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    detail = str(screen.query_one(DetailPanel).query_one("#detail-body", Static).visual)
    return screen_text(screen.query_one(RecordTable)) + detail


async def test_add_edit_and_delete_a_gift_by_keys(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("dollar_sign")
        await pilot.pause()
        assert isinstance(app.screen, GiftsScreen)
        assert "No gifts yet" in _register(app)
        await pilot.press("a")
        assert isinstance(app.screen, RecordForm)
        await _type(pilot, app, "description", "Greenstone <b>[pendant]</b>")
        app.screen.query_one("#field-city_id", Select).focus()
        await pilot.press("enter", *"chr", "enter")  # open the list, type to search, choose
        await _type(pilot, app, "officer_id", "Duncan Sandeman")
        await _type(pilot, app, "amount", "1,200.50")
        await _type(pilot, app, "currency", "nzd")
        await _type(pilot, app, "custody", "Display case")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GiftsScreen)
        [gift] = Store.open(sample_file, read_only=True).data.gifts.values()
        assert gift.description == "Greenstone <b>[pendant]</b>" and gift.amount == Decimal("1200.50")
        assert (gift.currency, gift.city_id, gift.officer_id, gift.direction) == ("NZD", 1, 1, GiftDirection.RECEIVED)
        shown = _register(app)
        assert "Greenstone <b>[pendant]</b>" in shown and "1200.50 NZD" in shown  # user text shown as typed
        assert app.screen.query_one(RecordTable).current_id == gift.id
        await pilot.press("e")
        await _type(pilot, app, "amount", "about 1200")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)  # refused, with the reason; nothing typed is lost
        assert "type a number such as 1200.50" in _error(app, "amount")
        await _type(pilot, app, "amount", "1300")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Store.open(sample_file, read_only=True).data.gifts[gift.id].amount == Decimal(1300)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert Store.open(sample_file, read_only=True).data.gifts == {}
        await pilot.press("u")
        await pilot.pause()
        assert gift.id in Store.open(sample_file, read_only=True).data.gifts
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_interpreters_are_typed_in_the_event_form(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")  # the conference, under way
        await pilot.pause()
        conference_id = app.screen.query_one(ItineraryPane).table.current_id
        assert conference_id is not None
        await pilot.press("e")
        await _type(pilot, app, "interpreters", "zh-en: Nobody; xx9-en: Tang Lixia")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert "unknown language 'xx9'" in _error(app, "interpreters")
        await _type(pilot, app, "interpreters", "Chinese-English: Tang Lixia; zh-fi: Agency interpreter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        saved = Store.open(sample_file, read_only=True).data.events[conference_id].interpreters
        assert saved == (
            InterpreterAssignment(languages=("zh", "en"), interpreter_id=4),
            InterpreterAssignment(languages=("zh", "fi"), interpreter="Agency interpreter"),
        )
