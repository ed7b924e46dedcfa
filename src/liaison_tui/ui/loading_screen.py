"""What the app shows while it opens its data file: one line naming the file, never a blank screen."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from liaison_tui.i18n import _
from liaison_tui.reports.display import visible
from liaison_tui.store import locking
from liaison_tui.store.paths import real_path
from liaison_tui.store.storage import LOCK_TIMEOUT

LOCK_LOOK = 0.5  # seconds between looks at the lock while loading


class LoadingScreen(Screen[None]):
    """Replaced by the main screen once the file is read and checked (in a thread: keys keep working)."""

    DEFAULT_CSS = """
    LoadingScreen > #loading {
        padding: 1 2;
        color: $text-muted;
    }
    """

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where
        self._busy_looks = 0  # the lock seen held at this many looks in a row

    def compose(self) -> ComposeResult:
        yield Static(_("Loading {file}…").format(file=visible(self.where)), id="loading", markup=False)

    def on_mount(self) -> None:
        if self.where:
            self.set_interval(LOCK_LOOK, self._look_at_lock)

    def _look_at_lock(self) -> None:
        """Say so when opening waits for another program's save (a look that never waits)."""
        busy = locking.held_elsewhere(real_path(Path(self.where)))
        self._busy_looks = self._busy_looks + 1 if busy else 0
        if self._busy_looks == 2:  # twice in a row: not this app's own moment of holding it
            loading = _("Loading {file}…").format(file=visible(self.where))
            waiting = _("Waiting while another program saves it (up to {seconds} s)").format(
                seconds=f"{LOCK_TIMEOUT:g}"
            )
            self.query_one("#loading", Static).update(f"{loading}\n{waiting}")
