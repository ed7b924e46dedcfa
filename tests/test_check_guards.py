"""`check` names cities entered twice and events left outside a shortened visit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import orjson
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


def test_same_name_cities_come_oldest_first_whatever_the_files_order(sample_file: Path) -> None:
    """The same-city question opens the first of them: the one entered first, even in a hand-merged file."""
    tables = orjson.loads(sample_file.read_bytes())
    cities = tables["cities"]
    cities["9"] = {**cities["2"], "name": "Busan"}
    cities["7"] = {**cities["2"], "name": "BUSAN "}
    tables["cities"] = {"9": cities.pop("9"), **cities}  # the newest first in the file
    tables["meta"]["1"]["next_ids"]["cities"] = 10
    sample_file.write_bytes(orjson.dumps(tables))
    data = Store.open(sample_file).data
    assert [c.id for c in same_name_cities(data, City(name="busan"))] == [7, 9]


def test_check_names_every_other_city_of_the_name_with_its_country_if_known(
    sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan")), added(City(name="busan", country="Korea")), added(City(name="BUSAN"))])
    [problem] = duplicate_cities(store.data)
    assert problem.field == "name"  # what a form would mark
    first, second, third = sorted(c.id for c in store.data.cities.values() if c.name.lower() == "busan")
    assert str(problem) == (
        f"city 'Busan' (#{first}): same name as city 'busan' (#{second}, Korea), city 'BUSAN' (#{third})"
    )
