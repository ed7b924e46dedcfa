"""What registration systems' exports need beyond matching headers.

Indico-style exports put the honorific (Mr, Dr) in ``Title`` and the job in
``Position``; Cvent-style ones put the honorific in ``Prefix`` and the job in
``Title``. Which one a file does is decided from its values, per file. Cities
named in a roster but not yet on file can be created from its City and
Country columns (``--add-cities``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import City
from liaison_tui.domain.values import fold

# Words that make up forms of address, folded and without dots: "H.E." is "h e",
# "Prof. Dr." is "prof dr", "The Hon." is "the hon".
_HONORIFIC_WORDS = frozenset(
    "mr mrs ms miss mx dr prof professor h e he his her excellency hon honourable honorable the "
    "councillor councilor cllr sir dame lord lady rev reverend revd madam mme mlle m herr frau "
    "sr sra srta dott ing judge rt right".split()
)
_NOT_ALONE = frozenset({"the", "his", "her", "right", "rt", "e", "h"})  # words that address nobody alone
HONORIFIC_SHARE = 0.6  # of a column's filled cells, for the column to be read as honorifics


def is_honorific(text: str) -> bool:
    """True for a form of address: 'Dr', 'H.E.', 'Prof. Dr.', 'Councillor'; not 'Director'."""
    words = re.findall(r"[a-z]+", fold(text))
    joined = " ".join(words)
    if joined == "h e":
        return True
    return bool(words) and len(words) <= 4 and set(words) <= _HONORIFIC_WORDS and not set(words) <= _NOT_ALONE


def holds_honorifics(cells: Iterable[str]) -> bool:
    """A column whose filled cells are mostly forms of address (an empty column is not)."""
    filled = [cell for cell in cells if cell.strip()]
    return bool(filled) and sum(map(is_honorific, filled)) >= HONORIFIC_SHARE * len(filled)


def unknown_city(data: Dataset, name: str) -> bool:
    """No city on file is called ``name`` (in any case or accents, or in its own script)."""
    wanted = fold(name.strip())
    return not any(
        fold(c.name) == wanted or (c.native_name and fold(c.native_name) == wanted) for c in data.cities.values()
    )


@dataclass
class NewCities:
    """Cities a roster names that are not on file, to be created with ids from ``next_id`` on."""

    next_id: int
    created: dict[tuple[str, str], City]

    def city_for(self, name: str, country: str) -> City:
        """The city to create for this row; the same one for every row naming it."""
        key = (fold(name.strip()), fold(country.strip()))
        if key in self.created:
            return self.created[key]
        if not key[1]:  # no country given: the one already planned under that name, if just one
            same_name = [city for (planned, _), city in self.created.items() if planned == key[0]]
            if len(same_name) == 1:
                return same_name[0]
        city = City(id=self.next_id, name=name.strip(), country=country.strip())
        self.next_id += 1
        self.created[key] = city
        return city
