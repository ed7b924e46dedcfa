"""The gift register: import with rejections, CSV round trip, summary gifts, deletes, old files."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import plan_delete
from liaison_tui.domain.gifts import parse_value
from liaison_tui.domain.model import Gift, GiftDirection
from liaison_tui.domain.validation import check_record, check_references
from liaison_tui.store.store import Store

GIFTS_CSV = (
    "Direction,City,Officer,Gift,Date,Event,Value,Currency,Where now,Declared,Notes\n"
    "received,Christchurch,Duncan Sandeman,Greenstone pendant,2026-12-04,Liaison conference,"
    "1200.50,NZD,Protocol office display case,yes,\n"
    "given,Christchurch,Tang Lixia,Lantern,2026-12-01,,300 CNY,,With the delegation,no,\n"
    "received,Atlanta,,Peach preserves,,,45,usd,Store room,,\n"
    "received,Atlantis,,Snow globe,,,,,,,\n"  # line 5: unknown city
    "given,Helsinki,Duncan Sandeman,Book,,,,,,,\n"  # line 6: officer of another city
    "received,Helsinki,,Sauna stones,,,-5,EUR,,,\n"  # line 7: negative value
    "received,Helsinki,,Tea,,,12,EURO,,,\n"  # line 8: not a currency code
    "lent,Helsinki,,Kantele,,,,,,,\n"  # line 9: no such direction
    "received,Helsinki,,Reindeer hide,,No such event,,,,,\n"  # line 10: unknown event
    "received,Helsinki,,,,,,,,,\n"  # line 11: no description
)


def _gifts_file(tmp_path: Path, text: str = GIFTS_CSV) -> Path:
    path = tmp_path / "gifts.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _imported(sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Store:
    code = main(["--db", str(sample_file), "import", "gifts", str(_gifts_file(tmp_path)), "--skip-bad"])
    assert code == 0, capsys.readouterr()
    return Store.open(sample_file)


def test_import_gifts_names_each_bad_line_and_why(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    before = sample_file.read_bytes()
    assert main(["--db", str(sample_file), "import", "gifts", str(_gifts_file(tmp_path)), "--dry-run"]) in (0, 1)
    out = capsys.readouterr()
    shown = out.out + out.err
    rows = {line.split("│")[1].strip(): line for line in shown.splitlines() if line.count("│") > 3}
    assert sample_file.read_bytes() == before  # a dry run writes nothing
    for line, reason in (
        (5, "unknown city 'Atlantis'"),
        (6, "no officer 'Duncan Sandeman' in the gift's city or the host staff"),
        (7, "value must not be negative"),
        (8, "'EURO' is not a three-letter code"),
        (9, "'lent' is not one of: given, received"),
        (10, "unknown event 'No such event'"),
        (11, "description must not be empty"),
    ):
        assert "reject" in rows[str(line)] and reason in rows[str(line)], (line, reason, shown)
    assert "Traceback" not in shown


def test_imported_gifts_are_saved_with_their_references_and_values(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _imported(sample_file, tmp_path, capsys)
    gifts = sorted(store.data.gifts.values(), key=lambda g: g.id)
    assert [g.id for g in gifts] == [1, 2, 3]  # a file without a gifts table starts them at 1
    pendant, lantern, preserves = gifts
    assert pendant.direction is GiftDirection.RECEIVED and pendant.amount == Decimal("1200.50")
    assert pendant.currency == "NZD" and pendant.declared and pendant.custody == "Protocol office display case"
    assert store.data.officers[pendant.officer_id or 0].name == "Duncan Sandeman"
    assert store.data.events[pendant.event_id or 0].title == "Liaison conference"
    assert store.data.officers[lantern.officer_id or 0].name == "Tang Lixia"  # host staff give gifts to any city
    assert (lantern.amount, lantern.currency, lantern.declared) == (Decimal(300), "CNY", False)
    assert (preserves.currency, preserves.officer_id, preserves.day) == ("USD", None, None)
    stored = json.loads(sample_file.read_text())
    assert stored["gifts"]["1"]["amount"] == "1200.50"  # as text: no float rounding
    assert stored["meta"]["1"]["next_ids"]["gifts"] == 4


def test_csv_export_of_gifts_imports_back_unchanged(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _imported(sample_file, tmp_path, capsys)
    exported = tmp_path / "out.csv"
    assert main(["--db", str(sample_file), "export", "csv", "--table", "gifts", "-o", str(exported)]) == 0
    assert exported.stat().st_mode & 0o077 == 0  # owner-only: a register of who received what
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    assert [r["Description"] for r in rows] == ["Lantern", "Greenstone pendant", "Peach preserves"]  # city by city
    assert rows[1]["Value"] == "1200.50" and rows[1]["Event"] == "Liaison conference"
    capsys.readouterr()
    assert main(["--db", str(sample_file), "import", "gifts", str(exported)]) == 0
    assert "0 added, 0 updated, 3 unchanged" in capsys.readouterr().out
    assert Store.open(sample_file).data.gifts == store.data.gifts


def test_summary_gifts_totals_per_city_and_currency(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _imported(sample_file, tmp_path, capsys)
    capsys.readouterr()
    assert main(["--db", str(sample_file), "summary", "gifts"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "3 gifts; given 300 CNY; received 1200.50 NZD + 45 USD; 2 not yet declared" in out
    assert "Christchurch" in out and "Peach preserves" in out


def test_deleting_an_officer_or_event_keeps_the_gift_and_a_city_takes_its_gifts(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _imported(sample_file, tmp_path, capsys).data
    pendant = data.gifts[1]
    officer, event = data.officers[pendant.officer_id or 0], data.events[pendant.event_id or 0]
    [kept] = [e.after for e in plan_delete(data, officer) if isinstance(e.after, Gift)]
    assert kept.id == pendant.id and kept.officer_id is None and kept.event_id == pendant.event_id
    [kept] = [e.after for e in plan_delete(data, event) if isinstance(e.after, Gift)]
    assert kept.event_id is None and kept.officer_id == pendant.officer_id
    gone = [e.before for e in plan_delete(data, data.cities[pendant.city_id]) if e.after is None]
    assert {g.id for g in gone if isinstance(g, Gift)} == {1, 2}  # the city's gifts, listed in the confirmation


def test_gift_rules(sample_file: Path) -> None:
    data = Store.open(sample_file).data
    ok = Gift(description="Vase", city_id=1, officer_id=1, amount=Decimal(5), currency="CNY")
    assert check_record(ok) == [] and check_references(ok, data) == []
    no_currency = Gift(description="Vase", city_id=1, amount=Decimal(5))
    assert [p.field for p in check_record(no_currency)] == ["currency"]
    elsewhere = Gift(description="Vase", city_id=2, officer_id=1)
    assert [p.message for p in check_references(elsewhere, data)] == [
        "Duncan Sandeman is not of the gift's city nor host staff"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1200", (Decimal(1200), "")),
        ("1,200.50 cny", (Decimal("1200.50"), "CNY")),
        ("EUR 30", (Decimal(30), "EUR")),
        ("", (None, "")),
    ],
)
def test_values_as_people_type_them(text: str, expected: tuple[Decimal | None, str]) -> None:
    assert parse_value(text) == expected


@pytest.mark.parametrize("text", ["about 200", "~200 CNY", "EUR 30 USD", "12..5"])
def test_a_value_that_is_no_amount_is_refused_with_the_text(text: str) -> None:
    with pytest.raises(ValueError, match="use an amount and a currency code"):
        parse_value(text)


def test_a_data_file_without_a_gifts_table_opens(sample_file: Path) -> None:
    stored = json.loads(sample_file.read_text())
    assert "gifts" not in stored  # the shipped sample predates gifts
    assert Store.open(sample_file).data.gifts == {}


def test_at_scale_gifts_round_trip_though_officers_share_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    data_file, exported = tmp_path / "demo.json", tmp_path / "gifts.csv"
    assert main(["--db", str(data_file), "demo", "--cities", "5", "--officers", "2000"]) == 0
    officers = Store.open(data_file).data.officers.values()
    names = [(o.city_id, o.name) for o in officers]
    assert len(set(names)) < len(names)  # a large delegation has namesakes in one city
    assert main(["--db", str(data_file), "export", "csv", "--table", "gifts", "-o", str(exported)]) == 0
    capsys.readouterr()
    assert main(["--db", str(data_file), "import", "gifts", str(exported)]) == 0
    assert "0 added, 0 updated, 10 unchanged" in capsys.readouterr().out  # the officer's email tells them apart
    assert main(["--db", str(data_file), "summary", "interpreters"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Korean (40)" in out and "working language: Chinese" in out  # 1 in 50 of 2,000 speak only Korean


def test_a_demo_with_fewer_officers_than_cities_gives_gifts_without_an_officer(tmp_path: Path) -> None:
    data_file = tmp_path / "demo.json"
    assert main(["--db", str(data_file), "demo", "--cities", "10", "--officers", "4"]) == 0
    gifts = Store.open(data_file).data.gifts.values()
    assert len(gifts) == 20 and sum(1 for g in gifts if g.officer_id is None) == 12
