"""The benchmark runner works (CI runs it at 1,000 officers only; see README, Performance)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_runner_at_one_thousand_officers(tmp_path: Path) -> None:
    markdown = tmp_path / "bench.md"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--sizes", "1000", "--repeat", "1", "--markdown", str(markdown)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    table = markdown.read_text()
    measures = ("durable edit: add", "start to first frame", "lookup per keystroke (p95)", "export ics")
    real_terminal = ("launch to full first screen (real terminal", "key to settled screen: day change")
    mixed = ("mixed scripts: lookup per keystroke (p95)", "index memory (tracemalloc)")
    for measure in (*measures, *real_terminal, *mixed):
        assert measure in table
    assert "ours top 3" in result.stderr and "MISSED" not in result.stderr
