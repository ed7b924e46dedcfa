"""Importing a registration export: headers by name, bad rows, dry runs, re-imports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.store.store import Store

# Shaped like an event-registration export: BOM, semicolons, CRLF, extra columns,
# first/last name split, and three bad rows (unknown city, bad date, no name).
REGISTRATION = (
    "\ufeffTicket ID;First Name;Last Name;E-mail Address;Mobile;Company;Job Title;City;Country;"
    "Dietary Requirements;Special Requirements;Arrival Date and Time;Inbound Flight;Hotel;T-shirt size\r\n"
    "T-1;Aino;Virtanen;aino@hel.example;+358 40 1;City of Helsinki;Protocol officer;Helsinki;Finland;"
    "vegetarian;;2026-11-30 14:05;AY87;Hotel A;M\r\n"
    "T-2;Sam;Lee;sam@atl.example;=1+1;City of Atlanta;Adviser;Atlanta;United States;;wheelchair;;;Hotel B;L\r\n"
    "T-3;Kim;Park;kim@busan.example;;Busan City;Officer;Busan;South Korea;;;;;;S\r\n"
    "T-4;Ana;Costa;ana@chc.example;;CCC;Officer;Christchurch;New Zealand;;;2026-11-31 09:00;NZ1;;M\r\n"
    "T-5;;;;;;;Atlanta;;;;;;;M\r\n"
)


@pytest.fixture
def registration(tmp_path: Path) -> Path:
    path = tmp_path / "registration.csv"
    path.write_bytes(REGISTRATION.encode())
    return path


def officers_by_email(path: Path) -> dict[str, object]:
    return {o.email: o for o in Store.open(path).data.officers.values() if o.email}


def test_bad_rows_stop_the_import_and_are_listed(
    sample_file: Path, registration: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sample_file.read_bytes()
    assert main(["--db", str(sample_file), "import", "officers", str(registration)]) == 1
    captured = capsys.readouterr()
    assert "unknown city 'Busan'" in captured.out
    assert "bad date and time '2026-11-31 09:00'" in captured.out
    assert "name must not be empty" in captured.out
    assert "Ticket ID" in captured.err and "T-shirt size" in captured.err  # unknown columns reported
    assert "3 bad rows" in captured.err
    assert sample_file.read_bytes() == before


def test_skip_bad_imports_the_rest(sample_file: Path, registration: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(sample_file), "import", "officers", str(registration), "--skip-bad"]) == 0
    assert "2 added" in capsys.readouterr().out
    imported = officers_by_email(sample_file)
    aino = imported["aino@hel.example"]
    assert aino.name == "Aino Virtanen" and aino.title == "Protocol officer"  # type: ignore[attr-defined]
    assert aino.arrival.flight == "AY87" and str(aino.arrival.at) == "2026-11-30 14:05:00"  # type: ignore[attr-defined]
    assert imported["sam@atl.example"].phone == "=1+1"  # type: ignore[attr-defined]


def test_dry_run_writes_nothing(sample_file: Path, registration: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sample_file.read_bytes()
    assert main(["--db", str(sample_file), "import", "officers", str(registration), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "Dry run: 2 to add, 0 to update, 0 unchanged, 3 rejected" in out
    assert "Aino Virtanen" in out
    assert sample_file.read_bytes() == before


def test_dry_run_of_a_clean_file_writes_nothing(sample_file: Path, registration: Path) -> None:
    """No rejected row, so the import would go through: the dry run still leaves the file as it was."""
    clean = registration.with_name("clean.csv")
    lines = registration.read_bytes().split(b"\r\n")
    clean.write_bytes(b"\r\n".join(lines[:3]) + b"\r\n")  # the header, Aino and Sam: both sound
    before = sample_file.read_bytes()
    backup = sample_file.with_name(sample_file.name + ".bak")
    assert main(["--db", str(sample_file), "import", "officers", str(clean), "--dry-run"]) == 0
    assert sample_file.read_bytes() == before
    assert not backup.exists()  # not even a save of the same data
    assert "aino@hel.example" not in officers_by_email(sample_file)


def test_reimport_updates_by_email_instead_of_duplicating(sample_file: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("Name,Email,City,Hotel\nAino Virtanen,aino@hel.example,Helsinki,Hotel A\n")
    assert main(["--db", str(sample_file), "import", "officers", str(first)]) == 0
    second = tmp_path / "second.csv"
    second.write_text("Full Name,E-mail,City,Room\nAino Virtanen-Koski,AINO@hel.example,Helsinki,512\n")
    assert main(["--db", str(sample_file), "import", "officers", str(second)]) == 0
    [aino] = [o for o in Store.open(sample_file).data.officers.values() if o.email.lower() == "aino@hel.example"]
    assert aino.name == "Aino Virtanen-Koski" and aino.room == "512"
    assert aino.hotel == "Hotel A"  # a column the second file lacks is left as it was


def test_map_overrides_a_column(sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Delegate,Town\nMaria Example,Atlanta\n")
    assert (
        main(
            ["--db", str(sample_file), "import", "officers", str(path), "--map", "Delegate=name", "--map", "Town=city"]
        )
        == 0
    )
    assert any(o.name == "Maria Example" for o in Store.open(sample_file).data.officers.values())
    assert main(["--db", str(sample_file), "import", "officers", str(path), "--map", "Delegate=shoe_size"]) == 1
    assert "officer fields are accessibility, arrival, arrival_date, arrival_flight," in capsys.readouterr().err


def test_headers_match_whatever_their_case_spaces_and_punctuation(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "headers.csv"
    path.write_text("FIRST-NAME,Lastname,e_mail,E-mail,City\nMaria,Example,maria@atl.example,m@x.example,Atlanta\n")
    assert main(["--db", str(sample_file), "import", "officers", str(path)]) == 0
    [maria] = [o for o in Store.open(sample_file).data.officers.values() if o.name == "Maria Example"]
    assert maria.email == "maria@atl.example"  # the first of two columns giving the same field
    assert "Columns not imported: E-mail (another column already gives email)" in capsys.readouterr().err


def test_cities_and_events_import(sample_file: Path, tmp_path: Path) -> None:
    cities = tmp_path / "cities.csv"
    cities.write_text(
        "City;Country;Relationship;Since;Areas of Cooperation\nBusan;South Korea;sister city;2007;trade, tourism\n"
    )
    assert main(["--db", str(sample_file), "import", "cities", str(cities)]) == 0
    events = tmp_path / "events.csv"
    events.write_text(
        "Date,Start Time,End Time,Event,Type,Location,Speaking Order\n"
        "2026-12-04,13:00,14:00,Farewell lunch,meal,Hotel A,\n"
        "2026-12-04,15:00,14:00,Backwards,meeting,,\n"
        "2026-12-04,16:00,17:00,Panel,meeting,,Henri Kahonen; Nobody\n"
    )
    assert main(["--db", str(sample_file), "import", "events", str(events), "--skip-bad"]) == 0
    data = Store.open(sample_file).data
    busan = next(c for c in data.cities.values() if c.name == "Busan")
    assert busan.since == 2007 and busan.cooperation_areas == ("trade", "tourism")
    titles = {e.title for e in data.events.values()}
    assert "Farewell lunch" in titles and "Backwards" not in titles and "Panel" not in titles


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Name,City\nK\xe4the,Atlanta\n".encode("latin-1"), "not UTF-8"),
        (b"", "no header row"),
        (b"Name,City\nA,Atlanta,extra,cells\n", "4 cells but 2 columns"),
        (b"Shoe,Hat\n1,2\n", "no column matches"),
        (
            b'Name,City\nAna,Atlanta\n"' + b"x" * 1_100_000 + b'",Atlanta\n',
            r"bad\.csv, line 3: field larger than field limit",
        ),
        (b"Name,City\n" + b"y" * 100_000_000 + b",Atlanta\n", r"line 2: field larger than field limit"),  # 100 MB
        (b'Name,City\nAna,Atlanta\n"unterminated,Atlanta\n', r"line 3: unexpected end of data"),
    ],
    ids=["latin-1", "empty", "ragged", "no known column", "1 MB field", "100 MB field", "unterminated quote"],
)
def test_malformed_files_fail_cleanly(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    before = sample_file.read_bytes()
    code = main(["--db", str(sample_file), "import", "officers", str(path)])
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.err
    assert re.search(message, captured.out + captured.err)
    assert sample_file.read_bytes() == before
