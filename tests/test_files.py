"""Bad, old and new data files: refused or migrated, never overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liaison_tui.store import schema
from liaison_tui.store.storage import StorageError
from liaison_tui.store.store import Store

BAD_FILES = {
    "empty": (b"", "the file is empty"),
    "truncated": (b'{"visits": {"1": {"name": "x"', "not a valid JSON"),
    "garbage": (bytes(range(256)), "not a valid JSON"),
    "wrong shape": (b"[1, 2, 3]", "not a liaison-tui data file"),
    "unknown table": (b'{"meta": {"1": {"schema": 1}}, "rockets": {}}', "unknown tables: rockets"),
    "bad date": (
        json.dumps(
            {
                "meta": {"1": {"schema": 1, "next_ids": {}}},
                "visits": {"1": {"name": "V", "host_city": "H", "start_date": "2026-13-01"}},
            }
        ).encode(),
        "start_date: bad date '2026-13-01'",
    ),
    "future schema": (b'{"meta": {"1": {"schema": 99}}}', "newer liaison-tui"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_is_refused_and_left_alone(tmp_path: Path, case: str) -> None:
    content, message = BAD_FILES[case]
    path = tmp_path / "data.json"
    path.write_bytes(content)
    with pytest.raises(StorageError, match=message) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content


def test_message_points_at_the_backup(sample_file: Path) -> None:
    Store.open(sample_file).commit([])  # any write keeps a backup
    sample_file.write_bytes(b"{")
    with pytest.raises(StorageError, match=r"previous version is kept at .*\.bak"):
        Store.open(sample_file)


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a directory"):
        Store.open(tmp_path)


def test_version_0_file_is_migrated(tmp_path: Path) -> None:
    # A file written by plain TinyDB: the tables, no meta.
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"cities": {"4": {"name": "Busan", "country": "South Korea"}}}))
    store = Store.open(path)
    assert store.data.cities[4].name == "Busan"
    written = json.loads(path.read_text())
    assert written["meta"]["1"]["schema"] == schema.SCHEMA_VERSION
    assert written["meta"]["1"]["next_ids"]["cities"] == 5


def test_read_only_open_does_not_migrate(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    content = json.dumps({"cities": {}}).encode()
    path.write_bytes(content)
    Store.open(path, read_only=True)
    assert path.read_bytes() == content


def test_missing_file_becomes_an_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "fresh.json"
    store = Store.open(path)
    assert not any(store.data.counts().values())
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == schema.SCHEMA_VERSION


def test_broken_references_in_a_file_are_named(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    tables = {
        "meta": {"1": {"schema": 1, "next_ids": {}}},
        "officers": {"1": {"name": "Kim", "city_id": 99}},
        "followups": {"1": {"city_id": 98, "text": "Lanterns"}},
    }
    path.write_text(json.dumps(tables))
    with pytest.raises(StorageError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert "officer 'Kim': unknown city #99" in message
    assert "follow-up 'Lanterns': unknown city #98" in message


@pytest.mark.parametrize(
    ("officer_id", "event_id", "message"), [(99, 4, "unknown officer #99"), (3, 99, "unknown event #99")]
)
def test_a_check_in_of_an_unknown_officer_or_event_is_refused_on_opening(
    sample_file: Path, officer_id: int, event_id: int, message: str
) -> None:
    """A hand-edited file whose roll call points at nobody: named, never opened half-understood."""
    tables = json.loads(sample_file.read_text())
    tables["checkins"] = {
        "1": {"event_id": event_id, "officer_id": officer_id, "status": "present", "at": "2026-12-04 09:05"}
    }
    sample_file.write_text(json.dumps(tables))
    content = sample_file.read_bytes()
    with pytest.raises(StorageError, match=message) as caught:
        Store.open(sample_file)
    assert f"check-in 'present #{officer_id} at #{event_id}'" in str(caught.value)
    assert sample_file.read_bytes() == content
