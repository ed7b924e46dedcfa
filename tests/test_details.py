"""The detail panel's text: an officer's home time, an event's vehicles."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from liaison_tui.domain.badges import find_by_badge
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import Officer, Vehicle
from liaison_tui.domain.now import home_time
from liaison_tui.reports import details
from liaison_tui.store.store import Store

NOON_UTC = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _officer(store: Store, name: str) -> Officer:
    return next(o for o in store.data.officers.values() if o.name == name)


def _home_line(store: Store, name: str, now: datetime | None) -> str | None:
    text = details.officer_detail(store.data, store.current_visit(), _officer(store, name), now=now).plain
    return next((line for line in text.splitlines() if line.startswith("Home time:")), None)


def test_officer_detail_shows_home_time_and_night(sample_file: Path) -> None:
    store = Store.open(sample_file)
    # Noon UTC on 1 December: 01:00 the next day in Christchurch (NZDT, +13), 14:00 in Helsinki (+2).
    christchurch = "Home time: Wed 02 Dec 01:00 (Pacific/Auckland), night there"
    assert _home_line(store, "Duncan Sandeman", NOON_UTC) == christchurch
    assert _home_line(store, "Henri Kahonen", NOON_UTC) == "Home time: Tue 01 Dec 14:00 (Europe/Helsinki)"
    assert _home_line(store, "Taylor Woodruff", NOON_UTC) == "Home time: Tue 01 Dec 07:00 (America/New_York)"
    assert _home_line(store, "Tang Lixia", NOON_UTC) is None  # host staff are at home
    assert _home_line(store, "Henri Kahonen", None) is None  # no clock given: as before


def test_a_city_without_a_zone_gives_no_home_time(sample_file: Path) -> None:
    store = Store.open(sample_file)
    helsinki = next(c for c in store.data.cities.values() if c.name == "Helsinki")
    store.commit([changed(helsinki, dataclasses.replace(helsinki, timezone=""))])
    assert _home_line(store, "Henri Kahonen", NOON_UTC) is None


@pytest.mark.parametrize(
    ("utc", "night"),
    [
        (datetime(2026, 12, 1, 19, 59), False),  # 21:59 in Helsinki
        (datetime(2026, 12, 1, 20, 0), True),  # 22:00: night begins
        (datetime(2026, 12, 2, 4, 59), True),  # 06:59
        (datetime(2026, 12, 2, 5, 0), False),  # 07:00: morning
    ],
)
def test_night_is_from_ten_to_seven_at_home(sample_file: Path, utc: datetime, night: bool) -> None:
    store = Store.open(sample_file)
    home = home_time(store.data, _officer(store, "Henri Kahonen"), utc.replace(tzinfo=UTC))
    assert home is not None and home.night is night


def test_event_detail_lists_vehicles_drivers_and_riders(sample_file: Path) -> None:
    store = Store.open(sample_file)
    school = next(e for e in store.data.events.values() if e.title == "Visit to a local school")
    ids = {o.name: o.id for o in store.data.officers.values()}
    riders = (ids["Duncan Sandeman"], ids["Henri Kahonen"])
    bus = Vehicle(name="Bus 1", driver="Wang Li", phone="+86 138", rider_ids=riders)
    store.commit([changed(school, dataclasses.replace(school, vehicles=(bus, Vehicle(name="Car [b]2"))))])
    text = details.event_detail(store.data, store.data.events[school.id]).plain
    assert "Vehicles (2)" in text
    assert "  Bus 1  driver Wang Li · +86 138  (2): Duncan Sandeman, Henri Kahonen" in text
    assert "  Car [b]2  (no riders)" in text  # user text shown literally


def test_officer_detail_shows_the_badge_code_the_roll_call_takes(sample_file: Path) -> None:
    store = Store.open(sample_file)
    officer = _officer(store, "Duncan Sandeman")
    text = details.officer_detail(store.data, store.current_visit(), officer).plain
    line = next(line for line in text.splitlines() if line.startswith("Badge code:"))
    code = line.removeprefix("Badge code:").strip()
    assert find_by_badge(store.data, code) == officer


def test_event_detail_shortens_each_citys_participants_when_asked(sample_file: Path) -> None:
    """The panel beside the panes shows a dozen names a city; at 50,000 officers the whole list took seconds."""
    store = Store.open(sample_file)
    city_id = next(o.city_id for o in store.data.officers.values() if o.name == "Henri Kahonen")
    store.commit([added(Officer(name=f"Extra Officer {n:02}", city_id=city_id)) for n in range(20)])
    whole = next(e for e in store.data.events.values() if e.whole_delegation)
    event = store.data.events[whole.id]
    city_name = store.data.cities[city_id].name if city_id is not None else ""

    def city_line(text: str) -> str:
        return next(line for line in text.splitlines() if line.startswith(f"  {city_name}: "))

    everyone = details.event_detail(store.data, event).plain
    names_in_city = city_line(everyone).split(": ", 1)[1].split(", ")
    assert len(names_in_city) >= 21 and "more" not in city_line(everyone)
    short = details.event_detail(store.data, event, names_per_city=5).plain
    assert city_line(short).endswith(f"{', '.join(names_in_city[:5])} … and {len(names_in_city) - 5} more")
    people = [line for line in everyone.splitlines() if line.startswith("Participants (")]
    assert people == [line for line in short.splitlines() if line.startswith("Participants (")]  # the count stays whole
