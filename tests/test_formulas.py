"""Formulas in disguise: full-width signs, and signs behind blanks or invisible characters."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import added
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer
from liaison_tui.spreadsheets.columns import neutralise, restore
from liaison_tui.spreadsheets.exporting import table_csv
from liaison_tui.store.store import Store

# Written out here rather than taken from the code under test.
SIGNS = "=+-@＝＋－＠﹦﹢﹣﹫"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
BLANKS = " \u00a0\u3000\n\r\t" + INVISIBLE

DISGUISED = [
    '＝HYPERLINK("http://x")',
    "＋1+1",
    "＠SUM(A1)",
    "－2+3",
    "  =1+1",
    "\u00a0=1+1",
    "\u200b=1+1",
    "\u200c=1+1",
    "\u200d=1+1",
    "\u2060=1+1",
    "\ufeff=1+1",
    "\n=1+1",
    " \u200b\u00a0\n＝cmd|' /C calc'!A0",
    "\u3000@SUM(A1)",
]


def starts_a_formula(cell: str) -> bool:
    """What a spreadsheet sees first, past blanks and invisible characters, is a formula sign."""
    rest = cell.lstrip(BLANKS)
    return bool(rest) and rest[0] in SIGNS


@pytest.mark.parametrize("cell", DISGUISED)
def test_disguised_formulas_are_neutralised_and_restored(cell: str) -> None:
    safe = neutralise(cell)
    assert safe == "'" + cell
    assert restore(safe) == cell


@pytest.mark.parametrize("cell", ["Kim", " Kim", "\u200bKim", "a=b", "50%", "", "\u00a0"])
def test_ordinary_cells_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell and restore(cell) == cell


any_text = st.text(alphabet=st.one_of(st.sampled_from(SIGNS + BLANKS + "'"), st.characters()), max_size=12)
# Blanks, then a sign or an apostrophe, then anything: the shapes that matter, often.
disguised = st.builds(
    lambda blanks, sign, rest: blanks + sign + rest,
    st.text(alphabet=BLANKS, max_size=4),
    st.sampled_from([*SIGNS, "'", "''", "'="]),
    any_text,
)
tricky_text = st.one_of(any_text, disguised)


@settings(max_examples=500, deadline=None)
@given(tricky_text)
def test_restore_inverts_neutralise_and_no_formula_shows(cell: str) -> None:
    safe = neutralise(cell)
    assert restore(safe) == cell
    assert safe.startswith("'") or not starts_a_formula(safe)


def test_disguised_formulas_survive_a_round_trip_through_the_files(sample_file: Path, tmp_path: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(Officer(name=f"n{i}", notes=cell)) for i, cell in enumerate(DISGUISED)])
    for row in csv.DictReader(io.StringIO(table_csv(store.data, Kind.OFFICER))):
        assert not starts_a_formula(row["Notes"])
    folder = tmp_path / "tables"
    assert main(["--db", str(sample_file), "export", "csv", "-o", str(folder)]) == 0
    fresh = tmp_path / "fresh.json"
    Store.open(fresh)
    assert main(["--db", str(fresh), "import", "cities", str(folder / "cities.csv")]) == 0
    assert main(["--db", str(fresh), "import", "officers", str(folder / "officers.csv")]) == 0
    notes = {o.name: o.notes for o in Store.open(fresh).data.officers.values()}
    # The importer strips the cell's ends, as it does for any cell; the sign stays text.
    assert [notes[f"n{i}"] for i in range(len(DISGUISED))] == [cell.strip() for cell in DISGUISED]
