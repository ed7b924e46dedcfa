"""Pilot tests at 80x24: P shows and edits the order of precedence; Ctrl+O in the people picker."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Input

from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import Officer, PrecedenceRule, Role
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.confirm import DiscardDialog
from liaison_tui.ui.dialogs.people_picker import PeoplePicker
from liaison_tui.ui.dialogs.precedence_screen import PrecedenceScreen
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.record_table import RecordTable
from test_app_pickers import new_event_on_people, picked_names, with_a_second_helsinki_officer
from ui_helpers import make_app, screen_text


def on_disk(path: Path) -> Store:
    return Store.open(path, read_only=True)


def shown_order(screen: PrecedenceScreen) -> list[str]:
    return [screen.data.officers[i].name for i in screen.order]


async def test_p_shows_the_order_moves_switch_to_a_fixed_list_and_ctrl_s_saves(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("P")
        screen = app.screen
        assert isinstance(screen, PrecedenceScreen)
        assert shown_order(screen) == ["Duncan Sandeman", "Taylor Woodruff", "Henri Kahonen", "Tang Lixia"]
        text = screen_text(screen.query_one("#precedence-title"))
        assert "leaders, then cities A-Z" in text
        assert "Duncan Sandeman" in screen_text(screen.query_one(RecordTable))
        await pilot.press("down", "down", "ctrl+up")  # Kahonen before Woodruff
        assert shown_order(screen)[1:3] == ["Henri Kahonen", "Taylor Woodruff"]
        assert "fixed list" in screen_text(screen.query_one("#precedence-title"))
        assert "fixed list" in screen_text(screen.query_one("#precedence-said"))
        await pilot.press("end", "plus")  # Tang Lixia up one, with the + the people picker uses
        assert shown_order(screen)[2:] == ["Tang Lixia", "Taylor Woodruff"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    store = on_disk(sample_file)
    visit = store.current_visit()
    assert visit is not None and visit.precedence is PrecedenceRule.FIXED_LIST
    names = [store.data.officers[i].name for i in visit.precedence_ids]
    assert names == ["Duncan Sandeman", "Henri Kahonen", "Tang Lixia", "Taylor Woodruff"]


async def test_escape_on_a_changed_order_asks_and_nothing_is_saved_when_discarded(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("P", "escape")  # unchanged: closes at once
        assert isinstance(app.screen, MainScreen)
        await pilot.press("P", "down", "ctrl+up", "escape")
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("enter")  # keeps editing, the order as moved
        screen = app.screen
        assert isinstance(screen, PrecedenceScreen)
        assert shown_order(screen)[0] == "Taylor Woodruff"
        await pilot.press("escape", "d")
        assert isinstance(app.screen, MainScreen)
    visit = on_disk(sample_file).current_visit()
    assert visit is not None and visit.precedence is PrecedenceRule.LEADERS_THEN_CITIES and visit.precedence_ids == ()


async def test_a_refused_save_keeps_the_order_on_screen(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("P", "down", "ctrl+up")
        screen = app.screen
        assert isinstance(screen, PrecedenceScreen)
        other = Store.open(sample_file)  # another window edits the visit meanwhile
        visit = other.current_visit()
        assert visit is not None
        other.commit([changed(visit, replace(visit, notes="Changed elsewhere"))])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and shown_order(screen)[0] == "Taylor Woodruff"
        assert "another window" in screen_text(screen.query_one("#precedence-said"))
        await pilot.press("ctrl+s")  # again: this order on the newer version
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    saved = on_disk(sample_file).current_visit()
    assert saved is not None and saved.notes == "Changed elsewhere"
    assert saved.precedence is PrecedenceRule.FIXED_LIST


async def test_ctrl_o_proposes_one_speaker_per_city_then_orders_a_list_by_precedence(sample_file: Path) -> None:
    with_a_second_helsinki_officer(sample_file)
    store = Store.open(sample_file)
    atlanta = next(c.id for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit([added(Officer(name="Aaron Able", city_id=atlanta, role=Role.INTERPRETER))])
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_event_on_people(app, pilot)
        await pilot.press("enter", "ctrl+o")  # an empty list: a proposal
        assert isinstance(app.screen, PeoplePicker)
        # Leaders first (Christchurch), then the cities A-Z; Helsinki's first by name; no interpreter.
        assert picked_names(app) == ["Duncan Sandeman", "Taylor Woodruff", "Aino Virtanen"]
        await pilot.press("tab", "home", "d", "d")  # a list of one Helsinki speaker
        await pilot.press("tab", *"kaho", "enter", *"tang", "enter", *"sand", "enter")
        assert picked_names(app) == ["Aino Virtanen", "Henri Kahonen", "Tang Lixia", "Duncan Sandeman"]
        await pilot.press("ctrl+o")  # the list kept, in order of precedence
        assert picked_names(app) == ["Duncan Sandeman", "Aino Virtanen", "Henri Kahonen", "Tang Lixia"]
        await pilot.press("ctrl+s")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.query_one("#field-speaker_ids", Input).value.startswith("Duncan Sandeman, Aino Virtanen")
