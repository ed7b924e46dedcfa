"""What an import never does to the roster: erase by an empty cell, respell a name, or rename someone."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import Officer, Travel
from liaison_tui.store.store import Store


@pytest.fixture(autouse=True)
def _wide_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")


def officers(db: Path) -> dict[str, Officer]:
    return {o.name: o for o in Store.open(db).data.officers.values()}


def import_csv(db: Path, tmp_path: Path, text: str, *options: str) -> int:
    path = tmp_path / "export.csv"
    path.write_text(text)
    return main(["--db", str(db), "import", "officers", str(path), *options])


def test_empty_cells_and_a_time_without_its_flight_keep_what_is_on_file(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    henri = officers(sample_file)["Henri Kahonen"]
    typed = dataclasses.replace(henri, dietary="Halal", arrival=Travel(at=datetime(2026, 11, 30, 9, 0), flight="AY 87"))
    store.commit([changed(henri, typed)])
    export = "Full Name,City,Dietary Requirements,Arrival Date,Arrival Time\nHenri Kahonen,Helsinki,,2026-11-30,14:05\n"
    assert import_csv(sample_file, tmp_path, export) == 0
    after = officers(sample_file)["Henri Kahonen"]
    assert after.dietary == "Halal"  # the empty cell erased nothing
    assert after.arrival == Travel(at=datetime(2026, 11, 30, 14, 5), flight="AY 87")  # the new time, the flight kept


def test_a_name_spelled_without_its_accents_keeps_the_spelling_on_file(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    atlanta = next(c.id for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit([added(Officer(name="João Silva", city_id=atlanta))])
    assert import_csv(sample_file, tmp_path, "Full Name,City,Job Title\nJoao Silva,Atlanta,Adviser\n") == 0
    joao = officers(sample_file)["João Silva"]
    assert joao.title == "Adviser"


def test_an_email_of_one_person_on_the_name_of_another_renames_nobody(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(sample_file)
    atlanta = next(c.id for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit(
        [
            added(Officer(name="Maria Costa", city_id=atlanta, email="maria@atl.example")),
            added(Officer(name="Pedro Alves", city_id=atlanta, email="pedro@atl.example")),
        ]
    )
    before = sample_file.read_bytes()
    row = "Full Name,City,Email\nMaria Costa,Atlanta,pedro@atl.example\n"
    assert import_csv(sample_file, tmp_path, row, "--skip-bad") == 0
    assert "could be any of 2 officers" in capsys.readouterr().out
    assert sample_file.read_bytes() == before  # Pedro is still Pedro
