"""What screens, widgets and the lookup provider need from the app.

They reach the running app through this Protocol instead of importing
``ui.app`` (which imports them), so the UI modules form no import cycle and a
second front end could host the same screens.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from liaison_tui.domain.edits import Edit
from liaison_tui.session import Session
from liaison_tui.store.store import Commit


@runtime_checkable
class LiaisonHost(Protocol):
    session: Session
    user: str  # who is working: recorded with check-ins

    def utc_now(self) -> datetime:
        """The moment (aware, UTC): the app's clock, which tests set."""
        ...

    def local_now(self) -> datetime | None:
        """The moment in the visit's time zone (None without a visit)."""
        ...

    async def save(
        self, edits: Sequence[Edit], message: str, *, undoable: bool = True, raise_stale: bool = False
    ) -> Commit | None:
        """Save through the session; on failure say why and return None (or raise a StaleEditError)."""
        ...


def host_of(app: object) -> LiaisonHost:
    """The app as a ``LiaisonHost``; a TypeError if a screen is mounted in another app."""
    if not isinstance(app, LiaisonHost):
        raise TypeError(f"{type(app).__name__} does not host liaison-tui screens")
    return app
