"""What one badge or place card says, worked out before drawing: plain, picklable text.

Cards are drawn in other processes (``printing.parts``), which know nothing of
the data file or the interface's language: everything they print is decided
here, translated, with control characters shown as visible stand-ins.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from liaison_tui.domain import schedule
from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.printing.fonts import cjk_language
from liaison_tui.reports.display import visible
from liaison_tui.reports.words import shown


@dataclass(frozen=True, slots=True)
class Card:
    """One officer's card: every text on it as printed."""

    visit: str
    name: str  # as addressed: honorific and name
    native: str  # the name in its own script, or ""
    place: str  # "city, country" (host staff: the host city)
    role: str  # in capitals
    code: str  # the badge code the QR code holds
    cjk: str  # which CJK face draws Han characters: "zh", "ja", "ko" or "zhhant"


def card_for(data: Dataset, visit: Visit, officer: Officer) -> Card:
    """The text of ``officer``'s badge or place card."""
    city = schedule.city_of(data, officer)
    place = ", ".join(part for part in ((city.name, city.country) if city else (visit.host_city,)) if part)
    return Card(
        visit=visible(visit.name),
        name=visible(addressed(officer)),
        native=visible(officer.native_name),
        place=visible(place),
        role=visible(shown(officer.role)).upper(),
        code=badge_code(officer.id),
        cjk=cjk_language(officer.native_name or officer.name, city.country if city else ""),
    )


def right_to_left(text: str) -> bool:
    """Whether ``text`` starts, in its first strong character, in a right-to-left script."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
