"""Seating tables inside an event's document: ``{"name": ..., "shape": "round"|"row", "seats": [id or null]}``.

Apart from ``codec`` (which keeps to one screen of conversions per value type);
read as strictly, every problem a ValueError the codec reports with its record.
"""

from __future__ import annotations

from typing import Any

from liaison_tui.domain.model import SeatingTable, TableShape
from liaison_tui.i18n import _

_FIELDS = frozenset({"name", "shape", "seats"})
_SHAPES = {shape.value: shape for shape in TableShape}


def _table(raw: Any) -> SeatingTable:
    if not isinstance(raw, dict):
        raise ValueError(_("expected {'name': ..., 'shape': 'round' or 'row', 'seats': [officer id or null, ...]}"))
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise ValueError(_("unknown seating table fields: {fields}").format(fields=", ".join(unknown)))
    name, shape, seats = raw.get("name"), raw.get("shape", TableShape.ROUND.value), raw.get("seats", [])
    if not isinstance(name, str):
        raise ValueError(_("expected text, found {type}").format(type=type(name).__name__))
    if shape not in _SHAPES:
        raise ValueError(_("{raw!r} is not one of: {allowed}").format(raw=shape, allowed=", ".join(_SHAPES)))
    if not isinstance(seats, list):
        raise ValueError(_("expected a list, found {type}").format(type=type(seats).__name__))
    for seat in seats:
        if seat is not None and type(seat) is not int:
            raise ValueError(_("expected a whole number, found {raw!r}").format(raw=seat))
    return SeatingTable(name=name, shape=_SHAPES[shape], seats=tuple(seats))


def seating_tables(raw: Any) -> tuple[SeatingTable, ...]:
    if type(raw) is list and not raw:  # most events have no seating plan
        return ()
    if not isinstance(raw, list):
        raise ValueError(_("expected a list, found {type}").format(type=type(raw).__name__))
    return tuple(_table(item) for item in raw)


def plain(value: Any) -> Any:
    """A seating table as JSON; any other value as it is."""
    if isinstance(value, SeatingTable):
        return {"name": value.name, "shape": value.shape.value, "seats": list(value.seats)}
    return value
