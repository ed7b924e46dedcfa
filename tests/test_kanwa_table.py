"""pykakasi's kanji dictionary, packed: the same readings, far less memory, and any trouble falls back."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pykakasi")

from pykakasi.properties import Configurations

from liaison_tui.lookup.kanwa_table import PackedTable, _load_packed

SOURCE = Path(str(Configurations.data_path)) / Configurations.jisyo_kanwa

# In a fresh process: what the lookup reads for Japanese names, and how pykakasi holds its dictionary.
PROBE = """
import json, re
from pathlib import Path
from liaison_tui.lookup import readings, romanise
from pykakasi.kanji import Kanwa
forms = [list(romanise.sound_forms(name, True)) for name in ("佐藤遥", "カホネン マリット", "山田太郎")]
table = type(Kanwa._shared_state["_jisyo_table"]).__name__
rss = int(re.search(r"VmRSS:\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1)) // 1024
print(json.dumps({"forms": forms, "kanji": readings._kanji_readings()("健"), "table": table, "rss": rss}))
"""


def _probe(cache: Path) -> dict[str, object]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_every_entry_reads_as_in_pykakasis_own_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    packed = _load_packed(SOURCE)
    assert packed is not None
    with SOURCE.open("rb") as file:
        original = pickle.load(file)
    table = PackedTable(packed)
    assert packed.keys() == original.keys()
    assert all(table.get(key) == entry for key, entry in original.items())
    assert table.get(ord("a")) is None and table.get(ord("a"), {}) == {}


def test_names_read_the_same_packed_and_unpacked_with_far_less_memory(tmp_path: Path) -> None:
    first = _probe(tmp_path / "cache")  # makes the packed copy
    again = _probe(tmp_path / "cache")  # reads it
    assert first["table"] == again["table"] == "PackedTable"
    assert list((tmp_path / "cache" / "liaison-tui").glob("kanwa-*.marshal"))
    unusable = tmp_path / "not-a-directory"
    unusable.write_text("a file where the cache directory would go", encoding="utf-8")
    unpacked = _probe(unusable)  # no cache can be made: pykakasi loads its own dictionary, as before
    assert unpacked["table"] == "dict"
    assert first["forms"] == again["forms"] == unpacked["forms"]
    assert first["kanji"] == unpacked["kanji"] == ["takeshi", "ken", "take", "takeru"]
    assert list(first["forms"][0]) >= ["satouharuka", "harukasatou"]  # type: ignore[index,operator]
    assert int(unpacked["rss"]) - int(again["rss"]) > 50  # MB: pykakasi's dictionary as objects is ~110 MB


def test_a_damaged_packed_copy_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _load_packed(SOURCE) is not None
    [made] = (tmp_path / "liaison-tui").glob("kanwa-*.marshal")
    made.write_bytes(b"\x00garbage")
    assert _load_packed(SOURCE) is None and not made.exists()  # this time pykakasi's own; then packed again
    assert _load_packed(SOURCE) is not None and made.exists()
