"""The JSON file survives failed writes and is shared safely between stores."""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import City, Officer
from liaison_tui.store import backups
from liaison_tui.store.storage import StorageError, backup_path
from liaison_tui.store.store import Store


class FullDisk:
    """A file whose every write fails as on a full disk."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    def writelines(self, pieces: object) -> None:  # a save writes the file's lines as they are held
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        self.handle.flush()

    def fileno(self) -> int:
        return self.handle.fileno()


def test_a_save_fsyncs_the_file_then_its_folder(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the rename the folder is fsynced too, or a power cut could bring the old file back."""
    store = Store.open(sample_file)
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        is_folder = stat.S_ISDIR(os.fstat(descriptor).st_mode)
        events.append(f"fsync {'folder' if is_folder else 'file'}")
        real_fsync(descriptor)

    def replace(source: str | Path, target: str | Path) -> None:
        events.append(f"replace {Path(target).name}")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store.commit([added(City(name="Busan"))])
    monkeypatch.undo()
    landed = events.index(f"replace {sample_file.name}")
    assert "fsync file" in events[:landed]
    assert "fsync folder" in events[landed:]


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_interrupted_write_leaves_previous_file(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan"))])  # so a backup exists too
    before = sample_file.read_bytes()
    counts = store.data.counts()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":  # the disk fills up while the new version is being written
        real_fdopen = os.fdopen
        monkeypatch.setattr("liaison_tui.store.atomic.os.fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(f"liaison_tui.store.storage.os.{failing}", fail)
    with pytest.raises(StorageError) as refused:
        store.commit([added(City(name="Osaka"))])
    assert str(refused.value) == f"{sample_file}: could not save (No space left on device); the file is unchanged"
    monkeypatch.undo()

    assert sample_file.read_bytes() == before
    assert store.data.counts() == counts
    assert not [p for p in sample_file.parent.iterdir() if p.name.endswith(".tmp")]
    store.commit([added(City(name="Osaka"))])  # the store still works afterwards
    assert Store.open(sample_file).data.counts()["cities"] == counts["cities"] + 1


def test_backup_is_copied_where_hard_links_fail(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*args: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr("liaison_tui.store.storage.os.link", no_links)
    before = sample_file.read_bytes()
    Store.open(sample_file).commit([added(City(name="Busan"))])
    assert backup_path(sample_file).read_bytes() == before


def test_two_stores_on_one_file_keep_both_changes(sample_file: Path) -> None:
    first, second = Store.open(sample_file), Store.open(sample_file)
    first.commit([added(City(name="Busan"))])
    result = second.commit([added(City(name="Osaka"))])
    assert result.reloaded
    names = {c.name for c in Store.open(sample_file).data.cities.values()}
    assert {"Busan", "Osaka"} <= names
    assert first.reload_if_changed()
    assert {c.name for c in first.data.cities.values()} == names


def test_same_record_edited_twice_is_refused_not_lost(sample_file: Path) -> None:
    first, second = Store.open(sample_file), Store.open(sample_file)
    officer = next(o for o in first.data.officers.values() if o.name == "Henri Kahonen")
    first.commit([changed(officer, dataclasses.replace(officer, hotel="Hotel A"))])
    with pytest.raises(StorageError, match="changed elsewhere"):
        second.commit([changed(officer, dataclasses.replace(officer, hotel="Hotel B"))])
    reread: Officer = Store.open(sample_file).data.officers[officer.id]
    assert reread.hotel == "Hotel A"


def test_new_file_is_owner_only_and_backup_kept(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    store = Store.open(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    first = path.read_bytes()
    store.commit([added(City(name="Busan"))])
    assert backup_path(path).read_bytes() == first
    assert stat.S_IMODE(os.stat(backup_path(path)).st_mode) == 0o600


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as refused:
        Store.open(tmp_path / "missing" / "x.json")
    missing = tmp_path / "missing"
    assert str(refused.value) == f"{missing / 'x.json'}: the folder {missing} does not exist"


def test_a_save_keeps_the_permissions_the_file_was_given(sample_file: Path) -> None:
    """Shared with a colleague's group on purpose (0o640): a save must not take that away, nor widen it."""
    sample_file.chmod(0o640)
    Store.open(sample_file).commit([added(City(name="Busan"))])
    assert stat.S_IMODE(os.stat(sample_file).st_mode) == 0o640


def test_a_lock_held_elsewhere_gives_a_clear_error(sample_file: Path) -> None:
    import fcntl
    import os

    store = Store.open(sample_file)
    store._storage.lock_policy.timeout = 0.2  # type: ignore[union-attr]
    holder = os.open(f"{sample_file}.lock", os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as a hung writer in another program would
    try:
        before = sample_file.read_bytes()
        with pytest.raises(StorageError, match="locked by another program"):
            store.commit([added(City(name="Busan"))])
        assert sample_file.read_bytes() == before
    finally:
        fcntl.flock(holder, fcntl.LOCK_UN)
        os.close(holder)
    store.commit([added(City(name="Busan"))])  # works again once the lock is free


def test_saves_do_not_read_the_backup_this_process_wrote(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The backup rule needs the backup's record count: a store remembers the counts of the versions it
    read or wrote, so saving never parses the backup again (a 20 MB file would take seconds a save)."""
    parsed: list[Path] = []
    count_records = backups._count_records

    def counting(backup: Path, size: int, size_limit: int) -> int:
        parsed.append(backup)
        return count_records(backup, size, size_limit)

    monkeypatch.setattr(backups, "_count_records", counting)
    Store.open(sample_file).commit([added(City(name="Busan"))])  # another program's save: a backup now exists
    store = Store.open(sample_file)
    for name in ("Osaka", "Kyoto", "Nara"):
        store.commit([added(City(name=name))])
    assert parsed == [backup_path(sample_file)]  # once: the backup another program wrote, never its own
    assert "Kyoto" in {c.name for c in Store.open(backup_path(sample_file), read_only=True).data.cities.values()}
