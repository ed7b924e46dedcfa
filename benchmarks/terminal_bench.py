"""Real-terminal figures for the runner: launch to the first screen beside visidata and a minimal
Textual app (interleaved, in one run), and key latency to the updated screen."""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

from benchmarks.figures import Figure, p95
from benchmarks.terminal import Program, Terminal, launch_time, minimal_textual, our_app, visidata
from liaison_tui.domain.kinds import Kind
from liaison_tui.spreadsheets.exporting import table_csv
from liaison_tui.store.store import Store

COLUMNS, LINES = 160, 48
KEY_PRESSES = 20  # per key kind and run
ARROW_DOWN, TAB = b"\x1b[B", b"\t"


def _installed_command() -> list[str]:
    """``liaison-tui`` as installed beside this Python, as a user starts it."""
    script = Path(sys.executable).with_name("liaison-tui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "liaison_tui"]


def bench_terminal(path: Path, size: int, repeat: int) -> list[Figure]:
    data = Store.open(path, read_only=True).data
    officers = len(data.officers)
    csv_path = path.with_suffix(".officers.csv")  # what `export csv --table officers` writes
    csv_path.write_text(table_csv(data, Kind.OFFICER), encoding="utf-8", newline="")
    ours = our_app(_installed_command(), str(path), officers)
    programs = [ours, visidata(str(csv_path), officers), minimal_textual()]
    times: dict[str, list[float]] = {program.label: [] for program in programs}
    for program in programs:  # once untimed: modules compiled to bytecode as an installation has them
        launch_time(program, COLUMNS, LINES)
    for _ in range(repeat):  # interleaved, so a slow moment of the machine hits all three alike
        for program in programs:
            times[program.label].append(launch_time(program, COLUMNS, LINES))
    launch = Figure(size, f"launch to full first screen (real terminal {COLUMNS}x{LINES})", times["liaison-tui"], "s")
    launch.plain = times["visidata"]
    floor = Figure(
        size, "launch to first screen: minimal Textual app (real terminal)", times["minimal Textual app"], "s"
    )
    figures = [launch, floor, *_key_latency(ours, size, repeat)]
    if size >= 10_000:
        above = launch.median - floor.median
        ratio = launch.median / statistics.median(launch.plain)
        launch.target = "≤ visidata, ≤ minimal + 0.2 s" if size <= 10_000 else "≤ 1.0 s every run"
        launch.met = ratio <= 1.0 and above <= 0.2 if size <= 10_000 else max(launch.ours) <= 1.0
    return figures


def _key_latency(program: Program, size: int, repeat: int) -> list[Figure]:
    """Each key's time to the first change of the screen (the response seen) and to the settled screen."""
    kinds: dict[str, list[tuple[float, float]]] = {"cursor move": [], "Tab to the next pane": [], "day change": []}
    for _ in range(repeat):
        terminal = Terminal(program.argv, COLUMNS, LINES)
        try:
            terminal.wait_until(program.drawn)
            _let_start_finish(terminal)
            for _ in range(KEY_PRESSES):
                kinds["cursor move"].append(terminal.key_latency(ARROW_DOWN))
            for _ in range(KEY_PRESSES):
                kinds["Tab to the next pane"].append(terminal.key_latency(TAB))
            while "Day" not in terminal.lines()[-1]:  # Tab on to the itinerary, whose key hints name the day keys
                terminal.key_latency(TAB)
            # Next day, then back; from the visit's last day (the clock decides which day shows), back first.
            keys = (b"h", b"l") if re.search(r"Day (\d+) of \1 ", "\n".join(terminal.lines())) else (b"l", b"h")
            for press in range(KEY_PRESSES):
                kinds["day change"].append(terminal.key_latency(keys[press % 2]))
        finally:
            terminal.close()
    figures = []
    for kind, samples in kinds.items():
        first = Figure(size, f"key to first change: {kind} (real terminal, p95)", [p95([s[0] for s in samples]) * 1000])
        settled = Figure(
            size, f"key to settled screen: {kind} (real terminal, p95)", [p95([s[1] for s in samples]) * 1000]
        )
        if size >= 50_000:
            settled.target, settled.met = "≤ 30 ms p95", settled.median <= 30
        figures += [first, settled]
    return figures


def _let_start_finish(terminal: Terminal) -> None:
    """Wait until the app is idle: the work it does after its first frame (the lookup index) is over.

    Nothing on screen tells, so watch the process's CPU time: idle means under 5% of a core for 0.5 s.
    """
    ticks_per_second = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        before = _cpu_ticks(terminal.process.pid)
        terminal.settle()
        time.sleep(0.5)
        if (_cpu_ticks(terminal.process.pid) - before) / ticks_per_second < 0.025:
            return


def _cpu_ticks(pid: int) -> int:
    """User and system CPU time of a process so far, in clock ticks (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15 of stat(5)
