"""The Now board: where the group is, where it goes next and when, who is missing, who speaks.

One key from the main screen; it redraws itself every minute and whenever the
data changes (another colleague's check-ins included), so it can be left open
on a second terminal.
"""

from __future__ import annotations

from rich.console import Group
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from liaison_tui.domain import now
from liaison_tui.i18n import N_, _
from liaison_tui.i18n.formats import day_time
from liaison_tui.reports.now_board import now_board_text
from liaison_tui.ui.host import host_of
from liaison_tui.ui.messages import DataChanged
from liaison_tui.ui.widgets.key_bar import KeyBar

REDRAW_SECONDS = 60


class NowBoardScreen(Screen[str | None]):
    """Dismissed with "roll" when the user asks to call the roll from here."""

    DEFAULT_CSS = """
    NowBoardScreen > #now-board {
        border: round $accent;
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,q,b", "close", N_("Back"), tooltip=N_("Back to the main screen")),
        Binding("r", "roll", N_("Roll call"), tooltip=N_("Call the roll for the group's next move")),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="now-board") as board:
            board.border_title = _("Now")
            yield Static(id="now-body", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.redraw()
        self.set_interval(REDRAW_SECONDS, self.redraw)

    def on_data_changed(self, message: DataChanged) -> None:
        self.redraw()

    def redraw(self) -> None:
        host = host_of(self.app)
        visit = host.session.current_visit()
        body = self.query_one("#now-body", Static)
        if visit is None:
            body.update(_("No visit yet: add one with v on the main screen."))
            return
        board = now.now_board(host.session.data, visit, host.utc_now())
        self.query_one("#now-board", VerticalScroll).border_title = _("Now · {when}").format(when=day_time(board.at))
        body.update(Group(*now_board_text(board, host.session.data)))

    def action_roll(self) -> None:
        self.dismiss("roll")

    def action_close(self) -> None:
        self.dismiss(None)
