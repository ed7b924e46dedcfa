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
from liaison_tui.store import file_layout, loading
from liaison_tui.store.errors import BadDataFileError, StorageError
from liaison_tui.store.storage import decode_whole
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


def _careful(raw: bytes, where: Path) -> object:
    """What reading the whole file at once makes of ``raw``: the data, or the refusal's message."""
    try:
        return loading.load(decode_whole(raw, where), where).data
    except StorageError as error:
        return type(error)


_EDITS = st.lists(
    st.tuples(st.integers(0, 10**9), st.sampled_from([b"", b",", b"}", b"{", b"\n", b'"', b" ", b"1", b":"])),
    min_size=1,
    max_size=3,
)


@settings(max_examples=80, deadline=None)
@given(edits=_EDITS, cut=st.booleans())
def test_a_mangled_file_is_read_as_reading_it_whole_would(tmp_path_factory: Any, edits: Any, cut: bool) -> None:
    """Reading a line at a time never makes of a file anything but what one parse of it would."""
    folder = tmp_path_factory.mktemp("mangled")
    path = _demo_file(folder)
    raw = bytearray(path.read_bytes())
    for at, piece in edits:  # a byte cut out or put in somewhere, as a bad hand edit or a torn copy might
        at %= len(raw)
        raw[at : at + (1 if cut else 0)] = piece
    path.write_bytes(bytes(raw))
    expected = _careful(bytes(raw), path)
    try:
        got: object = Store.open(path, read_only=True).data
    except StorageError as error:
        got = type(error)
    assert got == expected


def _mangled(raw: bytes, how: str) -> bytes:
    lines = raw.split(b"\n")
    at = lines.index(b'"officers":{') + 1
    end = lines.index(b"},", at)
    if how == "comma after the last record":
        lines[end - 1] += b","
    elif how == "no comma between records":
        lines[at] = lines[at].removesuffix(b",")
    elif how == "two records on a line":
        lines[at : at + 2] = [lines[at] + lines[at + 1]]
    elif how == "a brace too many":
        lines[at] = lines[at].replace(b"},", b"}},")
    elif how == "a table left open":
        del lines[end]
    elif how == "a key that is no id":
        lines[at] = b'"x' + lines[at][1:]
    elif how == "the file cut short":
        lines = lines[: at + 3]
    return b"\n".join(lines)


@pytest.mark.parametrize(
    "how",
    [
        "comma after the last record",
        "no comma between records",
        "two records on a line",
        "a brace too many",
        "a table left open",
        "a key that is no id",
        "the file cut short",
    ],
)
def test_a_broken_layout_is_read_as_reading_it_whole_would(tmp_path: Path, how: str) -> None:
    path = _demo_file(tmp_path)
    raw = _mangled(path.read_bytes(), how)
    path.write_bytes(raw)
    expected = _careful(raw, path)
    try:
        got: object = Store.open(path, read_only=True).data
    except StorageError as error:
        got = type(error)
    assert got == expected, how
