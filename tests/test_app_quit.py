"""Quitting never throws away what was typed, nor leaves a save hanging (q, or Ctrl+Q on any screen)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.widgets import Input

from liaison_tui.store import locking
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.confirm import DiscardDialog
from liaison_tui.ui.dialogs.lock_wait import LockWaitDialog
from liaison_tui.ui.dialogs.record_form import RecordForm
from ui_helpers import make_app


def names_on_disk(path: Path) -> set[str]:
    return {o.name for o in Store.open(path, read_only=True).data.officers.values()}


async def test_ctrl_q_in_a_form_with_changes_asks_and_keeping_them_is_the_default(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-name", Input).value = "Taylor Woodruff-Smith"
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, DiscardDialog)  # asked, not gone
        await pilot.press("escape")  # keep editing
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-name", Input).value == "Taylor Woodruff-Smith"
        assert app.is_running
        await pilot.press("ctrl+q", "d")  # now throw them away: the app quits
        await pilot.pause()
        assert not app.is_running
    assert "Taylor Woodruff-Smith" not in names_on_disk(sample_file)


async def test_ctrl_q_in_a_form_without_changes_quits_at_once(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_quitting_while_a_save_waits_for_another_program_is_refused_with_a_reason(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#field-name", Input).value = "Taylor Woodruff-Smith"
        held = locking.acquire(sample_file, locking.LockPolicy(1.0))
        try:
            app.post_message(events.Key("ctrl+s", None))  # pilot.press would wait for the save
            for _ in range(100):
                if isinstance(app.screen, LockWaitDialog):
                    break
                await asyncio.sleep(0.02)
            assert isinstance(app.screen, LockWaitDialog)
            await pilot.press("ctrl+q")
            assert app.is_running and isinstance(app.screen, LockWaitDialog)
            assert any("then quit" in str(n.message) for n in app._notifications)
        finally:
            held.release()
        for _ in range(100):
            if not isinstance(app.screen, LockWaitDialog):
                break
            await asyncio.sleep(0.02)
    assert "Taylor Woodruff-Smith" in names_on_disk(sample_file)  # the save it waited for went through
