"""The one atomic write: whole or nothing, owner-only, durable, no temporary file left behind."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from liaison_tui.domain.edits import added
from liaison_tui.domain.model import City
from liaison_tui.store import paths
from liaison_tui.store.atomic import FolderError, write_atomically
from liaison_tui.store.store import Store


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would make new files world-readable: the write must not care."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.usefixtures("open_umask")
def test_new_and_replaced_files_are_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomically(target, b"one")
    assert target.read_bytes() == b"one" and stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o644)
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_the_file_and_its_folder_are_fsynced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def recording(descriptor: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", recording)
    write_atomically(tmp_path / "out.txt", b"x")
    assert synced == ["file", "folder"]  # the contents before the rename, the rename after


@pytest.mark.parametrize("failing", ["fchmod", "fsync", "replace", "before_replace"])
def test_a_failure_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    hook = fail if failing == "before_replace" else None
    if failing != "before_replace":
        monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new", before_replace=hook)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_a_folder_error(tmp_path: Path) -> None:
    with pytest.raises(FolderError) as raised:
        write_atomically(tmp_path / "missing" / "out.txt", b"x")
    assert raised.value.filename == str(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


def test_default_data_file_copy_interrupted_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "data" / "liaison.json"

    def fail(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        paths.ensure_default_data_file(target)
    monkeypatch.undo()
    assert not target.exists() and leftovers(target.parent) == []
    assert paths.ensure_default_data_file(target)
    assert target.read_bytes() == paths.sample_bytes() and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_save_killed_before_its_rename_is_cleaned_up_on_the_next_opening(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A killed save leaves its temporaries: the next opening (under the lock) removes them, and only them."""
    store = Store.open(sample_file)
    before = sample_file.read_bytes()

    def killed(*args: object) -> None:
        raise KeyboardInterrupt  # the process dies between writing and renaming

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "unlink", lambda path: None)  # and cleans nothing up
    with pytest.raises(KeyboardInterrupt):
        store.commit([added(City(name="Busan"))])
    monkeypatch.undo()
    folder = sample_file.parent
    left = sorted(leftovers(folder))
    assert len(left) == 2 and all(
        name.startswith(f"{sample_file.name}.bak.") or name.startswith(f".{sample_file.name}.") for name in left
    )
    (folder / "notes.tmp").write_text("someone else's")
    Store.open(sample_file)
    assert leftovers(folder) == ["notes.tmp"] and sample_file.read_bytes() == before
