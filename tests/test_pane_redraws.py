"""Panes keep their rows as drawn: a focus change draws none again, a change of the data draws it anew."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from liaison_tui.domain.edits import changed
from liaison_tui.store.store import Store
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import detail_followed, make_app, screen_text


async def test_tabbing_around_the_panes_draws_no_row_again(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(4):  # once round: every row drawn focused and not
            await pilot.press("tab")
            await detail_followed(pilot)
        drawn: list[int] = []
        line = RecordTable._line
        monkeypatch.setattr(
            RecordTable, "_line", lambda table, cells, style: drawn.append(1) or line(table, cells, style)
        )
        for _ in range(8):
            await pilot.press("tab")
            await detail_followed(pilot)
        assert drawn == []


async def test_a_colleagues_change_is_drawn_in_the_pane(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(120, 36)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        await pilot.pause()
        assert "Henri Kahonen" in screen_text(officers)
        colleague = Store.open(sample_file)
        henri = next(o for o in colleague.data.officers.values() if o.name == "Henri Kahonen")
        colleague.commit([changed(henri, dataclasses.replace(henri, name="Henrik Kahonen"))])
        for _ in range(50):
            await pilot.pause(0.1)
            if "Henrik Kahonen" in screen_text(officers):
                break
        assert "Henrik Kahonen" in screen_text(officers) and "Henri Kahonen " not in screen_text(officers)
