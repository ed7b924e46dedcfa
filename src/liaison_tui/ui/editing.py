"""Add, edit and delete through forms and the session: a helper the main screen owns.

Kept apart from the layout so that each file reads in one sitting. The screen
tells the editor, through ``EditingPanes``, which record has the cursor and
which day and city are chosen; the editor opens the forms and confirmations
and saves through the app.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, Protocol, assert_never

from rich.text import Text
from textual.screen import Screen

from liaison_tui.domain import edits
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind, describe, kind_of
from liaison_tui.domain.model import Event, Record
from liaison_tui.domain.now import conference_under_way
from liaison_tui.i18n import _
from liaison_tui.reports.display import literal
from liaison_tui.store.store import StaleEditError
from liaison_tui.ui.dialogs.fields import blank
from liaison_tui.ui.host import LiaisonHost, host_of
from liaison_tui.ui.key_order import settled
from liaison_tui.ui.lock_waiting import save_without_freezing
from liaison_tui.ui.messages import DataChanged, Goto


class EditingPanes(Protocol):
    """What the editor asks of the screen that owns it."""

    def pane_record(self) -> tuple[Kind | None, Record | None]:
        """The kind of the focused pane and the record under its cursor."""
        ...

    def itinerary_day(self) -> date | None:
        """The day shown in the itinerary, where new events go."""
        ...

    def chosen_city(self, *, filtered_only: bool) -> int | None:
        """The city the officers pane is filtered to (or, unless ``filtered_only``, last highlighted)."""
        ...


class ScreenHelper:
    """A helper a screen owns for a group of its keys: the screen, what it asks of it, and the app."""

    def __init__(self, screen: Screen[Any], panes: EditingPanes) -> None:
        self.screen = screen
        self.panes = panes

    @property
    def host(self) -> LiaisonHost:
        return host_of(self.screen.app)


class RecordEditor(ScreenHelper):
    """The actions behind a/e/d/v/o and the live speaker marker."""

    @property
    def data(self) -> Dataset:
        return self.host.session.data

    async def _open_form(self, start: Record, original: Record | None, notes: dict[str, str] | None = None) -> None:
        """Open the form and wait until it is mounted, so keys typed right after land in it."""

        async def save(record: Record, before: Record | None) -> Record | None:
            edit = edits.added(record) if before is None else edits.changed(before, record)
            message = (_("Saved {record}") if before else _("Added {record}")).format(record=describe(record))
            try:  # a stale edit goes back to the form, which offers mine-on-top or theirs
                commit = await self.host.save([edit], message, raise_stale=before is not None)
            except StaleEditError:
                self.screen.post_message(DataChanged())  # the refused save read the other window's version
                raise
            return commit.edits[0].after if commit else None

        from liaison_tui.ui.dialogs.record_form import RecordForm  # lazily: not needed for the first screen

        form = RecordForm(start, original, self.data, save, notes)
        await self.screen.app.push_screen(form, self._after_form)

    def _after_form(self, record: Record | None) -> None:
        if record is not None:
            self.screen.post_message(Goto(kind_of(record), record.id))

    async def add(self) -> None:
        await settled(self.screen.focused)  # the cursor moves typed before this key come first
        kind, current = self.panes.pane_record()
        data = self.data
        match kind:
            case Kind.EVENT | Kind.VISIT | Kind.CHECK_IN | None:
                visit = self.host.session.current_visit()
                if visit is None:
                    await self.edit_visit()
                    return
                day = self.panes.itinerary_day() or visit.start_date
                await self._open_form(blank(Kind.EVENT, data, visit_id=visit.id, day=day), None)
            case Kind.OFFICER:
                # Officers are entered city by city: start from the city in view, and say so,
                # since a default nobody notices files a person under the wrong city.
                city_id = self.panes.chosen_city(filtered_only=True)
                note = _("↑ the city the officers are filtered to")
                if city_id is None and current is not None:
                    city_id, note = getattr(current, "city_id", None), _("↑ the highlighted officer's city")
                notes = {"city_id": note} if city_id is not None or current is not None else None
                await self._open_form(blank(Kind.OFFICER, data, city_id=city_id), None, notes)
            case Kind.CITY:
                await self._open_form(blank(Kind.CITY, data), None)
            case Kind.FOLLOW_UP:
                await self.add_followup()
            case Kind.GIFT:
                await self.add_gift()
            case _:
                assert_never(kind)

    async def add_followup(self) -> None:
        data = self.data
        if not data.cities:
            self.screen.notify(_("Add a city first: every follow-up belongs to one"), severity="warning")
            return
        city_id = self.panes.chosen_city(filtered_only=False)
        city_id = city_id if city_id in data.cities else min(data.cities)
        await self._open_form(blank(Kind.FOLLOW_UP, data, city_id=city_id), None)

    async def add_gift(self) -> None:
        data = self.data
        if not data.cities:
            self.screen.notify(_("Add a city first: every gift is given to or received from one"), severity="warning")
            return
        city_id = self.panes.chosen_city(filtered_only=False)
        city_id = city_id if city_id in data.cities else min(data.cities)
        await self._open_form(blank(Kind.GIFT, data, city_id=city_id), None)

    async def edit(self) -> None:
        await settled(self.screen.focused)
        _kind, record = self.panes.pane_record()
        if record is None:
            self.screen.notify(_("Move the cursor onto a record to edit it"), severity="warning")
            return
        await self._open_form(record, record)

    async def edit_visit(self) -> None:
        visit = self.host.session.current_visit()
        await self._open_form(visit or blank(Kind.VISIT, self.data, days=4), visit)

    def delete(self) -> None:
        _kind, record = self.panes.pane_record()
        if record is None:
            self.screen.notify(_("Move the cursor onto a record to delete it"), severity="warning")
            return
        planned = edits.plan_delete(self.data, record)
        question = Text.assemble(_("Delete "), literal(describe(record), "bold"), _("?") + "\n\n")
        others = [e for e in planned if e.record is not record]
        if others:
            question.append(_("What refers to it goes with it or is updated:") + "\n")
            for edit in others[:12]:
                said = _("{record} removed") if edit.after is None else _("{record} updated (taken off)")
                question.append("  • ")
                question.append(literal(said.format(record=describe(edit.record))))
                question.append("\n")
            if len(others) > 12:
                question.append("  " + _("… and {n} more").format(n=len(others) - 12) + "\n")
        question.append("\n" + _("u undoes this."), style="dim")

        async def confirmed(answer: bool | None) -> None:
            if answer:
                message = _("Deleted {record}: {changes}").format(
                    record=describe(record), changes=edits.summarise(planned)
                )
                await save_without_freezing(self.screen, self.host.save(planned, message))

        from liaison_tui.ui.dialogs.confirm import ConfirmDialog  # lazily: not needed for the first screen

        self.screen.app.push_screen(ConfirmDialog(question), confirmed)

    async def speaker(self, step: int) -> None:
        """During a conference: move the 'speaking now' marker along the order.

        Acts on the conference under way; on another one only after asking, so
        a key pressed on Tuesday never marks a speaker of Friday's conference.
        """
        visit, at = self.host.session.current_visit(), self.host.local_now()
        under_way = conference_under_way(self.data, visit, at) if visit and at else None
        _kind, record = self.panes.pane_record()
        if under_way is not None:
            await self._move_speaker(under_way, step)
            return
        if not isinstance(record, Event) or not record.speaker_ids:
            self.screen.notify(
                _("No conference is under way; put the cursor on one to mark its speaker"), severity="warning"
            )
            return
        question = Text.assemble(
            literal(record.title, "bold"), _(" is not under way now. Move its speaker marker anyway?")
        )

        async def confirmed(answer: bool | None) -> None:
            if answer and isinstance(record, Event):
                await self._move_speaker(record, step)

        from liaison_tui.ui.dialogs.confirm import ConfirmDialog  # lazily: not needed for the first screen

        self.screen.app.push_screen(ConfirmDialog(question, _("Move")), confirmed)

    async def _move_speaker(self, record: Event, step: int) -> None:
        order = list(record.speaker_ids)
        position = order.index(record.speaking_now_id) if record.speaking_now_id in order else -1
        position = max(-1, min(len(order) - 1, position + step))
        speaking = order[position] if position >= 0 else None
        after = dataclasses.replace(record, speaking_now_id=speaking)
        name = self.data.officers[speaking].name if speaking else _("nobody yet")
        moved = self.host.save([edits.changed(record, after)], _("Speaking now: {name}").format(name=name))
        await save_without_freezing(self.screen, moved)
