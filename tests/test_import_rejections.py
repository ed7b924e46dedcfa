"""A rejected row is named by what a reader finds it by: the person, the event's title, the follow-up's text.

Never by an officer's job or honorific (a row without a name stays unnamed
rather than look like someone else), and the reason says what was wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison_tui.domain.kinds import Kind
from liaison_tui.spreadsheets.importing import plan_import
from liaison_tui.store.store import Store


def _rejected(sample_file: Path, tmp_path: Path, kind: Kind, text: str) -> list[tuple[int, str, str]]:
    path = tmp_path / "rows.csv"
    path.write_text(text)
    store = Store.open(sample_file)
    [visit] = store.data.visits.values()
    plan = plan_import(store.data, kind, path, visit_id=visit.id)
    return [(o.line, o.label, o.reason) for o in plan.rejected]


UNKNOWN_CITY = "unknown city 'Atlantis': --add-cities creates it from the file's City and Country"


@pytest.mark.parametrize(
    ("header", "cells", "label"),
    [
        ("Name,Title,City", "Kim Park,Adviser,Atlantis", "Kim Park"),
        ("First Name,Last Name,Title,City", " Olli , Rehn ,Adviser,Atlantis", "Olli Rehn"),
        ("Last Name,Title,City", "Rehn,Adviser,Atlantis", "Rehn"),
        ("First Name,Title,City", "Olli,Adviser,Atlantis", "Olli"),
    ],
)
def test_a_rejected_officer_is_named_by_the_name_the_row_gives(
    sample_file: Path, tmp_path: Path, header: str, cells: str, label: str
) -> None:
    [(line, named, reason)] = _rejected(sample_file, tmp_path, Kind.OFFICER, f"{header}\n{cells}\n")
    assert (line, named) == (2, label)
    assert reason.startswith(UNKNOWN_CITY)


def test_a_rejected_officer_without_a_name_is_not_named_by_their_job(sample_file: Path, tmp_path: Path) -> None:
    rows = "Prefix,Name,Title,City\nDr,,Adviser,Atlantis\n"
    [(_, named, reason)] = _rejected(sample_file, tmp_path, Kind.OFFICER, rows)
    assert named == "" and reason.startswith(UNKNOWN_CITY)


def test_a_rejected_event_is_named_by_its_title(sample_file: Path, tmp_path: Path) -> None:
    rows = "Date,Start,End,Title\n2026-12-02,25:00,26:00,Gala dinner\n2026-12-02,25:00,26:00,\n"
    (first_line, first, _), (second_line, second, _) = _rejected(sample_file, tmp_path, Kind.EVENT, rows)
    assert (first_line, first) == (2, "Gala dinner")
    assert (second_line, second) == (3, "")  # untitled: the line number finds it


def test_a_rejected_follow_up_is_named_by_its_text(sample_file: Path, tmp_path: Path) -> None:
    rows = "City,What\nAtlantis,Port twinning\n"
    [(line, named, reason)] = _rejected(sample_file, tmp_path, Kind.FOLLOW_UP, rows)
    assert (line, named) == (2, "Port twinning") and "Atlantis" in reason
