"""Meals by name: needs grouped however they are spelled, the staff summary and the caterer's CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import time, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import Edit, added, changed
from liaison_tui.domain.model import Event, EventKind, Officer
from liaison_tui.domain.needs import group_needs, meal_needs, need_key, needs_in
from liaison_tui.reports import meals, summaries
from liaison_tui.spreadsheets.handouts import MEALS_HEADER, meals_csv
from liaison_tui.store.store import Store


def render(parts: list[object]) -> str:
    console = Console(width=220, record=True, file=io.StringIO())
    for part in parts:
        console.print(part)
    return console.export_text()


def test_spellings_of_one_need_share_a_key_and_none_is_no_need() -> None:
    assert need_key("Halal") == need_key("halal ") == need_key(" HALAL.") == "halal"
    assert need_key("Nut-allergy") == need_key("nut  allergy")
    for nothing in ("", "  ", "none", "None", "no", "-", "n/a", "N/A", "nil"):
        assert needs_in(nothing) == [], nothing
    assert needs_in("Vegetarian; nut allergy") == ["Vegetarian", "nut allergy"]
    assert needs_in("no pork") == ["no pork"]  # "no" alone is no need; "no pork" is one


def test_group_needs_counts_each_person_once_under_the_commonest_spelling() -> None:
    people = [
        Officer(id=1, name="Ana", dietary="Halal"),
        Officer(id=2, name="Ben", dietary="halal "),
        Officer(id=3, name="Chen", dietary="halal, Halal"),  # one need, typed twice
        Officer(id=4, name="Dara", dietary="none"),
        Officer(id=5, name="Eli", dietary="Vegetarian; HALAL"),
    ]
    groups = group_needs(people, lambda o: o.dietary)
    assert [(g.need, [o.name for o in g.officers]) for g in groups] == [
        ("halal", ["Ana", "Ben", "Chen", "Eli"]),  # "halal" 2, "Halal" 2, "HALAL" 1: a tie goes to lower case
        ("Vegetarian", ["Eli"]),
    ]


@pytest.fixture
def dinner_store(sample_file: Path) -> Store:
    """The sample with needs, a dinner for everyone and Tang Lixia, and a lunch for Kahonen alone."""
    store = Store.open(sample_file)
    visit = store.current_visit()
    assert visit is not None
    by_name = {o.name: o for o in store.data.officers.values()}

    def needs_of(name: str, dietary: str, accessibility: str = "", phone: str = "", email: str = "") -> Edit:
        officer = by_name[name]
        updated = dataclasses.replace(officer, dietary=dietary, accessibility=accessibility, phone=phone, email=email)
        return changed(officer, updated)

    def meal(title: str, start: int, ids: tuple[int, ...], whole: bool) -> Edit:
        return added(
            Event(
                visit_id=visit.id,
                day=visit.start_date,
                start=time(start),
                end=time(start + 1),
                title=title,
                kind=EventKind.MEAL,
                whole_delegation=whole,
                participant_ids=ids,
            )
        )

    store.commit(
        [
            needs_of("Henri Kahonen", "Halal", phone="+358 40 123 4567", email="henri@example.fi"),
            needs_of("Taylor Woodruff", "halal ", "Wheelchair"),
            needs_of("Duncan Sandeman", "n/a"),
            needs_of("Tang Lixia", "vegetarian"),
            meal("Welcome dinner", 19, (by_name["Tang Lixia"].id,), whole=True),
            meal("Working lunch", 12, (by_name["Henri Kahonen"].id,), whole=False),
        ]
    )
    return store


def test_meal_needs_name_who_needs_what(dinner_store: Store) -> None:
    visit = dinner_store.current_visit()
    assert visit is not None
    lunch, dinner = meal_needs(dinner_store.data, visit)
    assert (lunch.meal.title, dinner.meal.title) == ("Working lunch", "Welcome dinner")
    assert [o.name for o in dinner.attendees] == ["Taylor Woodruff", "Duncan Sandeman", "Henri Kahonen", "Tang Lixia"]
    assert [(g.need, [o.name for o in g.officers]) for g in dinner.dietary] == [
        ("halal", ["Taylor Woodruff", "Henri Kahonen"]),
        ("vegetarian", ["Tang Lixia"]),
    ]
    assert [(g.need, len(g.officers)) for g in dinner.accessibility] == [("Wheelchair", 1)]
    assert [(g.need, [o.name for o in g.officers]) for g in lunch.dietary] == [("Halal", ["Henri Kahonen"])]


def test_meals_summary_lists_names_per_need_and_everyone_attending(dinner_store: Store) -> None:
    assert "meals" in summaries.BY_NAME  # so the app's summaries screen shows it too
    text = render(meals.meals(dinner_store.data, dinner_store.current_visit()))
    kitchen = text[text.index("Kitchen list: Welcome dinner") :]
    halal_row = next(line for line in kitchen.splitlines() if "halal" in line)
    assert "2" in halal_row and "Taylor Woodruff, Henri Kahonen" in halal_row
    assert "4 people: halal 2, vegetarian 1; Wheelchair 1" in kitchen
    assert "1 person: Halal 1" in text  # the lunch
    attending = text[text.index("Who attends: Welcome dinner") :]
    rows = {line.split("│")[1].strip(): line.split("│")[3].strip() for line in attending.splitlines() if "│" in line}
    assert rows["Helsinki"] == "Henri Kahonen (Halal)"  # everyone, by city, each with their needs
    assert rows["Atlanta"] == "Taylor Woodruff (halal, Wheelchair)"
    assert rows["Christchurch"] == "Duncan Sandeman"  # "n/a" is no need
    assert rows["Host staff"] == "Tang Lixia (vegetarian)"
    assert "+358" not in text  # staff summary of needs: no phones either


def test_meals_summary_without_meals_says_so(sample_file: Path) -> None:
    store = Store.open(sample_file)
    assert "No meals in the itinerary yet" in render(meals.meals(store.data, store.current_visit()))


def test_caterer_csv_has_names_and_needs_only_and_no_formulas(dinner_store: Store) -> None:
    data = dinner_store.data
    visit = dinner_store.current_visit()
    assert visit is not None
    kahonen = next(o for o in data.officers.values() if o.name == "Henri Kahonen")
    dinner = next(e for e in data.events.values() if e.title == "Welcome dinner")
    dinner_store.commit(
        [
            changed(kahonen, dataclasses.replace(kahonen, name='=HYPERLINK("http://x")', accessibility="@sum(1)")),
            changed(dinner, dataclasses.replace(dinner, title="+Welcome dinner")),
        ]
    )
    text = meals_csv(dinner_store.data, visit)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == MEALS_HEADER
    assert not {"Phone", "Email", "City", "Title"} & set(rows[0])
    assert "+358" not in text and "henri@example.fi" not in text
    by_need = {(row[3], row[7]): row for row in rows[1:]}
    halal = by_need[("'+Welcome dinner", "halal")]
    assert halal[5] == "4" and halal[6] == "dietary" and halal[8] == "2"
    assert halal[9] == 'Taylor Woodruff; =HYPERLINK("http://x")'  # only a cell's start can run as a formula
    assert by_need[("'+Welcome dinner", "'@sum(1)")][9] == '\'=HYPERLINK("http://x")'
    assert by_need[("Working lunch", "Halal")][9] == '\'=HYPERLINK("http://x")'
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_meals_csv_and_summary_through_the_command_line(
    dinner_store: Store, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "kitchen.csv"
    assert main(["--db", str(sample_file), "export", "meals", "-o", str(target)]) == 0
    content = target.read_bytes()
    assert content.startswith("\ufeff".encode()) and b"\r\n" in content
    assert "Welcome dinner" in content.decode()
    assert main(["--db", str(sample_file), "summary", "meals"]) == 0
    assert "Kitchen list: Welcome dinner" in capsys.readouterr().out


def test_tonights_meals_only_with_day(
    dinner_store: Store, sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit = dinner_store.current_visit()
    assert visit is not None
    friday = next(d for d in visit.dates if d.weekday() == 4)
    farewell = Event(
        visit_id=visit.id, day=friday, start=time(12), end=time(13), title="Farewell lunch", kind=EventKind.MEAL
    )
    dinner_store.commit([added(farewell)])
    assert main(["--db", str(sample_file), "summary", "meals", "--day", "fri"]) == 0
    out = capsys.readouterr().out
    assert "Farewell lunch" in out and "Welcome dinner" not in out and "Working lunch" not in out
    assert main(["--db", str(sample_file), "summary", "meals", "--day", visit.start_date.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Welcome dinner" in out and "Working lunch" in out and "Farewell lunch" not in out
    assert main(["--db", str(sample_file), "summary", "meals", "--day", "sat"]) == 1
    assert "no sat in the visit" in capsys.readouterr().err
    # The app, during the visit: from today on.
    later = render(meals.meals(dinner_store.data, visit, since=visit.start_date + timedelta(days=1)))
    assert "Farewell lunch" in later and "Welcome dinner" not in later
