"""The parsers of stored values the codec is built from, and the interpreter and gift values.

Kept apart from ``codec`` so each stays short: plain values (text, whole
numbers, flags, lists) and the newer composite ones (an event's interpreters,
a gift's amount).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from liaison_tui.domain.model import InterpreterAssignment
from liaison_tui.i18n import _

Parser = Callable[[Any], Any]


def text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError(_("expected text, found {type}").format(type=type(raw).__name__))
    return raw


def integer(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(_("expected a whole number, found {raw!r}").format(raw=raw))
    return raw


def flag(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(_("expected true or false, found {raw!r}").format(raw=raw))
    return raw


def optional(parse: Parser) -> Parser:
    return lambda raw: None if raw is None else parse(raw)


def sequence(parse: Parser) -> Parser:
    def parse_all(raw: Any) -> tuple[Any, ...]:
        if not isinstance(raw, list):
            raise ValueError(_("expected a list, found {type}").format(type=type(raw).__name__))
        return tuple(parse(item) for item in raw)

    return parse_all


def choice(enum: type[StrEnum]) -> Parser:
    def parse(raw: Any) -> StrEnum:
        try:
            return enum(text(raw))
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise ValueError(_("{raw!r} is not one of: {allowed}").format(raw=raw, allowed=allowed)) from None

    return parse


def amount(raw: Any) -> Decimal:
    """A gift's value, stored as text ("1200.50") so no binary float rounds it."""
    try:
        value = Decimal(text(raw))
    except InvalidOperation:
        raise ValueError(_("expected an amount such as '1200.50', found {raw!r}").format(raw=raw)) from None
    if not value.is_finite():
        raise ValueError(_("expected an amount such as '1200.50', found {raw!r}").format(raw=raw))
    return value


def interpreting(raw: Any) -> InterpreterAssignment:
    if not isinstance(raw, dict):
        raise ValueError(_("expected {'languages': ['zh', 'en'], 'interpreter_id': ..., 'interpreter': ...}"))
    unknown = sorted(set(raw) - {"languages", "interpreter_id", "interpreter"})
    if unknown:
        raise ValueError(_("unknown interpreter fields: {fields}").format(fields=", ".join(unknown)))
    languages = sequence(text)(raw.get("languages"))
    if len(languages) != 2:
        raise ValueError(_("an interpreter works between two languages, not {n}").format(n=len(languages)))
    return InterpreterAssignment(
        languages=(languages[0], languages[1]),
        interpreter_id=optional(integer)(raw.get("interpreter_id")),
        interpreter=text(raw.get("interpreter", "")),
    )


def fast_interpreters(raw: Any) -> tuple[InterpreterAssignment, ...]:
    if type(raw) is list and not raw:  # most events need no interpreter
        return ()
    return sequence(interpreting)(raw)  # type: ignore[no-any-return]


def plain_interpreting(value: InterpreterAssignment) -> dict[str, Any]:
    return {
        "languages": list(value.languages),
        "interpreter_id": value.interpreter_id,
        "interpreter": value.interpreter,
    }
