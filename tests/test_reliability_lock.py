"""The writers' lock under attack: its file deleted while writers run, and a symlinked data file.

Real processes, as in ``test_reliability_processes``; ``LIAISON_TUI_LONG=1``
runs the long version the README quotes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from liaison_tui.domain.edits import added
from liaison_tui.domain.model import Officer
from liaison_tui.store.store import Store

LONG = os.environ.get("LIAISON_TUI_LONG") == "1"
ROUNDS = 150 if LONG else 40  # each round is two saves: 300 saves per writer in the long run
HELPERS = Path(__file__).parent / "helpers"


def test_deleting_the_lock_file_while_writers_run_loses_no_save(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    names = ["editor0", "editor1"]
    Store.open(path).commit([added(Officer(name=name, notes="0")) for name in [*names, "shared"]])
    deleter = subprocess.Popen(
        [sys.executable, str(HELPERS / "lock_deleter.py"), f"{path}.lock"], stdout=subprocess.PIPE, text=True
    )
    try:
        editors = [
            subprocess.Popen(
                [sys.executable, str(HELPERS / "concurrent_editor.py"), str(path), name, str(ROUNDS)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for name in names
        ]
        outputs = [editor.communicate(timeout=300)[0] for editor in editors]
    finally:
        deleter.send_signal(signal.SIGTERM)
        deletions = int(deleter.communicate(timeout=30)[0] or 0)
    assert all(editor.returncode == 0 for editor in editors), outputs
    officers = {o.name: o for o in Store.open(path, read_only=True).data.officers.values()}
    saves = ROUNDS * 2 * len(names)
    counted = sum(int(officers[name].notes) for name in [*names, "shared"])
    lost = saves - counted
    print(f"{len(names)} writers, {saves} saves, lock file deleted {deletions} times: {lost} lost")
    assert deletions > 0  # the deleter really ran while they wrote
    assert lost == 0


LOCKED_OUT = """
import sys
import liaison_tui.store.storage as storage
from liaison_tui.store.store import Store
storage.LOCK_TIMEOUT = 0.3
try:
    Store.open(sys.argv[1])
except storage.StorageError as error:
    print(error)
"""


def test_a_symlinked_data_file_is_written_through_and_locked_as_the_real_file(
    tmp_path: Path, sample_file: Path
) -> None:
    real = tmp_path / "sync" / "real.json"
    real.parent.mkdir()
    sample_file.rename(real)
    link = tmp_path / "link.json"
    link.symlink_to(Path("sync") / "real.json")
    store = Store.open(link)
    store.commit([added(Officer(name="Through The Link"))])
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "Through The Link" in {o.name for o in Store.open(real, read_only=True).data.officers.values()}
    assert (real.parent / "real.json.bak").exists()
    with store._storage.lock():  # as the link's user does while saving
        other = subprocess.run(
            [sys.executable, "-c", LOCKED_OUT, str(real)], capture_output=True, text=True, timeout=60, check=True
        )
    assert "locked by another program" in other.stdout
    assert link.is_symlink() and not (tmp_path / "link.json.lock").exists()
