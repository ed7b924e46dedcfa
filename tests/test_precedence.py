"""The order of precedence: each rule, its invariants, deletes keeping the fixed list clean, the summary."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import changed, plan_delete
from liaison_tui.domain.model import City, Officer, PrecedenceRule, Role, ValidationError, Visit
from liaison_tui.domain.precedence import ordered, speaking_order
from liaison_tui.domain.validation import check_dataset, check_record
from liaison_tui.spreadsheets.cells import officer_from_row, to_row
from liaison_tui.store.store import Store

CITIES = {1: City(id=1, name="Helsinki"), 2: City(id=2, name="Atlanta"), 3: City(id=3, name="christchurch")}


def _data(officers: list[Officer], visit: Visit | None = None) -> Dataset:
    visit = visit or Visit(id=1, name="Tour", host_city="Q", start_date=date(2026, 12, 1))
    return Dataset(visits={visit.id: visit}, cities=dict(CITIES), officers={o.id: o for o in officers})


def _with_rule(data: Dataset, rule: PrecedenceRule, ids: tuple[int, ...] = ()) -> Dataset:
    visit = dataclasses.replace(data.visits[1], precedence=rule, precedence_ids=ids)
    return Dataset(visits={1: visit}, cities=data.cities, officers=data.officers)


PEOPLE = [
    Officer(id=1, name="Henri Kahonen", city_id=1),
    Officer(id=2, name="Taylor Woodruff", city_id=2, rank=2),
    Officer(id=3, name="Duncan Sandeman", city_id=3, role=Role.LEADER),
    Officer(id=4, name="Tang Lixia", role=Role.HOST, rank=1),
    Officer(id=5, name="Anna Virtanen", city_id=1, role=Role.LEADER, rank=2),
    Officer(id=6, name="Ben Ross", city_id=2, role=Role.INTERPRETER),
]


def _names(officers: list[Officer]) -> list[str]:
    return [o.name for o in officers]


def test_default_rule_leaders_then_cities_alphabetical_then_name_host_staff_last() -> None:
    data = _data(PEOPLE)
    assert _names(ordered(data, data.officers.values())) == [
        "Duncan Sandeman",  # leader of christchurch: cities compared without case
        "Anna Virtanen",  # leader of Helsinki
        "Ben Ross",  # Atlanta
        "Taylor Woodruff",  # Atlanta
        "Henri Kahonen",  # Helsinki
        "Tang Lixia",  # host staff
    ]


def test_rank_rule_by_rank_then_unranked_ties_by_the_default() -> None:
    data = _with_rule(_data(PEOPLE), PrecedenceRule.RANK)
    assert _names(ordered(data, data.officers.values())) == [
        "Tang Lixia",  # rank 1
        "Anna Virtanen",  # rank 2, a leader: before Woodruff by the default rule
        "Taylor Woodruff",  # rank 2
        "Duncan Sandeman",  # unranked from here, by the default rule
        "Ben Ross",
        "Henri Kahonen",
    ]


def test_fixed_list_first_then_the_rest_by_default_and_unknown_ids_ignored() -> None:
    data = _with_rule(_data(PEOPLE), PrecedenceRule.FIXED_LIST, (1, 99, 4))
    assert _names(ordered(data, data.officers.values())) == [
        "Henri Kahonen",
        "Tang Lixia",
        "Duncan Sandeman",
        "Anna Virtanen",
        "Ben Ross",
        "Taylor Woodruff",
    ]


def test_the_rule_is_the_current_visits_unless_a_visit_is_given() -> None:
    data = _with_rule(_data(PEOPLE), PrecedenceRule.RANK)
    default_visit = dataclasses.replace(data.visits[1], precedence=PrecedenceRule.LEADERS_THEN_CITIES)
    assert ordered(data, data.officers.values(), visit=default_visit)[0].name == "Duncan Sandeman"
    assert ordered(data, data.officers.values())[0].name == "Tang Lixia"


def test_speaking_order_one_per_city_the_leader_else_the_first_cities_in_precedence() -> None:
    data = _data(PEOPLE)
    assert _names(speaking_order(data)) == ["Duncan Sandeman", "Anna Virtanen", "Taylor Woodruff"]
    by_rank = _with_rule(data, PrecedenceRule.RANK)
    assert _names(speaking_order(by_rank)) == ["Anna Virtanen", "Taylor Woodruff", "Duncan Sandeman"]


officers_strategy = st.lists(
    st.builds(
        Officer,
        id=st.integers(1, 10_000),
        name=st.sampled_from(["Ann", "ann", "Bo", "Ćiro", "Zed", ""]),
        city_id=st.sampled_from([None, 1, 2, 3]),
        role=st.sampled_from(list(Role)),
        rank=st.none() | st.integers(1, 4),
    ),
    max_size=30,
    unique_by=lambda o: o.id,
)


@given(officers_strategy, st.sampled_from(list(PrecedenceRule)), st.lists(st.integers(1, 10_000), unique=True))
def test_every_rule_orders_a_permutation_the_same_whatever_the_input_order(
    officers: list[Officer], rule: PrecedenceRule, fixed: list[int]
) -> None:
    data = _with_rule(_data(officers), rule, tuple(fixed))
    forwards = ordered(data, officers)
    assert sorted(o.id for o in forwards) == sorted(o.id for o in officers)
    assert ordered(data, reversed(officers)) == forwards  # stable: the input order never matters
    if rule is PrecedenceRule.LEADERS_THEN_CITIES:
        delegation = [o for o in forwards if o.city_id is not None and o.role is not Role.HOST]
        leaders = [i for i, o in enumerate(delegation) if o.role is Role.LEADER]
        assert leaders == list(range(len(leaders)))  # leaders before every other delegate
        hosts = [i for i, o in enumerate(forwards) if o not in delegation]
        assert hosts == list(range(len(delegation), len(forwards)))  # host staff last
    if rule is PrecedenceRule.RANK:
        ranks = [o.rank for o in forwards if o.rank is not None]
        assert ranks == sorted(ranks)
        assert all(o.rank is None for o in forwards[len(ranks) :])


def test_rank_below_one_and_a_repeated_fixed_id_are_refused() -> None:
    assert [p.field for p in check_record(Officer(name="Kim", rank=0))] == ["rank"]
    visit = Visit(name="T", host_city="Q", start_date=date(2026, 12, 1), precedence_ids=(3, 3))
    assert [p.field for p in check_record(visit)] == ["precedence_ids"]
    data = _with_rule(_data(PEOPLE), PrecedenceRule.FIXED_LIST, (3, 42))
    assert [str(p) for p in check_dataset(data)] == ["visit 'Tour': the order of precedence names unknown officers #42"]


def test_deleting_an_officer_or_their_city_takes_them_off_the_fixed_list() -> None:
    data = _with_rule(_data(PEOPLE), PrecedenceRule.FIXED_LIST, (1, 3, 5))
    edits = plan_delete(data, data.officers[3])
    visit_after = [e.after for e in edits if isinstance(e.after, Visit)]
    assert [v.precedence_ids for v in visit_after] == [(1, 5)]
    city_edits = plan_delete(data, data.cities[1])  # Helsinki takes Kahonen (1) and Virtanen (5)
    assert [e.after.precedence_ids for e in city_edits if isinstance(e.after, Visit)] == [(3,)]


def test_deleting_an_officer_on_the_fixed_list_through_the_store_keeps_the_file_valid(sample_file: Path) -> None:
    store = Store.open(sample_file)
    visit = store.current_visit()
    assert visit is not None
    ids = tuple(store.data.officers)
    store.commit([changed(visit, dataclasses.replace(visit, precedence=PrecedenceRule.FIXED_LIST, precedence_ids=ids))])
    gone = store.data.officers[ids[0]]
    store.commit(plan_delete(store.data, gone))
    reopened = Store.open(sample_file)
    assert reopened.current_visit() is not None
    assert reopened.current_visit().precedence_ids == ids[1:]  # type: ignore[union-attr]
    assert check_dataset(reopened.data) == []


def test_rank_round_trips_through_the_officer_spreadsheet() -> None:
    data = _data(PEOPLE)
    row = to_row(data, data.officers[2])
    assert row["rank"] == "2"
    assert officer_from_row(data, row).rank == 2
    assert officer_from_row(data, {"name": "Kim", "rank": ""}).rank is None
    with pytest.raises(ValueError, match="rank 'first'"):
        officer_from_row(data, {"name": "Kim", "rank": "first"})


def test_files_without_the_new_fields_load_with_the_defaults(sample_file: Path) -> None:
    store = Store.open(sample_file)
    visit = store.current_visit()
    assert visit is not None and visit.precedence is PrecedenceRule.LEADERS_THEN_CITIES
    assert visit.precedence_ids == () and all(o.rank is None for o in store.data.officers.values())


def _cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "liaison_tui", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})


def test_summary_precedence_on_the_sample(sample_file: Path) -> None:
    done = _cli("--db", str(sample_file), "summary", "precedence")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Order of precedence: leaders, then cities A-Z" in lines[0]
    rows = [line for line in lines if line.startswith("│")]
    assert "Duncan Sandeman" in rows[0] and "delegation leader" in rows[0]
    assert "Taylor Woodruff" in rows[1] and "Henri Kahonen" in rows[2]
    assert "Tang Lixia" in rows[3] and "host staff, last" in rows[3]
    assert "4 officers" in done.stdout


def test_summary_precedence_follows_the_visits_rule(sample_file: Path) -> None:
    store = Store.open(sample_file)
    visit = store.current_visit()
    assert visit is not None
    kahonen = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    store.commit(
        [
            changed(visit, dataclasses.replace(visit, precedence=PrecedenceRule.RANK)),
            changed(kahonen, dataclasses.replace(kahonen, rank=1)),
        ]
    )
    done = _cli("--db", str(sample_file), "summary", "precedence")
    rows = [line for line in done.stdout.splitlines() if line.startswith("│")]
    assert "Order of precedence: by rank" in done.stdout
    assert "Henri Kahonen" in rows[0] and "rank 1" in rows[0]
    assert "unranked: delegation leader" in rows[1]


def test_summary_precedence_at_ten_thousand_officers(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    assert _cli("--db", str(big), "demo", "--officers", "10000").returncode == 0
    done = _cli("--db", str(big), "summary", "precedence")
    assert done.returncode == 0, done.stderr
    assert "10,000 officers" in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith("│")]
    assert len(rows) >= 10_000 and rows[-1].split("│")[1].strip() == "10000"


def test_a_bad_rule_in_the_file_is_explained() -> None:
    from liaison_tui.domain.kinds import Kind
    from liaison_tui.store import codec

    document = {"name": "T", "host_city": "Q", "start_date": "2026-12-01", "precedence": "alphabet"}
    with pytest.raises(ValidationError, match="precedence: 'alphabet' is not one of: leaders-then-cities, rank"):
        codec.from_document(Kind.VISIT, 1, document)


def test_rank_through_the_officers_csv_export_and_import(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from liaison_tui.cli.main import main

    sheet = tmp_path / "ranks.csv"
    sheet.write_text("Name,City,Rank\nHenri Kahonen,Helsinki,1\nTaylor Woodruff,Atlanta,0\n", encoding="utf-8")
    assert main(["--db", str(sample_file), "import", "officers", str(sheet)]) == 1  # nothing written
    said = capsys.readouterr()
    assert "rank '0' is not a whole" in said.out and "Not imported: 1 bad row" in said.err
    sheet.write_text("Name,City,Rank\nHenri Kahonen,Helsinki,1\n", encoding="utf-8")
    assert main(["--db", str(sample_file), "import", "officers", str(sheet)]) == 0
    capsys.readouterr()
    assert main(["--db", str(sample_file), "export", "csv", "--table", "officers"]) == 0
    exported = capsys.readouterr().out.lstrip("\ufeff").splitlines()
    header = exported[0].split(",")
    kahonen = next(line for line in exported if line.startswith("Henri Kahonen")).split(",")
    assert kahonen[header.index("Rank")] == "1"
    assert [o.rank for o in Store.open(sample_file).data.officers.values() if o.rank is not None] == [1]


def test_the_forms_ask_for_the_rule_and_the_rank() -> None:
    from liaison_tui.domain.kinds import Kind
    from liaison_tui.ui.dialogs.fields import fields_for

    data = _data(PEOPLE)
    rule = next(f for f in fields_for(Kind.VISIT, data) if f.name == "precedence")
    assert rule.choices is not None and [value for _, value in rule.choices()] == list(PrecedenceRule)
    rank = next(f for f in fields_for(Kind.OFFICER, data) if f.name == "rank")
    assert rank.parse(" 3 ") == 3 and rank.parse("") is None and rank.show(None) == ""
    with pytest.raises(ValueError, match="'first' is not a whole number"):
        rank.parse("first")
