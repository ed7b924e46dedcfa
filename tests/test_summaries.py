"""Summary tables on the sample and on synthetic data."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time
from pathlib import Path

import pytest
from rich.console import Console

from liaison_tui.cli.main import main
from liaison_tui.domain.demo import generate
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import Event, EventKind, Officer, Travel
from liaison_tui.reports import summaries
from liaison_tui.store.store import Store


def render(parts: list[object], width: int = 200) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for part in parts:
        console.print(part)
    return console.export_text()


def test_delegation_counts_against_expected(sample_file: Path) -> None:
    store = Store.open(sample_file)
    text = render(summaries.delegation(store.data, store.current_visit()))
    assert "3 of 16 cities and 3 of 32 officers registered" in text
    assert "Duncan Sandeman" in text and "New Zealand" in text


def test_roster_itinerary_followups_conflicts(sample_file: Path) -> None:
    store = Store.open(sample_file)
    visit = store.current_visit()
    text = render([part for s in summaries.SUMMARIES for part in s.build(store.data, visit, None)])
    assert "0 of 3 officers complete" in text
    assert "programme 10 h 00 min" in text
    assert "44 containers of lanterns" in text
    assert "agreed: 2" in text and "proposed: 3" in text
    assert "0 found" in text


def test_logistics_counts_needs_per_meal_without_names(sample_file: Path) -> None:
    store = Store.open(sample_file)
    visit = store.current_visit()
    assert visit is not None
    officers = store.data.officers
    kahonen = next(o for o in officers.values() if o.name == "Henri Kahonen")
    woodruff = next(o for o in officers.values() if o.name == "Taylor Woodruff")
    arrival = Travel(at=datetime(2026, 11, 30, 14, 5), flight="AY87")
    store.commit(
        [
            changed(kahonen, dataclasses.replace(kahonen, dietary="Vegetarian", hotel="Hotel A", arrival=arrival)),
            changed(woodruff, dataclasses.replace(woodruff, dietary="vegetarian", accessibility="wheelchair")),
            added(
                Event(
                    visit_id=visit.id,
                    day=visit.start_date,
                    start=time(12),
                    end=time(13),
                    title="Lunch",
                    kind=EventKind.MEAL,
                )
            ),
        ]
    )
    text = render(summaries.logistics(store.data, visit))
    assert "vegetarian: 2" in text and "wheelchair: 1" in text
    lunch_line = next(line for line in text.splitlines() if "Lunch" in line)
    assert "Kahonen" not in lunch_line and "Woodruff" not in lunch_line
    assert "AY87" in text and "Mon 30 Nov" in text and "Hotel A" in text


def test_agenda_and_summaries_at_scale() -> None:
    store = Store.in_memory()
    store.commit(generate(cities=20, officers=500, days=4))
    visit = store.current_visit()
    officer: Officer = store.data.officers[1]
    text = render(summaries.agenda(store.data, visit, officer))
    assert officer.name in text and "speaker" in text  # leaders speak at the synthetic conference
    text = render(summaries.delegation(store.data, visit))
    assert "20 of 20 cities and 500 of 500 officers registered" in text


def test_summary_command(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(sample_file), "summary"]) == 0
    out = capsys.readouterr().out
    for title in ("Delegation", "Roster completeness", "Itinerary", "Arrivals", "Hotels", "Follow-ups", "Conflicts"):
        assert title in out
    assert "\x1b[" not in out  # piped: plain text
    assert main(["--db", str(sample_file), "summary", "agenda", "--officer", "Kahonen"]) == 0
    assert "speaker 3" in capsys.readouterr().out
    assert main(["--db", str(sample_file), "summary", "agenda", "--officer", "Nobody"]) == 1
    assert "no officer called 'Nobody'" in capsys.readouterr().err
