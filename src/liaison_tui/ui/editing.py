"""Add, edit and delete, through forms and the store: the main screen's base.

Kept apart from the layout so that each file reads in one sitting; the main
screen supplies which pane has the cursor and which day and city are chosen.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen

from liaison_tui.domain import edits
from liaison_tui.domain.model import City, Dataset, Event, FollowUp, Officer, Record, Visit, describe
from liaison_tui.reports.display import literal
from liaison_tui.store.store import StaleEditError
from liaison_tui.ui.dialogs.confirm import ConfirmDialog
from liaison_tui.ui.dialogs.fields import blank
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.key_order import settled
from liaison_tui.ui.messages import DataChanged, Goto
from liaison_tui.ui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from liaison_tui.ui.app import LiaisonApp

KINDS: dict[str, type[Record]] = {"city": City, "officer": Officer, "event": Event, "follow-up": FollowUp}


class EditingScreen(Screen[None]):
    """Actions for a/e/d/v/o and the live speaker marker."""

    BINDINGS = [
        # The keys that open a form act as they are read (priority) and wait for the form to be
        # mounted, so the keys typed right after them land in its first field (see ui.key_order).
        Binding("a", "add", "Add", tooltip="Add a record to the pane with the cursor", priority=True),
        Binding("e", "edit", "Edit", tooltip="Edit the record under the cursor", priority=True),
        Binding("d", "delete", "Delete", tooltip="Delete the record under the cursor (asks first)"),
        Binding("v", "edit_visit", "Visit", show=False, priority=True),
        Binding("o", "add_followup", "New follow-up", show=False, priority=True),
        Binding("greater_than_sign", "speaker(1)", "Next speaker", show=False),
        Binding("less_than_sign", "speaker(-1)", "Prev speaker", show=False),
    ]

    city_filter: int | None = None
    filter_on = False

    @property
    def liaison_app(self) -> LiaisonApp:
        from liaison_tui.ui.app import LiaisonApp

        assert isinstance(self.app, LiaisonApp)
        return self.app

    @property
    def data(self) -> Dataset:
        return self.liaison_app.store.data

    def focused_table(self) -> RecordTable | None:
        focused = self.focused
        return focused if isinstance(focused, RecordTable) else None

    def itinerary_day(self) -> date | None:
        """The day shown in the itinerary, where new events go."""
        return None

    def _pane_record(self) -> tuple[str, Record | None]:
        table = self.focused_table()
        if table is None:
            return "", None
        record_id = table.current_id
        records = self.data.table(KINDS[table.kind])
        return table.kind, records.get(record_id) if record_id is not None else None

    async def _open_form(self, start: Record, original: Record | None) -> None:
        def save(record: Record, before: Record | None) -> Record | None:
            edit = edits.added(record) if before is None else edits.changed(before, record)
            message = f"{'Saved' if before else 'Added'} {describe(record)}"
            try:  # a stale edit goes back to the form, which offers mine-on-top or theirs
                commit = self.liaison_app.save([edit], message, raise_stale=before is not None)
            except StaleEditError:
                self.post_message(DataChanged())  # the refused save read the other window's version
                raise
            return commit.edits[0].after if commit else None

        await self.app.push_screen(RecordForm(start, original, self.data, save), self._after_form)

    def _after_form(self, record: Record | None) -> None:
        kind = next((k for k, t in KINDS.items() if isinstance(record, t)), None)
        if record is not None and kind is not None:
            self.post_message(Goto(kind, record.id))

    async def action_add(self) -> None:
        await settled(self.focused)  # the cursor moves typed before this key come first
        kind, current = self._pane_record()
        visit = self.liaison_app.store.current_visit()
        if kind == "event" or not kind:
            if visit is None:
                await self.action_edit_visit()
                return
            day = self.itinerary_day() or visit.start_date
            await self._open_form(blank(Event, self.data, visit_id=visit.id, day=day), None)
        elif kind == "officer":
            city_id = self.city_filter if self.filter_on else getattr(current, "city_id", None)
            await self._open_form(blank(Officer, self.data, city_id=city_id), None)
        elif kind == "city":
            await self._open_form(blank(City, self.data), None)
        elif kind == "follow-up":
            await self.action_add_followup()

    async def action_add_followup(self) -> None:
        if not self.data.cities:
            self.notify("Add a city first: every follow-up belongs to one", severity="warning")
            return
        city_id = self.city_filter if self.city_filter in self.data.cities else min(self.data.cities)
        await self._open_form(blank(FollowUp, self.data, city_id=city_id), None)

    async def action_edit(self) -> None:
        await settled(self.focused)
        _, record = self._pane_record()
        if record is None:
            self.notify("Move the cursor onto a record to edit it", severity="warning")
            return
        await self._open_form(record, record)

    async def action_edit_visit(self) -> None:
        visit = self.liaison_app.store.current_visit()
        await self._open_form(visit or blank(Visit, self.data, days=4), visit)

    def action_delete(self) -> None:
        _, record = self._pane_record()
        if record is None:
            self.notify("Move the cursor onto a record to delete it", severity="warning")
            return
        planned = edits.plan_delete(self.data, record)
        question = Text.assemble("Delete ", literal(describe(record), "bold"), "?\n\n")
        others = [e for e in planned if e.record is not record]
        if others:
            question.append("What refers to it goes with it or is updated:\n")
            for edit in others[:12]:
                verb = "removed" if edit.after is None else "updated (taken off)"
                question.append("  • ")
                question.append(literal(f"{describe(edit.record)} {verb}"))
                question.append("\n")
            if len(others) > 12:
                question.append(f"  … and {len(others) - 12} more\n")
        question.append("\nu undoes this.", style="dim")

        def confirmed(answer: bool | None) -> None:
            if answer:
                self.liaison_app.save(planned, f"Deleted {describe(record)}: {edits.summarise(planned)}")

        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_speaker(self, step: int) -> None:
        """During a conference: move the 'speaking now' marker along the order."""
        _, record = self._pane_record()
        if not isinstance(record, Event) or not record.speaker_ids:
            self.notify("Put the cursor on an event with speakers (a conference) first", severity="warning")
            return
        order = list(record.speaker_ids)
        position = order.index(record.speaking_now_id) if record.speaking_now_id in order else -1
        position = max(-1, min(len(order) - 1, position + step))
        speaking = order[position] if position >= 0 else None
        after = dataclasses.replace(record, speaking_now_id=speaking)
        name = self.data.officers[speaking].name if speaking else "nobody yet"
        self.liaison_app.save([edits.changed(record, after)], f"Speaking now: {name}")
