"""The app's first frame comes before its data: a line naming the file, then the panes once it is read."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from liaison_tui import launcher
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.loading_screen import LoadingScreen
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import CONFERENCE_MORNING, screen_text


async def test_the_loading_line_shows_until_the_file_is_read_then_the_panes(sample_file: Path) -> None:
    release = threading.Event()

    def slow_open() -> Store:
        assert release.wait(10), "the test never let the file open"
        return Store.open(sample_file)

    app = LiaisonApp(slow_open, clock=lambda: CONFERENCE_MORNING, watch_interval=0.2, where=str(sample_file))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert f"Loading {sample_file}…" in screen_text(app.screen.query_one("#loading"))
        await pilot.press("u", "H", "slash", "a", "ctrl+s")  # keys while loading do nothing, and break nothing
        assert isinstance(app.screen, LoadingScreen) and not app.opened
        release.set()
        for _ in range(50):
            await pilot.pause(0.1)
            if isinstance(app.screen, MainScreen) and app.screen.query("#officers"):
                break
        assert isinstance(app.screen, MainScreen) and app.opened
        await pilot.pause()
        assert app.screen.query_one("#officers", RecordTable).row_count == 4
        assert [type(screen) for screen in app.screen_stack[1:]] == [MainScreen]  # the loading line is gone
        await pilot.press("slash")  # and now the app's keys work
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"


async def test_quitting_while_the_file_loads_ends_the_app(sample_file: Path) -> None:
    release = threading.Event()

    def slow_open() -> Store:
        release.wait(10)
        return Store.open(sample_file)

    app = LiaisonApp(slow_open, where=str(sample_file))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
        release.set()
    assert app.open_error is None


def test_a_damaged_file_ends_the_app_with_the_commands_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"meta": {"1": {"schema": 1}}, "officers": {"1": {"name": 5}}}', encoding="utf-8")
    drawn: list[str] = []
    original_run = LiaisonApp.run

    async def look(pilot: object) -> None:
        app = pilot.app  # type: ignore[attr-defined]
        drawn.append(type(app.screen).__name__)

    monkeypatch.setattr(
        LiaisonApp, "run", lambda self: original_run(self, headless=True, size=(80, 24), auto_pilot=look)
    )
    assert launcher.main(["--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "name: expected text, found int" in err and "Traceback" not in err
    assert drawn == ["LoadingScreen"]  # the app did start: its first frame does not wait for the file


async def test_the_loading_line_says_when_it_waits_for_another_programs_save(sample_file: Path) -> None:
    """Another program holds the lock: the line says why nothing shows yet, and the panes come once it lets go."""
    import fcntl
    import os

    from liaison_tui.store.locking import lock_path

    lock = os.open(lock_path(sample_file), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX)  # as another program saving would (flock: per open file, so it holds here)
    try:
        opened = lambda: Store.open(sample_file)  # noqa: E731
        app = LiaisonApp(opened, clock=lambda: CONFERENCE_MORNING, watch_interval=0.2, where=str(sample_file))
        async with app.run_test(size=(100, 30)) as pilot:
            said = ""
            for _ in range(40):
                await pilot.pause(0.1)
                said = str(app.screen.query_one("#loading", Static).visual)
                if "another program" in said:
                    break
            assert said == f"Loading {sample_file}…\nWaiting while another program saves it (up to 5 s)"
            assert isinstance(app.screen, LoadingScreen) and not app.opened
            fcntl.flock(lock, fcntl.LOCK_UN)
            for _ in range(50):
                await pilot.pause(0.1)
                if isinstance(app.screen, MainScreen) and app.screen.query("#officers"):
                    break
            assert isinstance(app.screen, MainScreen) and app.opened
    finally:
        os.close(lock)
