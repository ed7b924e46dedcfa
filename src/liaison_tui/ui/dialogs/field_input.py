"""A form's text field: keys in typing order, and no raw control characters on screen.

A name read from the file may hold ``ESC[2J`` or an OSC 52 clipboard sequence;
Textual's Input would hand those to the terminal as they are. The field shows
each control character as a visible stand-in (``␛``) and gives back the exact
original text for as long as the user leaves the field alone; anything that
reaches the field later (a paste) is drawn through the same stand-ins.
"""

from __future__ import annotations

from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text
from textual import events
from textual.widgets import Input

from liaison_tui.i18n import _
from liaison_tui.reports.display import pictures
from liaison_tui.ui.key_order import act_where_delivered


def show_start(field: Input) -> None:
    """Scroll a field back to the start of its text: a long name Tabbed away from showed its tail."""
    field.scroll_to(x=0, animate=False, immediate=True)


class ControlPictures(Highlighter):
    """Draws control characters as stand-ins, one for one, so the cursor stays in place."""

    def highlight(self, text: Text) -> None:
        text.plain = pictures(text.plain)


class FieldInput(Input):
    """An Input that starts from ``text`` shown safely and knows whether it was edited."""

    def __init__(self, text: str, **options: Any) -> None:
        super().__init__(value=pictures(text), highlighter=ControlPictures(), **options)
        self.exact = text
        self.shown_at_start = self.value

    async def _on_key(self, event: events.Key) -> None:
        await act_where_delivered(self, event)  # Backspace and the arrows keep their place among typed keys

    def _on_blur(self, event: events.Blur) -> None:
        show_start(self)  # Input's own blur handler runs too (Textual calls each class's handler)

    @property
    def text(self) -> str:
        """What the field holds: the exact original while the shown text is untouched."""
        return self.exact if self.value == self.shown_at_start else self.value


class PickField(FieldInput):
    """Officers' names, filled by picking (Enter or Space opens the picker); keys typed here do nothing.

    Like a closed choice list: the form's priority keys (Enter, Space, Tab) act on it; every
    other key stops here, so no half-typed name can be saved.
    """

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return False  # Space is the form's key here (open the picker), not a character to type

    async def _on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.is_printable:
            self.notify(_("Enter or Space opens the list to pick people from"), timeout=3)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
