"""The time at an officer's home, and whether it is night there.

Before calling a partner city's office, or letting an officer call home, staff
ask what time it is there. A city's IANA zone gives its clock; night is from
22:00 to 07:00 local time. Host staff, and officers of a city without a known
zone, have no home time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer

NIGHT_STARTS = time(22, 0)
NIGHT_ENDS = time(7, 0)


@dataclass(frozen=True, slots=True)
class HomeTime:
    at: datetime  # aware, on the home city's clock
    zone: str  # its IANA name

    @property
    def is_night(self) -> bool:
        clock = self.at.time()
        return clock >= NIGHT_STARTS or clock < NIGHT_ENDS


def home_time(data: Dataset, officer: Officer, now: datetime) -> HomeTime | None:
    """The officer's home time at ``now`` (aware); None without a home zone."""
    if now.tzinfo is None:
        raise ValueError("home_time needs an aware moment (UTC), not a naive one")
    city = schedule.city_of(data, officer)
    if city is None or not city.timezone:
        return None
    try:
        zone = ZoneInfo(city.timezone)
    except (ZoneInfoNotFoundError, ValueError):  # validation refuses these; an old file may hold one
        return None
    return HomeTime(now.astimezone(zone), city.timezone)
