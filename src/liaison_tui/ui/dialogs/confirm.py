"""A yes/no question before something is removed or thrown away."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from liaison_tui.i18n import N_, _
from liaison_tui.ui.widgets.key_bar import KeyBar


class ConfirmDialog(ModalScreen[bool]):
    """Returns True only when the user confirms; Escape or n says no."""

    # Keep has the focus from the first frame, rather than Delete (the first button) until a
    # focus request sent through the app's queue on mount comes round.
    AUTO_FOCUS = "#no"
    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes")),
        Binding("n,escape", "answer(False)", N_("No")),
    ]

    def __init__(
        self, question: Text, confirm_label: str = "", *, confirm_key: str = "y", keep_label: str = ""
    ) -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label or _("Delete")  # in the language of the moment, not of the import
        self.confirm_key = confirm_key
        self.keep_label = keep_label or _("Keep (n)")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.confirm_label} ({self.confirm_key})", variant="error", id="yes")
                yield Button(self.keep_label, id="no")
        yield KeyBar()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")


class DiscardDialog(ConfirmDialog, inherit_bindings=False):
    """Asked when Escape would close a form holding changes; keeping them is the default.

    Its keys are priority bindings, acted on as they are read, so keys typed
    right after the answer reach the form (or the main screen) in order.
    """

    BINDINGS = [
        Binding(
            "d", "answer(True)", N_("Discard"), tooltip=N_("Throw the changes away and close the form"), priority=True
        ),
        Binding(
            "escape,k", "answer(False)", N_("Keep editing"), tooltip=N_("Back to the form, as it was"), priority=True
        ),
        Binding("enter", "press_focused", N_("Choose"), show=False, priority=True),
        Binding("tab,shift+tab,left,right", "switch", N_("Other button"), show=False, priority=True),
    ]

    def __init__(self, question: Text) -> None:
        super().__init__(question, _("Discard"), confirm_key="d", keep_label=_("Keep editing (Enter)"))

    def action_press_focused(self) -> None:
        self.dismiss(self.focused is not None and self.focused.id == "yes")

    def action_switch(self) -> None:
        self.focus_next(Button)  # Screen.focus_next sets the focus at once
