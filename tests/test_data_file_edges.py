"""Hand-edited meta, huge files, read-only files and refusals that must leave nothing behind."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from liaison_tui import launcher
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import City
from liaison_tui.store import locking
from liaison_tui.store.errors import DataFileGoneError
from liaison_tui.store.storage import StorageError, backup_path, megabytes
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from ui_helpers import make_app

# -- meta (issue 10 item 10) ---------------------------------------------------


def with_meta(sample_file: Path, **fields: Any) -> Path:
    tables = json.loads(sample_file.read_text())
    tables["meta"]["1"].update(fields)
    sample_file.write_text(json.dumps(tables))
    return sample_file


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"next_ids": "garbage"}, "meta.next_ids: expected a table of next ids"),
        ({"next_ids": {"officers": "x"}}, "meta.next_ids.officers: expected a whole number"),
        ({"next_ids": {"rockets": 3}}, "meta.next_ids: unknown table 'rockets'"),
        ({"file_id": 7}, "meta.file_id: expected text"),
    ],
)
@pytest.mark.parametrize("command", [["check"], ["summary"], []])
def test_a_bad_meta_table_is_a_message_not_a_traceback(
    sample_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fields: dict[str, Any],
    message: str,
    command: list[str],
) -> None:
    path = with_meta(sample_file, **fields)
    before = path.read_bytes()
    if command:
        monkeypatch.setattr("liaison_tui.ui.app.LiaisonApp.run", lambda self: pytest.fail("the app started"))
    else:  # the app draws its loading line at once, then ends on the file's problem, told as the commands tell it
        original_run = LiaisonApp.run
        monkeypatch.setattr(LiaisonApp, "run", lambda self: original_run(self, headless=True, size=(80, 24)))
    assert launcher.main(["--db", str(path), *command]) == 1
    err = capsys.readouterr().err
    assert message in err and str(path) in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_next_ids_below_existing_ids_are_repaired(sample_file: Path, tmp_path: Path) -> None:
    path = with_meta(sample_file, next_ids={"officers": 1, "cities": 2})
    existing = Store.open(path, read_only=True).data.officers
    registration = tmp_path / "new.csv"
    registration.write_text("Name,City\r\nAino Virtanen,Helsinki\r\n")
    assert launcher.main(["--db", str(path), "import", "officers", str(registration)]) == 0
    officers = Store.open(path).data.officers
    assert {i: officers[i] for i in existing} == existing  # nobody overwritten
    (new,) = (o for o in officers.values() if o.name == "Aino Virtanen")
    assert new.id == max(existing) + 1
    next_ids = json.loads(path.read_text())["meta"]["1"]["next_ids"]
    assert next_ids["officers"] == new.id + 1 and next_ids["cities"] > 2


# -- size (item 15) --------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_on_opening(
    sample_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("liaison_tui.store.storage.MAX_FILE_BYTES", 4_000)
    assert launcher.main(["--db", str(sample_file), "check"]) == 1
    err = capsys.readouterr().err
    size = f"{sample_file.stat().st_size / 1000:.1f} kB"
    limit = "over the 4.0 kB limit for a data file (50,000 officers in 83 cities take about 21 MB)"
    assert f"{sample_file}: the file is {size}, {limit}" in err


def test_a_save_that_would_pass_the_size_limit_writes_nothing(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(sample_file)
    store.commit([])  # written as saves write it (compact)
    before, backup, counts = sample_file.read_bytes(), backup_path(sample_file).read_bytes(), store.data.counts()
    monkeypatch.setattr("liaison_tui.store.storage.MAX_FILE_BYTES", len(before) + 1_000)
    told = r"this change would make the file \d+\.\d kB, over the \d+\.\d kB limit for a data file; nothing was saved$"
    with pytest.raises(StorageError, match=f"^{re.escape(str(sample_file))}: {told}"):
        store.commit([added(City(name="Busan", notes="x" * 2_000))])
    assert sample_file.read_bytes() == before and store.data.counts() == counts
    assert backup_path(sample_file).read_bytes() == backup
    assert not [p for p in sample_file.parent.iterdir() if p.name.endswith(".tmp")]
    store.commit([added(City(name="Busan"))])  # a small change still saves


def test_a_save_to_exactly_the_size_limit_is_made(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(sample_file)
    store.commit([])  # written as saves write it (compact); saving again gives the same size
    monkeypatch.setattr("liaison_tui.store.storage.MAX_FILE_BYTES", sample_file.stat().st_size)
    store.commit([])
    assert Store.open(sample_file).data.counts() == store.data.counts()


def test_closing_after_a_save_or_a_refused_save_writes_nothing(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saver = Store.open(sample_file)
    saver.commit([])
    before = os.stat(sample_file)
    saver.close()
    Store.open(sample_file).close()  # opened and closed without a save
    after = os.stat(sample_file)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    store = Store.open(sample_file)
    monkeypatch.setattr("liaison_tui.store.storage.MAX_FILE_BYTES", before.st_size + 1_000)
    with pytest.raises(StorageError, match="nothing was saved"):
        store.commit([added(City(name="Busan", notes="x" * 2_000))])
    store.close()
    after = os.stat(sample_file)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.parametrize(
    ("size", "told"),
    [(4_000, "4.0 kB"), (1_050, "1.1 kB"), (99_999, "100.0 kB"), (100_000, "0.1 MB"), (1_050_000, "1.1 MB")],
)
def test_sizes_are_told_in_kilobytes_then_megabytes(size: int, told: str) -> None:
    assert megabytes(size) == told


def test_a_reload_does_not_need_the_writers_lock(sample_file: Path) -> None:
    viewer, writer = Store.open(sample_file), Store.open(sample_file)
    viewer._storage.lock_policy.timeout = 0.2  # type: ignore[union-attr]
    writer.commit([added(City(name="Busan"))])
    held = locking.acquire(sample_file, locking.LockPolicy(1.0))  # another program in the middle of a long save
    try:
        assert viewer.reload_if_changed()
    finally:
        held.release()
    assert "Busan" in {c.name for c in viewer.data.cities.values()}


# -- smaller refusals (item 16) --------------------------------------------------


def test_a_damaged_backup_is_not_offered_as_the_previous_version(sample_file: Path) -> None:
    Store.open(sample_file).commit([])  # a backup exists
    sample_file.write_bytes(b"{")
    with pytest.raises(StorageError, match="previous version is kept"):
        Store.open(sample_file)  # a sound backup is named
    backup_path(sample_file).write_bytes(b"\x00garbage")
    with pytest.raises(StorageError) as caught:
        Store.open(sample_file)
    assert "not a valid JSON" in str(caught.value) and "previous version" not in str(caught.value)
    assert str(caught.value).endswith(")")  # the parser's reason ends it: nothing is added


def test_looking_at_the_backup_changes_nothing_beside_the_file(sample_file: Path) -> None:
    """Whether the backup is sound is read, never written: no lock file, no migration, no clean-up."""
    Store.open(sample_file).commit([])  # a backup exists
    sample_file.write_bytes(b"{")
    backup = backup_path(sample_file).read_bytes()
    folder = sorted(p.name for p in sample_file.parent.iterdir())
    with pytest.raises(StorageError, match="previous version is kept"):
        Store.open(sample_file)
    assert backup_path(sample_file).read_bytes() == backup
    assert sorted(p.name for p in sample_file.parent.iterdir()) == folder


def test_a_lock_timeout_does_not_point_at_the_backup(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(sample_file).commit([])  # a backup exists
    monkeypatch.setattr("liaison_tui.store.storage.LOCK_TIMEOUT", 0.2)
    held = locking.acquire(sample_file, locking.LockPolicy(1.0))
    try:
        with pytest.raises(StorageError) as caught:
            Store.open(sample_file)
    finally:
        held.release()
    assert "locked by another program" in str(caught.value) and ".bak" not in str(caught.value)


@pytest.mark.parametrize("content", [b'{"meta": {"1": {"schema": 99}}}', b"not json"])
def test_a_refused_file_leaves_no_lock_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(content)
    with pytest.raises(StorageError):
        Store.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


@pytest.fixture
def read_only_file(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample with mode 0400; tests run as root, so the OS's refusal is simulated."""
    sample_file.chmod(0o400)
    real_access: Callable[..., bool] = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == sample_file and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    return sample_file


def test_cli_write_commands_refuse_a_read_only_file(
    read_only_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = read_only_file.read_bytes()
    registration = tmp_path / "new.csv"
    registration.write_text("Name,City\r\nAino Virtanen,Helsinki\r\n")
    assert launcher.main(["--db", str(read_only_file), "import", "officers", str(registration)]) == 1
    assert capsys.readouterr().err == f"liaison-tui: {read_only_file} is read-only; nothing was saved\n"
    assert launcher.main(["--db", str(read_only_file), "summary", "roster"]) == 0  # reading still works
    assert read_only_file.read_bytes() == before
    assert not backup_path(read_only_file).exists()


async def test_the_app_shows_a_read_only_file_for_viewing_only(read_only_file: Path) -> None:
    before = read_only_file.read_bytes()
    app = make_app(read_only_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await app.save([added(City(name="Busan"))], "Added Busan") is None
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
    assert any("read-only file; viewing only" in m for m in messages), messages
    assert any(f"{read_only_file} is read-only; nothing was saved" in m for m in messages), messages
    assert read_only_file.read_bytes() == before


@pytest.mark.parametrize(
    ("damage", "message"),
    [(b"{", "not a valid JSON"), (b'{"cities": {"1": {"name": 5}}}', "city #1: name: expected text, found int")],
    ids=["unreadable", "invalid records"],
)
def test_a_file_damaged_while_open_is_reported_once_and_never_written_over(
    sample_file: Path, damage: bytes, message: str
) -> None:
    store = Store.open(sample_file)
    counts = store.data.counts()
    sample_file.write_bytes(damage)
    with pytest.raises(StorageError, match=message):
        store.reload_if_changed()
    assert not store.reload_if_changed()  # the app's watch does not repeat the message every second
    with pytest.raises(StorageError, match=message):
        store.commit([added(City(name="Busan"))])
    assert not store.reload_if_changed()  # the refused save said it: the watch stays quiet too
    assert sample_file.read_bytes() == damage and store.data.counts() == counts


def test_a_broken_record_line_is_told_naming_the_file_and_the_fault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from liaison_tui.cli.main import main

    path = tmp_path / "tour.json"
    assert main(["--db", str(path), "demo", "--cities", "2", "--officers", "3"]) == 0
    raw = path.read_bytes()
    at = raw.index(b'"organisation"')
    path.write_bytes(raw[:at] + b'"organisation" "X",' + raw[at:])  # a colon missing: no record, nor JSON
    capsys.readouterr()
    assert main(["--db", str(path), "check"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"liaison-tui: {path}: not a valid JSON data file ("), first
    assert "expected ':' after key: line " in first  # where the parser stopped, to find the fault by hand


def test_a_data_files_folder_replaced_by_a_file_is_told_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "tour"
    folder.mkdir()
    store = Store.open(folder / "data.json")
    folder.rename(tmp_path / "moved")
    folder.write_text("not a folder")
    with pytest.raises(StorageError) as refused:
        store.reload_if_changed()
    assert str(refused.value) == f"{folder / 'data.json'}: cannot read the file (Not a directory)"


def test_a_store_opened_for_reading_refuses_a_save_naming_the_file(sample_file: Path) -> None:
    before = sample_file.read_bytes()
    store = Store.open(sample_file, read_only=True)  # as the reading commands and the web view open it
    with pytest.raises(StorageError) as refused:
        store.commit([added(City(name="Busan"))])
    assert str(refused.value) == f"{sample_file}: opened read-only"
    assert sample_file.read_bytes() == before


def test_a_data_file_gone_while_open_is_told_naming_it(sample_file: Path) -> None:
    store = Store.open(sample_file)
    sample_file.unlink()
    with pytest.raises(DataFileGoneError) as gone:
        store.reload_if_changed()
    assert str(gone.value) == f"{sample_file}: the data file is gone (moved or deleted)"


def test_a_save_after_the_file_was_reported_gone_is_refused_naming_it(sample_file: Path) -> None:
    store = Store.open(sample_file)
    sample_file.unlink()
    with pytest.raises(DataFileGoneError):
        store.reload_if_changed()  # the app's watch reports it once
    with pytest.raises(DataFileGoneError) as refused:
        store.commit([added(City(name="Busan"))])
    assert str(refused.value) == f"{sample_file}: the data file is gone (moved or deleted); nothing was saved"
    assert not sample_file.exists()  # never written anew with what may be part of the data


def test_a_save_by_another_program_while_this_one_opens_is_seen(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Store.open(sample_file)
    take_lock = locking.acquire

    def another_save_first(path: Path, policy: locking.LockPolicy) -> locking.HeldLock:
        monkeypatch.setattr(locking, "acquire", take_lock)
        other.commit([added(City(name="Busan"))])  # between this opening's read and its lock
        return take_lock(path, policy)

    monkeypatch.setattr(locking, "acquire", another_save_first)
    store = Store.open(sample_file)
    assert "Busan" in {city.name for city in store.data.cities.values()}
