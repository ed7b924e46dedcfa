"""The ``liaison-tui`` command: the app when no command is given, else the CLI.

The one module above both front ends, so that neither the CLI nor the app
imports the other; the app is imported only when it is about to open.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from liaison_tui.cli import main as cli
from liaison_tui.store.store import Store


def run_app(open_store: Callable[[], Store], path: Path) -> None:
    """The app on the file at ``path``: its first frame at once, the file opened meanwhile by ``open_store``."""
    from liaison_tui.ui.app import LiaisonApp

    app = LiaisonApp(open_store, where=str(path))
    if os.environ.get("LIAISON_TUI_SERVED") == "1":  # a browser session of `liaison-tui serve`
        from liaison_tui.ui.served import end_with_server

        end_with_server(app)
    app.run()
    if app.open_error is not None:  # told as every command tells it (the CLI's own handling)
        raise app.open_error


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, open_app=run_app)
