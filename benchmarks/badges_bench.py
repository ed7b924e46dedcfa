"""``export badges`` as installed: the real command on the benchmark's file, badges for every officer.

Timed from process start to the PDF written (laid out in parts over a process
pool), with the page count read back so a run that printed nothing cannot pass.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.figures import Figure
from liaison_tui.store.store import Store


def _command() -> list[str]:
    installed = shutil.which("liaison-tui")
    return [installed] if installed else [sys.executable, "-m", "liaison_tui"]


def bench_badges(path: Path, size: int, repeat: int) -> list[Figure]:
    from pypdf import PdfReader

    officers = len(Store.open(path, read_only=True).data.officers)
    figure = Figure(size, "export badges (PDF, 10 a page)", [], unit="s", target="< 60 s at 10k")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "badges.pdf"
        for _ in range(max(1, min(repeat, 3))):  # each run is long: three are enough for a median
            started = time.perf_counter()
            subprocess.run([*_command(), "--db", str(path), "export", "badges", "-o", str(target)], check=True)
            figure.ours.append(time.perf_counter() - started)
            assert len(PdfReader(target).pages) == math.ceil(officers / 10), "badges missing from the PDF"
    figure.met = figure.median < 60 if size <= 10_000 else None
    return [figure]
