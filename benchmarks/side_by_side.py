"""Two versions of the code, launched alternately in a real pty: time to the full first screen and CPU used by then.

On a machine others share, wall times drift from minute to minute; started in turn, run
after run, both versions meet the same moments. A version is a source tree chosen by
``PYTHONPATH`` (e.g. ``git archive COMMIT src | tar -x -C /tmp/base``), or "" for the code
installed here.

    python -m benchmarks.side_by_side FILE RUNS base=/tmp/base/src after=
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from benchmarks.terminal import Terminal, our_app
from benchmarks.terminal_bench import COLUMNS, LINES, _cpu_ticks, _installed_command
from liaison_tui.store.store import Store


def main(arguments: list[str]) -> None:
    path, runs, versions = arguments[0], int(arguments[1]), [v.split("=", 1) for v in arguments[2:]]
    officers = len(Store.open(path, read_only=True).data.officers)
    program = our_app(_installed_command(), path, officers)
    ticks = os.sysconf("SC_CLK_TCK")
    wall: dict[str, list[float]] = {name: [] for name, _ in versions}
    cpu: dict[str, list[float]] = {name: [] for name, _ in versions}
    for run in range(runs + 1):  # the first round untimed: modules compiled, files in the page cache
        for name, source in versions:
            terminal = Terminal(program.argv, COLUMNS, LINES, env={"PYTHONPATH": source} if source else {})
            try:
                took = terminal.wait_until(program.drawn)
                used = _cpu_ticks(terminal.process.pid) / ticks
            finally:
                terminal.close()
            if run:
                wall[name].append(took)
                cpu[name].append(used)
    print(f"{Path(path).name}: {officers:,} officers, {runs} runs each, load average {os.getloadavg()[0]:.1f}")
    for name, _ in versions:
        times, used = wall[name], cpu[name]
        print(
            f"{name:>10}: {statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f}), "
            f"CPU {statistics.median(used):.2f} s ({min(used):.2f}–{max(used):.2f})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
