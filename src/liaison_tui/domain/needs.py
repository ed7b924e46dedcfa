"""Dietary and accessibility needs at each meal, by name.

The kitchen needs counts and names per need, and people type the same need
many ways ("Halal", "halal ", "HALAL."): needs are grouped on a folded key
(case, accents, spaces and punctuation ignored), and the words people use for
"nothing" ("none", "no", "-", "n/a") are no need at all. A field may hold
several needs separated by commas or semicolons ("vegetarian; nut allergy").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from liaison_tui.domain import schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, EventKind, Officer, Visit

_WORD = re.compile(r"\w+")

# Keys (see ``need_key``) that mean "no need": "-" and "n/a" fold to "" and "n a".
NO_NEED = frozenset({"", "none", "no", "n a", "na", "nil", "nothing", "not applicable", "no need", "no needs"})


def need_key(text: str) -> str:
    """The key two spellings of one need share: folded words, single-spaced."""
    return " ".join(_WORD.findall(values.fold(text)))


def needs_in(text: str) -> list[str]:
    """The needs one field names, trimmed as typed, without the ways of saying "none"."""
    return [need for need, _ in _keyed_needs(text)]


@lru_cache(maxsize=4096)
def _keyed_needs(text: str) -> tuple[tuple[str, str], ...]:
    # Cached: a few spellings recur across thousands of officers and every meal.
    keyed = ((part, need_key(part)) for part in values.parse_list(text))
    return tuple((need, key) for need, key in keyed if key not in NO_NEED)


@dataclass(frozen=True, slots=True)
class NeedGroup:
    """Everyone with one need, under the spelling most of them used."""

    need: str
    officers: tuple[Officer, ...]


@dataclass(frozen=True, slots=True)
class MealNeeds:
    """One meal: who attends and their needs, grouped for the kitchen."""

    meal: Event
    attendees: tuple[Officer, ...]  # by city, then name
    dietary: tuple[NeedGroup, ...]  # most people first, then by name
    accessibility: tuple[NeedGroup, ...]


def group_needs(officers: Iterable[Officer], field: Callable[[Officer], str]) -> tuple[NeedGroup, ...]:
    """Officers grouped by each need ``field`` gives them, in the order given within a group."""
    members: dict[str, list[Officer]] = {}
    spellings: dict[str, Counter[str]] = {}
    for officer in officers:
        seen: set[str] = set()
        for need, key in _keyed_needs(field(officer)):
            spellings.setdefault(key, Counter())[need] += 1
            if key not in seen:  # "halal, Halal" is one need of one person
                seen.add(key)
                members.setdefault(key, []).append(officer)
    groups = [
        # The most used spelling names the group; on a tie, one in lower case ("vegetarian" over
        # "Vegetarian", as a list reads it), then the first in sort order, for stable output.
        NeedGroup(min(spellings[key].items(), key=_preferred)[0], tuple(people))
        for key, people in members.items()
    ]
    return tuple(sorted(groups, key=lambda g: (-len(g.officers), need_key(g.need))))


def _preferred(spelling: tuple[str, int]) -> tuple[int, bool, str]:
    text, count = spelling
    return -count, text != text.lower(), text


def meal_events(data: Dataset, visit: Visit) -> list[Event]:
    """The visit's meals, in time order."""
    return [e for e in schedule.visit_events(data, visit) if e.kind is EventKind.MEAL]


def meal_needs(data: Dataset, visit: Visit) -> list[MealNeeds]:
    """Each meal of the visit with its attendees and their needs."""
    found = []
    for meal in meal_events(data, visit):
        people = schedule.participants(data, meal)
        found.append(
            MealNeeds(
                meal,
                tuple(people),
                group_needs(people, lambda o: o.dietary),
                group_needs(people, lambda o: o.accessibility),
            )
        )
    return found
