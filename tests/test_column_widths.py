"""Columns fit the pane: a long name is cut with an ellipsis, and the columns after it stay in view."""

from __future__ import annotations

from pathlib import Path

from liaison_tui.domain.edits import added
from liaison_tui.domain.model import Officer
from liaison_tui.store.store import Store
from liaison_tui.ui.widgets.record_table import fit_widths
from ui_helpers import make_app, screen_text


async def test_a_200_character_name_leaves_the_city_in_view_at_80x24(sample_file: Path) -> None:
    store = Store.open(sample_file)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit([added(Officer(name="Alexandra " + "x" * 190, city_id=atlanta.id))])
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_text(app.screen.query_one("#officers")).splitlines()
        assert "City" in lines[1]
        [long_row] = [line for line in lines if "Alexandra" in line]
        assert "…" in long_row and "Atlanta" in long_row
        assert any("Christch" in line for line in lines)  # every row keeps its city


def test_only_the_columns_before_the_last_that_must_show_give_way() -> None:
    assert fit_widths([15, 12, 30, 11], 28, 2) == [15, 12, 30, 11]  # the usual names: as measured
    assert fit_widths([28, 12, 30, 11], 28, 2) == [18, 12, 30, 11]  # the city keeps 8 cells in view
    assert fit_widths([2, 16, 32, 28, 6], 30, 3) == [2, 16, 32, 28, 6]  # time and title in view
    assert fit_widths([2, 28, 32], 20, 3) == [2, 8, 32]  # no narrower than 8: the rest is cut at the edge
