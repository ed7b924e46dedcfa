"""One officer per email: imports plan under the writers' lock, and ``check`` names duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit, added
from liaison_tui.domain.model import City, Officer
from liaison_tui.domain.validation import duplicate_emails
from liaison_tui.store.store import Store


def test_commit_planned_plans_from_the_data_on_disk(sample_file: Path) -> None:
    stale, other = Store.open(sample_file), Store.open(sample_file)
    other.commit([added(City(name="Busan"))])  # saved after ``stale`` read the file
    seen: list[Dataset] = []

    def plan(data: Dataset) -> list[Edit]:
        seen.append(data)
        return [] if any(c.name == "Osaka" for c in data.cities.values()) else [added(City(name="Osaka"))]

    result = stale.commit_planned(plan)
    assert "Busan" in {c.name for c in seen[0].cities.values()}  # planned from the fresh data
    assert result.reloaded and len(result.edits) == 1
    again = other.commit_planned(plan)
    assert again.edits == [] and again.reloaded  # planned again: nothing left to add, nothing written
    assert [c.name for c in Store.open(sample_file).data.cities.values()].count("Osaka") == 1


def test_an_import_planned_before_another_saved_adds_nothing_twice(
    sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second of two imports read the file before the first saved: it must re-plan, not add again."""
    registration = tmp_path / "registration.csv"
    registration.write_text("Name,Email\nAino Virtanen,aino@hel.example\nSam Lee,sam@atl.example\n")
    from liaison_tui.cli import reports

    real_plan = reports.plan_import
    calls = 0

    def plan_then_another_import_saves(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        plan = real_plan(*args, **kwargs)  # type: ignore[arg-type]
        if calls == 1:  # as if another process imported the same file just now
            Store.open(sample_file).commit(plan.edits)
        return plan

    monkeypatch.setattr(reports, "plan_import", plan_then_another_import_saves)
    assert main(["--db", str(sample_file), "import", "officers", str(registration)]) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out
    emails = [o.email for o in Store.open(sample_file).data.officers.values() if o.email.endswith(".example")]
    assert sorted(emails) == ["aino@hel.example", "sam@atl.example"]


def test_check_names_officers_sharing_an_email(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(sample_file)
    store.commit(
        [
            added(Officer(name="Aino Virtanen", email="aino@hel.example")),
            added(Officer(name="A. Virtanen", email=" AINO@Hel.Example")),
            added(Officer(name="Sam Lee", email="sam@atl.example")),
        ]
    )
    assert main(["--db", str(sample_file), "check"]) == 1
    out = capsys.readouterr().out
    assert f"{sample_file}: 1 problem" in out
    [line] = [line for line in out.splitlines() if "same email" in line]
    assert "'Aino Virtanen'" in line and "'A. Virtanen'" in line
    # The file still opens (so someone can fix it), and other commands work on it.
    assert len(duplicate_emails(Store.open(sample_file).data)) == 1
    assert main(["--db", str(sample_file), "summary", "roster"]) == 0


def test_officers_without_email_are_no_duplicates(sample_file: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(Officer(name="One")), added(Officer(name="Two"))])
    assert duplicate_emails(store.data) == []
    assert main(["--db", str(sample_file), "check"]) == 0


def test_check_names_every_other_officer_of_the_email(sample_file: Path) -> None:
    store = Store.open(sample_file)
    names = ["Aino Virtanen", "A. Virtanen", "Aino V."]
    store.commit([added(Officer(name=name, email="aino@hel.example")) for name in names])
    [problem] = duplicate_emails(store.data)
    assert problem.field == "email"  # what a form would mark
    first, second, third = sorted(o.id for o in store.data.officers.values() if o.email == "aino@hel.example")
    assert str(problem) == (
        f"officer 'Aino Virtanen' (#{first}): same email as officer 'A. Virtanen' (#{second}), "
        f"officer 'Aino V.' (#{third})"
    )
