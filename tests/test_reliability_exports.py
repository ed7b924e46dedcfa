"""Where ``export -o`` writes: never over the data file, owner-only, through pipes, devices and links."""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import City
from liaison_tui.store.storage import backup_path
from liaison_tui.store.store import Store

FORMATS = [["ics"], ["csv", "--table", "officers"], ["md"], ["html"]]


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # the common umask: new files world-readable unless we say otherwise
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def data_file(sample_file: Path) -> Path:
    """The sample with a backup and a lock file beside it, as after any save."""
    Store.open(sample_file).commit([added(City(name="Busan"))])
    assert backup_path(sample_file).exists() and Path(f"{sample_file}.lock").exists()
    return sample_file


def export(data_file: Path, output: Path | str, *format_: str) -> int:
    return main(["--db", str(data_file), "export", *(format_ or ("md",)), "-o", str(output)])


def no_temporaries(*folders: Path) -> bool:
    return not [p for folder in folders for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- the data file and its companions are never an export target --------------


@pytest.mark.parametrize(
    "target",
    [
        "{data}",
        "{data}.bak",
        "{data}.lock",
        "{data}.bak.tmp",
        "{folder}/.sample.json.k2j4h1.tmp",
        "{folder}/./sub/../sample.json",
        "{folder}/link-to-data.md",
        "{folder}/hard-link-to-data.md",
    ],
)
@pytest.mark.parametrize("format_", [["md"], ["ics"], ["csv", "--table", "cities"]])
def test_export_never_replaces_the_data_file_or_its_companions(
    data_file: Path, capsys: pytest.CaptureFixture[str], target: str, format_: list[str]
) -> None:
    folder = data_file.parent
    (folder / "sub").mkdir()
    (folder / "link-to-data.md").symlink_to(data_file)
    os.link(data_file, folder / "hard-link-to-data.md")
    path = Path(target.format(data=data_file, folder=folder))
    before = {p: p.read_bytes() for p in (data_file, backup_path(data_file)) if p.exists()}
    assert export(data_file, path, *format_) == 1
    err = capsys.readouterr().err
    assert "data file" in err and str(path) in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in before} == before
    Store.open(data_file)  # still a sound data file


def test_csv_folder_export_never_replaces_the_data_file(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = sample_file.parent / "tables"
    folder.mkdir()
    data_file = folder / "officers.csv"  # a data file that happens to bear a table's name
    sample_file.rename(data_file)
    before = data_file.read_bytes()
    assert main(["--db", str(data_file), "export", "csv", "-o", str(folder)]) == 1
    assert "data file" in capsys.readouterr().err
    assert data_file.read_bytes() == before
    assert not (folder / "cities.csv").exists()  # refused before any table was written
    assert main(["--db", str(data_file), "export", "csv", "-o", str(data_file)]) == 1
    assert "not a folder" in capsys.readouterr().err
    assert data_file.read_bytes() == before


# -- owner-only --------------------------------------------------------------------


@pytest.mark.usefixtures("open_umask")
@pytest.mark.parametrize("format_", FORMATS)
def test_exports_are_owner_only_new_and_overwritten(data_file: Path, format_: list[str]) -> None:
    target = data_file.parent / "export.out"
    assert export(data_file, target, *format_) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    for mode in (0o600, 0o644):
        target.chmod(mode)
        assert export(data_file, target, *format_) == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.usefixtures("open_umask")
def test_csv_folder_export_is_owner_only(data_file: Path) -> None:
    folder = data_file.parent / "tables"
    for _ in range(2):  # new, then overwriting
        assert main(["--db", str(data_file), "export", "csv", "-o", str(folder)]) == 0
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
        assert modes == dict.fromkeys(["cities.csv", "events.csv", "followups.csv", "gifts.csv", "officers.csv"], 0o600)


# -- pipes, devices, links, folders, failures ----------------------------------------


@pytest.mark.parametrize("format_", FORMATS)
def test_export_writes_through_a_fifo(data_file: Path, format_: list[str]) -> None:
    expected_file = data_file.parent / "expected"
    assert export(data_file, expected_file, *format_) == 0
    fifo = data_file.parent / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        assert export(data_file, fifo, *format_) == 0
    finally:
        reader.join(timeout=10)
        if reader.is_alive():  # the export never opened the pipe: let the reader go
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the pipe, not a file in its place
    if format_[0] == "ics":  # a calendar carries the time it was made (DTSTAMP)
        strip = lambda b: b"".join(line for line in b.splitlines() if not line.startswith(b"DTSTAMP"))  # noqa: E731
        assert strip(received[0]) == strip(expected_file.read_bytes())
    else:
        assert received == [expected_file.read_bytes()]
    assert no_temporaries(data_file.parent)


def null_device(folder: Path) -> Path:
    """/dev/null, or as root (who could replace the real one) a private node of the same device."""
    if os.geteuid() != 0:
        return Path("/dev/null")
    private = folder / "null"
    try:
        os.mknod(private, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("cannot make a device node here")
    return private


def test_export_writes_through_to_a_character_device(data_file: Path) -> None:
    device = null_device(data_file.parent)
    assert export(data_file, device, "csv", "--table", "officers") == 0
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert device.read_bytes() == b""  # still the null device, not a file holding the export
    assert no_temporaries(data_file.parent)


def test_export_follows_a_link_and_keeps_it(data_file: Path) -> None:
    real = data_file.parent / "real" / "itinerary.md"
    real.parent.mkdir()
    real.write_text("old")
    link = data_file.parent / "latest.md"
    link.symlink_to(real)
    assert export(data_file, link) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Liaison conference" in real.read_text()
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert no_temporaries(data_file.parent, real.parent)


def test_export_to_a_folder_names_it(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = data_file.parent / "handouts"
    folder.mkdir()
    assert export(data_file, folder) == 1
    err = capsys.readouterr().err
    assert f"{folder}: is a folder" in err
    assert list(folder.iterdir()) == [] and no_temporaries(data_file.parent)


def test_export_to_a_missing_folder_names_the_target(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = data_file.parent / "missing" / "x.md"
    assert export(data_file, target) == 1
    err = capsys.readouterr().err
    assert str(target) in err and "does not exist" in err and "Traceback" not in err
    assert not target.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_export_to_a_read_only_folder_names_the_target(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = data_file.parent / "locked"
    folder.mkdir(mode=0o500)
    try:
        assert export(data_file, folder / "x.md") == 1
        assert str(folder / "x.md") in capsys.readouterr().err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_failed_export_leaves_the_old_file_and_no_temporary(
    data_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = data_file.parent / "x.md"
    target.write_text("the previous export")

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert export(data_file, target) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert str(target) in err and "No space left on device" in err
    assert target.read_text() == "the previous export"
    assert no_temporaries(data_file.parent)
