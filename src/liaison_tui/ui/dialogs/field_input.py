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

from liaison_tui.reports.display import pictures
from liaison_tui.ui.key_order import act_where_delivered


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

    @property
    def text(self) -> str:
        """What the field holds: the exact original while the shown text is untouched."""
        return self.exact if self.value == self.shown_at_start else self.value
