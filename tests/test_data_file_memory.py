"""Reading a data file holds its records in about their size on disk (issue 14): parsed only when used."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from liaison_tui.domain.demo import generate
from liaison_tui.store.storage import read_version
from liaison_tui.store.store import Store


def test_reading_a_file_holds_its_records_in_about_their_size_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "network.json"
    Store.open(path).commit(generate(cities=10, officers=2_000, days=2))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        version = read_version(path)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(version.tables["officers"]) == 2_000
    # Its bytes and their record lines: about 2.4 times its size. Parsed whole, it would be about 5.5 times.
    assert held < 3 * size, (held, size)
