"""The key hints line at the bottom: which keys do what where the focus is.

Textual's Footer builds a widget per key and rebuilds them on every focus
change, which cost 60 ms at start-up and ~20 ms per Tab press here. This bar
draws the same hints as one line of text from the screen's active bindings;
clicking a hint presses its key, as with the Footer.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import Static

from liaison_tui.i18n import _

# On a narrow terminal these hints stay: finding a person is the question of the day, and the way out
# of a screen (Esc) must never be the hint that goes.
ALWAYS_SHOWN = ("Lookup", "Help")  # the bindings' descriptions as written (English), before translation
WAY_OUT = "escape"


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 1fr;
        height: 1;
        background: $panel;
        color: $foreground;
    }

    KeyBar > .key-bar--key {
        color: $accent;
        text-style: bold;
    }

    KeyBar > .key-bar--description {
        color: $foreground;
    }
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    def __init__(self) -> None:
        super().__init__(markup=False)
        self._spans: list[tuple[int, int, str]] = []  # x from, x to, key to press
        self._hints: list[tuple[str, str, str, bool]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        hints: list[tuple[str, str, str, bool]] = []  # key shown, description, key to press, always shown
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.show and enabled and binding.action not in seen:
                seen.add(binding.action)
                key = binding.key.split(",")[0]
                description = _(binding.description)
                kept = binding.description in ALWAYS_SHOWN or key == WAY_OUT
                hints.append((self.app.get_key_display(binding), description, key, kept))
        self._hints = hints
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        """One line of hints; when it is too narrow, Lookup, Help and Esc stay and the others go from the end."""
        hints = list(self._hints)
        width = self.size.width or 80
        # Widths in terminal cells: a Chinese description takes two cells per character.
        while len(hints) > 1 and sum(cell_len(h[0]) + cell_len(h[1]) + 3 for h in hints) > width:
            kept = [h for h in hints if h[3]]
            others = [h for h in hints if not h[3]]
            if not others:
                break
            hints = others[:-1] + kept
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        line = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for shown, description, key, _kept in hints:
            start = line.cell_len  # in cells, as clicks are
            line.append(f" {shown} ", key_style)
            line.append(f"{description} ", description_style)
            self._spans.append((start, line.cell_len, key))
        self.update(line, layout=False)  # one line of a fixed size: no layout pass (a full repaint)

    async def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                await self.app.run_action(f"simulate_key('{key}')")
                return
