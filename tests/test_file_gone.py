"""The data file moved or deleted while open, and the backup that must survive it.

Before: the app's reload created a new empty file in its place, showed
nothing, and the next save made that empty file the backup.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input

from liaison_tui.domain.edits import added, plan_delete, removed
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import City
from liaison_tui.store import schema
from liaison_tui.store.errors import DataFileGoneError, StorageError
from liaison_tui.store.storage import backup_path
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.save_copy import SaveCopyDialog
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import make_app


def city_names(path: Path) -> set[str]:
    return {c.name for c in Store.open(path, read_only=True).data.cities.values()}


def test_a_moved_file_is_never_recreated_and_its_data_kept(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan"))])  # so there is a backup to keep
    backup = backup_path(sample_file).read_bytes()
    counts = store.data.counts()
    moved = tmp_path / "elsewhere.json"
    sample_file.rename(moved)
    moved_bytes = moved.read_bytes()

    with pytest.raises(DataFileGoneError, match="gone"):
        store.reload_if_changed()
    assert store.data.counts() == counts  # the data as last read
    assert not store.reload_if_changed()  # reported once, not on every watch
    with pytest.raises(DataFileGoneError, match="nothing was saved"):
        store.commit([added(City(name="Osaka"))])
    assert store.data.counts() == counts
    assert not sample_file.exists()
    assert backup_path(sample_file).read_bytes() == backup
    assert moved.read_bytes() == moved_bytes


def test_a_deleted_file_is_saved_as_a_copy_that_then_takes_the_saves(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan"))])
    sample_file.unlink()
    with pytest.raises(DataFileGoneError):
        store.commit([added(City(name="Osaka"))])
    copy = tmp_path / "copy.json"
    next_city_id = store.next_id(Kind.CITY)
    assert store.save_copy(copy) == copy
    assert store.path == copy and store.where == str(copy)  # what the app's title and messages name
    assert store.next_id(Kind.CITY) == next_city_id  # ids go on from where they were
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    assert Store.open(copy, read_only=True).data == store.data
    store.commit([added(City(name="Osaka"))])
    assert "Osaka" in city_names(copy)
    assert not sample_file.exists()


def test_a_copy_at_the_original_path_recreates_the_file(sample_file: Path) -> None:
    store = Store.open(sample_file)
    file_id = store.file_id()
    data = store.data
    sample_file.unlink()
    store.save_copy(sample_file)
    reopened = Store.open(sample_file)
    assert reopened.data == data and reopened.file_id() == file_id  # calendar UIDs stay the same


def test_a_file_without_an_id_opened_read_only_says_how_to_get_one(sample_file: Path) -> None:
    assert "file_id" not in json.loads(sample_file.read_text())["meta"]["1"]
    before = sample_file.read_bytes()
    with pytest.raises(StorageError) as refused:
        Store.open(sample_file, read_only=True).file_id()
    assert str(refused.value) == f"{sample_file}: has no file id yet; open it writable once"
    assert sample_file.read_bytes() == before


def test_a_store_in_memory_has_no_file_to_copy(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"^memory: there is no file to copy$"):
        Store.in_memory().save_copy(tmp_path / "copy.json")
    assert list(tmp_path.iterdir()) == []


def test_a_copy_never_replaces_an_existing_file(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    other = tmp_path / "other.json"
    other.write_text("{}")
    with pytest.raises(StorageError, match="already exists; nothing was written") as refused:
        store.save_copy(other)
    assert str(other) in str(refused.value)  # the message names the file
    assert other.read_text() == "{}"
    store.commit([added(City(name="Busan"))])  # still working on the original
    assert "Busan" in city_names(sample_file)


def test_the_backup_is_not_replaced_by_a_version_that_lost_records(sample_file: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan"))])
    good_backup = backup_path(sample_file).read_bytes()
    # Another program leaves a sound but empty file in its place (as the old reload did).
    sample_file.write_text(json.dumps(schema.empty_tables()))
    store.commit([added(City(name="Osaka"))])
    assert backup_path(sample_file).read_bytes() == good_backup
    assert city_names(sample_file) == {"Osaka"}


def test_the_good_backup_outlives_further_saves_on_a_file_that_lost_records(sample_file: Path) -> None:
    """Saves that only add to the shrunken file never make it the backup: the good version stays."""
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan"))])
    good_backup = backup_path(sample_file).read_bytes()
    sample_file.write_text(json.dumps(schema.empty_tables()))
    store.commit([added(City(name="Osaka"))])
    store.commit([added(City(name="Kyoto"))])  # the file still holds fewer records than the backup
    assert backup_path(sample_file).read_bytes() == good_backup
    assert city_names(sample_file) == {"Osaka", "Kyoto"}


def test_the_backup_follows_the_users_own_deletions(sample_file: Path) -> None:
    store = Store.open(sample_file)
    city = next(c for c in store.data.cities.values() if c.name == "Helsinki")
    store.commit(plan_delete(store.data, city))  # the city, its officers and follow-ups
    store.commit([added(City(name="Busan"))])  # the smaller version, deleted by the user, becomes the backup
    assert "Helsinki" not in city_names(backup_path(sample_file))


def test_after_a_deletion_the_next_save_keeps_the_version_before_it(sample_file: Path) -> None:
    """A save that only deletes marks its version so the next save may make it the (smaller) backup."""
    store = Store.open(sample_file)
    followup = next(iter(store.data.followups.values()))
    store.commit([removed(followup)])  # nothing refers to a follow-up: one deletion, nothing else
    after_deletion = sample_file.read_bytes()
    store.commit([added(City(name="Busan"))])
    assert backup_path(sample_file).read_bytes() == after_deletion


async def test_app_keeps_its_rows_says_the_file_is_gone_and_saves_a_copy(sample_file: Path, tmp_path: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        rows = officers.row_count
        sample_file.rename(tmp_path / "elsewhere.json")
        for _ in range(40):
            await pilot.pause(0.05)
            if any("gone" in str(n.message) for n in app._notifications):
                break
        messages = [str(n.message) for n in app._notifications]
        assert any("gone" in m and "Press Ctrl+S to save a copy" in m for m in messages), messages
        assert officers.row_count == rows
        assert not sample_file.exists()

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveCopyDialog)
        path_input = app.screen.query_one(Input)
        assert path_input.value == str(sample_file)
        copy = tmp_path / "copy.json"
        path_input.value = str(copy)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SaveCopyDialog)
        assert Store.open(copy, read_only=True).data == app.store.data
        assert officers.row_count == rows


async def test_save_copy_dialog_escape_cancels(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveCopyDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SaveCopyDialog)
        assert app.store.path == sample_file


async def test_a_form_saved_after_the_file_went_keeps_what_was_typed(sample_file: Path, tmp_path: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-name", Input).value = "Typed Before The File Went"
        sample_file.unlink()
        await pilot.press("ctrl+s")  # the form's save: refused, and the copy dialog opens over the form
        await pilot.pause()
        assert isinstance(app.screen, SaveCopyDialog)
        copy = tmp_path / "copy.json"
        app.screen.query_one(Input).value = str(copy)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and form.query_one("#field-name", Input).value == "Typed Before The File Went"
        await pilot.press("ctrl+s")  # now saved into the copy
        await pilot.pause()
        assert app.screen is not form
    names = {o.name for o in Store.open(copy, read_only=True).data.officers.values()}
    assert "Typed Before The File Went" in names
