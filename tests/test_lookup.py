"""Quick lookup: the intended record ranks first for the ways people search."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.demo import generate
from liaison_tui.domain.edits import added
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.store import paths
from liaison_tui.store.store import Store


@pytest.fixture
def index(sample_file: Path) -> LookupIndex:
    return LookupIndex(Store.open(sample_file).data)


@pytest.mark.parametrize(
    ("query", "kind", "label"),
    [
        ("kahonen", "officer", "Henri Kahonen"),
        ("KAHONEN", "officer", "Henri Kahonen"),
        ("kahnen", "officer", "Henri Kahonen"),  # a letter missing
        ("kahomen", "officer", "Henri Kahonen"),  # a letter wrong
        ("sandeman", "officer", "Duncan Sandeman"),
        ("duncan", "officer", "Duncan Sandeman"),
        ("helsinki", "city", "Helsinki"),
        ("new zealand", "city", "Christchurch"),
        ("library", "event", "Visit to a library"),
        (
            "lanterns",
            "follow-up",
            "44 containers of lanterns from Shenzhen for Christchurch's Lantern Festival this year",
        ),
        ("protocol", "officer", "Taylor Woodruff"),
    ],
)
def test_intended_record_comes_first(index: LookupIndex, query: str, kind: str, label: str) -> None:
    first = index.search(query)[0].entry
    assert (first.kind, first.label) == (kind, label)


def test_city_query_also_finds_its_officers(index: LookupIndex) -> None:
    hits = [(h.entry.kind, h.entry.label) for h in index.search("atlanta")]
    assert hits[0] == ("city", "Atlanta")
    assert ("officer", "Taylor Woodruff") in hits


def test_native_script_names_are_found() -> None:
    store = Store.in_memory()
    store.commit(generate(cities=5, officers=200, days=4))
    index = LookupIndex(store.data)
    named = next(o for o in store.data.officers.values() if o.native_name)
    hits = index.search(named.native_name)
    # Synthetic native names repeat: everyone holding this one comes first, before anything else.
    holders = {o.id for o in store.data.officers.values() if o.native_name == named.native_name}
    assert {h.entry.record_id for h in hits[: len(holders)] if h.entry.kind is Kind.OFFICER} == holders


SAMPLE_INDEX = LookupIndex(Store.in_memory(orjson.loads(paths.sample_bytes())).data)


@given(st.text(max_size=30))
def test_any_query_is_answered_in_rank_order(query: str) -> None:
    hits = SAMPLE_INDEX.search(query)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)


def test_letters_in_order_find_a_name_when_nothing_else_does_never_across_two_names(index: LookupIndex) -> None:
    from liaison_tui.domain.edits import added
    from liaison_tui.domain.model import Officer

    [hit] = index.search("kahnn")  # no word, typo or sound matches: the letters of "kahonen", in order
    assert hit.entry.label == "Henri Kahonen"
    assert hit.score == pytest.approx(0.2 + 0.1 * 5 / 7)  # five letters over seven
    # "hnn": the first h of "henri kahonen" spreads them over 11 letters, more than twice three; the
    # closer "honen" later in the name does not count: a name's first match decides.
    assert index.search("hnn") == []
    store = Store.in_memory(orjson.loads(paths.sample_bytes()))
    store.commit([added(Officer(name=name, city_id=1)) for name in ("Xjq", "Yvw", "Axxxxxbxxxxxc Axbxc")])
    assert LookupIndex(store.data).search("jqvw") == []  # "jq" ends one name, "vw" starts the next
    assert LookupIndex(store.data).search("abc") == []  # its first "a…b…c" is too spread out, and decides


def test_updated_index_answers_like_a_fresh_one(sample_file: Path) -> None:
    import dataclasses

    from liaison_tui.domain.edits import added, changed, invert, plan_delete
    from liaison_tui.domain.model import City, Officer

    store = Store.open(sample_file)
    index = LookupIndex(store.data)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    kahonen = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    steps = [
        [added(Officer(name="Aino Virtanen", city_id=atlanta.id, title="Protocol officer"))],
        [changed(kahonen, dataclasses.replace(kahonen, name="Henrik Kahonen-Lind"))],
        [changed(atlanta, dataclasses.replace(atlanta, name="Atlanta GA"))],  # renames its officers' city too
        [added(City(name="Busan", country="South Korea"))],
    ]
    queries = ["aino", "kahonen", "lind", "atlanta", "atlanta ga", "busan", "korea", "protocol", "kahnen", "a"]
    # What went with a rename or a delete, typos of it included, must go from the index too.
    queries += ["henri", "kahonem", "christchurch", "chrsitchurch", "sandeman", "sandemann", "duncan", "zealand"]
    done = []
    for edits in [*steps, "delete Christchurch", "undo"]:
        if edits == "delete Christchurch":
            christchurch = next(c for c in store.data.cities.values() if c.name == "Christchurch")
            edits = plan_delete(store.data, christchurch)
        elif edits == "undo":
            edits = invert(done[-1])
        commit = store.commit(edits)  # type: ignore[arg-type]
        done.append(commit.edits)
        index.update(store.data, commit.edits)
        fresh = LookupIndex(store.data)
        for query in queries:
            got = {(h.entry.kind, h.entry.record_id, h.score) for h in index.search(query, limit=1000)}
            want = {(h.entry.kind, h.entry.record_id, h.score) for h in fresh.search(query, limit=1000)}
            assert got == want, (edits, query)


def test_an_update_takes_every_edit_of_a_save(sample_file: Path) -> None:
    """Two cities renamed in one save: the officers and follow-ups of both are found by the new names."""
    import dataclasses

    from liaison_tui.domain.edits import changed

    store = Store.open(sample_file)
    index = LookupIndex(store.data)
    cities = {c.name: c for c in store.data.cities.values()}
    kahonen = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    edits = [
        changed(cities["Atlanta"], dataclasses.replace(cities["Atlanta"], name="Atlanta GA")),
        changed(cities["Christchurch"], dataclasses.replace(cities["Christchurch"], name="Otautahi")),
        changed(kahonen, dataclasses.replace(kahonen, name="Henrik Kahonen-Lind")),
    ]
    before = store.data
    commit = store.commit(edits)
    # The data from before the save would leave Taylor Woodruff under "atlanta" (this test once passed it,
    # ``index.update(store.data, store.commit(edits).edits)`` reads ``store.data`` first): it is refused.
    with pytest.raises(RuntimeError, match=r"^lookup update: the data given is not the data after the edits$"):
        index.update(before, commit.edits)
    index.update(store.data, commit.edits)
    fresh = LookupIndex(store.data)
    for query in ["lind", "henri", "atlanta", "atlanta ga", "otautahi", "christchurch", "duncan"]:
        got = [(h.entry.kind, h.entry.record_id, h.score) for h in index.search(query, limit=1000)]
        want = [(h.entry.kind, h.entry.record_id, h.score) for h in fresh.search(query, limit=1000)]
        assert got == want, query
    assert [h.entry.label for h in index.search("atlanta ga")][:2] == ["Atlanta GA", "Taylor Woodruff"]


RECEPTION = "Reception at City Hall"


@pytest.fixture
def event_day(sample_file: Path) -> Store:
    """The sample with flights, needs and phones, a reception at City Hall and an officer named Halat."""
    import dataclasses
    from datetime import date, datetime, time

    from liaison_tui.domain.edits import added, changed
    from liaison_tui.domain.model import Event, Officer, Travel

    store = Store.open(sample_file)
    by_name = {o.name: o for o in store.data.officers.values()}
    mh376 = Travel(at=datetime(2026, 11, 30, 14, 5), flight="MH376")
    store.commit(
        [
            changed(
                by_name["Henri Kahonen"],
                dataclasses.replace(by_name["Henri Kahonen"], arrival=mh376, dietary="Halal", phone="+358 40 123 4567"),
            ),
            changed(
                by_name["Duncan Sandeman"],
                dataclasses.replace(by_name["Duncan Sandeman"], departure=Travel(at=mh376.at, flight="MH 376")),
            ),
            changed(by_name["Taylor Woodruff"], dataclasses.replace(by_name["Taylor Woodruff"], dietary="halal")),
            added(Officer(name="Mira Halat", city_id=by_name["Henri Kahonen"].city_id)),  # one letter from "halal"
            added(Event(visit_id=1, day=date(2026, 12, 1), start=time(18), end=time(19), title=RECEPTION)),
        ]
    )
    return store


def _officers(index: LookupIndex, query: str, count: int) -> set[str]:
    return {h.entry.label for h in index.search(query)[:count] if h.entry.kind is Kind.OFFICER}


@pytest.mark.parametrize("query", ["MH376", "mh376", "MH 376", "mh 376"])
def test_a_flight_finds_the_people_on_it(event_day: Store, query: str) -> None:
    assert _officers(LookupIndex(event_day.data), query, 2) == {"Henri Kahonen", "Duncan Sandeman"}


def test_a_need_finds_its_people_first_never_a_near_word(event_day: Store) -> None:
    hits = LookupIndex(event_day.data).search("halal")
    assert {h.entry.label for h in hits[:2]} == {"Henri Kahonen", "Taylor Woodruff"}
    # An exact word (in the dietary field) beats a one-letter typo, even one in a name.
    ranked = [h.entry.label for h in hits]
    assert ranked.index("Mira Halat") > 1
    # "Hall" is four letters: too short to be taken for "halal" by one letter.
    assert RECEPTION not in ranked


def test_typos_need_five_letters_and_no_digits(event_day: Store) -> None:
    index = LookupIndex(event_day.data)
    assert "Mira Halat" in _officers(index, "halak", 20)  # five letters, one wrong: a typo match
    assert "Mira Halat" in _officers(index, "hallat", 20)  # one letter too many for "halat" (five letters)
    assert _officers(index, "hala", 20) == {"Henri Kahonen", "Taylor Woodruff", "Mira Halat"}  # prefixes only
    assert _officers(index, "hall", 20) == set()  # four letters: no typo match of "halal" or "halat"
    assert index.search("hell") == []  # one letter from "hall", but four letters only
    assert _officers(index, "MH377", 20) == set()  # another flight, not a typo of MH376


def test_a_word_holding_a_digit_is_found_exactly_never_as_a_typo(event_day: Store) -> None:
    from liaison_tui.domain.edits import added
    from liaison_tui.domain.model import Officer

    event_day.commit([added(Officer(name="Wang Fang", email="fang8@example.cn"))])
    index = LookupIndex(event_day.data)
    assert _officers(index, "fang8", 20) == {"Wang Fang"}
    assert _officers(index, "fangs", 20) == set()  # one letter from "fang8": a digit is exact or nothing


def test_a_nul_in_a_record_leaves_every_other_record_where_it_is(sample_file: Path) -> None:
    from liaison_tui.domain.edits import added, changed
    from liaison_tui.domain.model import Officer

    store = Store.open(sample_file)
    store.commit([added(Officer(name="Nul Pasted", organisation="ACME\x00Corp"))])  # pasted from a binary
    index = LookupIndex(store.data)
    kahonen = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    done = store.commit([changed(kahonen, dataclasses.replace(kahonen, name="Henri Kahonen-Virta"))])
    index.update(store.data, done.edits)  # joins the records' texts again
    assert [h.entry.label for h in index.search("virta")] == ["Henri Kahonen-Virta"]
    assert [h.entry.label for h in index.search("acme")] == ["Nul Pasted"]
    assert [h.entry.label for h in index.search("sandeman")] == ["Duncan Sandeman"]
    assert [(h.entry.kind, h.entry.label) for h in index.search("library")] == [("event", "Visit to a library")]


def test_a_nul_query_finds_nothing(index: LookupIndex) -> None:
    # NUL joins the records' texts inside the index: searched for, it would match between any two records.
    assert index.search("\x00", limit=50) == []


def test_an_officer_hit_shows_the_phone(event_day: Store) -> None:
    index = LookupIndex(event_day.data)
    [kahonen] = [h.entry for h in index.search("kahonen") if h.entry.label == "Henri Kahonen"]
    assert kahonen.context == "Helsinki · +358 40 123 4567"
    [sandeman] = [h.entry for h in index.search("sandeman") if h.entry.label == "Duncan Sandeman"]
    assert sandeman.context == "Christchurch"  # no phone recorded


def test_agenda_officer_uses_the_tolerant_lookup(event_day: Store, capsys: pytest.CaptureFixture[str]) -> None:
    from liaison_tui.cli.main import main

    where = str(event_day.path)
    assert main(["--db", where, "summary", "agenda", "--officer", "kahnen"]) == 0
    captured = capsys.readouterr()
    assert "Agenda: Henri Kahonen (Helsinki)" in captured.out
    assert "'kahnen' taken as Henri Kahonen" in captured.err
    assert main(["--db", where, "summary", "agenda", "--officer", "halal"]) == 1  # two people, equally good
    err = capsys.readouterr().err
    codes = {o.name: badge_code(o.id) for o in event_day.data.officers.values()}
    assert (
        f"2 officers match 'halal' equally well: Henri Kahonen (Helsinki, {codes['Henri Kahonen']}), "
        f"Taylor Woodruff (Atlanta, {codes['Taylor Woodruff']}); be more precise" in err
    )


def test_every_record_holding_a_word_is_found_the_first_and_the_last_included(sample_file: Path) -> None:
    """A word in the sample's first officer's name, an event's venue and the areas of the last two follow-ups."""
    import dataclasses

    from liaison_tui.domain.edits import changed

    store = Store.open(sample_file)
    school = next(e for e in store.data.events.values() if e.title == "Visit to a local school")
    *_, last_but_one, last = sorted(store.data.followups.values(), key=lambda f: f.id)
    store.commit(
        [
            changed(school, dataclasses.replace(school, venue="Duncan Street School")),
            *(changed(f, dataclasses.replace(f, area=f"{f.area}, Duncan Street")) for f in (last_but_one, last)),
        ]
    )
    index = LookupIndex(store.data)
    hits = {(h.entry.kind, h.entry.label): h.score for h in index.search("duncan")}
    assert hits == {
        (Kind.OFFICER, "Duncan Sandeman"): 0.95,  # the name starts with it
        (Kind.EVENT, school.title): 0.7,  # a word of another field starts with it
        (Kind.FOLLOW_UP, last_but_one.text): 0.7,
        (Kind.FOLLOW_UP, last.text): 0.7,
    }
    # Inside a word: of the name (0.8) or of another field (0.6).
    inside = {(h.entry.label, h.score) for h in index.search("uncan")}
    assert inside == {("Duncan Sandeman", 0.8), (school.title, 0.6), (last_but_one.text, 0.6), (last.text, 0.6)}


def test_letters_in_order_count_up_to_twice_the_query_and_past_names_found_otherwise(sample_file: Path) -> None:
    from liaison_tui.domain.edits import added
    from liaison_tui.domain.model import Officer

    store = Store.open(sample_file)
    store.commit([added(Officer(name="Dunn Conan", city_id=1))])
    index = LookupIndex(store.data)
    # "dcsan" over "duncan san": ten letters, twice the five typed; "dcsad" over "duncan sand": eleven.
    assert [(h.entry.label, h.score) for h in index.search("dcsan")] == [("Duncan Sandeman", 0.25)]
    assert index.search("dcsad") == []
    # Duncan Sandeman is found first as a typo of "duncan"; the names after his are still tried in order.
    hits = [(h.entry.label, h.score) for h in index.search("duncn")]
    assert hits == [("Duncan Sandeman", 0.45), ("Dunn Conan", pytest.approx(0.2 + 0.1 * 5 / 8))]


def test_what_a_hit_shows_beside_its_name(index: LookupIndex) -> None:
    """A city shows its country, an event its day and time, a host officer "host staff"."""
    shown = {
        q: next((h.entry.label, h.entry.context) for h in index.search(q)) for q in ("helsinki", "library", "tang")
    }
    assert shown == {
        "helsinki": ("Helsinki", "Finland"),
        "library": ("Visit to a library", "Wed 02 Dec 10:00"),
        "tang": ("Tang Lixia", "host staff"),
    }
    assert [h.entry.label for h in index.search("host staff")] == ["Tang Lixia"]


def test_every_name_with_a_word_starting_so_ranks_by_how_it_starts_ties_by_name(index: LookupIndex) -> None:
    hits = [(h.entry.label[:22], h.score) for h in index.search("christchurch")]
    assert hits == [
        ("Christchurch", 1.0),  # the whole name
        ("44 containers of lante", 0.9),  # a word of the name: "Christchurch's"
        ("Develop cooperation be", 0.9),
        ("Internships at Christc", 0.9),
        ("Duncan Sandeman", 0.7),  # his city
    ]
    assert [(h.entry.label, h.score) for h in index.search("sandeman")] == [("Duncan Sandeman", 0.9)]
    everything = index.search("a", limit=1000)
    assert len(everything) > 5
    assert index.search("a", limit=5) == everything[:5]


def test_letters_in_order_only_when_fewer_than_five_records_match_otherwise(sample_file: Path) -> None:
    from liaison_tui.domain.edits import added
    from liaison_tui.domain.model import Officer

    assert [(h.entry.label, h.score) for h in LookupIndex(Store.open(sample_file).data).search("dcn")] == [
        ("Duncan Sandeman", 0.25)  # three letters over six: "duncan"
    ]
    for normas, found in ((4, True), (5, False)):
        store = Store.in_memory(orjson.loads(paths.sample_bytes()))
        store.commit([added(Officer(name=f"Norma {c}", city_id=1)) for c in "ABCDE"[:normas]])
        store.commit([added(Officer(name="Orlam Kent", city_id=1))])  # "orm" in order, not as typed
        labels = [h.entry.label for h in LookupIndex(store.data).search("orm")]
        assert len(labels) == normas + found and ("Orlam Kent" in labels) is found


def test_a_name_is_found_with_its_words_in_another_order(index: LookupIndex) -> None:
    """Surname first, as many delegations write names, or half remembered: every word must start a word of it."""
    for query, name in [
        ("kahonen henri", "Henri Kahonen"),
        ("Kahonen H", "Henri Kahonen"),
        ("sandeman dun", "Duncan Sandeman"),
        ("woodruff taylor", "Taylor Woodruff"),
    ]:
        assert index.search(query)[0].entry.label == name, query
    assert index.search("kahonen taylor") == []  # each word must be in the one name


def test_a_name_in_its_own_order_ranks_above_the_same_words_reordered() -> None:
    store = Store.in_memory()
    store.commit([added(Officer(name=name)) for name in ("Ivo Novak", "Novak Ivo", "Ana Novak")])
    hits = LookupIndex(store.data).search("novak ivo")
    assert [(h.entry.label, h.score) for h in hits] == [("Novak Ivo", 1.0), ("Ivo Novak", 0.85)]
