"""pykakasi's kanji dictionary kept packed: a few MB of bytes instead of ~110 MB of Python objects.

pykakasi unpickles its whole kanji dictionary (kanwadict4.db, 6,800 entries by first
character, each a dict of words and readings) into memory the first time it reads a
kanji; the app then holds over 100 MB for the few dozen characters its names use.
Here each first character's entry is kept as ``marshal`` bytes and unpacked when
pykakasi asks for it (a few recent ones kept unpacked). The packed copy is made
once per installed dictionary by a child process (so the full unpickling never
raises this process's peak memory) and kept in the user's cache directory.
Whatever goes wrong (no cache directory, an unexpected pykakasi), pykakasi loads
its dictionary itself, as before: same readings, more memory.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path
from typing import Any

UNPACKED_KEPT = 256  # first characters kept unpacked: a roster's names use far fewer
_PACK = (  # the child: the only code that unpickles the whole dictionary
    "import marshal, os, pickle, sys\n"
    "source, target = sys.argv[1:3]\n"
    "with open(source, 'rb') as f: table = pickle.load(f)\n"
    "packed = marshal.dumps({key: marshal.dumps(entry) for key, entry in table.items()})\n"
    "temporary = f'{target}.{os.getpid()}.tmp'\n"
    "with open(temporary, 'wb') as f: f.write(packed)\n"
    "os.replace(temporary, target)\n"
)


class PackedTable:
    """The dictionary as pykakasi's ``Kanwa`` reads it (``get(ord(first character))``), unpacked per entry."""

    def __init__(self, packed: dict[int, bytes]) -> None:
        self._packed = packed
        self._unpacked: OrderedDict[int, Any] = OrderedDict()

    def get(self, key: int, default: Any = None) -> Any:
        if key in self._unpacked:
            self._unpacked.move_to_end(key)
            return self._unpacked[key]
        packed = self._packed.get(key)
        if packed is None:
            return default
        entry = marshal.loads(packed)
        self._unpacked[key] = entry
        if len(self._unpacked) > UNPACKED_KEPT:
            self._unpacked.popitem(last=False)
        return entry


def _cache_directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "liaison-tui"


def _packed_path(source: Path) -> Path:
    """One packed copy per installed dictionary: its size and time of change are in the name."""
    facts = source.stat()
    return _cache_directory() / f"kanwa-{facts.st_size}-{facts.st_mtime_ns}.marshal"


def _load_packed(source: Path) -> dict[int, bytes] | None:
    target = _packed_path(source)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-c", _PACK, str(source), str(target)], check=True, timeout=300)
    try:
        packed = marshal.loads(target.read_bytes())
    except (ValueError, EOFError, TypeError):
        packed = None
    if not isinstance(packed, dict) or not all(type(k) is int and type(v) is bytes for k, v in packed.items()):
        with contextlib.suppress(OSError):
            target.unlink()  # damaged, or not ours: made again next time
        return None
    return packed


def install() -> bool:
    """Give pykakasi the packed dictionary before it loads its own; False when it loads its own."""
    try:
        from pykakasi.kanji import Kanwa
        from pykakasi.properties import Configurations

        state: dict[str, Any] = Kanwa._shared_state
        if state.get("_jisyo_table") is not None:
            return isinstance(state["_jisyo_table"], PackedTable)
        source = Path(str(Configurations.data_path)) / Configurations.jisyo_kanwa  # where Kanwa() reads it
        packed = _load_packed(source)
    except (ImportError, AttributeError, TypeError, ValueError, EOFError, OSError, subprocess.SubprocessError):
        return False
    if packed is None:
        return False
    with state["_lock"]:
        if state.get("_jisyo_table") is None:
            state["_jisyo_table"] = PackedTable(packed)
    return isinstance(state["_jisyo_table"], PackedTable)
