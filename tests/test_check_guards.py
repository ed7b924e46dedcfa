"""`check` names cities entered twice and events left outside a shortened visit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain import schedule
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import City
from liaison_tui.domain.validation import duplicate_cities, same_name_cities
from liaison_tui.store.store import Store


def test_city_names_meet_whatever_their_case_accents_and_spaces(sample_file: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan", country="South Korea")), added(City(name="Köln"))])
    data = store.data
    busan = next(c for c in data.cities.values() if c.name == "Busan")
    assert same_name_cities(data, City(name=" busan ", country="Korea")) == [busan]
    assert same_name_cities(data, busan) == []  # not itself
    assert [c.name for c in same_name_cities(data, City(name="KOLN"))] == ["Köln"]
    assert same_name_cities(data, City(name="Busan-jin")) == []


def test_check_names_cities_entered_twice(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan", country="South Korea")), added(City(name="busan", country="Korea"))])
    assert main(["--db", str(sample_file), "check"]) == 1
    out = capsys.readouterr().out
    assert f"{sample_file}: 1 problem" in out
    [line] = [line for line in out.splitlines() if "same name" in line]
    assert "city 'Busan'" in line and "city 'busan'" in line and "Korea" in line
    assert len(duplicate_cities(Store.open(sample_file).data)) == 1


def test_check_names_events_outside_a_shortened_visit(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(sample_file)
    [visit] = store.data.visits.values()
    store.commit([changed(visit, dataclasses.replace(visit, days=3))])
    assert [e.title for e in schedule.events_outside(store.data, store.data.visits[visit.id])] == ["Liaison conference"]
    assert main(["--db", str(sample_file), "check"]) == 0  # a warning: the plan is being made
    out = capsys.readouterr().out
    assert "outside visit: 'Liaison conference' is on 2026-12-04, outside the visit" in out
