"""Building the app for Pilot and snapshot tests the way the CLI does."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

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
