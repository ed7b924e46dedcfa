"""Child process: start the app the way ``liaison-tui --db FILE`` does, headless, and time it.

Run by ``run.py`` as ``python -m benchmarks.first_frame FILE START`` where START
is the parent's ``time.time()`` just before it launched this process, so the
figures include interpreter start-up and every import. Prints one JSON line.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any


def main() -> None:
    path, started = sys.argv[1], float(sys.argv[2])
    from liaison_tui import launcher
    from liaison_tui.ui.app import LiaisonApp

    result: dict[str, float] = {}

    async def measure(pilot: Any) -> None:
        await pilot.pause()
        result["first_frame"] = time.time() - started
        await pilot.press("end")  # the officers pane has the focus at start
        await pilot.pause()
        result["scrolled_to_end"] = time.time() - started
        pilot.app.exit()

    run = LiaisonApp.run

    def run_headless(app: LiaisonApp, **_: Any) -> None:
        run(app, headless=True, size=(160, 48), auto_pilot=measure)

    LiaisonApp.run = run_headless  # type: ignore[method-assign,assignment]  # the CLI's own path, minus the terminal
    launcher.main(["--db", path])
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
