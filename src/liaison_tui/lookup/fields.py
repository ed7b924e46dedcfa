"""What an officer is looked up by, besides their name, and what a hit shows of them.

During an event staff look people up by what is in front of them: a flight on
the arrivals board ("MH376", or "MH 376"), a need the kitchen asks about
("halal"), the code a scanner reads off a badge. A hit shows the officer's
phone, so they can be called from it.
"""

from __future__ import annotations

import re

from liaison_tui.domain import needs
from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.flights import flight_key
from liaison_tui.domain.model import Officer

_FLIGHT = re.compile(r"([a-z0-9]{2}[a-z]?)(\d{1,4}[a-z]?)")  # airline code, then the number


def flight_forms(flight: str) -> str:
    """A flight as typed both ways, "mh376 mh 376", so either spelling of a query finds it."""
    key = flight_key(flight)
    split = _FLIGHT.fullmatch(key)
    return f"{key} {split[1]} {split[2]}" if split else key


def officer_fields(officer: Officer, city_name: str) -> list[str]:
    """Who they are, how to reach them, and what staff look them up by during an event."""
    legs = [leg.flight for leg in (officer.arrival, officer.departure) if leg is not None and leg.flight]
    return [
        officer.name,
        officer.native_name,
        city_name,
        officer.title,
        officer.organisation,
        officer.phone,
        officer.email,
        *(flight_forms(flight) for flight in legs),
        ", ".join(needs.needs_in(officer.dietary)),
        ", ".join(needs.needs_in(officer.accessibility)),
        badge_code(officer.id),
    ]


def officer_context(officer: Officer, city_name: str) -> str:
    """What a hit shows beside the name: ``Helsinki · +358 40 123 4567``."""
    return f"{city_name} · {officer.phone}" if officer.phone else city_name
