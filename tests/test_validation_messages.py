"""Every problem one record can have: the field a form shows it beside, and its exact words."""

from __future__ import annotations

from datetime import date, datetime, time

from liaison_tui.domain.model import City, Event, FollowUp, Officer, Record, Travel, Visit
from liaison_tui.domain.validation import check_record


def _told(record: Record) -> list[tuple[str, str, str]]:
    return [(p.where, p.field, p.message) for p in check_record(record)]


def test_a_visit() -> None:
    visit = Visit(
        name=" ",
        host_city="",
        start_date=date(2026, 12, 1),
        days=0,
        timezone="Mars/Olympus",
        expected_cities=-1,
        expected_officers=-2,
        precedence_ids=(1, 1),
        language="xx",
    )
    assert _told(visit) == [
        ("visit ' '", "name", "name must not be empty"),
        ("visit ' '", "host_city", "host city must not be empty"),
        ("visit ' '", "days", "days must be 1 to 31, not 0"),
        ("visit ' '", "timezone", "unknown time zone 'Mars/Olympus': use an IANA name such as Asia/Shanghai"),
        ("visit ' '", "expected_cities", "expected cities must not be negative"),
        ("visit ' '", "expected_officers", "expected officers must not be negative"),
        ("visit ' '", "precedence_ids", "the order of precedence names an officer twice"),
        ("visit ' '", "language", "unknown language 'xx'"),
    ]
    assert _told(Visit(name="Tour", host_city="Shenzhen", start_date=date(2026, 12, 1), days=31)) == []
    assert _told(Visit(name="Tour", host_city="Shenzhen", start_date=date(2026, 12, 1), days=1)) == []
    month_and_more = Visit(
        name="Tour",
        host_city="Shenzhen",
        start_date=date(2026, 12, 1),
        days=32,
        host_contact="Foreign Affairs Office",
        emergency_contact="call Li",
    )
    assert _told(month_and_more) == [
        ("visit 'Tour'", "days", "days must be 1 to 31, not 32"),
        ("visit 'Tour'", "host_contact", "host contact 'Foreign Affairs Office' has no phone number"),
        ("visit 'Tour'", "emergency_contact", "emergency contact 'call Li' has no phone number"),
    ]


def test_a_city() -> None:
    assert _told(City(name="", timezone="Mars/Olympus", since=99)) == [
        ("city #0", "name", "name must not be empty"),
        ("city #0", "timezone", "unknown time zone 'Mars/Olympus': use an IANA name such as Asia/Shanghai"),
        ("city #0", "since", "since must be a year, not 99"),
    ]
    assert _told(City(name="Busan", timezone="Asia/Seoul", since=2200)) == []
    assert _told(City(name="Busan", since=1000)) == []
    assert _told(City(name="Busan", since=2201)) == [("city 'Busan'", "since", "since must be a year, not 2201")]


def test_an_officer() -> None:
    officer = Officer(
        name="Kim",
        honorific="H" * 41,
        rank=0,
        email="kim.example.kr",
        arrival=Travel(at=datetime(2026, 12, 2, 9)),
        departure=Travel(at=datetime(2026, 12, 1, 9)),
    )
    assert _told(officer) == [
        ("officer 'Kim'", "honorific", "honorific 'HHHHHHHHHHHHHHHHHHHH'… is too long for a form of address"),
        ("officer 'Kim'", "rank", "rank must be 1 or more (1 is highest), not 0"),
        ("officer 'Kim'", "email", "email 'kim.example.kr' has no '@'"),
        ("officer 'Kim'", "departure", "departs before arriving"),
    ]
    assert _told(Officer(name="Kim", honorific="H" * 40, rank=1, email="kim@example.kr")) == []
    through = Travel(at=datetime(2026, 12, 2, 9))  # leaving the minute one arrives is not leaving before
    assert _told(Officer(name="Kim", arrival=through, departure=through)) == []


def test_an_event_and_a_follow_up() -> None:
    talk = Event(
        visit_id=1, day=date(2026, 12, 2), start=time(9), end=time(10), title="", speaker_ids=(1,), speaking_now_id=2
    )
    assert _told(talk) == [
        ("event #0", "title", "title must not be empty"),
        ("event #0", "speaking_now_id", "the officer speaking now is not a speaker"),
    ]
    assert _told(FollowUp(city_id=1, text=" ")) == [("follow-up ' '", "text", "text must not be empty")]
