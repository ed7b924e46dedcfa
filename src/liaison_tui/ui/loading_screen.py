"""What the app shows while it opens its data file: one line naming the file, never a blank screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from liaison_tui.i18n import _
from liaison_tui.reports.display import visible


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

    def compose(self) -> ComposeResult:
        yield Static(_("Loading {file}…").format(file=visible(self.where)), id="loading", markup=False)
