"""Building the app for Pilot and snapshot tests the way the CLI does."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp

# Friday 4 December 2026, 09:30 in Shenzhen: the liaison conference is under way.
CONFERENCE_MORNING = datetime(2026, 12, 4, 1, 30, tzinfo=UTC)


def make_app(path: Path, when: datetime = CONFERENCE_MORNING) -> LiaisonApp:
    return LiaisonApp(Store.open(path), clock=lambda: when, watch_interval=0.2)


def screen_text(widget: Widget) -> str:
    """What a widget shows, as plain text: the lines it renders at its size."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.region.reset_offset))


# What a terminal sends for the named keys; letters and digits stand for themselves.
KEY_CHARACTERS = {"tab": "\t", "enter": "\r", "escape": "\x1b", "backspace": "\x7f", "space": " ", "ctrl+s": "\x13"}


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Deliver ``keys`` the way a terminal read does over a slow link: all queued at once.

    ``pilot.press`` waits for the app to go idle after each key, which hides any
    key that is routed before the previous one has taken effect.
    """
    app = pilot.app
    for key in keys:
        name = {" ": "space", ":": "colon", "-": "minus", ".": "full_stop", ",": "comma", "/": "slash"}.get(key, key)
        event = events.Key(name, KEY_CHARACTERS.get(name, key if len(key) == 1 else None))
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()


async def detail_followed(pilot: Pilot[Any]) -> None:
    """Wait until the detail panel has followed the cursor (it does a frame after the cursor moves)."""
    for _ in range(200):
        await pilot.pause()
        if not getattr(pilot.app.screen, "detail_pending", False):
            return
        await pilot.pause(0.01)
    raise AssertionError("the detail panel never followed the cursor")
