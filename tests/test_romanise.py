"""Names in other scripts found by what staff hear: pinyin, Revised Romanization, Hepburn, transliteration."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import City, Officer
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.lookup.resolve import resolve_officer
from liaison_tui.lookup.romanise import sound_forms
from liaison_tui.store.store import Store

# Officers from the sample's three cities, written as they write their names.
GUESTS = {"王小明": 3, "김민준": 2, "佐藤遥": 1, "佐藤 さくら": 2, "Ивана Петрова": 3}
GUESTS |= {"单雄信": 2, "曾国藩": 1, "区志强": 3}


@pytest.fixture
def roster(sample_file: Path) -> Store:
    """The sample on a real file, with guests whose names are in Chinese, Korean, Japanese and Cyrillic."""
    store = Store.open(sample_file)
    store.commit([added(Officer(name=name, city_id=city)) for name, city in GUESTS.items()])
    return store


def first_officer(index: LookupIndex, query: str) -> str:
    return next(h.entry.label for h in index.search(query) if h.entry.kind is Kind.OFFICER)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("wang xiaoming", "王小明"),
        ("xiaoming", "王小明"),
        ("xiaoming wang", "王小明"),
        ("Wang Xiaoming", "王小明"),
        ("wáng xiǎomíng", "王小明"),  # with tone marks
        ("wang2 xiao3ming2", "王小明"),  # with tone numbers
        ("wangxm", "王小明"),  # surname and initials
        ("wxm", "王小明"),
        ("kim min jun", "김민준"),
        ("kim minjun", "김민준"),
        ("minjun", "김민준"),
        ("Min-jun Kim", "김민준"),
        ("gim minjun", "김민준"),  # strict RR spells the surname Gim
        ("sato haruka", "佐藤遥"),
        ("satou haruka", "佐藤遥"),
        ("haruka sato", "佐藤遥"),
        ("sato sakura", "佐藤 さくら"),  # kanji and kana apart: read as Japanese, not 佐藤 as "zuoteng"
        ("ivana petrova", "Ивана Петрова"),
        ("petrova", "Ивана Петрова"),
        ("shan xiongxin", "单雄信"),  # 单 read as a surname, not "dan"
        ("zeng guofan", "曾国藩"),  # not "ceng"
        ("ou zhiqiang", "区志强"),  # not "qu"
    ],
)
def test_a_name_in_another_script_is_found_by_its_romanisation(roster: Store, query: str, name: str) -> None:
    assert first_officer(LookupIndex(roster.data), query) == name


def test_the_original_script_still_finds_them_first(roster: Store) -> None:
    index = LookupIndex(roster.data)
    for name in GUESTS:
        assert index.search(name)[0].entry.label == name
        assert index.search(name)[0].score == 1.0


def test_a_direct_match_ranks_above_a_romanised_one(roster: Store) -> None:
    roster.commit([added(Officer(name="Wang Li", city_id=1))])
    hits = LookupIndex(roster.data).search("wang")
    labels = [h.entry.label for h in hits]
    assert labels[0] == "Wang Li"
    assert "王小明" in labels
    assert hits[0].score > hits[labels.index("王小明")].score


def test_without_romanisation_nothing_is_found_by_sound(roster: Store) -> None:
    index = LookupIndex(roster.data, romanised=False)
    assert not [h for h in index.search("wang xiaoming") if h.entry.label == "王小明"]


def test_commands_resolve_a_romanised_name_and_say_when_several_match(roster: Store) -> None:
    index = LookupIndex(roster.data)
    assert resolve_officer(index, roster.data, "kim min jun").name == "김민준"
    roster.commit([added(Officer(name="李小明", city_id=1))])
    index = LookupIndex(roster.data)
    with pytest.raises(LookupError, match=r"2 officers match 'xiaoming' equally well: .*王小明.*李小明|李小明.*王小明"):
        resolve_officer(index, roster.data, "xiaoming")
    assert resolve_officer(index, roster.data, "wang xiaoming").name == "王小明"


def test_a_rename_updates_the_romanised_forms(roster: Store) -> None:
    index = LookupIndex(roster.data)
    wang = next(o for o in roster.data.officers.values() if o.name == "王小明")
    commit = roster.commit([changed(wang, dataclasses.replace(wang, name="李小龙"))])
    index.update(roster.data, commit.edits)
    assert first_officer(index, "li xiaolong") == "李小龙"
    assert not [h for h in index.search("wang xiaoming") if h.entry.kind is Kind.OFFICER]
    # A city renamed into Chinese: its officers are found by its pinyin too.
    helsinki = roster.data.cities[3]
    commit = roster.commit([changed(helsinki, dataclasses.replace(helsinki, name="深圳"))])
    index.update(roster.data, commit.edits)
    found = {h.entry.label for h in index.search("shenzhen", limit=50)}
    assert {"深圳", "Henri Kahonen", "李小龙"} <= found
    fresh = LookupIndex(roster.data).search("shenzhen", limit=50)
    assert [h.entry for h in fresh] == [h.entry for h in index.search("shenzhen", limit=50)]


def test_a_city_is_found_by_either_reading_of_a_character(roster: Store) -> None:
    [chongqing, changchun] = roster.commit(
        [added(City(name="重庆", country="China")), added(City(name="长春", country="China"))]
    ).edits
    assert chongqing.after is not None and changchun.after is not None
    roster.commit([added(Officer(name="Li Wei", city_id=chongqing.after.id))])
    index = LookupIndex(roster.data)
    assert index.search("chongqing")[0].entry.label == "重庆"  # 重 is usually "zhong"
    assert index.search("changchun")[0].entry.label == "长春"  # 长 is usually "zhang"
    assert first_officer(index, "chongqing") == "Li Wei"  # an officer is found by their city's sound too


def test_a_native_name_is_romanised_too(roster: Store) -> None:
    [edit] = roster.commit([added(Officer(name="Minjun Park", native_name="박민준", city_id=2))]).edits
    assert edit.after is not None
    assert first_officer(LookupIndex(roster.data), "bak minjun") == "Minjun Park"


def test_agenda_and_check_in_take_romanised_names_on_a_real_file(
    roster: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    where = str(roster.path)
    assert main(["--db", where, "summary", "agenda", "--officer", "wang xiaoming"]) == 0
    captured = capsys.readouterr()
    assert "Agenda: 王小明 (Helsinki)" in captured.out
    assert "'wang xiaoming' taken as 王小明" in captured.err
    assert main(["--db", where, "check-in", "library", "kim min jun", "--by", "Tang"]) == 0
    out = capsys.readouterr().out
    assert "김민준" in out
    reopened = Store.open(roster.path)
    [call] = list(reopened.data.checkins.values())
    assert reopened.data.officers[call.officer_id].name == "김민준"


def test_check_in_lists_everyone_a_romanised_name_could_be(roster: Store, capsys: pytest.CaptureFixture[str]) -> None:
    roster.commit([added(Officer(name="李小明", city_id=1))])
    assert main(["--db", str(roster.path), "check-in", "library", "xiaoming"]) == 1
    err = capsys.readouterr().err
    assert "matches 2 people" in err
    assert "王小明" in err
    assert "李小明" in err
    assert not Store.open(roster.path).data.checkins  # nobody marked


FORM = re.compile(r"[a-z0-9]+")


@given(st.text(max_size=40), st.booleans())
@settings(max_examples=300, deadline=None)
def test_any_name_romanises_to_plain_letters_the_same_way_every_time(name: str, person: bool) -> None:
    forms = sound_forms(name, person)
    assert all(FORM.fullmatch(form) for form in forms)  # never a separator of the index's joined strings
    sound_forms.cache_clear()
    assert sound_forms(name, person) == forms


CJK = st.characters(min_codepoint=0x3040, max_codepoint=0x9FFF) | st.characters(
    min_codepoint=0xAC00, max_codepoint=0xD7A3
)


@given(st.lists(st.text(CJK, min_size=1, max_size=6) | st.text(min_size=1, max_size=12), min_size=1, max_size=5))
@settings(max_examples=60, deadline=None)
def test_an_index_of_any_names_answers_their_romanisation(names: list[str]) -> None:
    store = Store.in_memory()
    [city] = store.commit([added(City(name="深圳", country="China"))]).edits
    assert city.after is not None
    store.commit([added(Officer(name=name.strip() or "x", city_id=city.after.id)) for name in names])
    index = LookupIndex(store.data)
    for officer in store.data.officers.values():
        for form in sound_forms(officer.name, True)[:3]:
            found = [h.entry.record_id for h in index.search(form, limit=200) if h.entry.kind is Kind.OFFICER]
            assert officer.id in found


def test_a_name_sounding_so_ranks_above_a_city_sounding_so_above_a_name_holding_the_sound(roster: Store) -> None:
    """Heard "shenzhen": a person or city named so, then someone from a city named so, then a longer name."""
    [shenzhen, _] = roster.commit(
        [added(City(name="深圳", country="China")), added(City(name="新深圳", country="China"))]
    ).edits
    assert shenzhen.after is not None
    roster.commit([added(Officer(name="Li Wei", city_id=shenzhen.after.id)), added(Officer(name="沈真", city_id=1))])
    index = LookupIndex(roster.data)
    hits = index.search("shenzhen")
    typed = [h.score for h in hits if "shenzhen" in index.haystack_of(h.entry)]  # the sample's "Shenzhen", as written
    heard = {h.entry.label: h.score for h in hits if "shenzhen" not in index.haystack_of(h.entry)}
    assert set(heard) == {"沈真", "深圳", "Li Wei", "新深圳"}
    assert min(typed) > heard["沈真"] == heard["深圳"] > heard["Li Wei"] > heard["新深圳"] > 0


def test_the_first_and_the_last_record_are_found_by_their_sound() -> None:
    store = Store.in_memory()
    store.commit([added(Officer(name=name)) for name in ("王小明", "李小明")])
    index = LookupIndex(store.data)
    assert [(h.entry.label, h.score) for h in index.search("wang xiaoming")] == [("王小明", 0.55)]
    assert [(h.entry.label, h.score) for h in index.search("li xiaoming")] == [("李小明", 0.55)]


def test_a_city_is_not_read_backwards_as_a_person_is(roster: Store) -> None:
    [changchun] = roster.commit([added(City(name="长春", country="China"))]).edits
    assert changchun.after is not None
    roster.commit([added(Officer(name="Li Wei", city_id=changchun.after.id))])
    index = LookupIndex(roster.data)
    assert {h.entry.label for h in index.search("changchun")} == {"长春", "Li Wei"}
    assert index.search("chunchang") == []  # a person's name is also heard family name last; a city's is not
    assert LookupIndex(roster.data, romanised=False).search("changchun") == []
