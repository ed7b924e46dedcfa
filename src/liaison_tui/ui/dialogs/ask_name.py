"""Asks a colleague's name once, when the app is served to browsers (``LIAISON_TUI_ASK_USER=1``).

Each browser session runs the app as its own process on the shared file, all
under the one login that serves them: the login name would say nothing about
who changed what. The name given is who this session's changes are recorded as.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from liaison_tui.i18n import N_, _
from liaison_tui.ui.widgets.key_bar import KeyBar

ASK_VARIABLE = "LIAISON_TUI_ASK_USER"


class AskNameDialog(ModalScreen[str]):
    """Returns the name typed (never empty); there is no way past it without one."""

    BINDINGS = [Binding("enter", "proceed", N_("Start"), tooltip=N_("Start working under this name"), priority=True)]

    DEFAULT_CSS = """
    AskNameDialog {
        align: center middle;
    }
    AskNameDialog > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    AskNameDialog #ask-name-problem {
        color: $error;
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Your name, please: the history records it with your changes."), markup=False)
            yield Input(placeholder=_("e.g. Li Wei"), id="ask-name-input")
            yield Static("", id="ask-name-problem", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_proceed()

    def action_proceed(self) -> None:
        name = self.query_one(Input).value.strip()
        if not name:
            self.query_one("#ask-name-problem", Static).update(_("Type your name, then Enter"))
            return
        self.dismiss(name)
