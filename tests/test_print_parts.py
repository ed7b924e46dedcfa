"""Long PDFs laid out in parts on the process pool (``printing.parts``) come back whole and in order.

Part sizes are made tiny so that a few records make several parts, each laid
out in another process; the joined PDF is read back with pypdf.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from liaison_tui.cli.main import main
from liaison_tui.domain import precedence, schedule
from liaison_tui.printing import documents, parts
from liaison_tui.reports import seating_plan
from liaison_tui.store.store import Store

pytest.importorskip("weasyprint")


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_parts_are_joined_in_the_order_given_whatever_order_they_finish() -> None:
    # Longer parts first: on the pool the short ones finish before them.
    texts = [f"<p>{'filler ' * (40 - number) * 50}</p><p>Part {number} ends</p>" for number in range(7)]
    told: list[int] = []
    pdf = parts.laid_out(iter(texts), progress=told.append)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    ends = [next(n for n in range(7) if f"Part {n} ends" in page) for page in pages if "ends" in page]
    assert ends == list(range(7)) and told == [1] * 7


def test_every_handout_in_order_of_precedence_one_part_each(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "HANDOUTS_PER_PART", 1)  # each member's handout laid out on its own
    target = sample_file.parent / "handouts.pdf"
    assert main(["--db", str(sample_file), "export", "pdf", "--handouts", "-o", str(target)]) == 0
    data = Store.open(sample_file).data
    members = precedence.ordered(data, schedule.delegation(data))
    pages = _pages(target)
    assert len(members) > 1 and len(pages) == len(members)
    for page, member in zip(pages, members, strict=True):
        assert member.name in page
        assert not any(other.name in page for other in members if other is not member)


def test_a_large_seating_plan_is_split_by_tables_and_comes_back_in_order(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(seating_plan, "TABLES_PER_PART", 1)
    monkeypatch.setattr(seating_plan, "NAMES_PER_PART", 2)
    target = sample_file.parent / "plan.pdf"
    arguments = ["export", "seating", "conference", "--tables", "2", "--seats", "2", "-o", str(target)]
    assert main(["--db", str(sample_file), *arguments]) == 0
    pages = _pages(target)
    # Table diagrams, the list by table, then find your seat in two parts of two names.
    assert len(pages) == 6
    text = " ".join(pages)
    assert text.count("Seating plan") == 1 and text.count("By table") == 1 and text.count("Find your seat") == 1
    assert pages[0].index("Seating plan") < pages[0].index("Row 1") and "Row 2" in pages[1]
    assert "By table" in pages[2] and "Row 1" in pages[2] and "Row 2" in pages[3]
    found = " ".join(pages[4:])
    names = ["Duncan Sandeman", "Henri Kahonen", "Tang Lixia", "Taylor Woodruff"]  # alphabetical
    assert [found.index(name) for name in names] == sorted(found.index(name) for name in names)
    assert " / " not in text.replace("Front / stage", "")  # no "N / M" once split: M is unknown to a part
