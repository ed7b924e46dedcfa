"""A served app ends with its server.

Each browser session's app is a child of ``liaison-tui serve``. If the server
dies without asking it to quit (killed, crashed), nothing else would: Textual's
web driver stops reading at the end of its input but keeps the app running, an
orphan holding a session no browser can reach. So a served app watches for its
parent to change and quits.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from typing import Any

from textual.app import App

PARENT_CHECK_INTERVAL = 1.0  # seconds; an orphan lingers at most this long


def end_with_server(app: App[Any]) -> None:
    """Quit ``app`` once the process that started it is gone (it is then adopted by another)."""
    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(PARENT_CHECK_INTERVAL)
        with contextlib.suppress(RuntimeError):  # the app was not running (any more): nothing to end
            app.call_from_thread(app.exit)

    threading.Thread(target=watch, name="end-with-server", daemon=True).start()
