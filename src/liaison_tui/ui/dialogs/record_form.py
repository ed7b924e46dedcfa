"""The modal form for adding or editing any kind of record.

Built from the kind's ``Field`` list. Saving parses every input, shows each
problem under its own field, and only then hands the record to ``save``; the
form closes (returning the saved record) only when the save succeeded, so a
locked or changed file never costs the user what they typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import kind_of
from liaison_tui.domain.model import Record
from liaison_tui.domain.validation import check_record
from liaison_tui.reports.display import literal
from liaison_tui.ui.dialogs.fields import Field, context_problems, fields_for, replace
from liaison_tui.ui.widgets.key_bar import KeyBar

SaveCallback = Callable[[Record, Record | None], Record | None]  # the saved record, or None


class RecordForm(ModalScreen[Record | None]):
    """Add (``original`` is None) or edit a record; Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", tooltip="Check and save the record"),
    ]

    def __init__(self, start: Record, original: Record | None, data: Dataset, save: SaveCallback) -> None:
        super().__init__()
        self.start = start
        self.original = original
        self.fields: list[Field] = fields_for(kind_of(start), data)
        self.data = data
        self.save = save
        self._choices: dict[str, list[tuple[str, Any]]] = {}

    def compose(self) -> ComposeResult:
        kind = kind_of(self.start)
        with Vertical(id="form"):
            yield Static(f"{'Edit' if self.original else 'New'} {kind}", id="form-title")
            with VerticalScroll(id="form-fields", can_focus=False):
                for field in self.fields:
                    with Horizontal(classes="field-row"):
                        yield Label(field.label, classes="field-label")
                        yield self._input_for(field)
                    yield Static("", id=f"error-{field.name}", classes="field-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Save (Ctrl+S)", variant="primary", id="save")
                yield Button("Cancel (Esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.fields[0].name}").focus()

    def _input_for(self, field: Field) -> Input | Select[int]:
        current = getattr(self.start, field.name)
        if field.choices is None:
            return Input(
                value=field.show(current), placeholder=field.placeholder, id=f"field-{field.name}", compact=True
            )
        choices = field.choices()
        self._choices[field.name] = choices
        position = next((i for i, (_, value) in enumerate(choices) if value == current), 0)
        options = [(literal(label), i) for i, (label, _) in enumerate(choices)]
        return Select(options, value=position, allow_blank=False, id=f"field-{field.name}", compact=True)

    def _read(self, field: Field) -> Any:
        widget = self.query_one(f"#field-{field.name}")
        if isinstance(widget, Select):
            return self._choices[field.name][int(widget.value)][1]  # type: ignore[arg-type]
        assert isinstance(widget, Input)
        return field.parse(widget.value)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field in self.fields:
            message = errors.get(field.name, "")
            error = self.query_one(f"#error-{field.name}", Static)
            error.update(message)
            error.set_class(bool(message), "shown")
        if errors:
            first = next(f for f in self.fields if f.name in errors)
            self.query_one(f"#field-{first.name}").focus()

    def build(self) -> Record | None:
        """The record the inputs describe, or None after showing what is wrong."""
        errors: dict[str, str] = {}
        changes: dict[str, Any] = {}
        for field in self.fields:
            try:
                changes[field.name] = self._read(field)
            except ValueError as error:
                errors[field.name] = str(error)
        if errors:
            self._show_errors(errors)
            return None
        record = replace(self.start, changes)
        for problem in check_record(record):
            errors.setdefault(problem.field, problem.message)
        errors.update(context_problems(record, self.data))
        self._show_errors(errors)
        return None if errors else record

    def action_save(self) -> None:
        record = self.build()
        if record is None:
            return
        saved = self.save(record, self.original)
        if saved is not None:  # otherwise the app said why; the form keeps what was typed
            self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field, and saves from the last one."""
        event.stop()
        self.focus_next()
