"""The data file is plain JSON with one record on each line; any other layout still opens."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison_tui.domain.demo import generate
from liaison_tui.domain.edits import Edit
from liaison_tui.store import file_layout
from liaison_tui.store.errors import BadDataFileError
from liaison_tui.store.store import Store


def _demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.json"
    Store.open(path).commit(generate(cities=4, officers=30, days=2, past_visits=1))
    return path


def test_a_saved_file_is_json_with_a_record_on_each_line(tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    raw = path.read_bytes()
    tables = json.loads(raw)  # any JSON reader reads it
    lines = raw.decode().splitlines()
    start = lines.index('"officers":{') + 1
    officer_lines = lines[start : start + lines[start:].index("},")]
    assert len(officer_lines) == len(tables["officers"]) == 30
    for line in officer_lines:  # each one whole record: '"id":{...}' and a comma unless it is the last
        key, _, document = line.rstrip(",").partition(":")
        assert json.loads(document) == tables["officers"][json.loads(key)]
    assert lines[0] == "{" and lines[-1] == "}" and raw.endswith(b"}\n")


def test_a_file_in_another_layout_opens_the_same_and_is_written_in_ours(tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    ours = Store.open(path).data
    tables = json.loads(path.read_bytes())
    for name, dumped in {"compact": orjson.dumps(tables), "indented": json.dumps(tables, indent=2).encode()}.items():
        other = tmp_path / f"{name}.json"
        other.write_bytes(dumped)
        store = Store.open(other)
        assert store.data == ours, name
        city = next(iter(store.data.cities.values()))
        store.commit([Edit(city, dataclasses.replace(city, name="Renamed"))])
        assert file_layout.split(other.read_bytes()) is not None, name
        assert Store.open(other).data.cities[city.id].name == "Renamed"


def test_a_line_holding_two_records_is_read_whole_and_nothing_is_lost(tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    lines = path.read_bytes().split(b"\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(b'"officers":'))
    first, second = lines[at + 1], lines[at + 2]
    lines[at + 1 : at + 3] = [first + second]  # still valid JSON: '"1":{...},"2":{...},'
    path.write_bytes(b"\n".join(lines))
    assert file_layout.split(path.read_bytes()) is not None  # looks like ours ...
    data = Store.open(path).data  # ... but read whole: both officers are there
    assert len(data.officers) == 30


def test_a_broken_record_line_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    raw = path.read_bytes()
    at = raw.index(b'"organisation"')
    path.write_bytes(raw[:at] + b'"organisation" "X",' + raw[at:])  # a colon missing
    before = path.read_bytes()
    with pytest.raises(BadDataFileError, match=r"demo\.json"):
        Store.open(path)
    assert path.read_bytes() == before  # nothing written on it


def test_a_record_changed_by_hand_in_its_line_is_read_as_changed(tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    raw = path.read_bytes()
    store = Store.open(path)
    city = next(iter(store.data.cities.values()))
    path.write_bytes(raw.replace(orjson.dumps(city.name), orjson.dumps("Hand edited"), 1))
    assert Store.open(path).data.cities[city.id].name == "Hand edited"


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)
_TABLE = st.dictionaries(st.integers(1, 10**6).map(str), st.dictionaries(_TEXT, _VALUE, max_size=4), max_size=4)
_NAMES = st.sampled_from(["officers", "cities", "checkins", "history", "meta", "_default"])


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(_NAMES, _TABLE, max_size=4))
def test_any_tables_come_back_from_their_lines_as_written(tables: dict[str, dict[str, Any]]) -> None:
    raw = file_layout.encode({name: dict(table) for name, table in tables.items()})
    assert orjson.loads(raw) == tables  # plain JSON
    split = file_layout.split(raw)
    assert split is not None
    assert file_layout.documents(split) == tables  # newlines, quotes and braces in text stay inside their line
    assert file_layout.encode(split) == raw  # lines held as read are written back as they were


def test_a_changed_record_is_written_from_its_document(tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    store = Store.open(path)
    city = next(iter(store.data.cities.values()))
    renamed = dataclasses.replace(city, name='A "quoted"\nname }, {')
    store.commit([Edit(city, renamed)])
    assert Store.open(path).data.cities[city.id] == renamed
    assert json.loads(path.read_bytes())["cities"][str(city.id)]["name"] == renamed.name
