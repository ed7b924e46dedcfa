"""Dates, times and whole records round-trip exactly; bad values are explained."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison_tui import records, values
from liaison_tui.model import Officer, ValidationError


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
    assert records.from_document(Officer, 7, records.to_document(officer)) == officer


def test_wrong_types_are_named() -> None:
    with pytest.raises(ValidationError) as caught:
        records.from_document(Officer, 3, {"name": "Kim", "role": "boss", "city_id": "x"})
    message = str(caught.value)
    assert "officer 'Kim'" in message and "role: 'boss' is not one of" in message and "city_id" in message
