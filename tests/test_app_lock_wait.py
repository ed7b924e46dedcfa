"""A lock held by another program never freezes the app: the save waits in a thread, visibly, and can be called off."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from textual import events
from textual.widgets import Input

from liaison_tui.domain import attendance
from liaison_tui.domain.model import Attendance
from liaison_tui.store import locking
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.lock_wait import LockWaitDialog
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.dialogs.roll_call import RollCallScreen
from liaison_tui.ui.main_screen import MainScreen
from ui_helpers import make_app

TUESDAY_MORNING = datetime(2026, 12, 1, 0, 30, tzinfo=UTC)  # 08:30 in Shenzhen, before the school visit


def title_on_disk(path: Path, name: str) -> str:
    data = Store.open(path, read_only=True).data
    return next(o.title for o in data.officers.values() if o.name == name)


async def open_edit_and_type(pilot: object, app: object, title: str) -> None:
    await pilot.press("e")  # type: ignore[attr-defined]  # the first officer: Taylor Woodruff
    assert isinstance(app.screen, RecordForm)  # type: ignore[attr-defined]
    field = app.screen.query_one("#field-title", Input)  # type: ignore[attr-defined]
    field.value = title


def press_without_waiting(app: object, key: str) -> None:
    """Send a key and go on: ``pilot.press`` would wait until the save it starts is over."""
    event = events.Key(key, None)
    event.set_sender(app)  # type: ignore[arg-type]
    app.post_message(event)  # type: ignore[attr-defined]


@contextlib.contextmanager
def another_program_saving(path: Path) -> Iterator[locking.HeldLock]:
    """Another program holds the data file's lock; it lets go at the latest on leaving.

    Used inside ``app.run_test()``: a failed assertion then lets go of the lock before the
    app shuts down, instead of leaving the app's save waiting for it and the test hung.
    """
    held = locking.acquire(path, locking.LockPolicy(1.0))
    try:
        yield held
    finally:
        held.release()


async def wait_for(condition: object, seconds: float = 15.0) -> bool:  # generous: a loaded CI machine
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        await asyncio.sleep(0.02)
    return False


async def test_a_held_lock_shows_a_wait_keeps_the_keys_alive_and_esc_calls_the_save_off(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        with another_program_saving(sample_file):  # for a long time
            await open_edit_and_type(pilot, app, "Protocol chief")
            started = time.monotonic()
            press_without_waiting(app, "ctrl+s")
            assert await wait_for(lambda: isinstance(app.screen, LockWaitDialog))
            assert time.monotonic() - started < 1.0  # shown at once, not after the 5 s lock timeout
            ticks: list[float] = []
            app.set_interval(0.05, lambda: ticks.append(time.monotonic()))
            await asyncio.sleep(1.0)
            assert len(ticks) >= 5  # the event loop runs while the save waits (20 ticks when idle)
            press_without_waiting(app, "escape")
            assert await wait_for(lambda: isinstance(app.screen, RecordForm))
            assert app.screen.query_one("#field-title", Input).value == "Protocol chief"  # the form kept it
            said = lambda: any("cancelled while waiting" in str(n.message) for n in app._notifications)  # noqa: E731
            assert await wait_for(said)
    assert title_on_disk(sample_file, "Taylor Woodruff") != "Protocol chief"


async def test_the_save_goes_through_when_the_other_program_lets_go(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        with another_program_saving(sample_file) as held:
            await open_edit_and_type(pilot, app, "Protocol chief")
            press_without_waiting(app, "ctrl+s")
            assert await wait_for(lambda: isinstance(app.screen, LockWaitDialog))
            threading.Timer(0.3, held.release).start()
            assert await wait_for(lambda: isinstance(app.screen, MainScreen))
    assert title_on_disk(sample_file, "Taylor Woodruff") == "Protocol chief"


async def test_a_free_lock_saves_at_once_without_a_dialog(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_edit_and_type(pilot, app, "Protocol chief")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert title_on_disk(sample_file, "Taylor Woodruff") == "Protocol chief"


async def test_a_roll_call_mark_waits_visibly_and_lands_when_the_lock_is_free(sample_file: Path) -> None:
    app = make_app(sample_file, TUESDAY_MORNING)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")  # the school visit's roll
        await pilot.press(*"kaho")
        with another_program_saving(sample_file) as held:
            press_without_waiting(app, "enter")
            assert await wait_for(lambda: isinstance(app.screen, LockWaitDialog))
            threading.Timer(0.3, held.release).start()
            assert await wait_for(lambda: isinstance(app.screen, RollCallScreen))
            await pilot.pause()
    data = Store.open(sample_file, read_only=True).data
    event = next(e for e in data.events.values() if e.title == "Visit to a local school")
    marks = {entry.officer.name: entry.status for entry in attendance.roll(data, event).entries}
    assert marks["Henri Kahonen"] is Attendance.PRESENT


async def test_after_esc_the_next_busy_save_waits_again(sample_file: Path) -> None:
    """A wait called off once must not refuse the saves after it."""
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        with another_program_saving(sample_file) as held:
            await open_edit_and_type(pilot, app, "Protocol chief")
            press_without_waiting(app, "ctrl+s")
            assert await wait_for(lambda: isinstance(app.screen, LockWaitDialog))
            press_without_waiting(app, "escape")
            assert await wait_for(lambda: isinstance(app.screen, RecordForm))
            press_without_waiting(app, "ctrl+s")  # the other program still saving
            assert await wait_for(lambda: isinstance(app.screen, LockWaitDialog))
            threading.Timer(0.2, held.release).start()
            assert await wait_for(lambda: isinstance(app.screen, MainScreen))
    assert title_on_disk(sample_file, "Taylor Woodruff") == "Protocol chief"


async def test_the_app_waits_past_the_usual_lock_timeout(sample_file: Path) -> None:
    """The usual timeout is for scripts; in the app the user decides when to stop waiting."""
    app = make_app(sample_file)
    app.store.lock_policy.timeout = 0.3  # the usual 5 s, shortened for the test
    async with app.run_test(size=(80, 24)) as pilot:
        with another_program_saving(sample_file) as held:
            await open_edit_and_type(pilot, app, "Protocol chief")
            press_without_waiting(app, "ctrl+s")
            assert await wait_for(lambda: isinstance(app.screen, LockWaitDialog))
            await asyncio.sleep(1.0)  # over three times the timeout
            assert isinstance(app.screen, LockWaitDialog)
            held.release()
            assert await wait_for(lambda: isinstance(app.screen, MainScreen))
    assert title_on_disk(sample_file, "Taylor Woodruff") == "Protocol chief"
