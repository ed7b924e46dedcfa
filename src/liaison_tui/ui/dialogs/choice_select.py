"""A form's choice list whose type-ahead finds an entry by its first letters, then tolerantly.

Textual's Select jumps to the first entry *containing* the letters typed, so
`H` in the city list took "host staff (no city)" as readily as Helsinki, and a
letter wrong ("helsinky") found nothing. Here an entry whose name starts with
the letters wins, then one with a word starting with them, then one holding
them, then one with the letters in order close together, then one a letter
off (wrong, missing or extra); ties go to the entry listed first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from liaison_tui.domain.values import fold

_WORD = re.compile(r"\w+")


def _one_letter_off(word: str, query: str) -> bool:
    """Whether ``word`` starts with ``query`` but for one letter wrong, missing or extra."""
    for start in (word[: len(query)], word[: len(query) - 1], word[: len(query) + 1]):
        if len(start) == len(query):
            if sum(a != b for a, b in zip(start, query, strict=True)) == 1:
                return True
        elif len(start) + 1 == len(query):
            if any(query[:i] + query[i + 1 :] == start for i in range(len(query))):
                return True
        elif any(start[:i] + start[i + 1 :] == query for i in range(len(start))):
            return True
    return False


def _rank(label: str, query: str) -> int | None:
    """How well ``label`` answers ``query`` (both folded): lower is better, None is no match."""
    words = _WORD.findall(label)
    if label.startswith(query):
        return 0
    if any(word.startswith(query) for word in words):
        return 1
    if query in label:
        return 2
    if len(query) >= 3:
        found = re.search(".*?".join(map(re.escape, query)), label)
        if found and found.end() - found.start() <= 2 * len(query):
            return 3
    if len(query) >= 4 and any(_one_letter_off(word, query) for word in words):
        return 4
    return None


def best_choice(labels: Sequence[str], query: str) -> int | None:
    """The position of the entry the letters typed mean, or None."""
    wanted = fold(query).strip()
    if not wanted:
        return None
    ranked = [
        (rank, position) for position, label in enumerate(labels) if (rank := _rank(fold(label), wanted)) is not None
    ]
    return min(ranked)[1] if ranked else None


class ChoiceSelect(Select[int]):
    """A Select over a form's choices, numbered by position, searched by ``best_choice``."""

    def __init__(self, options: list[tuple[Text, int]], **settings: Any) -> None:
        super().__init__(options, allow_blank=False, **settings)
        self.labels = [prompt.plain for prompt, _ in options]

    def on_mount(self) -> None:
        # Textual's search is a private method of the list: the one place its type-ahead asks.
        overlay = self.query_one(SelectOverlay)
        overlay._find_search_match = lambda query: best_choice(self.labels, query)  # type: ignore[method-assign]
