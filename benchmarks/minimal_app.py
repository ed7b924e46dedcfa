"""The least a Textual app costs to start: one Static, no data (the floor for the real-terminal figures)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("minimal Textual app")


if __name__ == "__main__":
    MinimalApp().run()
