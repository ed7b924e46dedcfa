"""Exports: ICS read back and imported by real calendar clients, CSV, Markdown, HTML."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from markdown_it import MarkdownIt

from liaison_tui.cli.main import main
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import City, InterpreterAssignment, Officer
from liaison_tui.spreadsheets.columns import neutralise, restore
from liaison_tui.spreadsheets.exporting import table_csv
from liaison_tui.store.store import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")
EXPECTED = {
    "Visit to a local school": datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI),
    "Visit to a library": datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI),
    "Company visits": datetime(2026, 12, 3, 14, 0, tzinfo=SHANGHAI),
    "Liaison conference": datetime(2026, 12, 4, 9, 0, tzinfo=SHANGHAI),
}


def export(sample_file: Path, *args: str) -> Path:
    target = sample_file.parent / f"out-{len(args)}"
    assert main(["--db", str(sample_file), "export", *args, "-o", str(target)]) == 0
    return target


def test_ics_reads_back_with_zone_uid_and_speakers(sample_file: Path) -> None:
    path = export(sample_file, "ics")
    calendar = Calendar.from_ical(path.read_bytes())
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == set(EXPECTED)
    for title, start in EXPECTED.items():
        assert events[title].decoded("dtstart") == start
        assert events[title]["dtstart"].params["TZID"] == "Asia/Shanghai"
        assert "DTSTAMP" in events[title]
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Shanghai"
    conference = str(events["Liaison conference"]["description"])
    assert "1. Duncan Sandeman" in conference and "4. Tang Lixia" in conference
    again = Calendar.from_ical(export(sample_file, "ics").read_bytes())
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == {str(e["uid"]) for e in events.values()}


def test_ics_for_one_officer(sample_file: Path) -> None:
    target = sample_file.parent / "tang.ics"
    assert main(["--db", str(sample_file), "export", "ics", "--officer", "Tang Lixia", "-o", str(target)]) == 0
    calendar = Calendar.from_ical(target.read_bytes())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Liaison conference"]
    assert "Tang Lixia" in str(calendar["x-wr-calname"])


@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed")
def test_calcurse_imports_the_right_local_times(sample_file: Path, tmp_path: Path) -> None:
    ics = export(sample_file, "ics")
    home = tmp_path / "calcurse"
    home.mkdir()
    environment = {"TZ": "Asia/Shanghai", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run(["calcurse", "-D", str(home), "-i", str(ics)], check=True, env=environment, capture_output=True)
    listing = subprocess.run(
        ["calcurse", "-D", str(home), "-Q", "--from", "12/01/2026", "--days", "5"],
        check=True,
        env=environment,
        capture_output=True,
        text=True,
    ).stdout
    assert "10:00 -> 12:00\n\tVisit to a local school" in listing
    assert "09:00 -> 12:00\n\tLiaison conference" in listing


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal is not installed")
def test_khal_imports_and_converts_to_another_zone(sample_file: Path, tmp_path: Path) -> None:
    ics = export(sample_file, "ics")
    calendar_dir = tmp_path / "calendar"
    calendar_dir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[visit]]\npath = {calendar_dir}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = Europe/Helsinki\ndefault_timezone = Europe/Helsinki\n"
    )
    khal = ["khal", "-c", str(config)]
    for _ in range(2):  # importing again must update, not duplicate
        subprocess.run([*khal, "import", "--batch", "-a", "visit", str(ics)], check=True, capture_output=True)
    listing = subprocess.run(
        [*khal, "list", "--format", "{start} {title}", "2026-12-01", "5d"], check=True, capture_output=True, text=True
    ).stdout
    # 10:00 in Shenzhen (UTC+8) is 04:00 in Helsinki (UTC+2) in December.
    assert "2026-12-01 04:00 Visit to a local school" in listing
    assert "2026-12-04 03:00 Liaison conference" in listing
    assert listing.count("Liaison conference") == 1


@pytest.mark.parametrize("cell", ["=1+1", "+358 40 123", "-2", "@SUM(A1)", "\tx", "\rx", "'=quoted"])
def test_formula_cells_are_neutralised_and_restored(cell: str) -> None:
    safe = neutralise(cell)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(safe) == cell


def test_csv_export_of_dangerous_cells(sample_file: Path) -> None:
    store = Store.open(sample_file)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit([added(Officer(name='=HYPERLINK("http://x")', city_id=atlanta.id, phone="+1 404 555"))])
    text = table_csv(store.data, Kind.OFFICER)
    rows = list(csv.DictReader(io.StringIO(text)))
    evil = next(r for r in rows if "HYPERLINK" in r["Name"])
    assert evil["Name"].startswith("'=") and evil["Phone"] == "'+1 404 555"


def comparable(data: Dataset, officer: Officer) -> dict[str, object]:
    """Every field of an officer, with the city by name (ids differ between files)."""
    fields = {f.name: getattr(officer, f.name) for f in dataclass_fields(officer) if f.name not in ("id", "city_id")}
    city = data.cities.get(officer.city_id) if officer.city_id is not None else None
    return {**fields, "city": city.name if city else None}


def test_csv_folder_export_round_trips(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    formula_like = Officer(
        name="@Pat Formula",
        city_id=atlanta.id,
        title="=SUM(A1:A9)",
        organisation="-Minus Co",
        phone="+1 404 555 0100",
        email="pat@atl.example",
        dietary="'quoted already",
        notes="-\tTabbed\nand two lines",  # cells are trimmed on import, so no leading tab here
    )
    store.commit([added(formula_like)])
    conference = next(e for e in store.data.events.values() if e.title == "Liaison conference")
    tang = next(o for o in store.data.officers.values() if o.name == "Tang Lixia")
    interpreting = (
        InterpreterAssignment(languages=("zh", "en"), interpreter_id=tang.id),
        InterpreterAssignment(languages=("fi", "en"), interpreter="Agency: Aino Mäkinen"),
    )
    store.commit([changed(conference, replace(conference, interpreters=interpreting))])
    folder = export(sample_file, "csv")
    assert sorted(p.name for p in folder.iterdir()) == [
        "cities.csv",
        "events.csv",
        "followups.csv",
        "gifts.csv",
        "officers.csv",
    ]
    fresh = tmp_path / "fresh.json"
    source = Store.open(sample_file).data
    Store.open(fresh).commit([added(v) for v in source.visits.values()])
    for kind in ("cities", "officers", "events", "followups"):
        assert main(["--db", str(fresh), "import", kind, str(folder / f"{kind}.csv")]) == 0
    copy = Store.open(fresh).data
    # Every field back as it was, the formula-like cells too (the export puts an apostrophe before them).
    assert {o.name: comparable(copy, o) for o in copy.officers.values()} == {
        o.name: comparable(source, o) for o in source.officers.values()
    }
    conference = next(e for e in copy.events.values() if e.title == "Liaison conference")
    assert [copy.officers[i].name for i in conference.speaker_ids] == [
        "Duncan Sandeman",
        "Taylor Woodruff",
        "Henri Kahonen",
        "Tang Lixia",
    ]
    # The interpreters come back by name: the officer by the id the name has in the new file.
    copied = next(e for e in copy.events.values() if e.title == "Liaison conference")
    assert [
        (a.languages, copy.officers[a.interpreter_id].name if a.interpreter_id else a.interpreter)
        for a in copied.interpreters
    ] == [(("zh", "en"), "Tang Lixia"), (("fi", "en"), "Agency: Aino Mäkinen")]
    assert sorted(f.text for f in copy.followups.values()) == sorted(f.text for f in source.followups.values())
    for kind in ("cities", "officers", "events", "followups"):  # a second import changes nothing
        assert main(["--db", str(fresh), "import", kind, str(folder / f"{kind}.csv")]) == 0
    assert Store.open(fresh).data.counts() == copy.counts()


def test_markdown_and_html_handouts(sample_file: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(City(name="<script>alert(1)</script> | [x](y)", country="Nowhere"))])
    markdown = export(sample_file, "md").read_text()
    assert "## Day 4: Friday 04 December" in markdown and "Liaison conference" in markdown
    assert "Duncan Sandeman" in markdown  # the roster
    html = export(sample_file, "html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "Liaison conference" in html and "<link" not in html
    target = sample_file.parent / "sandeman.md"
    assert main(["--db", str(sample_file), "export", "md", "--officer", "Sandeman", "-o", str(target)]) == 0
    handout = target.read_text()
    assert handout.startswith("# Duncan Sandeman") and "speaker 1" in handout
    target = sample_file.parent / "sandeman.html"
    assert main(["--db", str(sample_file), "export", "html", "--officer", "Sandeman", "-o", str(target)]) == 0
    assert "Christchurch" in target.read_text()


HOSTILE = "<script>alert(1)</script> *bold* | [x](http://evil.example) `code`"


class Tags(HTMLParser):
    """The elements of an HTML page and the text of its title, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def test_handouts_keep_hostile_names_as_text(sample_file: Path) -> None:
    """A name holding Markdown and HTML reaches the handouts as the text it is: no script, link or emphasis."""
    store = Store.open(sample_file)
    sandeman = next(o for o in store.data.officers.values() if o.name == "Duncan Sandeman")
    store.commit([changed(sandeman, replace(sandeman, name=f"Duncan {HOSTILE}", hotel=HOSTILE))])
    for target, args in (("all.md", []), ("one.md", ["--officer", "Duncan"])):
        path = sample_file.parent / target
        assert main(["--db", str(sample_file), "export", "md", *args, "-o", str(path)]) == 0
        rendered = MarkdownIt("commonmark").enable("table").render(path.read_text())
        assert "<script" not in rendered and "<a " not in rendered and "<em>" not in rendered, target
        assert "<code>" not in rendered, target
        assert "alert(1)" in rendered and "http://evil.example" in rendered  # shown, as text
        for row in re.findall(r"<tr>.*?</tr>", rendered, re.S):  # a | in a name breaks no table row
            assert row.count("<td>") + row.count("<th>") in (4, 5, 6), row
    page = sample_file.parent / "one.html"
    assert main(["--db", str(sample_file), "export", "html", "--officer", "Duncan", "-o", str(page)]) == 0
    tags = Tags()
    tags.feed(page.read_text())
    assert "script" not in tags.tags and "a" not in tags.tags
    assert tags.title.startswith(f"Duncan {HOSTILE}")  # the title element holds the name as text


def test_export_errors_are_clear(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(sample_file), "export", "csv"]) == 1
    assert "give -o FOLDER" in capsys.readouterr().err
    assert main(["--db", str(sample_file), "export", "ics", "-o", "/nonexistent/dir/x.ics"]) == 1
    assert "cannot write there" in capsys.readouterr().err
