"""Interpreters: languages as people write them, the typed assignments, coverage, the summary and check."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_tui.cli.main import main
from liaison_tui.domain.conflicts import find_conflicts
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import changed, plan_delete
from liaison_tui.domain.interpreter_text import interpreters_text, parse_interpreters
from liaison_tui.domain.interpreting import coverage
from liaison_tui.domain.languages import language_code
from liaison_tui.domain.model import City, Event, EventKind, InterpreterAssignment, Officer, Role, Visit
from liaison_tui.domain.validation import check_record
from liaison_tui.store.store import Store

VISIT = Visit(id=1, name="Tour", host_city="Shenzhen", start_date=date(2026, 12, 1), language="zh")


def _data(*languages: tuple[str, ...]) -> Dataset:
    data = Dataset(visits={1: VISIT}, cities={1: City(id=1, name="Busan")})
    for n, spoken in enumerate(languages, 1):
        data.officers[n] = Officer(id=n, name=f"Officer {n}", city_id=1, languages=spoken)
    data.officers[99] = Officer(id=99, name="Li Wei", role=Role.INTERPRETER, languages=("zh", "ko"))
    return data


def _event(*pairs: tuple[str, str], kind: EventKind = EventKind.MEETING) -> Event:
    interpreters = tuple(InterpreterAssignment(languages=p, interpreter="Agency") for p in pairs)
    return Event(
        id=1, visit_id=1, day=VISIT.start_date, start=time(9), end=time(10), title="Talks", kind=kind,
        interpreters=interpreters,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "code"),
    [("en", "en"), ("English", "en"), ("英语", "en"), ("zh-CN", "zh"), ("Chinese", "zh"), ("Mandarin", "zh"),
     ("KOREAN", "ko"), ("  japanese ", "ja"), ("Elvish", "elvish")],
)  # fmt: skip
def test_languages_are_compared_by_code_whatever_the_spelling(text: str, code: str) -> None:
    assert language_code(text) == code


def test_who_is_covered_and_who_is_not() -> None:
    data = _data(("English",), ("Korean",), ("Korean", "Chinese"), (), ("Japanese", "ko"))
    found = coverage(data, VISIT, _event(("zh", "en")))
    assert found is not None
    # Speaking the working language (Chinese) covers 3; English is interpreted; no languages: unknown.
    assert found.uncovered == {frozenset({"ko"}): [2], frozenset({"ja", "ko"}): [5]}
    assert found.unrecorded == 1
    both = coverage(data, VISIT, _event(("en", "zh"), ("ko", "zh")))
    assert both is not None and both.uncovered == {}  # a pair counts in either order
    elsewhere = coverage(data, VISIT, _event(("ko", "en"), ("zh", "en")))
    assert elsewhere is not None and elsewhere.uncovered == found.uncovered  # ko-en bridges to English only
    assert coverage(data, dataclasses.replace(VISIT, language=""), _event()) is None  # unknown: not judged
    bus = coverage(data, VISIT, _event(kind=EventKind.TRANSPORT))
    assert bus is not None and bus.uncovered == {}  # nobody is spoken to on the bus


LANGUAGES = st.sets(st.sampled_from(["zh", "en", "ko", "ja", "fr"]), max_size=3)


@given(
    people=st.lists(LANGUAGES, min_size=1, max_size=12),
    pairs=st.lists(st.tuples(st.sampled_from(["zh", "en", "ko"]), st.sampled_from(["zh", "ja", "fr"])), max_size=3),
)
def test_an_officer_is_uncovered_exactly_when_no_language_of_theirs_reaches_the_working_one(
    people: list[set[str]], pairs: list[tuple[str, str]]
) -> None:
    data = _data(*(tuple(sorted(p)) for p in people))
    pairs = [p for p in pairs if p[0] != p[1]]
    found = coverage(data, VISIT, _event(*pairs))
    assert found is not None
    reached = {"zh"} | {b for a, b in pairs if a == "zh"} | {a for a, b in pairs if b == "zh"}
    expected = {n for n, spoken in enumerate(people, 1) if spoken and not spoken & reached}
    assert {i for ids in found.uncovered.values() for i in ids} == expected
    assert found.unrecorded == sum(1 for p in people if not p)


def test_typed_interpreters_round_trip_and_bad_ones_are_named() -> None:
    data = _data(("Korean",))
    assignments = parse_interpreters(data, "Chinese-English: Anna Agency; ko/zh: Li Wei; ja-zh: #1")
    assert assignments == (
        InterpreterAssignment(languages=("zh", "en"), interpreter="Anna Agency"),
        InterpreterAssignment(languages=("ko", "zh"), interpreter_id=99),
        InterpreterAssignment(languages=("ja", "zh"), interpreter_id=1),
    )
    assert parse_interpreters(data, interpreters_text(data, assignments)) == assignments
    for typed, message in (
        ("zh en: Li Wei", "give two languages such as zh-en"),
        ("zh-xx1: Li Wei", "unknown language 'xx1'"),
        ("zh-Chinese: Li Wei", "the two languages are the same"),
        ("zh-en", "write languages: interpreter"),
        ("zh-en: #404", "no officer #404"),
    ):
        with pytest.raises(ValueError, match=message):
            parse_interpreters(data, typed)
    unnamed = _event()
    unnamed = dataclasses.replace(unnamed, interpreters=(InterpreterAssignment(languages=("zh", "en")),))
    assert [p.message for p in check_record(unnamed)] == ["interpreters zh-en: name the interpreter"]


def _with_language(sample_file: Path, language: str) -> None:
    stored = json.loads(sample_file.read_text())
    for visit in stored["visits"].values():
        visit["language"] = language
    stored["officers"]["1"]["languages"] = ["English"]
    stored["officers"]["3"]["languages"] = ["Finnish", "Swedish"]
    sample_file.write_text(json.dumps(stored))


def test_summary_interpreters_and_check_on_the_sample(
    sample_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["--db", str(sample_file), "summary", "interpreters"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "working language is not set" in out  # the sample does not say; nothing is guessed
    _with_language(sample_file, "zh")
    assert main(["--db", str(sample_file), "summary", "interpreters"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "working language: Chinese" in out and "English (1)" in out and "Finnish / Swedish (1)" in out
    assert main(["--db", str(sample_file), "check"]) == 0
    out = capsys.readouterr().out
    assert "not interpreted: 'Liaison conference': no interpreter for en (1), fi/sv (1)" in out


def test_interpreters_are_saved_and_a_deleted_interpreter_leaves_the_event(sample_file: Path) -> None:
    _with_language(sample_file, "zh")
    store = Store.open(sample_file)
    event = store.data.events[4]
    typed = parse_interpreters(store.data, "zh-en: Tang Lixia; zh-fi: Freelance Finnish interpreter")
    store.commit([changed(event, dataclasses.replace(event, interpreters=typed))])
    reopened = Store.open(sample_file)
    assert reopened.data.events[4].interpreters == typed
    flagged = {c.event_ids for c in find_conflicts(reopened.data, reopened.data.visits[1])}
    assert flagged == {(1,), (2,), (3,)}  # the conference is covered now: English, and Finnish of fi/sv
    tang = reopened.data.officers[4]
    [update] = [e for e in plan_delete(reopened.data, tang) if isinstance(e.after, Event)]
    assert update.after is not None and [a.interpreter for a in update.after.interpreters] == [
        "Freelance Finnish interpreter"
    ]
