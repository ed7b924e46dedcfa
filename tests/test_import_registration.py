"""Registration exports as Indico and Cvent really write them, through the real CLI on real files.

Honorifics in "Title" or "Prefix", split arrival date and time columns, cities
not yet on file, workbooks, and imports over a roster typed in by hand.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer
from liaison_tui.spreadsheets.importing import plan_import
from liaison_tui.spreadsheets.registration import holds_honorifics, is_honorific
from liaison_tui.store.store import Store

# Indico-style: Title holds the honorific, Position the job; semicolons, BOM, CRLF.
INDICO_HEADER = (
    "ID;Title;First Name;Last Name;Position;Affiliation;Email;City;Country;Special Dietary Requirements;"
    "Special Access Requirements;Arrival Date;Arrival Time;Arrival Flight Number;Hotel Name;Badge colour"
)
INDICO_ROWS = [
    "1;Dr;Henri;Kahonen;Director of International Affairs;City of Helsinki;henri@hel.example;Helsinki;Finland;"
    "vegetarian;;2026-11-30;14:05;AY87;Hotel Kämp;blue",
    "2;Mr;Duncan;Sandeman;Mayor;Christchurch City Council;duncan@ccc.example;Christchurch;New Zealand;"
    ";wheelchair;2026-11-29;09:30;NZ1;Hotel B;red",
    "3;Ms;Taylor;Woodruff;Protocol officer;City of Atlanta;taylor@atl.example;Atlanta;United States;halal;;;;;;green",
]
# Cvent-style: Prefix holds the honorific, Title the job; commas, no BOM, LF.
CVENT = (
    "Prefix,First Name,Last Name,Title,Company,Email Address,Mobile Phone,City,Country,Dietary Restrictions,"
    "Arrival Date,Arrival Time,Departure Date,Departure Time,Hotel Name,Registration Type\n"
    "H.E.,Aino,Virtanen,Deputy Mayor,City of Helsinki,aino@hel.example,+358 40 1,Helsinki,Finland,vegan,"
    "2026-11-30,14:05,2026-12-03,18:00,Hotel A,VIP\n"
    "Councillor,Sam,Lee,Chair of Culture Committee,City of Atlanta,sam@atl.example,,Atlanta,United States,,"
    ",,,,,Delegate\n"
)


@pytest.fixture(autouse=True)
def _wide_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # the plan table's reasons on one line each, for the asserts


def run(db: Path, *arguments: str) -> int:
    return main(["--db", str(db), "import", "officers", *arguments])


def officers(db: Path) -> dict[str, Officer]:
    return {o.name: o for o in Store.open(db).data.officers.values()}


def indico(tmp_path: Path, rows: list[str] | None = None) -> Path:
    path = tmp_path / "indico.csv"
    text = "\r\n".join([INDICO_HEADER, *(INDICO_ROWS if rows is None else rows)]) + "\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    return path


def test_indico_export_over_the_hand_made_roster_updates_everyone_once(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = officers(sample_file)
    assert all(not o.email for o in before.values())  # the sample roster was typed in by hand
    path = indico(tmp_path)
    assert run(sample_file, str(path)) == 0
    captured = capsys.readouterr()
    assert "0 added, 3 updated" in captured.out
    assert "Read as honorifics (Mr, Dr, ...), not job titles: Title" in captured.err
    assert "ID" in captured.err and "Badge colour" in captured.err  # unknown columns listed
    after = officers(sample_file)
    assert len(after) == len(before)
    henri = after["Henri Kahonen"]
    assert henri.id == before["Henri Kahonen"].id
    assert (henri.honorific, henri.title, henri.email) == (
        "Dr",
        "Director of International Affairs",
        "henri@hel.example",
    )
    assert henri.dietary == "vegetarian" and henri.hotel == "Hotel Kämp"
    assert henri.arrival is not None and henri.arrival.at == datetime(2026, 11, 30, 14, 5)
    assert henri.arrival.flight == "AY87"
    assert after["Duncan Sandeman"].accessibility == "wheelchair"
    assert after["Taylor Woodruff"].honorific == "Ms" and after["Taylor Woodruff"].organisation == "City of Atlanta"
    # Once more: now matched by email and by name alike, nothing to do.
    assert run(sample_file, str(path)) == 0
    assert "0 added, 0 updated, 3 unchanged" in capsys.readouterr().out
    assert len(officers(sample_file)) == len(before)


def test_cvent_export_reads_prefix_as_honorific_and_title_as_job(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cvent.csv"
    path.write_text(CVENT)
    assert run(sample_file, str(path)) == 0
    captured = capsys.readouterr()
    assert "2 added" in captured.out
    assert "Read as honorifics" not in captured.err
    assert "Registration Type" in captured.err
    aino, sam = officers(sample_file)["Aino Virtanen"], officers(sample_file)["Sam Lee"]
    assert (aino.honorific, aino.title, aino.phone) == ("H.E.", "Deputy Mayor", "+358 40 1")
    assert aino.arrival is not None and aino.arrival.at == datetime(2026, 11, 30, 14, 5)
    assert aino.departure is not None and aino.departure.at == datetime(2026, 12, 3, 18, 0)
    assert (sam.honorific, sam.title, sam.arrival) == ("Councillor", "Chair of Culture Committee", None)


def test_a_title_column_of_job_titles_stays_the_job_title(sample_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("Name,Title,City\nAino Virtanen,Director,Helsinki\nSam Lee,Mayor,Atlanta\nKim Ode,,Atlanta\n")
    assert run(sample_file, str(path)) == 0
    imported = officers(sample_file)
    assert (imported["Aino Virtanen"].title, imported["Aino Virtanen"].honorific) == ("Director", "")
    assert imported["Sam Lee"].title == "Mayor"


def test_honorific_detection() -> None:
    for honorific in ("Mr", "Mrs.", "ms", "Miss", "Dr.", "Prof. Dr.", "H.E.", "H. E.", "His Excellency", "Cllr"):
        assert is_honorific(honorific), honorific
    for job in ("Director", "Mayor", "Drummer", "Protocol officer", "The", "Head of Unit", ""):
        assert not is_honorific(job), job
    assert holds_honorifics(["Mr", "Ms", "Dr", "", "Mayor"])  # mostly honorifics: a stray job title allowed
    assert not holds_honorifics(["Mr", "Director", "Mayor"])
    assert not holds_honorifics(["", ""])


def test_rejected_rows_are_named_by_the_person(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = "4;Ms;Kim;Park;Officer;Busan City;kim@busan.example;Busan;South Korea;;;2026-11-30;;;;"
    before = sample_file.read_bytes()
    assert run(sample_file, str(indico(tmp_path, [row])), "--dry-run") == 1
    out = capsys.readouterr().out
    assert "Kim Park" in out and "│ Ms " not in out
    assert "unknown city 'Busan'" in out and "--add-cities" in out
    assert sample_file.read_bytes() == before


def test_split_date_without_time_is_a_clear_rejection(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = "5;Mr;Olli;Rehn;Adviser;City of Helsinki;olli@hel.example;Helsinki;Finland;;;2026-11-30;;;;"
    assert run(sample_file, str(indico(tmp_path, [row]))) == 1
    assert "arrival date '2026-11-30' has no arrival time" in capsys.readouterr().out


def test_add_cities_dry_run_lists_them_and_the_real_run_creates_them_once(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new-cities.csv"
    path.write_text(
        "Name,City,Country\n"
        "Kim Park,Busan,South Korea\n"
        "Lee Min,busan,South Korea\n"  # the same new city, spelt in lower case
        "Olli Rehn,HELSÍNKI,Finland\n"  # an existing city, in capitals and with an accent
    )
    cities_before = len(Store.open(sample_file).data.cities)
    before = sample_file.read_bytes()
    assert run(sample_file, str(path), "--add-cities", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Cities to create: Busan (South Korea)\n" in out
    assert "Dry run: 3 to add" in out
    assert sample_file.read_bytes() == before
    assert run(sample_file, str(path), "--add-cities") == 0
    assert "Cities created: Busan (South Korea)" in capsys.readouterr().out
    data = Store.open(sample_file).data
    assert len(data.cities) == cities_before + 1
    [busan] = [c for c in data.cities.values() if c.name == "Busan"]
    assert busan.country == "South Korea"
    people = {o.name: o for o in data.officers.values()}
    assert people["Kim Park"].city_id == people["Lee Min"].city_id == busan.id
    assert data.cities[people["Olli Rehn"].city_id or 0].name == "Helsinki"
    assert run(sample_file, str(path), "--add-cities") == 0
    out = capsys.readouterr().out
    assert "0 added" in out and "Cities created" not in out
    assert len(Store.open(sample_file).data.cities) == cities_before + 1


def test_new_city_ids_are_never_reused(sample_file: Path, tmp_path: Path) -> None:
    """A deleted city's id stays unused: the new one gets the store's next id."""
    first = tmp_path / "first.csv"
    first.write_text("Name,City,Country\nKim Park,Busan,South Korea\n")
    assert run(sample_file, str(first), "--add-cities") == 0
    busan_id = next(c.id for c in Store.open(sample_file).data.cities.values() if c.name == "Busan")
    store = Store.open(sample_file)
    from liaison_tui.domain.edits import plan_delete
    from liaison_tui.session import Session

    Session(store).save(plan_delete(store.data, store.data.cities[busan_id]))
    second = tmp_path / "second.csv"
    second.write_text("Name,City,Country\nAna Costa,Porto,Portugal\n")
    assert run(sample_file, str(second), "--add-cities") == 0
    porto = next(c for c in Store.open(sample_file).data.cities.values() if c.name == "Porto")
    assert porto.id > busan_id


def test_a_row_that_could_be_two_people_is_reported_not_guessed(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = tmp_path / "earlier.csv"
    earlier.write_text("Name,Email,City\nH. Kahonen,henri@hel.example,Helsinki\n")
    assert run(sample_file, str(earlier)) == 0
    henri_by_hand = officers(sample_file)["Henri Kahonen"]
    capsys.readouterr()
    path = tmp_path / "export.csv"
    path.write_text("Name,Email,City\nHenri Kahonen,henri@hel.example,Helsinki\n")
    before = sample_file.read_bytes()
    assert run(sample_file, str(path)) == 1
    out = capsys.readouterr().out
    assert "could be any of 2 officers on file" in out
    assert f"#{henri_by_hand.id} Henri Kahonen (Helsinki, no email)" in out
    assert "H. Kahonen (Helsinki, henri@hel.example)" in out
    assert sample_file.read_bytes() == before


def test_namesakes_with_different_emails_are_not_merged(sample_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "namesakes.csv"
    path.write_text("Name,Email,City\nKim Lee,kim1@atl.example,Atlanta\nKim Lee,kim2@atl.example,Atlanta\n")
    assert run(sample_file, str(path)) == 0
    assert run(sample_file, str(path)) == 0  # and again: each matches by email, nothing is ambiguous
    emails = sorted(o.email for o in Store.open(sample_file).data.officers.values() if o.name == "Kim Lee")
    assert emails == ["kim1@atl.example", "kim2@atl.example"]


@pytest.mark.parametrize(
    ("delimiter", "line_end", "bom"), [(";", "\r\n", True), (",", "\n", False), (",", "\r\n", True)]
)
def test_dialects(sample_file: Path, tmp_path: Path, delimiter: str, line_end: str, bom: bool) -> None:
    path = tmp_path / "dialect.csv"
    lines = ["Title,First Name,Last Name,Position,City", "Dr,Ana,Costa,Adviser,Christchurch", "Mr,Bo,Li,Driver,Atlanta"]
    text = line_end.join(line.replace(",", delimiter) for line in lines) + line_end
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
    assert run(sample_file, str(path)) == 0
    ana = officers(sample_file)["Ana Costa"]
    assert (ana.honorific, ana.title) == ("Dr", "Adviser")


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Registrations"
    sheet.append(["Title", "First Name", "Last Name", "Position", "City", "Arrival Date", "Arrival Time", "Room", "X"])
    sheet.append(["Dr", "Henri", "Kahonen", "Director", "Helsinki", date(2026, 11, 30), time(14, 5), 204, None])
    sheet.append(["Ms", "Ana", "Costa", "Adviser", "Christchurch", datetime(2026, 11, 29), time(9, 30), None, "?"])
    staff = book.create_sheet("Staff")
    staff.append(["Name", "Prefix", "Job Title"])
    staff.append(["Tang Lixia", "Ms", "Head of protocol"])
    book.save(path)


def test_xlsx_first_sheet_and_named_sheet(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "registrations.xlsx"
    _workbook(path)
    assert run(sample_file, str(path)) == 0
    captured = capsys.readouterr()
    assert "1 added, 1 updated" in captured.out
    assert "Columns not imported: X" in captured.err
    henri, ana = officers(sample_file)["Henri Kahonen"], officers(sample_file)["Ana Costa"]
    assert (henri.honorific, henri.title, henri.room) == ("Dr", "Director", "204")
    assert henri.arrival is not None and henri.arrival.at == datetime(2026, 11, 30, 14, 5)
    assert ana.arrival is not None and ana.arrival.at == datetime(2026, 11, 29, 9, 30)
    assert run(sample_file, str(path), "--sheet", "Staff") == 0
    tang = officers(sample_file)["Tang Lixia"]
    assert (tang.honorific, tang.title) == ("Ms", "Head of protocol")
    assert run(sample_file, str(path)) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_xlsx_missing_sheet(sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "registrations.xlsx"
    _workbook(path)
    assert run(sample_file, str(path), "--sheet", "Guests") == 1
    assert "no sheet 'Guests'; its sheets are Registrations, Staff" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 not really a zip", b"Name,City\nAna,Atlanta\n", b""],
    ids=["broken zip", "csv named xlsx", "empty"],
)
def test_bad_xlsx_fails_cleanly(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    before = sample_file.read_bytes()
    assert run(sample_file, str(path)) == 1
    err = capsys.readouterr().err
    assert "not a readable .xlsx workbook" in err and "Traceback" not in err
    assert sample_file.read_bytes() == before


def test_sheet_option_on_csv_and_workbook_named_csv(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "plain.csv"
    csv_file.write_text("Name,City\nAna Costa,Atlanta\n")
    assert run(sample_file, str(csv_file), "--sheet", "Staff") == 1
    assert "--sheet is for .xlsx workbooks" in capsys.readouterr().err
    disguised = tmp_path / "export.csv"
    _workbook(disguised.with_suffix(".xlsx"))
    disguised.write_bytes(disguised.with_suffix(".xlsx").read_bytes())
    assert run(sample_file, str(disguised)) == 1
    assert "this is an Excel workbook, not CSV; name it .xlsx" in capsys.readouterr().err


def test_add_cities_reads_short_rows_as_empty_cells(sample_file: Path, tmp_path: Path) -> None:
    """A row that stops before the City or Country column has those cells empty (registration exports trim)."""
    path = tmp_path / "short-rows.csv"
    path.write_text("Name,Email,City,Country\nSam Lee,sam@atl.example\nKim Park,kim@busan.example,Busan\n")
    next_city_id = Store.open(sample_file).next_id(Kind.CITY)
    assert run(sample_file, str(path), "--add-cities") == 0
    data = Store.open(sample_file).data
    [busan] = [c for c in data.cities.values() if c.name == "Busan"]
    assert (busan.id, busan.country) == (next_city_id, "")  # no city planned for the row without one
    people = {o.name: o for o in data.officers.values()}
    assert people["Kim Park"].city_id == busan.id and people["Sam Lee"].city_id is None


def test_planned_cities_take_the_ids_after_the_highest_on_file_by_default(sample_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "new-cities.csv"
    path.write_text("Name,City\nKim Park,Busan\nAna Costa,Porto\n")  # no Country column
    data = Store.open(sample_file).data
    plan = plan_import(data, Kind.OFFICER, path, add_cities=True)
    highest = max(data.cities)
    assert [(c.id, c.name) for c in plan.new_cities] == [(highest + 1, "Busan"), (highest + 2, "Porto")]
    on_empty_file = plan_import(Dataset(), Kind.OFFICER, path, add_cities=True)
    assert [(c.id, c.name) for c in on_empty_file.new_cities] == [(1, "Busan"), (2, "Porto")]


def test_a_row_that_stops_before_the_title_column_has_no_title(sample_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "short-title.csv"
    path.write_text("Name,Title\nKim Park\nSam Lee,Mr\nAna Costa,Ms\n")
    assert run(sample_file, str(path)) == 0
    people = officers(sample_file)
    assert (people["Kim Park"].honorific, people["Kim Park"].title) == ("", "")
    assert people["Sam Lee"].honorific == "Mr"  # the column holds honorifics, the short row none
