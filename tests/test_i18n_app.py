"""The app in Chinese: key hints, pane titles and tables translated, columns aligned, data as typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import City, Officer, Role
from liaison_tui.i18n import set_language
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.widgets.key_bar import KeyBar
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import CONFERENCE_MORNING, make_app, screen_text

SnapCompare = Callable[..., bool]


def _opened_through_the_cli(argv: list[str]) -> LiaisonApp:
    """The app as ``liaison-tui ARGV`` opens it: the language is chosen before the app is built."""
    opened: list[Store] = []
    assert main(argv, open_app=lambda open_store, path: opened.append(open_store())) == 0
    return LiaisonApp(opened[0], clock=lambda: CONFERENCE_MORNING, watch_interval=0.2)


async def _hints_and_titles(app: LiaisonApp) -> tuple[str, str, str]:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        officers = app.screen.query_one("#officers", RecordTable)
        itinerary = app.screen.query_one("#itinerary")
        return screen_text(app.screen.query_one(KeyBar)), str(officers.border_title), str(itinerary.border_title)


async def test_lang_option_switches_key_hints_and_pane_titles(sample_file: Path) -> None:
    hints, officers, itinerary = await _hints_and_titles(
        _opened_through_the_cli(["--lang", "zh", "--db", str(sample_file)])
    )
    assert "新增" in hints and "汇总" in hints and "查找" in hints and "帮助" in hints
    assert "Add" not in hints and "Lookup" not in hints
    assert officers == "联络官 · 全部（4）"
    assert itinerary == "日程 · 第 4/4 天 · 12月4日 周五"


async def test_environment_variable_chooses_chinese_and_english(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIAISON_TUI_LANG", "zh")
    hints, officers, _itinerary = await _hints_and_titles(_opened_through_the_cli(["--db", str(sample_file)]))
    assert "新增" in hints and officers.startswith("联络官")
    monkeypatch.setenv("LIAISON_TUI_LANG", "en")
    hints, officers, itinerary = await _hints_and_titles(_opened_through_the_cli(["--db", str(sample_file)]))
    assert "Add" in hints and "Lookup" in hints and officers == "Officers · all (4)"
    assert itinerary == "Itinerary · Day 4 of 4 · Fri 04 Dec"


def _with_chinese_names(path: Path) -> None:
    store = Store.open(path)
    [shenzhen] = store.commit([added(City(name="深圳", country="中国"))]).edits
    assert shenzhen.after is not None
    store.commit(
        [
            added(Officer(name="王小明", city_id=shenzhen.after.id, title="联络官", role=Role.LEADER)),
            added(Officer(name="欧阳娜娜", city_id=shenzhen.after.id, title="翻译", role=Role.INTERPRETER)),
            added(Officer(name="努尔艾合买提·吐尔逊", city_id=shenzhen.after.id, title="联络官", role=Role.MEMBER)),
        ]
    )


def _cells(line: str) -> list[str]:
    out: list[str] = []
    for char in line:
        out += [char] + [""] * (cell_len(char) - 1)
    return out


async def test_columns_line_up_with_chinese_headings_and_names(sample_file: Path) -> None:
    """Double-width names and headings: every row is as wide as the border, the city column starts at one cell."""
    _with_chinese_names(sample_file)
    set_language("zh")
    app = make_app(sample_file)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        lines = screen_text(app.screen.query_one("#officers", RecordTable)).splitlines()
    assert {cell_len(line) for line in lines} == {cell_len(lines[0])}
    # The longest name is 19 cells wide, though 10 characters long: shown whole, not cut at 10 or 15.
    assert any("│ 努尔艾合买提·吐尔逊  深圳" in line for line in lines), lines
    cities = {"城市": "heading", "深圳": "王小明 欧阳娜娜", "Helsinki": "Henri Kahonen", "接待方": "Tang Lixia"}
    starts = {word: _cell_of(line, word) for line in lines[1:-1] for word in cities if word in line}
    assert set(starts) == set(cities) and len(set(starts.values())) == 1, starts
    assert any(line.startswith("│ 王小明 ") for line in lines) and any("│ 欧阳娜娜 " in line for line in lines)


def _cell_of(line: str, word: str) -> int:
    """The terminal cell at which ``word`` starts in ``line`` (a Chinese character fills two)."""
    return cell_len(line[: line.index(word)])


def test_main_screen_in_chinese_80x24(snap_compare: SnapCompare, sample_file: Path) -> None:
    _with_chinese_names(sample_file)
    set_language("zh")

    async def steady(pilot: Pilot[Any]) -> None:
        await pilot.pause()

    assert snap_compare(make_app(sample_file), terminal_size=(80, 24), run_before=steady)
