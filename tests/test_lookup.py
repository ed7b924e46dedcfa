"""Quick lookup: the intended record ranks first for the ways people search."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_tui.domain.demo import generate
from liaison_tui.domain.kinds import Kind
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
    assert named.id in [h.entry.record_id for h in hits[:25] if h.entry.kind is Kind.OFFICER]


SAMPLE_INDEX = LookupIndex(Store.in_memory(orjson.loads(paths.sample_bytes())).data)


@given(st.text(max_size=30))
def test_any_query_is_answered_in_rank_order(query: str) -> None:
    hits = SAMPLE_INDEX.search(query)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)


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
