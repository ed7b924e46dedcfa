"""A rejected row is named by what a reader finds it by: the person, the event's title, the follow-up's text.

Never by an officer's job or honorific (a row without a name stays unnamed
rather than look like someone else), and the reason says what was wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison_tui.domain.edits import added
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer
from liaison_tui.spreadsheets.importing import ImportPlan, plan_import
from liaison_tui.store.store import Store


def _rejected(sample_file: Path, tmp_path: Path, kind: Kind, text: str) -> list[tuple[int, str, str]]:
    path = tmp_path / "rows.csv"
    path.write_text(text)
    store = Store.open(sample_file)
    [visit] = store.data.visits.values()
    plan = plan_import(store.data, kind, path, visit_id=visit.id)
    return [(o.line, o.label, o.reason) for o in plan.rejected]


UNKNOWN_CITY = (
    "unknown city 'Atlantis': --add-cities creates it from the file's City and Country (or import cities first)"
)


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
    assert reason == UNKNOWN_CITY


def test_a_rejected_officer_without_a_name_is_not_named_by_their_job(sample_file: Path, tmp_path: Path) -> None:
    rows = "Prefix,Name,Title,City\nDr,,Adviser,Atlantis\n"
    [(_, named, reason)] = _rejected(sample_file, tmp_path, Kind.OFFICER, rows)
    assert (named, reason) == ("", UNKNOWN_CITY)


def test_a_rejected_event_is_named_by_its_title(sample_file: Path, tmp_path: Path) -> None:
    rows = "Date,Start,End,Title\n2026-12-02,25:00,26:00,Gala dinner\n2026-12-02,25:00,26:00,\n"
    (first_line, first, _), (second_line, second, _) = _rejected(sample_file, tmp_path, Kind.EVENT, rows)
    assert (first_line, first) == (2, "Gala dinner")
    assert (second_line, second) == (3, "")  # untitled: the line number finds it


def test_a_rejected_follow_up_is_named_by_its_text(sample_file: Path, tmp_path: Path) -> None:
    rows = "City,What\nAtlantis,Port twinning\n"
    [(line, named, reason)] = _rejected(sample_file, tmp_path, Kind.FOLLOW_UP, rows)
    assert (line, named) == (2, "Port twinning") and "Atlantis" in reason


def _plan(sample_file: Path, tmp_path: Path, text: str) -> ImportPlan:
    path = tmp_path / "officers.csv"
    path.write_text(text)
    return plan_import(Store.open(sample_file).data, Kind.OFFICER, path)


def _outcomes(plan: ImportPlan) -> list[tuple[int, str, str, str]]:
    return [(o.line, o.action, o.label, o.reason) for o in plan.outcomes]


def test_every_row_gets_its_line_and_a_bad_row_stops_nothing_after_it(sample_file: Path, tmp_path: Path) -> None:
    plan = _plan(
        sample_file,
        tmp_path,
        "Name,Email,City\n"
        "Kim Park,kim@busan.example,Helsinki\n"
        "Sam Lee,sam@atl.example,Atlanta,surplus\n"  # one cell too many
        "Kim Park,kim@busan.example,Helsinki\n"  # the same person again
        "Ana Costa\n",  # a short row: the missing cells are empty
    )
    assert (plan.kind, plan.mapping) == (Kind.OFFICER, {"Name": "name", "Email": "email", "City": "city"})
    assert _outcomes(plan) == [
        (2, "add", "Kim Park", ""),
        (3, "reject", "", "4 cells but 3 columns"),
        (4, "reject", "Kim Park", "same officer as line 2"),
        (5, "add", "Ana Costa", ""),
    ]
    [ana] = [o.edit.after for o in plan.outcomes if o.edit and o.edit.after and o.label == "Ana Costa"]
    assert isinstance(ana, Officer) and (ana.email, ana.city_id) == ("", None)


def test_a_row_that_could_be_two_officers_names_both(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    henri = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    by_hand = _saved(store, Officer(name="H. Kahonen", email="henri@hel.example", city_id=henri.city_id))
    rows = "Name,Email,City\nHenri Kahonen,henri@hel.example,Helsinki\nKim Park,kim@busan.example,Helsinki\n"
    (line, action, named, reason), after = _outcomes(_plan(sample_file, tmp_path, rows))
    assert after == (3, "add", "Kim Park", "")  # the rows after it still count
    assert (line, action, named) == (2, "reject", "Henri Kahonen")
    assert reason == (
        f"could be any of 2 officers on file: #{by_hand.id} H. Kahonen (Helsinki, henri@hel.example); "
        f"#{henri.id} Henri Kahonen (Helsinki, no email); tell them apart first"
    )


def _saved(store: Store, officer: Officer) -> Officer:
    [edit] = store.commit([added(officer)]).edits
    assert isinstance(edit.after, Officer)
    return edit.after


def test_rows_matching_officers_on_file_are_updates_or_unchanged_by_line(sample_file: Path, tmp_path: Path) -> None:
    plan = _plan(
        sample_file,
        tmp_path,
        "Name,City,Hotel,Honorific,Email\n"
        "Henri Kahonen,Helsinki,,,\n"  # nothing new
        "Duncan Sandeman,Christchurch,Hotel B,,\n"
        "Taylor Woodruff,Atlanta,,Her Excellency the Right Honourable Lady Mayor,taylor-at-atl\n",
    )
    assert _outcomes(plan) == [
        (2, "unchanged", "officer 'Henri Kahonen'", ""),
        (3, "update", "officer 'Duncan Sandeman'", ""),
        (
            4,
            "reject",
            "Taylor Woodruff",
            "honorific 'Her Excellency the R'… is too long for a form of address; email 'taylor-at-atl' has no '@'",
        ),
    ]
