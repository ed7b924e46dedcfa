"""Spreadsheet rows read into records: every field trimmed, yes/no and choices as people write them."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import City, EventKind, FollowUpStatus, Officer, Role, Travel
from liaison_tui.spreadsheets.cells import city_from_row, event_from_row, followup_from_row, officer_from_row

EVENT_ROW = {"day": "2026-12-01", "start": "10:00", "end": "12:00", "title": " School visit "}


def test_a_city_row_is_read_field_by_field_and_trimmed() -> None:
    row = {
        "name": " Busan ",
        "native_name": " 부산 ",
        "country": " South Korea ",
        "relationship": " sister city ",
        "since": " 1995 ",
        "cooperation_areas": "ports; culture",
        "notes": " met in 2019 ",
    }
    city = city_from_row(row)
    assert city == City(
        name="Busan",
        native_name="부산",
        country="South Korea",
        relationship="sister city",
        since=1995,
        cooperation_areas=("ports", "culture"),
        notes="met in 2019",
    )


def test_a_city_row_without_relationship_or_year_takes_the_defaults() -> None:
    city = city_from_row({"name": "Osaka"})
    assert (city.relationship, city.since, city.cooperation_areas) == ("friendship city", None, ())


def test_a_year_that_is_not_one_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"since: 'about 1990' is not a year"):
        city_from_row({"name": "Osaka", "since": "about 1990"})


@pytest.mark.parametrize("answer", ["", "yes", "Y", " true ", "1", "x"])
def test_whole_delegation_yes(answer: str) -> None:
    assert event_from_row(Dataset(), {**EVENT_ROW, "whole_delegation": answer}, 1).whole_delegation is True


@pytest.mark.parametrize("answer", ["no", "N", " FALSE ", "0"])
def test_whole_delegation_no(answer: str) -> None:
    assert event_from_row(Dataset(), {**EVENT_ROW, "whole_delegation": answer}, 1).whole_delegation is False


def test_whole_delegation_neither_yes_nor_no_is_refused() -> None:
    with pytest.raises(ValueError, match=r"'maybe': use yes or no"):
        event_from_row(Dataset(), {**EVENT_ROW, "whole_delegation": "maybe"}, 1)


def test_an_event_row_reads_its_kind_times_and_trimmed_text() -> None:
    row = {**EVENT_ROW, "kind": " Meal ", "venue": " Hall ", "host_contact": " Wang ", "notes": " halal "}
    event = event_from_row(Dataset(), row, 7)
    assert (event.visit_id, event.day, event.start, event.end) == (7, date(2026, 12, 1), time(10), time(12))
    assert (event.title, event.kind, event.venue, event.host_contact, event.notes) == (
        "School visit",
        EventKind.MEAL,
        "Hall",
        "Wang",
        "halal",
    )
    assert event_from_row(Dataset(), EVENT_ROW, 7).kind is EventKind.VISIT  # no kind: a visit


def test_an_unknown_kind_names_the_ones_allowed() -> None:
    with pytest.raises(ValueError, match=r"'banquet' is not one of: visit, meeting, conference, meal"):
        event_from_row(Dataset(), {**EVENT_ROW, "kind": "banquet"}, 1)


def test_a_follow_up_row_reads_its_status_and_due_date() -> None:
    data = Dataset(cities={3: City(id=3, name="Busan")})
    row = {"city": "busan", "text": " Port visit ", "status": "Agreed", "owner": " Li ", "due": "2027-03-01"}
    followup = followup_from_row(data, row)
    assert (followup.city_id, followup.text, followup.owner, followup.due) == (3, "Port visit", "Li", date(2027, 3, 1))
    assert followup.status is FollowUpStatus(row["status"].lower())
    assert followup_from_row(data, {"city": "Busan", "text": "x"}).status is FollowUpStatus.PROPOSED


def test_a_row_with_only_a_name_leaves_every_other_field_empty() -> None:
    """A registration export lacks most columns: what it lacks stays empty, never a stand-in."""
    assert officer_from_row(Dataset(), {"name": " Kim "}) == Officer(name="Kim", role=Role.HOST)
    assert officer_from_row(Dataset(), {"last_name": " Smith "}).name == "Smith"
    assert officer_from_row(Dataset(), {"first_name": " Ana "}).name == "Ana"
    assert officer_from_row(Dataset(), {"first_name": "Ana", "last_name": "Costa"}).name == "Ana Costa"


def test_an_officer_row_is_read_field_by_field_and_trimmed() -> None:
    data = Dataset(cities={3: City(id=3, name="Busan", country="South Korea")})
    row = {
        "name": " Kim Min-jun ",
        "honorific": " Mr ",
        "native_name": " 김민준 ",
        "city": " busan ",
        "title": " Director ",
        "organisation": " Busan City ",
        "role": " Leader ",
        "email": " kim@busan.example ",
        "phone": " +82 10 ",
        "languages": "Korean; English",
        "dietary": " halal ",
        "accessibility": " wheelchair ",
        "arrival": "2026-11-30 14:05",
        "arrival_flight": " KE 123 ",
        "departure": "2026-12-04 18:00",
        "departure_flight": " KE 124 ",
        "hotel": " Hotel A ",
        "room": " 12 ",
        "notes": " vip ",
    }
    assert officer_from_row(data, row) == Officer(
        name="Kim Min-jun",
        honorific="Mr",
        native_name="김민준",
        city_id=3,
        title="Director",
        organisation="Busan City",
        role=Role.LEADER,
        email="kim@busan.example",
        phone="+82 10",
        languages=("Korean", "English"),
        dietary="halal",
        accessibility="wheelchair",
        arrival=Travel(at=datetime(2026, 11, 30, 14, 5), flight="KE 123"),
        departure=Travel(at=datetime(2026, 12, 4, 18, 0), flight="KE 124"),
        hotel="Hotel A",
        room="12",
        notes="vip",
    )
    assert officer_from_row(data, {"name": "Lee", "city": "Busan"}).role is Role.MEMBER  # a city's: a member


def test_an_event_row_without_optional_columns() -> None:
    event = event_from_row(Dataset(), EVENT_ROW, 1)
    assert (event.venue, event.host_contact, event.notes, event.participant_ids, event.speaker_ids) == (
        "",
        "",
        "",
        (),
        (),
    )
    assert event.whole_delegation is True
