"""Shown while a save waits for another program that holds the data file's lock.

The save waits in a thread, so keys and the clock go on; Esc calls the save
off, and whatever form it came from stays open with what was typed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import visible
from liaison_tui.ui.widgets.key_bar import KeyBar


class LockWaitDialog(ModalScreen[None]):
    DEFAULT_CSS = """
    LockWaitDialog {
        align: center middle;
    }
    LockWaitDialog > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel the save"), tooltip=N_("Stop waiting; nothing is saved"))]

    def __init__(self, where: str, cancel: Callable[[], None]) -> None:
        super().__init__()
        self.where = where
        self.cancel = cancel
        self.started = time.monotonic()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="lock-wait-text", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(0.5, self.tick)

    def tick(self) -> None:
        waited = time.monotonic() - self.started
        self.query_one("#lock-wait-text", Static).update(
            _("Waiting for {file}: another program is saving it ({seconds} s).").format(
                file=visible(self.where), seconds=f"{waited:.0f}"
            )
            + "\n\n"
            + _("Esc stops waiting and saves nothing (a form you were filling in keeps what you typed).")
        )

    def action_cancel(self) -> None:
        self.cancel()
        self.dismiss(None)
