"""Crash and concurrency: real processes, real kills, the real data file.

The kill count and the rounds are short by default so the suite stays quick;
``LIAISON_TUI_LONG=1 pytest tests/test_reliability_processes.py`` runs the
full version (200 kills, hundreds of changes per process) that the README
quotes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from liaison_tui.domain.demo import generate
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import Officer
from liaison_tui.store.storage import backup_path
from liaison_tui.store.store import Store

LONG = os.environ.get("LIAISON_TUI_LONG") == "1"
KILLS = 200 if LONG else 25
ROUNDS = 300 if LONG else 40
HELPERS = Path(__file__).parent / "helpers"


def writer_file(tmp_path: Path) -> Path:
    """A file big enough that saves take a few milliseconds, with the counter officer."""
    path = tmp_path / "crash.json"
    store = Store.open(path)
    store.commit(generate(cities=20, officers=2000, days=4))
    store.commit([added(Officer(name="counter", notes="0"))])
    return path


def test_killed_writer_never_corrupts_or_loses_acknowledged_saves(tmp_path: Path) -> None:
    path, log = writer_file(tmp_path), tmp_path / "saved.log"
    rng = random.Random(20261129)
    survived = 0
    for _ in range(KILLS):
        saved_before = log.stat().st_size if log.exists() else 0
        writer = subprocess.Popen([sys.executable, str(HELPERS / "crash_writer.py"), str(path), str(log)])
        deadline = time.monotonic() + 30
        while (log.stat().st_size if log.exists() else 0) == saved_before and time.monotonic() < deadline:
            time.sleep(0.005)  # wait until it is saving, however slow this machine starts Python
        time.sleep(rng.uniform(0, 0.08))  # then kill it at a random moment in its stream of saves
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        data = Store.open(path, read_only=True).data  # parses and validates, or raises
        acknowledged = [int(line) for line in log.read_text().split()] if log.exists() else []
        names = {o.name: o for o in data.officers.values()}
        counter = int(names["counter"].notes)
        last = acknowledged[-1] if acknowledged else 0
        # Every acknowledged save is in the file; at most the one in flight went further.
        assert counter in (last, last + 1), (counter, last)
        assert all(f"w{n}" in names for n in range(max(1, counter - 4), counter + 1))
        assert not any(f"w{n}" in names for n in range(1, counter - 4))
        survived += 1
    assert survived == KILLS
    assert len(acknowledged) > KILLS  # the writer really was saving between kills
    print(f"{KILLS} kills, {len(acknowledged)} acknowledged saves: 0 corrupted files, 0 lost saves")
    Store.open(backup_path(path), read_only=True)  # the backup is a sound file too
    Store.open(path)  # a writable open clears the temporary files killed writers left
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("processes", [2, 4])
def test_processes_editing_one_file_lose_nothing(tmp_path: Path, processes: int) -> None:
    path = tmp_path / "shared.json"
    names = [f"editor{i}" for i in range(processes)]
    Store.open(path).commit([added(Officer(name=name, notes="0")) for name in [*names, "shared"]])
    editors = [
        subprocess.Popen(
            [sys.executable, str(HELPERS / "concurrent_editor.py"), str(path), name, str(ROUNDS)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    refused = [int(editor.communicate(timeout=300)[0]) for editor in editors]
    assert all(editor.returncode == 0 for editor in editors)
    officers = {o.name: o for o in Store.open(path, read_only=True).data.officers.values()}
    assert all(officers[name].notes == str(ROUNDS) for name in names)  # each process's own record
    assert officers["shared"].notes == str(ROUNDS * processes)  # the shared one: no increment lost
    print(f"{processes} processes, {ROUNDS * 2} changes each, {sum(refused)} stale edits refused and retried")


def holds_open(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open (it is waiting for, or holding, that lock)."""
    folder = Path(f"/proc/{pid}/fd")
    with contextlib.suppress(OSError):
        return any(os.path.realpath(fd) == str(path) for fd in folder.iterdir())
    return False


def test_two_imports_of_one_file_at_once_add_each_officer_once(sample_file: Path, tmp_path: Path) -> None:
    rows = 5000 if LONG else 500
    registration = tmp_path / "registration.csv"
    registration.write_text("Name,Email\n" + "".join(f"Officer {i},officer{i}@example.org\n" for i in range(rows)))
    before = len(Store.open(sample_file).data.officers)
    lock = Path(os.path.realpath(sample_file.parent))  # writers lock the folder first (store/locking.py)
    holder = os.open(lock, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # both imports start, then wait here: they read the same data
    try:
        command = [sys.executable, "-m", "liaison_tui", "--db", str(sample_file), "import", "officers"]
        imports = [
            subprocess.Popen(
                [*command, str(registration)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        deadline = time.monotonic() + 30
        while not all(holds_open(i.pid, lock) for i in imports) and time.monotonic() < deadline:
            time.sleep(0.005)
    finally:
        fcntl.flock(holder, fcntl.LOCK_UN)
        os.close(holder)
    outputs = [i.communicate(timeout=120) for i in imports]
    assert [i.returncode for i in imports] == [0, 0], outputs
    officers = Store.open(sample_file, read_only=True).data.officers.values()
    emails = [o.email for o in officers if o.email.startswith("officer")]
    assert len(officers) == before + rows and len(set(emails)) == rows
    added = sorted(int(re.search(r"(\d+) added", out).group(1)) for out, _ in outputs)  # type: ignore[union-attr]
    assert added == [0, rows]  # the second import found every officer already there
    assert any(f"{rows} unchanged" in out for out, _ in outputs)
    print(f"2 imports of {rows} rows at once: {len(officers) - before} officers added, 0 duplicated")
