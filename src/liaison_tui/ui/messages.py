"""Requests and notices sent to the main screen by the app, dialogs and the lookup.

Messages a widget posts about itself are nested in that widget
(``RecordTable.Highlighted``, ``TabStrip.Chosen``); these have no one widget
as their sender.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from liaison_tui.domain.kinds import Kind


@dataclass
class Goto(Message):
    """Bring a record into view in its pane and show its detail."""

    kind: Kind
    record_id: int


class DataChanged(Message):
    """The data changed (a save, an undo, or a reload from disk): redraw."""
