"""Records named by people: an officer or a city by name, lists of officers as typed.

Forms, spreadsheets and commands all resolve names the same way here, case-
and accent-insensitively; the tolerant ranking for lookups is ``lookup.index``.
"""

from __future__ import annotations

from liaison_tui.domain import values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import City, Officer, Vehicle
from liaison_tui.domain.values import fold
from liaison_tui.i18n import _


class UnknownCityError(ValueError):
    """No city of that name: an import may offer to create it."""


def find_city(data: Dataset, name: str, country: str = "") -> City:
    wanted = fold(name.strip())
    found = [
        c for c in data.cities.values() if fold(c.name) == wanted or (c.native_name and fold(c.native_name) == wanted)
    ]
    if country.strip() and len(found) > 1:
        found = [c for c in found if fold(c.country) == fold(country.strip())]
    if not found:
        raise UnknownCityError(_("unknown city {name!r} (import cities first, or add it in the app)").format(name=name))
    if len(found) > 1:
        raise ValueError(_("city {name!r} is ambiguous: give the country too").format(name=name))
    return found[0]


def addressed(officer: Officer) -> str:
    """How printed programmes and handouts address a person: ``Dr Henri Kahonen``."""
    return f"{officer.honorific} {officer.name}" if officer.honorific else officer.name


def officer_names(data: Dataset, ids: tuple[int, ...]) -> str:
    """Officers as typed in forms and spreadsheets: names, comma-separated, in order."""
    return ", ".join(data.officers[i].name for i in ids if i in data.officers)


def officer_ids(data: Dataset, text: str) -> tuple[int, ...]:
    """The officers ``text`` names (see ``officer_names``); ValueError names the one not found."""
    by_name: dict[str, list[int]] = {}
    for officer in data.officers.values():
        by_name.setdefault(fold(officer.name), []).append(officer.id)
    ids: list[int] = []
    for name in values.parse_list(text):
        found = by_name.get(fold(name), [])
        if not found:
            raise ValueError(_("unknown officer {name!r}").format(name=name))
        if len(found) > 1:
            raise ValueError(
                _("{n} officers are called {name!r}: rename one to tell them apart").format(n=len(found), name=name)
            )
        ids.append(found[0])
    return tuple(ids)


def vehicles_text(data: Dataset, vehicles: tuple[Vehicle, ...]) -> str:
    """Vehicles as typed in a form: ``Bus 1 / Wang Li / +86 138 / Duncan Sandeman, Henri Kahonen | Car 2``."""
    parts = []
    for vehicle in vehicles:
        fields = [vehicle.name, vehicle.driver, vehicle.phone, officer_names(data, vehicle.rider_ids)]
        while len(fields) > 1 and not fields[-1]:
            fields.pop()
        parts.append(" / ".join(fields))
    return " | ".join(parts)


def parse_vehicles(data: Dataset, text: str) -> tuple[Vehicle, ...]:
    """The vehicles ``text`` describes (see ``vehicles_text``); ValueError names what is wrong."""
    vehicles = []
    for item in (part.strip() for part in text.split("|")):
        if not item:
            continue
        fields = [field.strip() for field in item.split("/")]
        if len(fields) > 4:
            raise ValueError(
                _("vehicle {item!r}: use name / driver / phone / riders, separated by '/'").format(item=item)
            )
        name, driver, phone, riders = [*fields, "", "", ""][:4]
        if not name:
            raise ValueError(_("vehicle {item!r} has no name").format(item=item))
        vehicles.append(Vehicle(name=name, driver=driver, phone=phone, rider_ids=officer_ids(data, riders)))
    return tuple(vehicles)
