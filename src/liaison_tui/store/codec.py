"""Conversion between domain objects and the JSON documents TinyDB stores.

Reading is strict: every field is type-checked and every problem is reported
with the record and field it belongs to, so a damaged file is explained, never
half-loaded. Writing produces plain JSON types only (ISO dates, ``HH:MM`` times).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any

from liaison_tui.domain import values
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import (
    Attendance,
    EventKind,
    FollowUpStatus,
    GiftDirection,
    InterpreterAssignment,
    PrecedenceRule,
    Problem,
    Record,
    Role,
    Travel,
    ValidationError,
    Vehicle,
)
from liaison_tui.i18n import _
from liaison_tui.store import fast_records, seating_codec
from liaison_tui.store.codec_parts import (
    Parser as _Parser,
)
from liaison_tui.store.codec_parts import (
    amount as _amount,
)
from liaison_tui.store.codec_parts import (
    choice as _choice,
)
from liaison_tui.store.codec_parts import (
    fast_interpreters as _fast_interpreters,
)
from liaison_tui.store.codec_parts import (
    flag as _flag,
)
from liaison_tui.store.codec_parts import (
    integer as _integer,
)
from liaison_tui.store.codec_parts import (
    interpreting as _interpreting,
)
from liaison_tui.store.codec_parts import (
    optional as _optional,
)
from liaison_tui.store.codec_parts import (
    plain_interpreting,
)
from liaison_tui.store.codec_parts import (
    sequence as _sequence,
)
from liaison_tui.store.codec_parts import (
    text as _text,
)


def _travel(raw: Any) -> Travel:
    if not isinstance(raw, dict):
        raise ValueError(_("expected {'at': 'YYYY-MM-DD HH:MM', 'flight': ...}"))
    return Travel(at=values.parse_datetime(_text(raw.get("at"))), flight=_text(raw.get("flight", "")))


def _vehicle(raw: Any) -> Vehicle:
    if not isinstance(raw, dict):
        raise ValueError(_("expected {'name': ..., 'driver': ..., 'phone': ..., 'rider_ids': [...]}"))
    unknown = sorted(set(raw) - {"name", "driver", "phone", "rider_ids"})
    if unknown:
        raise ValueError(_("unknown vehicle fields: {fields}").format(fields=", ".join(unknown)))
    return Vehicle(
        name=_text(raw.get("name")),
        driver=_text(raw.get("driver", "")),
        phone=_text(raw.get("phone", "")),
        rider_ids=_sequence(_integer)(raw.get("rider_ids", [])),
    )


# The model's choices, each read from its stored value (a field's annotation is the class name).
_CHOICES: tuple[type[StrEnum], ...] = (Role, EventKind, FollowUpStatus, Attendance, PrecedenceRule)

# Keyed by the annotation text of the dataclass fields in ``model``.
_PARSERS: dict[str, _Parser] = {
    "str": _text,
    "int": _integer,
    "bool": _flag,
    "int | None": _optional(_integer),
    "date": lambda raw: values.parse_date(_text(raw)),
    "date | None": _optional(lambda raw: values.parse_date(_text(raw))),
    "time": lambda raw: values.parse_time(_text(raw)),
    "datetime": lambda raw: values.parse_datetime(_text(raw)),
    "tuple[str, ...]": _sequence(_text),
    "tuple[int, ...]": _sequence(_integer),
    **{enum.__name__: _choice(enum) for enum in _CHOICES},
    "Travel | None": _optional(_travel),
    "tuple[Vehicle, ...]": _sequence(_vehicle),
    "tuple[SeatingTable, ...]": seating_codec.seating_tables,  # fast already: no entry in _FAST
    "tuple[InterpreterAssignment, ...]": _sequence(_interpreting),
    "GiftDirection": _choice(GiftDirection),
    "Decimal | None": _optional(_amount),
}


_AS_IS = frozenset({str, int, bool, float, type(None)})  # most fields: checked first, by exact type


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:
        return value
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return values.format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return values.format_time(value)
    if isinstance(value, Travel):
        return {"at": values.format_datetime(value.at), "flight": value.flight}
    if isinstance(value, Vehicle):
        return {"name": value.name, "driver": value.driver, "phone": value.phone, "rider_ids": list(value.rider_ids)}
    if isinstance(value, InterpreterAssignment):
        return plain_interpreting(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return seating_codec.plain(value)


@functools.cache
def _stored_fields(kind: type[Record]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind) if f.name != "id")


def to_document(record: Record) -> dict[str, Any]:
    """The JSON document for ``record`` (its id is the TinyDB key, not a field)."""
    fields = _stored_fields(type(record))  # type: ignore[arg-type]  # classes are hashable
    return {name: _plain(getattr(record, name)) for name in fields}


@functools.cache
def _specs(kind: type[Record]) -> tuple[tuple[tuple[str, _Parser, bool], ...], frozenset[str]]:
    """Per kind, once: each stored field's parser and whether it is required."""
    specs = tuple(
        (
            spec.name,
            _PARSERS[str(spec.type)],
            spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING,
        )
        for spec in dataclasses.fields(kind)
        if spec.init and spec.name != "id"
    )
    return specs, frozenset(name for name, _, _ in specs)


@functools.cache
def _fast_optional_int(raw: Any) -> int | None:
    if raw is None or type(raw) is int:
        return raw
    raise ValueError(raw)


def _fast_exact(kind: type) -> _Parser:
    def convert(raw: Any) -> Any:
        if type(raw) is kind:
            return raw
        raise ValueError(raw)

    return convert


def _fast_texts(raw: Any) -> tuple[str, ...]:
    if type(raw) is list:
        return fast_records.shared_texts(tuple(raw))
    raise ValueError(raw)


def _fast_ints(raw: Any) -> tuple[int, ...]:
    if type(raw) is list and set(map(type, raw)) <= {int}:
        return tuple(raw)
    raise ValueError(raw)


def _fast_travel(raw: Any) -> Travel | None:
    if raw is None:
        return None
    at, flight = raw["at"], raw["flight"]
    if len(raw) != 2 or type(flight) is not str or type(at) is not str or len(at) != 16:
        raise ValueError(raw)
    return fast_records.shared_travel(at, flight)


def _fast_datetime(raw: Any) -> datetime:
    if type(raw) is not str or len(raw) != 16:
        raise ValueError(raw)
    return fast_records.shared_datetime(raw)


def _fast_vehicles(raw: Any) -> tuple[Vehicle, ...]:
    if type(raw) is list and not raw:  # most events carry no vehicles
        return ()
    return _sequence(_vehicle)(raw)  # type: ignore[no-any-return]


def _fast_choice(enum: type[StrEnum]) -> _Parser:
    members = {member.value: member for member in enum}
    return lambda raw: members[raw]  # KeyError (or TypeError) sends the record the careful way


# Conversions for documents exactly as we write them; anything unexpected raises,
# and the careful parsers above then explain what is wrong.
_FAST: dict[str, _Parser] = {
    "int": _fast_exact(int),
    "int | None": _fast_optional_int,
    "bool": _fast_exact(bool),
    "tuple[str, ...]": _fast_texts,
    "tuple[int, ...]": _fast_ints,
    "Travel | None": _fast_travel,
    "datetime": _fast_datetime,  # check-ins: tens of thousands in a large file
    **{enum.__name__: _fast_choice(enum) for enum in _CHOICES},
    "tuple[Vehicle, ...]": _fast_vehicles,
    "tuple[InterpreterAssignment, ...]": _fast_interpreters,
    "GiftDirection": _fast_choice(GiftDirection),
}


@functools.cache
def _fast_builder(kind: type[Record]) -> fast_records.Builder:
    """For the fast path: a builder checking text fields by exact type and converting the others."""
    specs, known = _specs(kind)  # type: ignore[arg-type]  # classes are hashable
    types = {spec.name: str(spec.type) for spec in dataclasses.fields(kind)}
    text_fields = [name for name, parse, _ in specs if parse is _text]
    others = {name: _FAST.get(types[name], parse) for name, parse, _ in specs if parse is not _text}
    return fast_records.record_builder(kind, known, text_fields, others)


def from_document(kind: Kind, doc_id: int, document: Mapping[str, Any]) -> Record:
    """Build a record of ``kind`` from a stored document, or raise ValidationError."""
    cls = kind.cls
    if type(document) is dict and (record := _fast_builder(cls)(doc_id, document)) is not None:  # type: ignore[arg-type]
        return record  # type: ignore[no-any-return]
    if not isinstance(document, Mapping):
        where = f"{kind} #{doc_id}"
        raise ValidationError([Problem(where, "", _("{record} is not an object").format(record=where))])
    specs, known = _specs(cls)  # type: ignore[arg-type]  # classes are hashable
    failures: list[tuple[str, str]] = []
    arguments: dict[str, Any] = {"id": doc_id}
    for name, parse, required in specs:
        if name not in document:
            if required:
                failures.append((name, _("{field} is missing").format(field=name)))
            continue
        value = document[name]
        if parse is _text and type(value) is str:  # most fields: skip the call
            arguments[name] = value
            continue
        try:
            arguments[name] = parse(value)
        except ValueError as error:
            failures.append((name, f"{name}: {error}"))
    unknown = sorted(document.keys() - known)
    if unknown:
        failures.append((unknown[0], f"unknown field(s): {', '.join(unknown)}"))
    if failures:
        label = document.get("name") or document.get("title") or document.get("text") or document.get("description")
        where = f"{kind} {label!r}" if isinstance(label, str) and label else f"{kind} #{doc_id}"
        raise ValidationError([Problem(where, name, message) for name, message in failures])
    return cls(**arguments)
