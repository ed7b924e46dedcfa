"""The lookup index carried save by save answers exactly as one built afresh.

Random saves over the sample: cities and officers renamed, officers moved
between cities, added and deleted, several edits in one save or one per save,
a city deleted with what goes with it, and undo. After every save the index
updated edit by edit (as the app does) must answer a set of queries (whole
names, words of them, prefixes, a one-letter typo, two words) exactly as an
index built from the saved data does.
"""

from __future__ import annotations

import dataclasses

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison_tui.domain.edits import Edit, added, changed, invert, plan_delete
from liaison_tui.domain.model import City, Officer
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.store import paths
from liaison_tui.store.store import Store

# Words that collide with the sample's names and with each other: a rename can make or break a match.
WORDS = ["Atlanta", "Christchurch", "Otautahi", "Kahonen", "Lind", "Helsinki", "Shenzhen", "Woodruff", "Aino", "GA"]
QUERIES = ["atlanta ga", "kahonen lind", "atlant", "christchurh", "otautah", "a", "ga", "protocol", "duncan", "tang"]
QUERIES += [word.casefold() for word in WORDS] + [word.casefold()[:3] for word in WORDS]

names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
# (what, which existing record (an index into them, sorted by id), a name, which city)
operations = st.tuples(
    st.sampled_from(["rename city", "rename officer", "move officer", "add officer", "add city", "delete officer"]),
    st.integers(0, 50),
    names,
    st.integers(0, 50),
)
saves = st.one_of(
    st.lists(operations, min_size=1, max_size=6),
    st.sampled_from(["delete a city", "undo"]),
)


def _edits(store: Store, save: list[tuple[str, int, str, int]]) -> list[Edit]:
    """The edits of one save; a record is edited once in it at most (a second edit would be stale)."""
    data = store.data
    cities = sorted(data.cities.values(), key=lambda c: c.id)
    officers = sorted(data.officers.values(), key=lambda o: o.id)
    edits: list[Edit] = []
    touched: set[tuple[str, int]] = set()
    for what, which, name, where in save:
        city = cities[where % len(cities)] if cities else None
        if what == "add city":
            edits.append(added(City(name=name, country="Testland")))
        elif what == "add officer":
            edits.append(added(Officer(name=name, city_id=city.id if city else None)))
        elif what == "rename city" and cities:
            chosen = cities[which % len(cities)]
            if ("city", chosen.id) not in touched:
                touched.add(("city", chosen.id))
                edits.append(changed(chosen, dataclasses.replace(chosen, name=name)))
        elif officers and what in ("rename officer", "move officer", "delete officer"):
            officer = officers[which % len(officers)]
            if ("officer", officer.id) in touched:
                continue
            touched.add(("officer", officer.id))
            if what == "rename officer":
                edits.append(changed(officer, dataclasses.replace(officer, name=name)))
            elif what == "move officer":
                edits.append(changed(officer, dataclasses.replace(officer, city_id=city.id if city else None)))
            elif not any(edit.after is None for edit in edits):  # one delete a save: each plans its events' edits
                edits += plan_delete(data, officer)
    return edits


def _answers(index: LookupIndex, query: str) -> set[tuple[str, int, float, str, str]]:
    """Each hit as the user sees it: what it is, its name and what is shown beside it (a city, a date)."""
    hits = index.search(query, limit=1000)
    return {(h.entry.kind.value, h.entry.record_id, h.score, h.entry.label, h.entry.context) for h in hits}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(saves, min_size=1, max_size=6), st.integers(0, 50))
def test_an_updated_index_answers_every_query_as_a_fresh_one(plan: list[object], pick: int) -> None:
    store = Store.in_memory(orjson.loads(paths.sample_bytes()))
    index = LookupIndex(store.data)
    done: list[list[Edit]] = []
    for save in plan:
        if save == "undo":
            if not done:
                continue
            edits = invert(done.pop())
        elif save == "delete a city":
            cities = sorted(store.data.cities.values(), key=lambda c: c.id)
            if not cities:
                continue
            edits = plan_delete(store.data, cities[pick % len(cities)])
        else:
            assert isinstance(save, list)
            edits = _edits(store, save)
        if not edits:
            continue
        commit = store.commit(edits)
        done.append(commit.edits)
        index.update(store.data, commit.edits)
        fresh = LookupIndex(store.data)
        names = {fresh_entry.label_folded for fresh_entry in fresh.entries}
        for query in [*QUERIES, *sorted(names)[:5]]:
            assert _answers(index, query) == _answers(fresh, query), (save, query)


def test_a_removed_record_and_its_typos_are_gone_from_an_updated_index() -> None:
    """The deletion path on its own: no hit, exact or one letter off, for what was deleted."""
    store = Store.in_memory(orjson.loads(paths.sample_bytes()))
    index = LookupIndex(store.data)
    kahonen = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    commit = store.commit(plan_delete(store.data, kahonen))
    index.update(store.data, commit.edits)
    assert index.search("kahonen") == index.search("kahnen") == []


def test_deletions_and_their_undo_reach_the_index_past_records_it_does_not_hold() -> None:
    """Deleting an officer also edits their gift (not looked up) first; undoing a city re-adds check-ins first."""
    from datetime import datetime

    from liaison_tui.domain.model import CheckIn, Gift

    store = Store.in_memory(orjson.loads(paths.sample_bytes()))
    christchurch = next(c for c in store.data.cities.values() if c.name == "Christchurch")
    sandeman = next(o for o in store.data.officers.values() if o.name == "Duncan Sandeman")
    event = min(store.data.events.values(), key=lambda e: e.id)
    store.commit(
        [
            added(CheckIn(event_id=event.id, officer_id=sandeman.id, at=datetime(2026, 12, 1, 9))),
            added(Gift(description="Pounamu pendant", city_id=christchurch.id, officer_id=sandeman.id)),
        ]
    )
    index = LookupIndex(store.data)
    found = {query: _answers(index, query) for query in ("lanterns", "sandeman", "christchurch", "zealand")}
    assert all(found.values())
    for record in (sandeman, christchurch):
        deletion = store.commit(plan_delete(store.data, record)).edits
        index.update(store.data, deletion)
        assert index.search("sandeman") == []
        undo = store.commit(invert(deletion)).edits
        index.update(store.data, undo)
        assert {query: _answers(index, query) for query in found} == found


def test_follow_ups_show_the_new_names_of_every_city_renamed_in_one_save() -> None:
    store = Store.in_memory(orjson.loads(paths.sample_bytes()))
    index = LookupIndex(store.data)
    cities = {c.name: c for c in store.data.cities.values()}
    renames = {"Christchurch": "Otautahi", "Helsinki": "Helsingfors"}
    commit = store.commit(
        [changed(cities[old], dataclasses.replace(cities[old], name=new)) for old, new in renames.items()]
    )
    index.update(store.data, commit.edits)
    for old, new in renames.items():
        followups = [f for f in store.data.followups.values() if f.city_id == cities[old].id]
        assert followups
        for followup in followups:
            [hit] = [h for h in index.search(followup.text) if h.entry.record_id == followup.id]
            assert hit.entry.context == new
