"""The honorific: typed in the officer form, kept out of the name, used where people are addressed."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import changed
from liaison_tui.domain.model import Officer
from liaison_tui.session import Session
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import detail_followed, make_app


def henri(path: Path) -> Officer:
    return next(o for o in Store.open(path, read_only=True).data.officers.values() if o.name == "Henri Kahonen")


def give_honorific(path: Path, honorific: str) -> None:
    store = Store.open(path)
    officer = henri(path)
    Session(store).save([changed(officer, dataclasses.replace(officer, honorific=honorific))])


def test_files_without_the_field_load_with_no_honorific(sample_file: Path) -> None:
    stored = json.loads(sample_file.read_text())
    assert all("honorific" not in officer for officer in stored["officers"].values())
    assert all(o.honorific == "" for o in Store.open(sample_file).data.officers.values())


async def test_typed_in_the_officer_form_after_the_title(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        officer = henri(sample_file)
        table = app.screen.query_one("#officers", RecordTable)
        table.focus()
        table.select_id(officer.id)
        await pilot.press("e")
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-title").focus()
        await pilot.press("tab", *"Dr", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        saved = henri(sample_file)
        assert (saved.name, saved.honorific, saved.title) == ("Henri Kahonen", "Dr", officer.title)
        await detail_followed(pilot)  # the panel follows the cursor a frame later
        assert "Honorific: Dr" in str(app.screen.query_one("#detail-body").visual)


def test_check_refuses_a_job_description_as_honorific(sample_file: Path) -> None:
    with pytest.raises(ValueError, match="too long for a form of address"):
        give_honorific(sample_file, "Director of International Affairs and Cooperation")


def test_printed_programmes_address_the_person(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    give_honorific(sample_file, "Dr")
    handout = tmp_path / "henri.md"
    assert main(["--db", str(sample_file), "export", "md", "--officer", "Henri Kahonen", "-o", str(handout)]) == 0
    assert handout.read_text().startswith("# Dr Henri Kahonen\n")
    calendar = tmp_path / "visit.ics"
    assert main(["--db", str(sample_file), "export", "ics", "-o", str(calendar)]) == 0
    assert ". Dr Henri Kahonen" in calendar.read_bytes().decode().replace("\r\n ", "")  # the speaking order, unfolded
    capsys.readouterr()
    assert main(["--db", str(sample_file), "summary"]) == 0
    assert "Dr Henri Kahonen" in capsys.readouterr().out  # the delegation's speakers
    # The roster stays sorted and looked up by the name.
    assert main(["--db", str(sample_file), "export", "csv", "--table", "officers"]) == 0
    roster = capsys.readouterr().out.removeprefix("\ufeff").splitlines()
    assert roster[0].startswith("Name,Honorific,")
    assert any(line.startswith("Henri Kahonen,Dr,") for line in roster)
