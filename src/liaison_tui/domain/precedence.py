"""The order of precedence: who comes first on speaking orders, seating, place cards and badges.

Protocol offices order guests by rank. Each visit names its rule
(``Visit.precedence``); the default is the common one: the delegation leaders
first, then the cities in alphabetical order, each city's officers by name,
host staff last. The other rules fall back on it for whoever they leave
unplaced (the unranked, officers not on the fixed list), so every rule orders
everyone, and the same people always come out in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, PrecedenceRule, Role, Visit


def by_default_rule(data: Dataset) -> Callable[[Officer], tuple[int, int, str, str, int]]:
    """The sort key of the default rule (the id last, so namesakes keep one order)."""
    city_names = {city.id: city.name.casefold() for city in data.cities.values()}

    def key(officer: Officer) -> tuple[int, int, str, str, int]:
        host = officer.city_id is None or officer.role is Role.HOST
        city = city_names.get(officer.city_id, "") if officer.city_id is not None else ""
        return (int(host), int(officer.role is not Role.LEADER), city, officer.name.casefold(), officer.id)

    return key


def rule_of(visit: Visit | None) -> PrecedenceRule:
    return visit.precedence if visit is not None else PrecedenceRule.LEADERS_THEN_CITIES


def ordered(data: Dataset, officers: Iterable[Officer], *, visit: Visit | None = None) -> list[Officer]:
    """``officers`` in order of precedence, by the rule of ``visit`` (by default the data's current visit)."""
    chosen = visit if visit is not None else data.current_visit()
    by_default = sorted(officers, key=by_default_rule(data))
    rule = rule_of(chosen)
    if rule is PrecedenceRule.RANK:
        # sorted() is stable: equal ranks (and the unranked) keep the default order.
        return sorted(by_default, key=lambda o: (o.rank is None, o.rank or 0))
    if rule is PrecedenceRule.FIXED_LIST and chosen is not None:
        # Ids of officers no longer on file are simply never matched.
        place = {officer_id: position for position, officer_id in enumerate(chosen.precedence_ids)}
        unlisted = len(place)
        return sorted(by_default, key=lambda o: place.get(o.id, unlisted))
    return by_default


def speaking_order(data: Dataset, *, visit: Visit | None = None) -> list[Officer]:
    """A proposed speaking order: one speaker per city, cities in order of precedence.

    Each city's speaker is its leader (the first by precedence when it has
    several), else its first officer by precedence; interpreters and host staff
    do not speak for a city.
    """
    speakers: dict[int, Officer] = {}
    for officer in ordered(data, data.officers.values(), visit=visit):
        if officer.city_id is None or officer.role in (Role.HOST, Role.INTERPRETER):
            continue
        current = speakers.get(officer.city_id)
        if current is None or (officer.role is Role.LEADER and current.role is not Role.LEADER):
            speakers[officer.city_id] = officer
    position = {officer.id: i for i, officer in enumerate(ordered(data, speakers.values(), visit=visit))}
    return sorted(speakers.values(), key=lambda o: position[o.id])


def fixed_list(data: Dataset, officers: Iterable[Officer]) -> tuple[int, ...]:
    """``officers``' ids as a fixed list, leaving out any no longer on file."""
    return tuple(o.id for o in officers if o.id in data.officers)
