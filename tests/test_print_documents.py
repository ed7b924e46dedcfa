"""Printed documents through the real CLI and data file: the programme, handouts and staff pack as HTML and PDF.

PDFs are read back with pypdf (text and page count, page size); the
programme's HTML is a snapshot; a handout must hold no other delegate's data.
"""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from syrupy.assertion import SnapshotAssertion

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import City, Event, EventKind, Officer, Role, Travel, Vehicle, Visit
from liaison_tui.domain.validation import check_record
from liaison_tui.store.store import Store

pytest.importorskip("weasyprint")

HOSTILE = "Evil <script>alert(1)</script></td> \x1b[2J"

# Officers of the test's own: other scripts, each with a phone and hotel no one else may see.
PEOPLE = {
    "王小明": ("+86 138 1111 0001", "Hotel Alpha", "Beijing"),
    "Zoë Ångström-Núñez": ("+46 70 222 0002", "Hotel Beta", "Malmö"),
    "محمد عبد الله": ("+971 50 333 0003", "Hotel Gamma", "Dubai"),
}


def run(sample_file: Path, *args: str) -> int:
    return main(["--db", str(sample_file), "export", *args])


def out(sample_file: Path, name: str, *args: str) -> Path:
    target = sample_file.parent / name
    assert run(sample_file, *args, "-o", str(target)) == 0
    return target


def pdf_text(path: Path) -> list[str]:
    """Each page's text, runs of white space (line breaks in table cells) as one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.fixture
def people(sample_file: Path) -> Path:
    """The sample plus three officers in other scripts, a bus they ride, and the host's contacts."""
    store = Store.open(sample_file)
    for officer_name, (phone, hotel, city) in PEOPLE.items():
        store.commit([added(City(name=city, country="Testland"))])
        city_id = next(c.id for c in store.data.cities.values() if c.name == city)
        arrival = Travel(at=datetime(2026, 12, 1, 7, 30), flight=f"TS{len(officer_name)}")
        store.commit(
            [
                added(
                    Officer(
                        name=officer_name,
                        city_id=city_id,
                        phone=phone,
                        hotel=hotel,
                        room="1201",
                        email=f"{city.lower()}@example.org",
                        dietary="halal" if city == "Dubai" else "",
                        arrival=arrival,
                    )
                )
            ]
        )
    visit = store.current_visit()
    assert visit is not None
    ids = tuple(o.id for o in store.data.officers.values() if o.name in PEOPLE)
    bus = Vehicle(name="Bus 1", driver="Driver Li", phone="+86 139 0000 9999", rider_ids=ids)
    transfer = Event(
        visit_id=visit.id,
        day=date(2026, 12, 1),
        start=time(8, 30),
        end=time(9, 30),
        title="Airport transfer",
        kind=EventKind.TRANSPORT,
        whole_delegation=False,
        participant_ids=ids,
        vehicles=(bus,),
    )
    contacts = replace(visit, host_contact="Duty officer Chen +86 755 0000 0000", emergency_contact="110 / 120")
    store.commit([added(transfer), changed(visit, contacts)])
    return sample_file


def test_programme_html_is_the_expected_print_layout(sample_file: Path, snapshot: SnapshotAssertion) -> None:
    html = out(sample_file, "programme.html", "html").read_text(encoding="utf-8")
    assert html == snapshot
    assert "<pre" not in html and '<html lang="en">' in html and "size: A4" in html
    assert html.count("<h2>Day ") == 4 and '<ol class="speakers">' in html


def test_programme_pdf_has_every_day_names_in_every_script_and_no_phones(people: Path) -> None:
    path = out(people, "programme.pdf", "pdf")
    pages = pdf_text(path)
    assert len(pages) == 4 + 1  # a page per day, then the roster
    text = "\n".join(pages)
    for day in ("Tuesday 01 December", "Friday 04 December"):
        assert day in text
    assert "王小明" in text and "Zoë Ångström-Núñez" in text
    assert "محمد" in text or "دمحم" in text  # right-to-left text comes out in visual or logical order
    assert "Speaking order" in text and "Duty officer Chen" in text
    for phone, _hotel, _city in PEOPLE.values():
        assert phone not in text
    assert all("Page" in page for page in pages)  # the running footer
    assert "<span" not in text and "dir=" not in text  # the writer's own markup is never printed as text


def test_one_handout_holds_no_other_delegates_data(people: Path) -> None:
    mine, *others = list(PEOPLE)
    html = out(people, "mine.html", "html", "--officer", mine).read_text(encoding="utf-8")
    pdf = "\n".join(pdf_text(out(people, "mine.pdf", "pdf", "--officer", mine)))
    for text in (html, pdf):
        assert mine in text
        assert PEOPLE[mine][1] in text  # their hotel
        assert "rides Bus 1 at 08:30" in text and "Driver Li" in text  # the pick-up
        assert "Duty officer Chen" in text and "110 / 120" in text
        for other in others:
            phone, hotel, _city = PEOPLE[other]
            assert other not in text and phone not in text and hotel not in text
        assert "Duncan Sandeman" not in text and "Taylor Woodruff" not in text


def test_every_handout_one_page_each_without_the_others(people: Path) -> None:
    store = Store.open(people)
    members = [o for o in store.data.officers.values() if o.role is not Role.HOST]
    pages = pdf_text(out(people, "all.pdf", "pdf", "--handouts"))
    assert len(pages) == len(members)
    for officer_name, (_phone, hotel, _city) in PEOPLE.items():
        [page] = [p for p in pages if hotel in p]
        assert officer_name in page
        assert all(h not in page for _p, h, _c in PEOPLE.values() if h != hotel)


def test_staff_pack_is_confidential_on_every_page_and_holds_the_contacts(people: Path) -> None:
    pages = pdf_text(out(people, "staff.pdf", "pdf", "--staff"))
    assert all("CONFIDENTIAL" in page for page in pages)
    text = "\n".join(pages)
    for phone, _hotel, _city in PEOPLE.values():
        assert phone in text
    assert "halal" in text and "TS" in text


def test_letter_paper_and_owner_only_files(people: Path) -> None:
    path = out(people, "letter.pdf", "pdf", "--paper", "letter")
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "size: letter" in out(people, "letter.html", "html", "--paper", "letter").read_text()
    for name in ("letter.pdf", "letter.html"):
        assert stat.S_IMODE((people.parent / name).stat().st_mode) == 0o600


def test_hostile_names_are_text_in_html_and_pdf(people: Path) -> None:
    store = Store.open(people)
    officer = next(o for o in store.data.officers.values() if o.name == "王小明")
    store.commit([changed(officer, replace(officer, name=HOSTILE, hotel="</td><b>x</b>"))])
    for args in ([], ["--officer", "Evil"], ["--staff"], ["--handouts"]):
        html = out(people, "hostile.html", "html", *args).read_text(encoding="utf-8")
        assert "<script" not in html and "<b>x" not in html and "\x1b" not in html, args
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/td&gt;" in html or args == [], args
    pdf = "\n".join(pdf_text(out(people, "hostile.pdf", "pdf", "--officer", "Evil")))
    assert "<script>alert(1)</script></td>" in pdf and "␛[2J" in pdf


def test_choices_are_exclusive_with_clear_errors(people: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(people, "pdf", "--staff", "--handouts", "-o", str(people.parent / "x.pdf")) == 1
    assert "choose one of --handouts / --staff" in capsys.readouterr().err
    assert run(people, "md", "--staff") == 1
    assert "--staff is for export html or pdf" in capsys.readouterr().err
    assert not (people.parent / "x.pdf").exists()


def test_markdown_programme_and_handout_say_everything(people: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(people, "md") == 0
    programme = capsys.readouterr().out
    assert "Speaking order:" in programme and "1. Duncan Sandeman" in programme
    assert "Each city's officer spoke" in programme  # the notes
    assert run(people, "md", "--officer", "Sandeman") == 0
    assert "| Day | Time | Event | Venue | Your part |" in capsys.readouterr().out


def test_visit_contacts_are_checked_and_kept(people: Path) -> None:
    visit = Store.open(people).current_visit()
    assert visit is not None and visit.host_contact == "Duty officer Chen +86 755 0000 0000"
    problems = check_record(replace(visit, emergency_contact="call someone"))
    assert [p.field for p in problems] == ["emergency_contact"]
    assert "has no phone number" in problems[0].message
    assert Visit.__dataclass_fields__["host_contact"].default == ""  # old files load


def test_documents_laid_out_in_parts_join_whole(people: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large data is laid out in parts; the joined PDF holds every page, once, in order."""
    from liaison_tui.printing import documents

    monkeypatch.setattr(documents, "ROSTER_ROWS_PER_PART", 2)
    monkeypatch.setattr(documents, "HANDOUTS_PER_PART", 2)
    store = Store.open(people)
    everyone = list(store.data.officers.values())
    members = [o for o in everyone if o.role is not Role.HOST]
    assert len(pdf_text(out(people, "parts.pdf", "pdf", "--handouts"))) == len(members)
    staff = pdf_text(out(people, "staff.pdf", "pdf", "--staff"))
    assert all("CONFIDENTIAL" in page for page in staff)
    programme = " ".join(pdf_text(out(people, "programme.pdf", "pdf")))
    assert programme.count("Roster") == 1 and "Friday 04 December" in programme
    positions = [programme.index(o.name) for o in everyone if o.name in PEOPLE or o.name == "Tang Lixia"]
    assert len(positions) == 4 and programme.index("Tang Lixia") == max(positions)  # host staff last
