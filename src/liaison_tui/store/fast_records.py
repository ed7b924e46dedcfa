"""Records built straight into their slots, for documents exactly as we write them.

A frozen dataclass's generated ``__init__`` passes every field through keyword
arguments and ``object.__setattr__``; at 50,000 officers that is most of opening
a file. Here each field goes straight into its slot (the slot's own setter, as
``__init__`` does in the end), after the same exact-type checks as before: a
builder answers None for anything not exactly as we write it, and the codec's
careful path then reads the document and says what is wrong. So what loads,
and what is refused, is unchanged; only the way a well-formed record is made.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from liaison_tui.domain.model import Travel

Converter = Callable[[Any], Any]
Builder = Callable[[int, dict[str, Any]], Any]  # the record, or None: read it the careful way
SlotSetter = Callable[[object, Any], None]


def slot_setter(cls: type, name: str) -> SlotSetter:
    """The setter of ``cls``'s slot ``name``: it bypasses a frozen class's ``__setattr__``, as ``__init__`` does."""
    return cls.__dict__[name].__set__  # type: ignore[no-any-return]


def record_builder(
    cls: type, known: frozenset[str], text_fields: Sequence[str], converted: Mapping[str, Converter]
) -> Builder:
    """A builder of ``cls`` from documents holding exactly the fields ``known``.

    ``text_fields`` must hold text (``str``, exactly); every other field goes through its
    converter, which raises ValueError, KeyError or TypeError for anything unexpected.
    """
    new = object.__new__
    set_id = slot_setter(cls, "id")
    texts = tuple((slot_setter(cls, name), name) for name in text_fields)
    others = tuple((slot_setter(cls, name), name, convert) for name, convert in converted.items())

    def build(doc_id: int, document: dict[str, Any]) -> Any:
        if document.keys() != known:
            return None
        record: Any = new(cls)
        set_id(record, doc_id)
        for put, name in texts:
            value = document[name]
            if type(value) is not str:
                return None
            put(record, value)
        try:
            for put, name, convert in others:
                put(record, convert(document[name]))
        except (ValueError, KeyError, TypeError):
            return None
        return record

    return build


def pair_builder(cls: type, first: str, second: str) -> Callable[[Any, Any], Any]:
    """``cls(first=a, second=b)`` for a two-field frozen slotted class, without its ``__init__``."""
    new = object.__new__
    put_first, put_second = slot_setter(cls, first), slot_setter(cls, second)

    def build(a: Any, b: Any) -> Any:
        record: Any = new(cls)
        put_first(record, a)
        put_second(record, b)
        return record

    return build


_new_travel = pair_builder(Travel, "at", "flight")


# Values that repeat across records are made once and shared (they are immutable): a flight
# brings many officers, so arrival and departure times repeat, as do languages and check-in times.
@functools.lru_cache(maxsize=8192)
def shared_travel(at: str, flight: str) -> Travel:
    """The journey at ``at`` (``YYYY-MM-DDTHH:MM``, 16 characters, checked by the caller) on ``flight``."""
    return _new_travel(datetime.fromisoformat(at), flight)  # type: ignore[no-any-return]


shared_datetime = functools.lru_cache(maxsize=8192)(datetime.fromisoformat)


@functools.lru_cache(maxsize=4096)
def shared_texts(items: tuple[Any, ...]) -> tuple[str, ...]:
    """``items`` when all are text; else ValueError (not cached: the record goes the careful way)."""
    if set(map(type, items)) <= {str}:
        return items
    raise ValueError(items)
