"""Records read the fast way (straight into their slots) are the records the careful way makes."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

import orjson
import pytest

from liaison_tui.domain.demo import generate
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer, Travel, ValidationError
from liaison_tui.store import codec
from liaison_tui.store.errors import BadDataFileError
from liaison_tui.store.store import Store


def _careful(kind: Kind, doc_id: int, document: dict[str, Any]) -> Any:
    """The careful path: it reads any mapping that is not a plain dict."""
    return codec.from_document(kind, doc_id, MappingProxyType(document))


def test_every_demo_record_reads_the_same_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    Store.open(path).commit(generate(cities=6, officers=60, days=4, past_visits=2))
    tables = orjson.loads(path.read_bytes())
    seen = 0
    for kind in Kind:
        for key, document in tables.get(kind.table, {}).items():
            fast = codec.from_document(kind, int(key), document)
            assert fast == _careful(kind, int(key), document)
            assert type(fast) is kind.cls
            assert codec.to_document(fast) == document  # and back, field for field
            seen += 1
    assert seen > 100


def _officer_document(**fields: Any) -> dict[str, Any]:
    officer = Officer(name="Marit Kahonen", city_id=1, languages=("fi", "en"))
    officer = dataclasses.replace(officer, arrival=Travel(at=datetime(2026, 12, 1, 9, 30), flight="AY 101"))
    return {**codec.to_document(officer), **fields}


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"name": 7}, "name: expected text, found int"),
        ({"city_id": True}, "city_id: expected a whole number, found True"),
        ({"languages": ["fi", 3]}, "languages: expected text, found int"),
        ({"languages": "fi"}, "languages: expected a list, found str"),
        ({"arrival": {"at": "2026-12-01 25:00", "flight": "AY 101"}}, "arrival:"),
        ({"role": "guest"}, "'guest' is not one of"),
        ({"shoe_size": 44}, "unknown field(s): shoe_size"),
    ],
)
def test_a_document_not_as_we_write_it_is_refused_saying_why(fields: dict[str, Any], said: str) -> None:
    document = _officer_document(**fields)
    with pytest.raises(ValidationError) as refused:
        codec.from_document(Kind.OFFICER, 5, document)
    assert said in str(refused.value)


def test_a_missing_field_is_named_and_a_defaulted_one_is_filled() -> None:
    document = _officer_document()
    del document["name"]
    with pytest.raises(ValidationError, match="name is missing"):
        codec.from_document(Kind.OFFICER, 5, document)
    document = _officer_document()
    del document["hotel"]
    assert codec.from_document(Kind.OFFICER, 5, document) == _careful(Kind.OFFICER, 5, _officer_document())


def test_a_bad_record_in_a_large_file_still_stops_the_file_opening(tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    store = Store.open(path)
    store.commit(generate(cities=3, officers=40, days=2))
    tables = orjson.loads(path.read_bytes())
    key = sorted(tables["officers"])[17]
    tables["officers"][key]["arrival"] = {"at": "2026-12-01 29:30", "flight": "AY 101"}
    path.write_bytes(orjson.dumps(tables))
    with pytest.raises(BadDataFileError, match="arrival"):
        Store.open(path)


def test_officers_on_one_flight_share_one_journey_value(tmp_path: Path) -> None:
    """A flight brings many officers: their arrival is one value in memory, not one each."""
    path = tmp_path / "demo.json"
    Store.open(path).commit(generate(cities=3, officers=200, days=2))
    officers = list(Store.open(path).data.officers.values())
    arrivals = [o.arrival for o in officers if o.arrival is not None]
    assert len({id(a) for a in arrivals}) < len(arrivals)
    assert len({id(a) for a in arrivals}) == len(set(arrivals))
