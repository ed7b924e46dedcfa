"""Name badges and place cards as PDF, through the real command line and data file, read back."""

from __future__ import annotations

import math
import stat
from pathlib import Path

import pytest
import segno
from pypdf import PdfReader

from liaison_tui.cli.main import main
from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import City, Officer, Role
from liaison_tui.domain.precedence import ordered
from liaison_tui.printing import badges, cards
from liaison_tui.printing.sheet import parse_size, sheet_for
from liaison_tui.store.store import Store

LONG_NAME = "Maximiliane Alexandra Wilhelmina Konstanze von Hohenzollern-Sigmaringen-Oberschwaben"


def _read(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def _words(text: str) -> str:
    """``text`` with line breaks as spaces: a long name may wrap."""
    return " ".join(text.split())


def _export(db: Path, target: Path, *options: str) -> None:
    assert main(["--db", str(db), "export", *options, "-o", str(target)]) == 0


@pytest.fixture
def many_file(sample_file: Path) -> Path:
    """The sample with 22 more officers: names in CJK and Arabic script, a hostile one, a very long one."""
    store = Store.open(sample_file)
    [city] = store.commit([added(City(name="Kairo", country="Egypt"))]).edits
    assert city.after is not None
    people = [
        Officer(name="Wang Fang", native_name="王芳", city_id=1, honorific="Ms"),
        Officer(name="Karim Haddad", native_name="كريم حداد", city_id=city.after.id, role=Role.LEADER),
        Officer(name="<b>Bold</b> & Co", city_id=2),
        Officer(name=LONG_NAME, honorific="Her Excellency", city_id=3),
    ]
    people += [Officer(name=f"Synthetic Person {n:02}", city_id=1 + n % 3) for n in range(18)]
    store.commit([added(officer) for officer in people])
    return sample_file


def test_badges_for_the_sample_one_page_in_precedence_order(sample_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    _export(sample_file, target, "badges")
    data = Store.open(sample_file, read_only=True).data
    pages, text = _read(target)
    assert pages == math.ceil(len(data.officers) / 10) == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    people = ordered(data, data.officers.values())
    positions = [text.index(badge_code(officer.id)) for officer in people]
    assert positions == sorted(positions)  # the leader's badge first, host staff last
    assert "Christchurch, New Zealand" in text and "Tang Lixia" in text and "Shenzhen" in text


def test_each_badge_holds_exactly_its_code_as_qr(sample_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    _export(sample_file, target, "badges")
    data = Store.open(sample_file, read_only=True).data
    people = ordered(data, data.officers.values())
    images = PdfReader(target).pages[0].images
    assert len(images) == len(people)
    for officer, image in zip(people, images, strict=True):
        wanted = segno.make_qr(badge_code(officer.id), error="m").matrix
        pixels = image.image.convert("L") if image.image is not None else None
        assert pixels is not None
        quiet = (pixels.width - len(wanted)) // 2
        printed = [
            [pixels.getpixel((quiet + x, quiet + y)) < 128 for x in range(len(wanted))] for y in range(len(wanted))
        ]
        assert printed == [[bool(module) for module in row] for row in wanted]
        assert badges.qr_matrix(badge_code(officer.id)) == tuple(tuple(row) for row in printed)


def test_scripts_hostile_and_long_names_and_parts_in_order(
    many_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cards, "PAGES_PER_PART", 1)  # three parts, laid out in other processes and joined
    target = tmp_path / "badges.pdf"
    _export(many_file, target, "badges")
    pages, text = _read(target)
    data = Store.open(many_file, read_only=True).data
    assert pages == math.ceil(26 / 10) == 3
    assert "王芳" in text and "كريم" in text.replace("\u200f", "")
    assert "<b>Bold</b> & Co" in text  # the markup printed as text, not obeyed
    # wrapped, not cut off (text extraction drops the hyphen a line ends with)
    assert "Her Excellency Maximiliane" in _words(text) and "Oberschwaben" in text
    people = ordered(data, data.officers.values())
    positions = [text.index(badge_code(officer.id)) for officer in people]
    assert positions == sorted(positions)


def test_size_changes_cards_per_page_and_nonsense_is_refused(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "big.pdf"
    _export(sample_file, target, "badges", "--size", "150x140")
    assert _read(target)[0] == 2  # 1 column x 2 rows: four badges on two pages
    for size, problem in (("banana", "width x height"), ("300x55", "does not fit on a4"), ("5x5", "at least")):
        assert main(["--db", str(sample_file), "export", "badges", "--size", size, "-o", str(tmp_path / "x.pdf")]) == 1
        err = capsys.readouterr().err
        assert "--size" in err and problem in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_sheets_as_many_as_fit() -> None:
    assert sheet_for((90, 55), "a4").per_page == 10
    assert sheet_for((90, 55), "letter").per_page == 8
    tent = sheet_for((210, 99), "a4")
    assert (tent.columns, tent.rows) == (1, 2)
    assert parse_size("100 x 70 mm") == (100.0, 70.0)


def test_filters_by_city_and_officer(sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "one.pdf"
    _export(sample_file, target, "badges", "--city", "christchurch")
    text = _read(target)[1]
    assert "Duncan Sandeman" in text and "Woodruff" not in text
    _export(sample_file, target, "badges", "--officer", "Henri Kahonen")
    text = _read(target)[1]
    assert "Henri Kahonen" in text and "Sandeman" not in text
    assert main(["--db", str(sample_file), "export", "badges", "--city", "Atlantis", "-o", str(target)]) == 1
    assert "Atlantis" in capsys.readouterr().err


def test_place_cards_name_on_both_halves(many_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "cards.pdf"
    _export(many_file, target, "place-cards")
    pages, text = _read(target)
    assert pages == math.ceil(26 / 2)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert text.count("Duncan Sandeman") == 2 and text.count("王芳") == 2
    assert text.count("<b>Bold</b> & Co") == 2
    _export(many_file, target, "place-cards", "--size", "150x100")
    assert _read(target)[0] == math.ceil(26 / 2)  # 150 wide: still one across, two down on A4
    _export(many_file, target, "place-cards", "--size", "100x80", "--paper", "letter")
    assert _read(target)[0] == math.ceil(26 / 6)


def test_a_city_without_officers_prints_nothing(
    many_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(many_file)
    store.commit([added(City(name="Tampere", country="Finland"))])
    assert main(["--db", str(many_file), "export", "badges", "--city", "Tampere", "-o", str(tmp_path / "e.pdf")]) == 1
    err = capsys.readouterr().err
    assert "no officers to print" in err and "Traceback" not in err
    assert not (tmp_path / "e.pdf").exists()
