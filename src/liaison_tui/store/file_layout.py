"""The data file's layout: plain JSON with one record on each line.

The file is one JSON object of tables, as TinyDB reads it, written so that
each record sits on a line of its own (history and meta, read whole, on one
line each)::

    {
    "cities":{
    "1":{"name":"Atlanta",...},
    "2":{"name":"Christchurch",...}
    },
    "history":{"1":{"change":1,...}},
    "meta":{"1":{"schema":3,...}}
    }

Any JSON reader reads it; we read it a line at a time. A record stays the line
it was read as (``bytes``, with its key, a comma and the newline) until
something changes it, and is parsed only while its domain object is built.
Parsing the whole file at once held every record twice (as parsed JSON, and as
domain objects) and, in the parser, a third time: 290 MB for 50,000 officers.
A record that has changed is a ``dict`` (TinyDB's document) until it is written.

A file in any other layout (written by hand, by TinyDB, by an older version)
is read whole, the careful way; its next save writes it in this layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import compress, repeat
from operator import not_
from typing import Any

import orjson

from liaison_tui.domain.kinds import Kind

Tables = dict[str, dict[str, Any]]

# Tables whose records stay lines until used: the records. History and meta are parsed as read, whole.
LINE_TABLES = frozenset(kind.table for kind in Kind)
_TABLE_HEAD = re.compile(rb'"([a-z_]+)":\{')
_CLOSE = (b"}\n", b"},\n")


class LayoutBroken(Exception):
    """A line that looked like a record is not one: read the file the careful way."""


def is_line(value: object) -> bool:
    return type(value) is bytes


def document(key: str, value: Any) -> Any:
    """The document a table holds under ``key``: a dict, or (from a record line) parsed now."""
    if type(value) is not bytes:
        return value
    try:
        return orjson.loads(memoryview(value)[len(key) + 3 : -2])  # after '"key":', before ",\n"
    except orjson.JSONDecodeError:
        raise LayoutBroken(key) from None


def documents(tables: Tables) -> Tables:
    """``tables`` with every record line parsed (for migrations, which work on documents)."""
    return {name: {key: document(key, value) for key, value in table.items()} for name, table in tables.items()}


def split(raw: bytes) -> Tables | None:
    """The tables of a file in our layout, records as their lines; None for any other layout.

    Only the layout is checked here: each record line is parsed when it is used,
    and one that is not a single JSON object raises LayoutBroken then.
    """
    lines = raw.splitlines(keepends=True)  # the lines as kept: no copies
    if len(lines) < 2 or lines[0] != b"{\n" or lines[-1] != b"}\n":
        return None
    tables: Tables = {}
    at, end = 1, len(lines) - 1
    while at < end:
        head = _TABLE_HEAD.match(lines[at])
        if head is None:
            return None
        if lines[at] == head[0] + b"\n":  # records follow, one a line, until "}" (or "}," between tables)
            first = at = at + 1
            while at < end and lines[at] not in _CLOSE:
                at += 1
            if at == end or (lines[at] == b"}\n") != (at + 1 == end):
                return None
            table = _record_lines(lines[first:at]) if head[1].decode() in LINE_TABLES else None
        else:  # a whole table on its line: '"meta":{...}' and a comma unless it is the last
            table = _whole_table(lines[at], head.end() - 1, last=at + 1 == end)
        if table is None:
            return None
        tables[head[1].decode()] = table
        at += 1
    return tables


def _whole_table(line: bytes, start: int, *, last: bool) -> dict[str, Any] | None:
    if not line.endswith(b"\n" if last else b",\n"):
        return None
    try:
        table = orjson.loads(memoryview(line)[start : -1 if last else -2])
    except orjson.JSONDecodeError:
        return None
    return table if isinstance(table, dict) and all(isinstance(d, dict) for d in table.values()) else None


def _record_lines(lines: list[bytes]) -> dict[str, Any] | None:
    if not lines:
        return {}
    # Every line as it is kept: with its comma. The last has none in JSON; one there is now one too many.
    lines[-1] = lines[-1][:-1] + b",\n"
    table: dict[str, Any] = {}
    for line in lines:
        if line[:1] != b'"' or not line.endswith(b"},\n"):
            return None
        close = line.find(b'":{', 1)
        key = line[1:close]
        if close < 0 or not key.isdigit() or not key.isascii():
            return None
        table[key.decode()] = line
    return table


def chunks(tables: Tables) -> list[bytes]:
    """The file's bytes for ``tables``, in pieces; changed records (dicts) become lines again, in place.

    Records go one to a line; history and meta, read and written whole, on one line each.
    The pieces are the lines held, not copies: a save writes them as they are. TypeError for
    a value JSON cannot hold.
    """
    pieces = [b"{\n"]
    for position, (name, table) in enumerate(tables.items()):
        comma = b",\n" if position < len(tables) - 1 else b"\n"
        if name not in LINE_TABLES:
            pieces += (orjson.dumps(name), b":", orjson.dumps(table), comma)
            continue
        changed = list(compress(table, map(not_, map(isinstance, table.values(), repeat(bytes)))))  # at C speed
        for key in changed:
            table[key] = line_of(key, table[key])
        pieces += (orjson.dumps(name), b":{\n")
        lines: Iterable[bytes] = table.values()
        if table:
            *lines, last = lines
            pieces += lines
            pieces.append(last[:-2] + b"\n")  # no comma after the last record
        pieces += (b"}", comma)
    pieces.append(b"}\n")
    return pieces


def encode(tables: Tables) -> bytes:
    return b"".join(chunks(tables))


def line_of(key: str, value: Any) -> bytes:
    return b"".join((orjson.dumps(key), b":", orjson.dumps(value), b",\n"))


def record_count(raw: bytes) -> int | None:
    """How many records a file in our layout holds (without parsing them); None for another layout."""
    tables = split(raw)
    if tables is None:
        return None
    return sum(len(table) for name, table in tables.items() if name in LINE_TABLES)
