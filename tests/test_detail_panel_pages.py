"""The detail panel follows the cursor without laying the screen out again, and shows every line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from liaison_tui.domain.demo import generate
from liaison_tui.store.store import Store
from liaison_tui.ui.widgets.detail_panel import DetailPanel, DetailText
from ui_helpers import detail_followed, make_app


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.json"
    Store.open(path).commit(generate(cities=4, officers=40, days=2, past_visits=0))
    return path


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_every_line_of_each_detail_can_be_scrolled_to(demo_file: Path, size: tuple[int, int]) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=size) as pilot:
        panel = app.screen.query_one(DetailPanel)
        for _ in range(12):
            await pilot.press("down")
            await detail_followed(pilot)
            _, body = app.screen.detail_text()  # type: ignore[attr-defined]
            last = body.plain.rstrip().splitlines()[-1].strip()
            panel.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            drawn = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
            assert last[:20] in drawn, last
            page = panel.scrollable_content_region.height
            assert app.screen.query_one(DetailText).content_size.height % page == 0
            panel.scroll_home(animate=False, immediate=True)
            await pilot.pause()


async def test_moving_between_officers_repaints_the_panel_not_the_screen_layout(demo_file: Path) -> None:
    """A layout pass repaints every pane; officers' details a line apart must not need one."""
    app = make_app(demo_file)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("down")
        await detail_followed(pilot)
        screen: Any = app.screen
        passes: list[int] = []
        original = screen._refresh_layout

        def counted(*args: Any, **kwargs: Any) -> None:
            passes.append(1)
            original(*args, **kwargs)

        screen._refresh_layout = counted
        heights = set()
        for _ in range(10):
            await pilot.press("down")
            await detail_followed(pilot)
            heights.add(len(screen.detail_text()[1].plain.splitlines()))
        assert len(heights) > 1  # the details differ in length ...
        assert len(passes) <= 1  # ... and the screen was not laid out again for each
