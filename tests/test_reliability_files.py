"""Bad data files through the real CLI: a clear message, exit 1, the file untouched."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from textual.widgets import Input

from liaison_tui import launcher as cli
from liaison_tui.store.storage import backup_path
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import make_app

SOUND_HEADER = {"meta": {"1": {"schema": 1, "next_ids": {}}}}
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "the file is empty"),
    "truncated": (b'{"visits": {"1": {"name": "x"', "not a valid JSON data file"),
    "binary garbage": (os.urandom(4096).replace(b"{", b"x"), "not a valid JSON data file"),
    "wrong shape": (b'{"cities": [1, 2]}', "not a liaison-tui data file"),
    "bad date": (
        json.dumps(
            SOUND_HEADER
            | {"events": {"1": {"visit_id": 1, "day": "2026-02-30", "start": "09:00", "end": "10:00", "title": "x"}}}
        ).encode(),
        "day: bad date '2026-02-30'",
    ),
    "future schema": (json.dumps({"meta": {"1": {"schema": 7}}}).encode(), "written by a newer liaison-tui"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
@pytest.mark.parametrize("command", [["check"], ["summary"], ["export", "csv", "--table", "officers"], []])
def test_bad_file_exits_1_with_a_message_and_is_not_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, case: str, command: list[str]
) -> None:
    content, message = BAD_FILES[case]
    path = tmp_path / "data.json"
    path.write_bytes(content)
    if command:
        monkeypatch.setattr("liaison_tui.ui.app.LiaisonApp.run", lambda self: pytest.fail("the app started"))
    else:  # the app draws its loading line at once, then ends on the file's problem, told as the commands tell it
        original_run = LiaisonApp.run
        monkeypatch.setattr(LiaisonApp, "run", lambda self: original_run(self, headless=True, size=(80, 24)))
    assert cli.main(["--db", str(path), *command]) == 1
    err = capsys.readouterr().err
    assert message in err and str(path) in err and "Traceback" not in err
    assert path.read_bytes() == content
    assert not backup_path(path).exists()


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data.json"
    path.write_text("{}")
    path.chmod(0)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:  # root ignores file modes, so refuse as the OS would for a user
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    assert cli.main(["--db", str(path), "check"]) == 1
    assert f"liaison-tui: {path}: cannot read the file (Permission denied)\n" in capsys.readouterr().err
    assert stat.S_IMODE(path.stat().st_mode) == 0


def test_unwritable_folder(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from liaison_tui.domain.edits import added
    from liaison_tui.domain.model import City
    from liaison_tui.store.storage import StorageError

    before = sample_file.read_bytes()
    store = Store.open(sample_file)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("liaison_tui.store.atomic.tempfile.mkstemp", refuse)
    told = f"{sample_file}: cannot write in {sample_file.parent} (Permission denied)"
    with pytest.raises(StorageError, match=f"^{re.escape(told)}$"):
        store.commit([added(City(name="Busan"))])
    assert sample_file.read_bytes() == before


def test_a_folder_removed_while_saving_is_told(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder went after the writers' lock was taken, before the new version was written beside the file."""
    from liaison_tui.domain.edits import added
    from liaison_tui.domain.model import City
    from liaison_tui.store.storage import StorageError

    before = sample_file.read_bytes()
    store = Store.open(sample_file)

    def gone(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr("liaison_tui.store.atomic.tempfile.mkstemp", gone)
    told = f"{sample_file}: the folder {sample_file.parent} does not exist"
    with pytest.raises(StorageError, match=f"^{re.escape(told)}$"):
        store.commit([added(City(name="Busan"))])
    assert sample_file.read_bytes() == before


def test_a_storage_opened_read_only_never_writes(sample_file: Path) -> None:
    from liaison_tui.store.storage import DurableJSONStorage, StorageError

    before = sample_file.read_bytes()
    storage = DurableJSONStorage(sample_file, read_only=True)
    with pytest.raises(StorageError, match=f"^{re.escape(f'{sample_file}: opened read-only')}$"):
        storage.write({"cities": {}})
    reason = "the file's owner keeps it read-only"
    with pytest.raises(StorageError, match=f"^{reason}$"):
        DurableJSONStorage(sample_file, read_only=True, read_only_reason=reason).write({"cities": {}})
    assert sample_file.read_bytes() == before


@pytest.mark.parametrize(
    ("where", "message"),
    [("folder", "{target}: is a directory, not a data file"), ("missing/data.json", "{target}: the folder")],
)
def test_directory_or_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, message: str
) -> None:
    target = tmp_path / where
    if where == "folder":
        target.mkdir()
    assert cli.main(["--db", str(target), "demo", "--officers", "5"]) == 1
    err = capsys.readouterr().err
    assert message.format(target=target) in err and "Traceback" not in err


async def test_two_app_instances_see_each_others_edits(sample_file: Path) -> None:
    first, second = make_app(sample_file), make_app(sample_file)
    async with first.run_test(size=(100, 30)) as pilot_one, second.run_test(size=(100, 30)) as pilot_two:
        await pilot_one.press("a")
        first.screen.query_one("#field-name", Input).value = "Added In First Window"
        await pilot_one.press("ctrl+s")
        await pilot_one.pause()
        officers = second.screen.query_one("#officers", RecordTable)
        for _ in range(40):
            await pilot_two.pause(0.05)
            if officers.row_count == 5:
                break
        names = {second.store.data.officers[i].name for i in officers.row_ids}
        assert "Added In First Window" in names
