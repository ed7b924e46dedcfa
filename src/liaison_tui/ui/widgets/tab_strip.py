"""A one-line row of tab labels, the chosen one highlighted; click to choose.

Used for the itinerary's days and the cities / follow-ups switch. Textual's
Tabs widget animates an underline and mounts a widget per tab, which cost
~20 ms of start-up each; this is one line of text. Keys that change the
choice belong to the pane, which calls ``show``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static


class TabStrip(Static):
    DEFAULT_CSS = """
    TabStrip {
        width: 1fr;
        height: 1;
        padding: 0 1;
    }

    TabStrip > .tab-strip--active {
        text-style: bold reverse;
    }

    TabStrip > .tab-strip--inactive {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {"tab-strip--active", "tab-strip--inactive"}

    @dataclass
    class Chosen(Message):
        strip: TabStrip
        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.labels: list[str] = []
        self.active = 0
        self._spans: list[tuple[int, int]] = []
        self._long: list[str] = []
        self._short: list[str] | None = None

    def show(self, labels: Sequence[str], active: int, short: Sequence[str] | None = None) -> None:
        """Show ``labels``, or the ``short`` ones when the long ones do not fit."""
        self._long, self._short, self.active = list(labels), list(short) if short else None, active
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.content_size.width
        fits = not width or sum(cell_len(label) + 2 for label in self._long) <= width  # CJK: 2 cells a character
        self.labels = self._long if fits or self._short is None else self._short
        on = self.get_component_rich_style("tab-strip--active")
        off = self.get_component_rich_style("tab-strip--inactive")
        line = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for index, label in enumerate(self.labels):
            start = line.cell_len  # in cells, as clicks are
            line.append(f" {label} ", on if index == self.active else off)
            self._spans.append((start, line.cell_len))
        self.update(line, layout=False)  # one line of a fixed size: no layout pass (a full repaint)

    def on_click(self, event: events.Click) -> None:
        for index, (start, end) in enumerate(self._spans):
            if start <= event.x < end:
                self.post_message(self.Chosen(self, index))
                return
