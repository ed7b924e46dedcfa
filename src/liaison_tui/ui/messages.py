"""Messages between the widgets, screens and the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class RecordHighlighted(Message):
    """The cursor moved onto a record in one of the panes."""

    kind: str  # "city", "officer", "event"
    record_id: int | None


@dataclass
class RecordOpened(Message):
    """Enter (or a double click) on a record: show all of it."""

    kind: str
    record_id: int


@dataclass
class Goto(Message):
    """Bring a record into view in its pane and show its detail."""

    kind: str  # "city", "officer", "event", "follow-up"
    record_id: int


class DataChanged(Message):
    """The data changed (a save, an undo, or a reload from disk): redraw."""
