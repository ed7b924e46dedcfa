"""Pilot tests: moving around the app by keyboard, and quick lookup."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandPalette
from textual.widgets import Static

from liaison_tui.ui.app import help_sections
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.detail_panel import DetailPanel
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import burst, make_app, screen_text


def officer_id(app: object, name: str) -> int:
    data = app.store.data  # type: ignore[attr-defined]
    return next(o.id for o in data.officers.values() if o.name == name)


async def test_tab_moves_between_panes(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.focused is not None and app.focused.id == "officers"
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert seen == ["events", "detail", "cities", "officers"]
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "cities"


async def test_arrows_and_jk_move_within_a_pane_and_detail_follows(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("#officers", RecordTable)
        first = table.current_id
        await pilot.press("j")
        second = table.current_id
        assert second != first
        await pilot.press("k")
        assert table.current_id == first
        await pilot.press("down")
        assert table.current_id == second
        name = app.store.data.officers[second].name
        assert name in str(app.screen.query_one("#detail-body").visual)


BEFORE_THE_VISIT = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


async def test_during_the_visit_the_itinerary_opens_on_today(sample_file: Path) -> None:
    app = make_app(sample_file)  # Friday morning: Day 4, the conference
    async with app.run_test(size=(80, 24)):
        assert app.screen.query_one(ItineraryPane).day_index == 3
        assert app.screen.query_one("#officers", RecordTable).has_focus  # the focus stays where it was
    app = make_app(sample_file, BEFORE_THE_VISIT)
    async with app.run_test(size=(80, 24)):
        assert app.screen.query_one(ItineraryPane).day_index == 0


async def test_days_change_with_keys(sample_file: Path) -> None:
    app = make_app(sample_file, BEFORE_THE_VISIT)
    async with app.run_test(size=(80, 24)) as pilot:
        itinerary = app.screen.query_one(ItineraryPane)
        await pilot.press("tab")  # officers -> itinerary
        assert itinerary.day_index == 0
        await pilot.press("right")
        assert itinerary.day_index == 1
        await pilot.press("l", "l")
        assert itinerary.day_index == 3
        await pilot.press("l")  # stays on the last day
        assert itinerary.day_index == 3
        await pilot.press("h")
        assert itinerary.day_index == 2
        await pilot.press("1")
        assert itinerary.day_index == 0
        await pilot.press("4")
        assert itinerary.day_index == 3
        events = [app.store.data.events[i].title for i in _row_ids(itinerary.table)]
        assert events == ["Liaison conference"]


def _row_ids(table: RecordTable) -> list[int]:
    return table.row_ids


async def test_n_jumps_to_the_event_under_way(sample_file: Path) -> None:
    app = make_app(sample_file)  # Friday 09:30 in Shenzhen
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        table = app.screen.query_one(ItineraryPane).table
        assert app.focused is table
        assert app.store.data.events[table.current_id].title == "Liaison conference"  # type: ignore[index]
        detail = str(app.screen.query_one("#detail-body").visual)
        assert "Speaking order" in detail and "Duncan Sandeman" in detail
        await pilot.press("t")
        assert app.screen.query_one(ItineraryPane).day_index == 3


async def test_n_before_the_visit_goes_to_the_first_event_and_t_explains(sample_file: Path) -> None:
    app = make_app(sample_file, datetime(2026, 11, 29, 4, 0, tzinfo=UTC))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        table = app.screen.query_one(ItineraryPane).table
        assert app.store.data.events[table.current_id].title == "Visit to a local school"  # type: ignore[index]
        await pilot.press("t")
        await pilot.pause()
        assert any("not a day of this visit" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("start", ["cities", "officers", "events", "detail"])
async def test_lookup_from_any_pane_lands_on_kahonen(sample_file: Path, start: str) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(f"#{start}").focus()
        await pilot.press("slash", *"kahonen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        table = app.screen.query_one("#officers", RecordTable)
        assert app.focused is table
        assert table.current_id == officer_id(app, "Henri Kahonen")
        assert "Helsinki, Finland" in str(app.screen.query_one("#detail-body").visual)


@pytest.mark.parametrize(
    ("query", "pane", "expected"),
    [("helsinki", "cities", "Helsinki"), ("library", "events", "Visit to a library")],
)
async def test_lookup_finds_cities_and_events(sample_file: Path, query: str, pane: str, expected: str) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *query)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one(f"#{pane}", RecordTable)
        assert app.focused is table
        assert expected in str(app.screen.query_one("#detail-body").visual)


async def test_enter_opens_detail_and_help_lists_keys(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("enter")  # the officers pane has the cursor on the first officer
        assert type(app.screen).__name__ == "DetailScreen"
        shown = screen_text(app.screen.query_one("#detail-screen Static", Static))
        assert "Taylor Woodruff" in shown and "Atlanta" in shown
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        help_text = " ".join(screen_text(app.screen.query_one("#help Static", Static)).split())
        for section, bindings in help_sections():
            assert section in help_text
            for binding in bindings:
                assert (binding.tooltip or binding.description) in help_text, binding
        for keys in ("/ or ^p", "a", "u", "1 … 9", "← or h / → or l", "> / <", "esc", "^s"):
            assert keys in help_text, keys
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_filter_shows_one_citys_officers(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#cities").focus()
        await pilot.pause()
        await pilot.press("f")
        officers = app.screen.query_one("#officers", RecordTable)
        assert officers.row_count == 1  # Atlanta, first in the list, has one officer
        await pilot.press("f")
        assert officers.row_count == 4


async def test_q_quits(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_summaries_screen_shows_the_tables(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummariesScreen"
        shown = " ".join(str(s.visual) for s in app.screen.query("Static"))
        assert "Delegation" in shown
        await pilot.press("l", "l")
        from textual.widgets import TabbedContent

        assert app.screen.query_one(TabbedContent).active == "summary-itinerary"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_mouse_clicks_choose_rows_days_and_panes(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(120, 40)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        first = officers.current_id
        await pilot.click("#officers", offset=(3, 3))  # header on line 0, rows from line 1
        await pilot.pause()
        assert officers.current_id != first
        assert officers.current_id == officers.row_ids[1]
        itinerary = app.screen.query_one(ItineraryPane)
        strip = itinerary.query_one("#days")
        start, _ = strip._spans[2]  # type: ignore[attr-defined]
        await pilot.click("#days", offset=(start + 1, 0))
        await pilot.pause()
        assert itinerary.day_index == 2
        await pilot.click("#top-left-tabs", offset=(20, 0))  # "Follow-ups"
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "followups"


async def test_after_a_burst_of_keys_the_detail_shows_the_last_pane_left(sample_file: Path) -> None:
    """Down, Down, Down, Tab, Tab typed faster than the screen draws: the officers' cursor moves,
    the itinerary takes the focus and then the detail panel; the panel shows the itinerary's event,
    as when the keys are typed slowly (it showed the officer: the itinerary's focus arrived after
    the focus had moved on)."""
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "down", "down", "down", "tab", "tab")
        await pilot.pause()
        await pilot.pause()
        panel = app.screen.query_one(DetailPanel)
        assert app.focused is panel
        assert panel.border_title == "Event" and "Liaison conference" in screen_text(panel.query_one("#detail-body"))


async def test_a_name_typed_right_after_slash_lands_in_the_lookup(sample_file: Path) -> None:
    """ "/kahnen" in one read, as over SSH: the lookup opens and gets every letter (the "a" opened
    the add form and the rest went into it when "/" waited its turn behind them)."""
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "/", *"kahnen")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).value == "kahnen"
