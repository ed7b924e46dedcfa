"""Name badges and place cards as PDF, through the real command line and data file, read back."""

from __future__ import annotations

import math
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from liaison_tui.cli.main import main
from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import City, Officer, Role
from liaison_tui.domain.precedence import ordered
from liaison_tui.printing import badges, cards, sheet
from liaison_tui.printing.card_canvas import qr_code
from liaison_tui.printing.sheet import parse_size, sheet_for
from liaison_tui.store.store import Store

LONG_NAME = "Maximiliane Alexandra Wilhelmina Konstanze von Hohenzollern-Sigmaringen-Oberschwaben"


def _read(path: Path) -> tuple[int, str]:
    """The page count and the text as poppler extracts it (pypdf misreads CJK fonts' two-byte codes),
    without the bidi embedding marks it puts round right-to-left runs."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout
    return len(PdfReader(path).pages), text.replace("\u202b", "").replace("\u202c", "")


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


def _rendered(pdf: Path, folder: Path, dpi: int, page: int = 1) -> Path:
    """Page ``page`` of ``pdf`` as a greyscale PNG, as a printer or scanner would see it."""
    stem = folder / f"page{page}-{dpi}"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile", pdf, stem],
        check=True,
    )
    return stem.with_suffix(".png")


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (Debian's zbar-tools) decodes the QR codes")
def test_each_badge_holds_exactly_its_code_as_qr(sample_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    _export(sample_file, target, "badges")
    data = Store.open(sample_file, read_only=True).data
    page = Image.open(_rendered(target, tmp_path, 200)).convert("L")
    dots = 200 / 25.4
    read = []
    for number, (left, top) in enumerate(sheet_for(badges.DEFAULT_SIZE, "a4").positions()):
        if number < len(data.officers):  # a scanner sees one badge at a time: decode each card alone
            card = tmp_path / f"card{number}.png"
            page.crop(
                (round(left * dots), round(top * dots), round((left + 90) * dots), round((top + 55) * dots))
            ).save(card)
            scan = subprocess.run(["zbarimg", "-q", "--raw", card], capture_output=True, text=True, check=False)
            read.append(scan.stdout.strip())
    assert read == [badge_code(officer.id) for officer in ordered(data, data.officers.values())]
    for officer in data.officers.values():  # error correction M or better: 15 % can be scuffed or covered
        assert qr_code(badge_code(officer.id)).error in ("M", "Q", "H")


def test_cut_marks_stay_inside_the_printable_area(many_file: Path, tmp_path: Path) -> None:
    for kind, paper, size in (("badges", "a4", ""), ("place-cards", "a4", ""), ("badges", "letter", "60x40")):
        target = tmp_path / f"{kind}-{paper}.pdf"
        _export(many_file, target, kind, "--paper", paper, *(("--size", size) if size else ()))
        image = Image.open(_rendered(target, tmp_path, 100)).convert("L")
        band = round(sheet.MARK_CLEARANCE / 25.4 * 100) - 1  # pixels: 5 mm, less one for smoothing
        width, height = image.size
        edges = [(x, y) for x in range(width) for y in (*range(band), *range(height - band, height))]
        edges += [(x, y) for y in range(height) for x in (*range(band), *range(width - band, width))]
        assert min(image.getpixel(point) for point in edges) > 128, f"a mark near the edge: {kind} on {paper}"
    for card, paper in (((210, 99), "a4"), ((90, 55), "a4"), ((90, 55), "letter"), ((100, 70), "letter")):
        layout = sheet_for(card, paper)
        for x1, y1, x2, y2 in sheet.cut_marks(layout):
            assert min(x1, x2, y1, y2) >= 5 and max(x1, x2) <= layout.paper[0] - 5
            assert max(y1, y2) <= layout.paper[1] - 5
    tent = sheet_for((210, 99), "a4")
    across = {round(y1, 2) for x1, y1, x2, y2 in sheet.cut_marks(tent) if y1 == y2}
    assert across == {round(tent.top + row * 99, 2) for row in range(3)}  # every cut between tents is marked


def test_scripts_hostile_and_long_names_and_parts_in_order(
    many_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cards, "CARDS_PER_PART", 10)  # three parts, laid out in other processes and joined
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


def test_names_in_every_script_and_hostile_text_print_as_text(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    cities = [City(name="Osaka", country="Japan"), City(name="Busan", country="South Korea")]
    osaka, busan = (edit.after for edit in store.commit([added(city) for city in cities]).edits)
    assert osaka is not None and busan is not None
    people = [
        Officer(name="Sato Hanako", native_name="佐藤花子", city_id=osaka.id),  # Han only: Japanese by the city
        Officer(name="Kim Minjun", native_name="김민준", city_id=busan.id),
        Officer(name="Åsa Öberg-Ñúñez", native_name="Ельцин", city_id=1),
        Officer(name="**B** [b]R[/b] <i>", city_id=1),
        Officer(name="Esc \x1b[31mRed\x1b[0m", native_name="Flower 🌸", city_id=1),
    ]
    store.commit([added(officer) for officer in people])
    for kind in ("badges", "place-cards"):
        target = tmp_path / f"{kind}.pdf"
        _export(sample_file, target, kind)
        text = _read(target)[1]
        for shown in ("佐藤花子", "김민준", "Åsa Öberg-Ñúñez", "Ельцин", "**B** [b]R[/b] <i>"):
            assert shown in text, (kind, shown)
        # the escape sequence shown, not obeyed; no font has the emoji: a visible mark, not an empty box
        assert "Esc ␛[31mRed␛[0m" in text and "\x1b" not in text and "Flower \ufffd" in text
        fonts = subprocess.run(["pdffonts", target], capture_output=True, text=True, check=True).stdout
        assert "NotoSansCJKJP" in fonts and "NotoSansCJKKR" in fonts  # each name in its own country's glyphs
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_missing_font_names_its_package(
    many_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from liaison_tui.printing import fonts

    installed = {name: path for name, path in fonts._installed().items() if "CJK" not in name}
    monkeypatch.setattr(fonts, "_installed", lambda: installed)
    target = tmp_path / "badges.pdf"
    assert main(["--db", str(many_file), "export", "badges", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "NotoSansCJK-Regular.ttc" in err and "fonts-noto-cjk" in err and "Traceback" not in err
    assert not target.exists()
    _export(many_file, target, "badges", "--officer", "Duncan Sandeman")  # Latin only: no CJK font needed
    assert "Duncan Sandeman" in _read(target)[1]
