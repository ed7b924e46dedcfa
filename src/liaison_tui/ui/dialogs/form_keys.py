"""A form's keys, acted on in the order they were typed (see ``ui.key_order``).

Every key that moves the focus, opens or closes a choice list, saves or closes
the form is a priority binding, acted on as the app reads it; those that read
what was typed first let the focused field finish the keys before them. Focus
is always set at once (``Screen.set_focus``): Textual's ``Widget.focus()`` asks
through the app's queue, behind keys already typed, and pulled the focus back
to the first field after a fast Tab. ``RecordForm`` supplies what saving and
closing mean.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Select

from liaison_tui.domain.model import Record
from liaison_tui.i18n import N_
from liaison_tui.ui.dialogs.field_input import PickField
from liaison_tui.ui.key_order import settled
from liaison_tui.ui.lock_waiting import save_without_freezing

# Keys that move through an open choice list, acted on in order with the letters typed to search it.
LIST_MOVES: dict[str, Callable[[OptionList], None]] = {
    "up": OptionList.action_cursor_up,
    "down": OptionList.action_cursor_down,
    "home": OptionList.action_first,
    "end": OptionList.action_last,
    "pageup": OptionList.action_page_up,
    "pagedown": OptionList.action_page_down,
}


class FormKeys(ModalScreen[Record | None]):
    """Tab, Enter, Escape, Ctrl+S and a choice list's keys, in typing order."""

    BINDINGS = [
        Binding(
            "escape", "cancel", N_("Cancel"), tooltip=N_("Close; asks first when anything was changed"), priority=True
        ),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Check and save the record"), priority=True),
        Binding("tab", "move(1)", N_("Next field"), show=False, priority=True),
        Binding("shift+tab", "move(-1)", N_("Previous field"), show=False, priority=True),
        Binding("enter", "enter", N_("Next field"), show=False, priority=True),  # on the last field: save
        *[
            Binding(key, f"list_key('{key}')", N_("Choose"), show=False, priority=True)
            for key in ("space", *LIST_MOVES)
        ],
    ]

    def on_key(self, event: events.Key) -> None:
        """A key no field took (typed on a choice or a button) ends here.

        Left to go on to the app, it would be acted on against whatever has the focus by
        then: a Backspace typed on a choice field erased text in the field Tabbed to next.
        """
        event.stop()

    async def save_now(self) -> None:
        """Check what was typed and save it (the form's part)."""
        raise NotImplementedError

    async def close_or_ask(self) -> None:
        """Close, or ask first when something was changed (the form's part)."""
        raise NotImplementedError

    async def open_picker(self, field: PickField) -> None:
        """Open the list to pick the people ``field`` names (the form's part)."""
        raise NotImplementedError

    def is_last_field(self, widget: Widget) -> bool:
        """Whether ``widget`` is the form's last field, where Enter saves (the form's part)."""
        raise NotImplementedError

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Focus ``widget`` at once; ignore a late request to focus a choice list already closed.

        Textual's Select focuses its list through the app's queue when it opens; by the time
        that request comes, the keys typed meanwhile may have closed the list and moved on.
        """
        if isinstance(widget, OptionList) and isinstance(widget.parent, Select) and not widget.parent.expanded:
            return
        super().set_focus(widget, scroll_visible, from_app_focus)

    def _open_list(self) -> tuple[Select[int], OptionList] | None:
        """The choice field whose list is open (the list has the focus), if any."""
        focused = self.focused
        if isinstance(focused, OptionList) and isinstance(focused.parent, Select):
            return focused.parent, focused
        return None

    def _open_list_of(self, select: Select[int]) -> None:
        select.action_show_overlay()
        self.set_focus(select.query_one(OptionList), scroll_visible=False)  # now, before the next key

    def _close_list(self, select: Select[int], pick: int | None) -> None:
        """Close the list, taking entry ``pick`` if given (a form's choices are numbered by position)."""
        if pick is not None:
            select.value = pick
        select.expanded = False
        self.set_focus(select)

    async def _finish_typing(self) -> None:
        """Let the focused field handle the keys typed before this one; close an open list."""
        if (open_list := self._open_list()) is not None:
            await settled(open_list[1])
            self._close_list(open_list[0], None)
        else:
            await settled(self.focused)

    def action_move(self, step: int) -> None:
        if (open_list := self._open_list()) is not None:
            self._close_list(open_list[0], None)
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    async def action_enter(self) -> None:
        """Enter: next field (the last one saves); on a choice, open its list, or take the highlighted entry.

        On a field of people, open the picker.
        """
        focused = self.focused
        if (open_list := self._open_list()) is not None:
            await settled(open_list[1])  # the letters typed to search the list come first
            self._close_list(open_list[0], open_list[1].highlighted)
            self.focus_next()  # chosen: on to the next field, as Enter does on a text field
        elif isinstance(focused, Select):
            self._open_list_of(focused)
        elif isinstance(focused, PickField):
            await self.open_picker(focused)
        elif isinstance(focused, Input) and self.is_last_field(focused):
            await self.action_save()
        elif isinstance(focused, Input):
            self.focus_next()
        elif isinstance(focused, Button):
            await (self.action_save() if focused.id == "save" else self.action_cancel())
        else:
            raise SkipAction()

    async def action_list_key(self, key: str) -> None:
        focused = self.focused
        if (open_list := self._open_list()) is not None and key in LIST_MOVES:
            await settled(open_list[1])
            LIST_MOVES[key](open_list[1])
        elif isinstance(focused, Select) and key in ("space", "up", "down"):
            self._open_list_of(focused)
        elif isinstance(focused, PickField) and key == "space":
            await settled(focused)
            await self.open_picker(focused)
        else:
            raise SkipAction()

    async def action_save(self) -> None:
        await self._finish_typing()
        await save_without_freezing(self, self.save_now())

    async def action_cancel(self) -> None:
        if (open_list := self._open_list()) is not None:  # Escape closes the list first
            await settled(open_list[1])
            self._close_list(open_list[0], None)
            return
        await settled(self.focused)
        await self.close_or_ask()
