"""Dates, times and whole records round-trip exactly; bad values are explained."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_tui.domain import values
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer, Travel, ValidationError
from liaison_tui.store import codec


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_time_round_trip(moment: time) -> None:
    assert values.parse_time(values.format_time(moment)) == moment


@given(st.dates())
def test_date_round_trip(day: date) -> None:
    assert values.parse_date(day.isoformat()) == day


@pytest.mark.parametrize("text", ["25:00", "12:60", "noon", "", "9"])
def test_bad_times_are_explained(text: str) -> None:
    with pytest.raises(ValueError, match="bad time"):
        values.parse_time(text)


@given(st.text(), st.text(), st.lists(st.text(), max_size=3))
def test_officer_text_round_trips(name: str, notes: str, languages: list[str]) -> None:
    officer = Officer(id=7, name=name, notes=notes, languages=tuple(languages))
    assert codec.from_document(Kind.OFFICER, 7, codec.to_document(officer)) == officer


def test_wrong_types_are_named() -> None:
    with pytest.raises(ValidationError) as caught:
        codec.from_document(Kind.OFFICER, 3, {"name": "Kim", "role": "boss", "city_id": "x"})
    message = str(caught.value)
    assert "officer 'Kim'" in message and "role: 'boss' is not one of" in message and "city_id" in message


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("city_id", "x", "city_id: expected a whole number"),
        ("role", "boss", "role: 'boss' is not one of"),
        ("languages", ["en", 3], "languages: expected text"),
        ("arrival", {"at": "2026-13-01 10:00", "flight": ""}, "bad date and time"),
        ("name", 7, "name: expected text"),
    ],
)
def test_complete_documents_with_one_bad_field_are_explained(field: str, bad: object, message: str) -> None:
    # Documents as we write them take a fast path; one bad value must still be named.
    document = codec.to_document(Officer(id=1, name="Kim", city_id=2))
    document[field] = bad
    with pytest.raises(ValidationError, match=message):
        codec.from_document(Kind.OFFICER, 1, document)


@given(
    st.builds(
        Officer,
        id=st.integers(1, 10**6),
        name=st.text(min_size=1),
        city_id=st.none() | st.integers(1, 100),
        languages=st.lists(st.text(), max_size=3).map(tuple),
        arrival=st.none()
        | st.builds(
            Travel,
            at=st.datetimes(min_value=datetime(2000, 1, 1)).map(lambda d: d.replace(second=0, microsecond=0)),
            flight=st.text(max_size=8),
        ),
    )
)
def test_fast_and_careful_paths_agree(officer: Officer) -> None:
    document = codec.to_document(officer)
    assert codec.from_document(Kind.OFFICER, officer.id, document) == officer
