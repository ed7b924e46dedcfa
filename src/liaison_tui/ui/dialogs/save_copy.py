"""Asks where to save a copy of the data, for when the data file was moved or deleted.

The app keeps showing what it last read; this dialog writes that to a new
file the user names (prefilled with the original path, which re-creates the
file where it was) and the app carries on with that file. It stays open on a
refusal (the name exists, the folder is missing) so the user can fix the path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import literal
from liaison_tui.store.storage import StorageError
from liaison_tui.ui.widgets.key_bar import KeyBar

SaveCopy = Callable[[str], Path]  # writes the copy and returns where, or raises StorageError


class SaveCopyDialog(ModalScreen[Path | None]):
    """Returns the path of the copy written, or None when cancelled with Escape."""

    BINDINGS = [
        Binding(
            "enter", "save", N_("Save copy"), tooltip=N_("Write the data shown to this file and keep working there")
        ),
        Binding("escape", "cancel", N_("Cancel"), tooltip=N_("Close without saving a copy")),
    ]

    DEFAULT_CSS = """
    SaveCopyDialog {
        align: center middle;
    }
    SaveCopyDialog > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    SaveCopyDialog #save-copy-problem {
        color: $error;
        height: auto;
    }
    """

    def __init__(self, explanation: str, suggested: Path, save: SaveCopy) -> None:
        super().__init__()
        self.explanation = explanation
        self.suggested = suggested
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.explanation, multiline=True), id="save-copy-explanation")
            yield Input(value=str(self.suggested), id="save-copy-path")
            yield Static("", id="save-copy-problem")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        target = self.query_one(Input).value.strip()
        problem = self.query_one("#save-copy-problem", Static)
        if not target:
            problem.update(_("Give the path of the file to write"))
            return
        try:
            written = self.save(target)
        except StorageError as error:
            problem.update(literal(str(error), multiline=True))
            return
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
