"""An event's participants by city, as the detail panel lists them: the same as grouping the
sorted participants afresh, and never a previous version's after a save."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from liaison_tui.domain import participant_groups, schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import City, Event, Officer, Role
from liaison_tui.reports.details import event_detail
from liaison_tui.store.store import Store


def fresh_grouping(data: Dataset, event: Event) -> list[tuple[str | None, list[str]]]:
    groups: dict[str | None, list[str]] = {}
    for officer in schedule.participants(data, event):
        city = schedule.city_of(data, officer)
        groups.setdefault(city.name if city else None, []).append(officer.name)
    return list(groups.items())


def test_groups_match_a_fresh_grouping_for_every_event(sample_file: Path) -> None:
    store = Store.open(sample_file)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit(
        [added(Officer(name="Aaron Early", city_id=atlanta.id)), added(Officer(name="Host Aide", role=Role.HOST))]
    )
    data = store.data
    participant_groups.warm(data)
    for event in data.events.values():
        assert participant_groups.by_city(data, event) == fresh_grouping(data, event)
        assert participant_groups.by_city(data, event) == fresh_grouping(data, event)  # kept, unchanged


def test_a_save_is_seen_at_once(sample_file: Path) -> None:
    store = Store.open(sample_file)
    conference = next(e for e in store.data.events.values() if e.title == "Liaison conference")
    assert "Henri Kahonen" in event_detail(store.data, conference).plain
    henri = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    store.commit([changed(henri, replace(henri, name="Henri Kähönen"))])
    text = event_detail(store.data, store.data.events[conference.id]).plain
    assert "Henri Kähönen" in text and "Henri Kahonen" not in text
    staff = Officer(name="Host Aide", role=Role.HOST)
    store.commit([added(staff)])
    conference = store.data.events[conference.id]
    aide = next(o for o in store.data.officers.values() if o.name == "Host Aide")
    store.commit([changed(conference, replace(conference, participant_ids=(*conference.participant_ids, aide.id)))])
    text = event_detail(store.data, store.data.events[conference.id]).plain
    assert "Host staff: Host Aide" in text


def test_the_panel_lists_the_first_cities_and_counts_the_rest(sample_file: Path) -> None:
    store = Store.open(sample_file)
    cities = [City(name=f"Town {n:02d}", country="Testland") for n in range(30)]
    store.commit([added(city) for city in cities])
    towns = [c for c in store.data.cities.values() if c.country == "Testland"]
    store.commit([added(Officer(name=f"Officer of {town.name}", city_id=town.id)) for town in towns])
    event = next(e for e in store.data.events.values() if e.whole_delegation)
    total = len(participant_groups.by_city(store.data, event))
    panel = event_detail(store.data, event, cities=24).plain
    assert f"… and {total - 24} more cities (Enter shows all)" in panel
    assert "Officer of Town 00" in panel and "Officer of Town 29" not in panel
    full = event_detail(store.data, event).plain
    assert "Officer of Town 29" in full and "more cities" not in full
