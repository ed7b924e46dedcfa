"""The modal form for adding or editing any kind of record.

Built from the kind's ``Field`` list. Saving parses every input, shows each
problem under its own field, and only then hands the record to ``save``; the
form closes (returning the saved record) only when the save succeeded, so a
locked or changed file never costs the user what they typed. Escape on a form
holding changes asks first. A save refused because another window changed the
record opens the stale-edit panel (mine on top, or theirs). The keys are acted
on in typing order (``FormKeys``), so a burst of keys over SSH fills exactly the
fields it was typed for. People (participants, speakers) are picked in a
``PeoplePicker``, not typed. A value the form was opened with on the app's
guess (a new officer's city) carries a note saying where it came from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import rebase
from liaison_tui.domain.kinds import describe, kind_of, label
from liaison_tui.domain.model import Record
from liaison_tui.domain.validation import check_record
from liaison_tui.i18n import _
from liaison_tui.reports.display import literal
from liaison_tui.store.store import StaleEditError
from liaison_tui.ui.dialogs.choice_select import ChoiceSelect
from liaison_tui.ui.dialogs.confirm import DiscardDialog
from liaison_tui.ui.dialogs.field_input import FieldInput, PickField
from liaison_tui.ui.dialogs.fields import Field, context_problems, fields_for, replace
from liaison_tui.ui.dialogs.form_keys import FormKeys
from liaison_tui.ui.dialogs.people_picker import PeoplePicker
from liaison_tui.ui.dialogs.save_guard import Answer, SameCityDialog, SaveGuardDialog, save_question
from liaison_tui.ui.dialogs.stale_edit import Choice, FieldRow, StaleEditPanel
from liaison_tui.ui.host import host_of
from liaison_tui.ui.lock_waiting import save_without_freezing
from liaison_tui.ui.widgets.key_bar import KeyBar

FORM_CHROME = 8  # lines around the fields: border 2, title 1, buttons 4, key bar 1

# The saved record, or None after the app said why; raises StaleEditError for an edit
# of a record another window changed meanwhile, so the form can offer a way on.
SaveCallback = Callable[[Record, Record | None], Awaitable[Record | None]]


class RecordForm(FormKeys):
    """Add (``original`` is None) or edit a record; Escape cancels, asking first if anything changed."""

    def __init__(
        self,
        start: Record,
        original: Record | None,
        data: Dataset,
        save: SaveCallback,
        notes: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.start = start
        self.original = original
        self.fields: list[Field] = fields_for(kind_of(start), data)
        self.data = data
        self.save = save
        self._choices: dict[str, list[tuple[str, Any]]] = {}
        self._opened: dict[str, object] = {}  # each field's text (or choice) when the form opened
        self.notes = notes or {}  # field name: where its starting value came from
        self._start_positions: dict[str, int] = {}  # choice field name: the position it opened at
        self._picked: dict[str, tuple[tuple[int, ...], str]] = {}  # field name: ids picked, and their text

    def compose(self) -> ComposeResult:
        kind = kind_of(self.start)
        with Vertical(id="form"):
            yield Static(
                (_("Edit {kind}") if self.original else _("New {kind}")).format(kind=kind.word), id="form-title"
            )
            with VerticalScroll(id="form-fields", can_focus=False):
                for field in self.fields:
                    with Horizontal(classes="field-row"):
                        yield Label(field.label, classes="field-label")
                        yield self._input_for(field)
                    yield Static("", id=f"error-{field.name}", classes="field-error", markup=False)
                    if field.name in self.notes:
                        yield Static(
                            self.notes[field.name], id=f"note-{field.name}", classes="field-note", markup=False
                        )
            with Horizontal(id="form-buttons"):
                yield Button(_("Save (Ctrl+S)"), variant="primary", id="save")
                yield Button(_("Cancel (Esc)"), id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(f"#field-{self.fields[0].name}"))
        self._opened = self._shown()

    def on_select_changed(self, event: Select.Changed) -> None:
        """A note on where a choice's starting value came from is wrong once another is chosen."""
        name = (event.select.id or "").removeprefix("field-")
        if name in self.notes:
            self.query_one(f"#note-{name}", Static).display = event.select.value == self._start_positions.get(name)

    def on_resize(self) -> None:
        """The fields scroll in what the title, buttons, border and key bar leave (CSS ``1fr`` cannot:
        the form's height is its content's), so the Save button stays on a 24-line terminal."""
        self.query_one("#form-fields").styles.max_height = max(3, self.size.height - FORM_CHROME)

    def _input_for(self, field: Field) -> Input | Select[int]:
        current = getattr(self.start, field.name)
        if field.picks_officers:
            # As opened: the ids themselves, so an untouched list of two namesakes saves as it was.
            self._picked[field.name] = (current, field.show(current))
            return PickField(field.show(current), placeholder=field.placeholder, id=f"field-{field.name}", compact=True)
        if field.choices is None:
            return FieldInput(
                field.show(current), placeholder=field.placeholder, id=f"field-{field.name}", compact=True
            )
        choices = field.choices()
        self._choices[field.name] = choices
        position = next((i for i, (_, value) in enumerate(choices) if value == current), 0)
        self._start_positions[field.name] = position
        options = [(literal(label), i) for i, (label, _) in enumerate(choices)]
        return ChoiceSelect(options, value=position, id=f"field-{field.name}", compact=True)

    # -- what the fields hold --------------------------------------------------

    def _shown(self) -> dict[str, object]:
        """Each field's text as shown, or its choice's position."""
        shown: dict[str, object] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            assert isinstance(widget, Input | Select)
            shown[field.name] = widget.value
        return shown

    def changed_fields(self) -> list[Field]:
        """The fields whose text (or choice) differs from what the form opened with."""
        shown = self._shown()
        return [field for field in self.fields if shown[field.name] != self._opened.get(field.name)]

    def _read(self, field: Field) -> Any:
        widget = self.query_one(f"#field-{field.name}")
        if isinstance(widget, Select):
            return self._choices[field.name][int(widget.value)][1]  # type: ignore[arg-type]
        assert isinstance(widget, FieldInput)
        picked, shown = self._picked.get(field.name, ((), None))
        if widget.value == shown:
            return picked  # as picked: two officers of one name are told apart
        return field.parse(widget.text)

    def _display(self, field: Field, record: Record) -> str:
        """A field of ``record`` as the form would show it."""
        value = getattr(record, field.name)
        if field.choices is None:
            return str(field.show(value))
        return next((label for label, choice in self._choices[field.name] if choice == value), str(value))

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field in self.fields:
            message = errors.get(field.name, "")
            error = self.query_one(f"#error-{field.name}", Static)
            error.update(literal(message))
            error.set_class(bool(message), "shown")
        if errors:
            first = next(f for f in self.fields if f.name in errors)
            self.set_focus(self.query_one(f"#field-{first.name}"))
            # The problem is drawn under its field: scroll it into view too, on a short screen.
            shown_error = self.query_one(f"#error-{first.name}")
            self.call_after_refresh(self.query_one("#form-fields", VerticalScroll).scroll_to_widget, shown_error)

    def is_last_field(self, widget: Widget) -> bool:
        return widget.id == f"field-{self.fields[-1].name}"

    # -- people picked, not typed -----------------------------------------------------

    async def open_picker(self, widget: PickField) -> None:
        field = next(f for f in self.fields if widget.id == f"field-{f.name}")
        try:
            ids = self._read(field)
        except ValueError:  # a name in the file no officer has now: start from the record's list
            ids = getattr(self.start, field.name)
        title = f"{field.label} · {label(self.start)}" if label(self.start) else field.label
        picker = PeoplePicker(title, ids, self.data, host_of(self.app).session.lookup_index)
        await self.app.push_screen(picker, partial(self._after_picking, field, widget))

    def _after_picking(self, field: Field, widget: PickField, ids: tuple[int, ...] | None) -> None:
        if ids is None:
            return
        shown = field.show(ids)
        self._picked[field.name] = (ids, shown)
        widget.value = shown
        widget.exact = shown
        widget.shown_at_start = shown
        self.set_focus(widget)

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

    async def close_or_ask(self) -> None:
        """Escape: close at once when nothing changed, else ask (keeping the changes is the default)."""
        question = self.discard_question()
        if question is None:
            self.dismiss(None)
            return
        await self.app.push_screen(DiscardDialog(question), self._after_discard_question)

    def discard_question(self) -> Text | None:
        """What to ask before the typed changes are thrown away; None when nothing was changed."""
        changed = self.changed_fields()
        if not changed:
            return None
        what = describe(self.original) if self.original else _("this new {kind}").format(kind=kind_of(self.start).word)
        return Text.assemble(
            _("Discard your changes to "),
            literal(what, "bold"),
            _("?") + "\n\n" + _("Changed: "),
            literal(", ".join(field.label for field in changed)),
            ("\n\n" + _("Enter or Esc keeps editing; d discards them (undo cannot bring them back)."), "dim"),
        )

    def _after_discard_question(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            await save_without_freezing(self, self.save_now())
        else:
            await self.action_cancel()

    # -- saving ------------------------------------------------------------------

    async def save_now(self) -> None:
        record = self.build()
        if record is None:
            return
        question = save_question(record, self.data)  # a same-name city, a visit leaving events out
        if question is None:
            await self._save(record, record, self.original)
        else:
            await self.app.push_screen(question, partial(self._after_question, record, question))

    async def _after_question(self, record: Record, question: SaveGuardDialog, answer: Answer | None) -> None:
        if answer == "save":
            await save_without_freezing(self, self._save(record, record, self.original))
        elif answer == "open" and isinstance(question, SameCityDialog):
            existing = question.existing
            self.dismiss(existing)  # the main screen's cursor goes to it; then its own form opens
            await self.app.push_screen(RecordForm(existing, existing, self.data, self.save))

    async def _save(self, record: Record, typed: Record, before: Record | None) -> None:
        """Save ``record`` over ``before``; ``typed`` is what the form holds, for a refusal."""
        try:
            saved = await self.save(record, before)
        except StaleEditError as refused:
            await self._offer_ways_on(typed, refused.current)
            return
        if saved is not None:  # otherwise the app said why; the form keeps what was typed
            self.dismiss(saved)

    async def _offer_ways_on(self, typed: Record, current: Record | None) -> None:
        """Another window changed (or deleted) the record: show how, and let the user choose."""
        original = self.original
        assert original is not None, "only an edit can be out of date"
        mine = replace(original, {field.name: getattr(typed, field.name) for field in self.changed_fields()})
        rows = [
            FieldRow(
                field.label,
                self._display(field, original),
                self._display(field, current) if current is not None else "",
                self._display(field, mine),
            )
            for field in self.fields
        ]
        panel = StaleEditPanel(describe(original), rows, deleted=current is None)
        await self.app.push_screen(panel, partial(self._after_panel, typed, mine, current))

    async def _after_panel(self, typed: Record, mine: Record, current: Record | None, choice: Choice | None) -> None:
        if choice == "mine" and current is not None and self.original is not None:
            merged, _conflicting = rebase(self.original, mine, current)
            await self._save(merged, typed, current)
        elif choice == "theirs":
            self.dismiss(current)
        elif choice == "new":
            await self._save(dataclasses.replace(typed, id=0), typed, None)
        elif choice == "discard":
            self.dismiss(None)
