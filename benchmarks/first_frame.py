"""Child process: start the app the way ``liaison-tui --db FILE`` does, headless, and time it.

Headless: Textual draws into no terminal, so these are not the times a user
sees in one (a real-terminal measurement is still to come). Run by ``run.py`` as
``python -m benchmarks.first_frame FILE START`` where START
is the parent's ``time.time()`` just before it launched this process, so the
figures include interpreter start-up and every import. Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


def own_peak_mb() -> float:
    """This process's own peak resident memory.

    Not ``ru_maxrss``: on Linux it carries the parent's peak over through fork
    and exec, so a child started by a big benchmark process reported the
    parent's memory. ``VmHWM`` starts afresh with the new program.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


def main() -> None:
    path, started = sys.argv[1], float(sys.argv[2])
    from liaison_tui import launcher
    from liaison_tui.ui.app import LiaisonApp

    result: dict[str, float] = {}

    async def measure(pilot: Any) -> None:
        await pilot.pause()
        deadline = time.monotonic() + 120
        # The first frame with the data: the app draws a loading line first and reads the file meanwhile.
        while not (pilot.app.opened and pilot.app.screen.query("#officers")) and time.monotonic() < deadline:
            await pilot.pause(0.01)
        await pilot.pause()
        result["first_frame"] = time.time() - started
        await pilot.press("end")  # the officers pane has the focus at start
        await pilot.pause()
        result["scrolled_to_end"] = time.time() - started
        deadline = time.monotonic() + 60
        while not pilot.app.session.lookup_ready and time.monotonic() < deadline:
            await pilot.pause(0.05)  # the index is built in a worker after the first frame
        result["peak_rss_mb"] = own_peak_mb()
        pilot.app.exit()

    run = LiaisonApp.run

    def run_headless(app: LiaisonApp, **_: Any) -> None:
        run(app, headless=True, size=(160, 48), auto_pilot=measure)

    LiaisonApp.run = run_headless  # type: ignore[method-assign,assignment]  # the CLI's own path, minus the terminal
    launcher.main(["--db", path])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
