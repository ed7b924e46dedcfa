"""Pilot tests of the seating screen: S on an event, p proposes, keys edit, Ctrl+S saves to the file."""

from __future__ import annotations

from pathlib import Path

from liaison_tui.domain import seating
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, EventKind
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.confirm import ConfirmDialog, DiscardDialog
from liaison_tui.ui.dialogs.seating_screen import SeatingScreen, SeatPick, SeatTable
from liaison_tui.ui.widgets.key_bar import KeyBar
from ui_helpers import make_app, screen_text

TANG, DUNCAN = 4, 1


def on_disk(path: Path) -> Dataset:
    return Store.open(path, read_only=True).data


def conference(data: Dataset) -> Event:
    return next(e for e in data.events.values() if e.kind is EventKind.CONFERENCE)


async def test_propose_edit_and_save_a_seating_plan(sample_file: Path) -> None:
    app = make_app(sample_file)  # the conference morning: n puts the cursor on the conference
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "S")
        assert isinstance(app.screen, SeatingScreen)
        await pilot.press("p")  # no plan yet: proposed without asking
        await pilot.pause()
        proposed = seating.propose(on_disk(sample_file), conference(on_disk(sample_file)))
        assert app.screen.plan == proposed
        assert "Tang Lixia" in app.screen.query_one(SeatTable).cells_of(5)  # row 1, seat 6
        keys = screen_text(app.screen.query_one(KeyBar))
        assert "Propose" in keys and "Save" in keys and "Mark/swap" in keys
        assert "esc Close" in keys  # the way out stays on an 80-column bar when others make room
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert conference(on_disk(sample_file)).seating == proposed

        seats = app.screen.query_one(SeatTable)
        host_row = seats.row_ids.index(5)  # row 1, seat 6: the host, at the centre of the front row
        seats.cursor_row = host_row
        await pilot.press("space", "down", "space")  # mark the host, then swap with the guest of honour
        await pilot.pause()
        assert app.screen.plan[0].seats[5] == DUNCAN and app.screen.plan[0].seats[6] == TANG
        await pilot.press("x")  # empty the seat under the cursor (now Tang's)
        assert TANG not in app.screen.plan[0].seats
        await pilot.press("escape")
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("d")
        assert not isinstance(app.screen, SeatingScreen)
        assert conference(on_disk(sample_file)).seating == proposed  # discarded: the file keeps the saved plan


async def test_enter_picks_an_unseated_participant_and_p_asks_before_replacing(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "S", "p")
        await pilot.pause()
        assert isinstance(app.screen, SeatingScreen)
        await pilot.press("home", "x")  # seat 1 of row 1 is empty already; make the host's seat empty instead
        seats = app.screen.query_one(SeatTable)
        seats.cursor_row = seats.row_ids.index(5)
        await pilot.press("x", "home", "enter")
        assert isinstance(app.screen, SeatPick)
        await pilot.press("enter")  # the first offered is the one without a seat: the host
        await pilot.pause()
        assert isinstance(app.screen, SeatingScreen)
        assert app.screen.plan[0].seats[0] == TANG
        await pilot.press("p")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SeatingScreen)
        assert app.screen.plan[0].seats[5] == TANG
        await pilot.press("plus")
        assert len(app.screen.plan) == 2
        await pilot.press("end", "minus")
        assert len(app.screen.plan) == 1
