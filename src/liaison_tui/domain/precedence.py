"""The order of precedence: who comes first on speaking orders, seating, place cards and badges.

Protocol offices order guests by rank; without a rule of the visit's own, the
default is the common one: the delegation leaders first, then the cities in
alphabetical order, each city's officers by name, host staff last.
"""

from __future__ import annotations

from collections.abc import Iterable

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Role


def ordered(data: Dataset, officers: Iterable[Officer]) -> list[Officer]:
    """``officers`` in order of precedence."""
    city_names = {city.id: city.name.casefold() for city in data.cities.values()}

    def key(officer: Officer) -> tuple[int, int, str, str]:
        host = officer.city_id is None or officer.role is Role.HOST
        city = city_names.get(officer.city_id, "") if officer.city_id is not None else ""
        return (int(host), int(officer.role is not Role.LEADER), city, officer.name.casefold())

    return sorted(officers, key=key)
