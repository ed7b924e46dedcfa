"""One input of a form: how a record's value is shown in it and read back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    name: str  # attribute of the record
    label: str
    show: Callable[[Any], str] = str
    parse: Callable[[str], Any] = str
    choices: Callable[[], list[tuple[str, Any]]] | None = None  # a Select instead of an Input
    placeholder: str = ""
    picks_officers: bool = False  # officer ids, picked in a list rather than typed (``PeoplePicker``)
