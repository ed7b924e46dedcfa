"""Seating plans: the proposal by precedence, hand edits, storage, and the printed plan read back."""

from __future__ import annotations

import dataclasses
import io
import json
import stat
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from syrupy.assertion import SnapshotAssertion

from liaison_tui.cli.main import main
from liaison_tui.domain import seating
from liaison_tui.domain.edits import changed, plan_delete
from liaison_tui.domain.model import Event, EventKind, SeatingTable, TableShape
from liaison_tui.domain.validation import check_record
from liaison_tui.reports.seating_plan import plan_html
from liaison_tui.store.store import Store

TANG, DUNCAN, TAYLOR, HENRI = 4, 1, 2, 3  # the sample's officers: Tang Lixia is the host staff member


def _conference(store: Store) -> Event:
    return next(e for e in store.data.events.values() if e.kind is EventKind.CONFERENCE)


def _pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


@given(
    ids=st.lists(st.integers(min_value=1, max_value=10_000), unique=True, max_size=80),
    shape=st.sampled_from(list(TableShape)),
    seats=st.integers(min_value=1, max_value=14),
    tables=st.none() | st.integers(min_value=1, max_value=12),
)
def test_every_participant_is_seated_once_or_the_plan_is_refused(
    ids: list[int], shape: TableShape, seats: int, tables: int | None
) -> None:
    if tables is not None and tables * seats < len(ids):
        with pytest.raises(seating.SeatingTooSmall, match=f"{len(ids)} people and only {tables * seats} seat"):
            seating.arrange(ids, shape, tables, seats)
        return
    plan = seating.arrange(ids, shape, tables, seats)
    seated = [i for table in plan for i in table.seats if i is not None]
    assert sorted(seated) == sorted(ids)  # everyone, nobody twice, nobody else
    assert all(len(table.seats) == seats and table.shape is shape for table in plan)
    if ids:
        assert plan[0].seats[seating.fill_order(shape, seats)[0]] == ids[0]  # the first (the host) at the head


def test_round_table_host_at_seat_one_guests_alternate_right_and_left() -> None:
    plan = seating.arrange([10, 20, 30, 40, 50], TableShape.ROUND, seats=6)
    assert plan[0].seats == (10, 20, 40, None, 50, 30)  # host, right (2), left (6), right (3), left (5)


def test_rows_fill_front_row_first_centre_outwards() -> None:
    plan = seating.arrange(list(range(1, 8)), TableShape.ROW, seats=5)
    assert [t.name for t in plan] == ["Row 1", "Row 2"]
    assert plan[0].seats == (5, 3, 1, 2, 4)
    assert plan[1].seats == (None, None, 6, 7, None)


def test_proposal_puts_the_host_first_and_the_leader_as_guest_of_honour(sample_file: Path) -> None:
    store = Store.open(sample_file)
    meal = dataclasses.replace(_conference(store), kind=EventKind.MEAL)
    plan = seating.propose(store.data, meal, seats=4)
    assert plan[0].shape is TableShape.ROUND
    assert plan[0].seats[0] == TANG  # the host staff member hosts the head table
    assert plan[0].seats[1] == DUNCAN  # the delegation leader at the host's right
    assert sorted(i for t in plan for i in t.seats if i is not None) == [1, 2, 3, 4]


def test_hand_edits_keep_everyone_seated_once() -> None:
    plan = seating.arrange([1, 2, 3], TableShape.ROUND, seats=4)
    assert plan[0].seats == (1, 2, None, 3)
    moved = seating.place(plan, (0, 3), 1)  # 1 takes seat 4; whoever sat there takes 1's old seat
    assert moved[0].seats == (3, 2, None, 1)
    assert seating.place(plan, (0, 2), 2)[0].seats == (1, None, 2, 3)
    swapped = seating.swap(plan, (0, 0), (0, 1))
    assert swapped[0].seats[:2] == (2, 1)
    assert seating.empty(plan, (0, 0))[0].seats[0] is None
    grown = seating.add_table(plan, TableShape.ROUND)
    assert [t.name for t in grown] == ["Table 1", "Table 2"] and grown[1].seats == (None,) * 4
    assert seating.remove_table(grown, 1) == plan


def test_a_plan_seating_someone_twice_is_refused() -> None:
    event = Event(
        visit_id=1,
        day=date(2026, 12, 4),
        start=time(19),
        end=time(21),
        title="Dinner",
        seating=(SeatingTable(name="Table 1", seats=(1, None, 1)),),
    )
    assert any("more than once: #1" in problem.message for problem in check_record(event))


def test_plan_is_stored_and_a_deleted_officers_seat_becomes_empty(sample_file: Path) -> None:
    store = Store.open(sample_file)
    conference = _conference(store)
    plan = seating.propose(store.data, conference)
    store.commit([changed(conference, dataclasses.replace(conference, seating=plan))])
    again = Store.open(sample_file)
    assert _conference(again).seating == plan
    raw = json.loads(sample_file.read_text())
    stored = next(e for e in raw["events"].values() if e["kind"] == "conference")["seating"]
    assert stored[0]["shape"] == "row" and TANG in stored[0]["seats"]
    again.commit(plan_delete(again.data, again.data.officers[HENRI]))
    after = _conference(Store.open(sample_file)).seating
    assert HENRI not in after[0].seats and len(after[0].seats) == len(plan[0].seats)


def test_export_seating_proposes_and_prints_a_pdf(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = sample_file.parent / "plan.pdf"
    assert main(["--db", str(sample_file), "export", "seating", "conference", "-o", str(target)]) == 0
    assert "proposed one by precedence (not saved)" in capsys.readouterr().err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # personal data: owner-only
    text, pages = _pdf_text(target)
    assert pages == 3  # the diagram, the list by table, find your seat
    for name in ("Tang Lixia", "Duncan Sandeman", "Taylor Woodruff", "Henri Kahonen", "Find your seat"):
        assert name in text
    assert "Proposed by order of precedence" in text
    assert _conference(Store.open(sample_file)).seating == ()  # export never saves the proposal


def test_export_seating_uses_the_saved_plan(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(sample_file)
    conference = _conference(store)
    plan = (SeatingTable(name="Top table", shape=TableShape.ROUND, seats=(HENRI, TANG, None)),)
    store.commit([changed(conference, dataclasses.replace(conference, seating=plan))])
    target = sample_file.parent / "saved.pdf"
    assert main(["--db", str(sample_file), "export", "seating", "#4", "-o", str(target), "--paper", "letter"]) == 0
    error = capsys.readouterr().err
    assert "proposed" not in error
    assert "2 participants have no seat: Duncan Sandeman, Taylor Woodruff" in error
    text, pages = _pdf_text(target)
    assert pages == 3
    assert "Top table" in text and "Henri Kahonen" in text and "Duncan Sandeman" not in text
    assert "Proposed by order" not in text
    box = PdfReader(str(target)).pages[0].mediabox
    assert round(float(box.width)) == 612  # US letter


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["export", "seating"], "export seating needs the event"),
        (["export", "pdf", "conference"], "export pdf takes no EVENT"),
        (["export", "ics", "--tables", "3"], "--tables is for export seating"),
        (["export", "seating", "no such thing"], "no event of"),
        (["export", "seating", "conference", "--tables", "1", "--seats", "2"], "4 people and only 2 seats"),
    ],
)
def test_export_seating_refuses_clearly(
    sample_file: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], said: str
) -> None:
    assert main(["--db", str(sample_file), *arguments, "-o", str(sample_file.parent / "x.pdf")]) != 0
    error = capsys.readouterr().err
    assert said in error and "Traceback" not in error


def test_plan_html_escapes_names_and_matches_snapshot(sample_file: Path, snapshot: SnapshotAssertion) -> None:
    store = Store.open(sample_file)
    conference = _conference(store)
    visit = store.current_visit()
    assert visit is not None
    html = plan_html(store.data, visit, conference, seating.propose(store.data, conference), proposed=True)
    assert html == snapshot
    tang = store.data.officers[TANG]
    store.commit([changed(tang, dataclasses.replace(tang, name="<b>Tang</b>"))])
    hostile = plan_html(store.data, visit, conference, seating.propose(store.data, conference), proposed=True)
    assert "<b>Tang" not in hostile and "&lt;b&gt;Tang" in hostile


def test_a_damaged_plan_in_the_file_is_named_not_half_loaded(
    sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = json.loads(sample_file.read_text())
    event = next(e for e in raw["events"].values() if e["kind"] == "conference")
    event["seating"] = [{"name": "Row 1", "shape": "oval", "seats": [4, None]}]
    sample_file.write_text(json.dumps(raw))
    assert main(["--db", str(sample_file), "check"]) != 0
    error = capsys.readouterr().err
    assert "Liaison conference" in error and "'oval' is not one of: round, row" in error
    assert "Traceback" not in error
