"""Synthetic data for trying the app at scale: ``liaison-tui demo``.

Everything here is made up and labelled so in the file (the visit's name and
notes), deterministic for a given seed so benchmarks compare like with like.
Some names carry Chinese, Japanese or Korean script to exercise wide text.
The current visit also has what the event-day features need (``demo_day``):
flights shared by several officers, meals and dietary needs, an airport
transfer with buses, cities' real time zones, and roll-calls already taken.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from liaison_tui.domain.demo_day import (
    ACCESSIBILITY,
    DIETS,
    ZONES,
    arrival_events,
    checkins,
    flight_plan,
    welcome_dinner,
)
from liaison_tui.domain.edits import Edit, added
from liaison_tui.domain.model import (
    City,
    Event,
    EventKind,
    FollowUp,
    FollowUpStatus,
    Gift,
    GiftDirection,
    InterpreterAssignment,
    Officer,
    Record,
    Role,
    Visit,
)

SYNTHETIC = "SYNTHETIC DATA made by `liaison-tui demo`: no real people, cities or events."

_SYLLABLES = "ka lo mi ra ten su vel an dor bri mar nes to lin ha ru sel gar fen ok".split()
_GIVEN = "Ana Ben Chen Dara Eli Femi Goran Hana Ivo Jun Kai Lena Mei Nils Omar Pia Ravi Sora Tomas Yuki".split()
_FAMILY = "Abe Berg Costa Diaz Eriksen Fujita Garcia Hughes Ito Jensen Kim Lee Moreau Novak Park Rossi Sato Tan".split()
_NATIVE = ["김민준", "이서연", "佐藤花子", "鈴木一郎", "王伟", "李娜", "박지훈", "田中健"]
_AREAS = ["trade", "education", "tourism", "innovation", "culture", "health", "sport"]
_TITLES = ["Liaison officer", "Protocol officer", "Head of International Relations", "Interpreter", "Adviser"]
_ACTIVITIES = [
    ("Welcome meeting", EventKind.MEETING),
    ("School visit", EventKind.VISIT),
    ("Library visit", EventKind.VISIT),
    ("Company visit", EventKind.VISIT),
    ("Coach transfer", EventKind.TRANSPORT),
    ("Free afternoon", EventKind.FREE),
]
# Each day: three activities around lunch.
_SLOTS = [(time(9, 0), time(10, 30)), (time(11, 0), time(12, 15)), (time(14, 30), time(16, 30))]
_LUNCH = (time(12, 30), time(13, 45))


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"


def _cities(rng: random.Random, count: int, countries: int) -> list[City]:
    country_names = [f"{_word(rng, 2)}ia" for _ in range(countries)]
    return [
        City(
            id=i + 1,
            name=f"{_word(rng, rng.randint(2, 3))} {i + 1}",
            country=country_names[i % countries],
            since=rng.randint(1980, 2024),
            cooperation_areas=tuple(rng.sample(_AREAS, 2)),
            timezone=ZONES[i % len(ZONES)],
            notes=SYNTHETIC,
        )
        for i in range(count)
    ]


def _needs(rng: random.Random, choices: list[str]) -> str:
    need = rng.choice(choices)
    if need and rng.random() < 0.1:  # a few people have two
        other = rng.choice(choices)
        return f"{need}, {other}" if other and other != need else need
    return need


def _officers(rng: random.Random, count: int, cities: list[City], start: date, days: int) -> list[Officer]:
    flights = flight_plan(rng, cities, start, days)
    officers = []
    for i in range(count):
        city = cities[i % len(cities)]
        arrival, departure = flights(city, i >= count - 2)  # the last two land late
        officers.append(
            Officer(
                id=i + 1,
                name=person_name(rng),
                native_name=rng.choice(_NATIVE) if rng.random() < 0.2 else "",
                city_id=city.id,
                title=rng.choice(_TITLES),
                organisation=f"{city.name} City Government",
                role=Role.LEADER if i < len(cities) else Role.MEMBER,
                email=f"officer{i + 1}@example.org",
                phone=f"+00 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                languages=("Korean",) if i % 50 == 49 else ("English",),  # a few need a Korean interpreter
                dietary=_needs(rng, DIETS),
                accessibility=_needs(rng, ACCESSIBILITY),
                arrival=arrival,
                departure=departure,
                hotel=f"Hotel {rng.randint(1, 12)}",
                room=str(rng.randint(100, 999)),
            )
        )
    return officers


def _events(rng: random.Random, visit: Visit, first_id: int, officers: list[Officer]) -> list[Event]:
    events: list[Event] = []
    add = events.append
    for day in visit.dates:
        activities = rng.sample(_ACTIVITIES, len(_SLOTS))
        for (start, end), (title, kind) in zip(_SLOTS[:2], activities, strict=False):
            add(Event(id=0, visit_id=visit.id, day=day, start=start, end=end, title=title, kind=kind))
        add(Event(id=0, visit_id=visit.id, day=day, start=_LUNCH[0], end=_LUNCH[1], title="Lunch", kind=EventKind.MEAL))
        title, kind = activities[2]
        add(Event(id=0, visit_id=visit.id, day=day, start=_SLOTS[2][0], end=_SLOTS[2][1], title=title, kind=kind))
    current = visit.id == 1
    speakers = tuple(o.id for o in officers if o.role is Role.LEADER)
    add(
        Event(
            visit_id=visit.id,
            day=visit.end_date,
            start=time(17, 0),
            end=time(19, 0),
            title="Liaison conference",
            kind=EventKind.CONFERENCE,
            venue="Conference hall",
            speaker_ids=speakers if current else (),
        )
    )
    if current:  # the event-day extras, for the visit the app shows
        for event in [*arrival_events(rng, visit, officers), welcome_dinner(visit)]:
            add(event)
    ordered = sorted(events, key=lambda e: (e.day, e.start))
    return [
        dataclasses.replace(e, id=first_id + n, venue=e.venue or f"Venue {rng.randint(1, 40)}")
        for n, e in enumerate(ordered)
    ]


def generate(cities: int, officers: int, days: int, past_visits: int = 0, seed: int = 1) -> list[Edit]:
    """Edits that fill an empty store with a synthetic visit (and past ones)."""
    rng = random.Random(seed)
    start = date(2026, 12, 1)
    city_records = _cities(rng, cities, max(1, min(53, cities)))
    officer_records = _officers(rng, officers, city_records, start, days)
    visits = [
        Visit(
            id=1,
            name="Synthetic liaison visit",
            host_city="Synthetic host city",
            organiser="Synthetic foreign affairs office",
            start_date=start,
            days=days,
            timezone="Asia/Shanghai",
            expected_cities=cities,
            expected_officers=officers,
            notes=SYNTHETIC,
            language="zh",
        )
    ]
    for n in range(past_visits):
        visits.append(
            Visit(
                id=n + 2,
                name=f"Synthetic past visit {n + 1}",
                host_city="Synthetic host city",
                start_date=start - timedelta(days=30 * (n + 1)),
                days=days,
                timezone="Asia/Shanghai",
                notes=SYNTHETIC,
            )
        )
    event_records: list[Event] = []
    for visit in visits:
        event_records += _events(rng, visit, len(event_records) + 1, officer_records)
    followups = [
        FollowUp(
            id=i + 1,
            city_id=city.id,
            text=f"Explore {area} cooperation with {city.name}",
            area=area,
            status=rng.choice(list(FollowUpStatus)),
        )
        for i, (city, area) in enumerate((c, c.cooperation_areas[0]) for c in city_records)
    ]
    # The roll was called on the buses and at the pick-up of the first morning: "who is missing from the bus?"
    # (one roll of everyone: a roll at every event would add 10,000 records per event to a 10,000-officer file).
    called = [e for e in event_records if e.visit_id == 1 and e.day == start and e.kind is EventKind.TRANSPORT]
    calls = checkins(rng, [e for e in called if e.ends_at <= _morning(start)], officer_records)
    event_records = _with_interpreters(event_records, start)
    records: list[Record] = [*visits, *city_records, *officer_records, *event_records, *followups, *calls]
    records += _gifts(city_records, start, len(officer_records))
    return [added(record) for record in records]


def _with_interpreters(events: list[Event], first_day: date) -> list[Event]:
    """The current visit's events interpreted zh-en and zh-ko, but for the welcome dinner's Korean."""
    english = InterpreterAssignment(languages=("zh", "en"), interpreter="Synthetic interpreter A")
    korean = InterpreterAssignment(languages=("zh", "ko"), interpreter="Synthetic interpreter B")
    interpreted = []
    for event in events:
        if event.visit_id == 1 and event.kind not in (EventKind.TRANSPORT, EventKind.FREE):
            pairs = (english,) if event.kind is EventKind.MEAL and event.day == first_day else (english, korean)
            event = dataclasses.replace(event, interpreters=pairs)
        interpreted.append(event)
    return interpreted


_CURRENCIES = ["EUR", "USD", "JPY", "KRW"]


def _gifts(cities: list[City], start: date, officers: int) -> list[Gift]:
    """Per city: the host's gift to its leader, and the city's gift to the host (a third not yet declared)."""
    gifts: list[Gift] = []
    for n, city in enumerate(cities):
        leader = n + 1 if n < officers else None  # the first officers made lead the cities, in city order
        gifts.append(
            Gift(
                id=len(gifts) + 1,
                direction=GiftDirection.GIVEN,
                description="Synthetic porcelain vase",
                city_id=city.id,
                officer_id=leader,
                day=start,
                amount=Decimal("500"),
                currency="CNY",
                custody="With the delegation",
                declared=True,
                notes=SYNTHETIC,
            )
        )
        gifts.append(
            Gift(
                id=len(gifts) + 1,
                direction=GiftDirection.RECEIVED,
                description=f"Synthetic {city.name} book of photographs",
                city_id=city.id,
                officer_id=leader,
                day=start + timedelta(days=n % 3),
                amount=Decimal(40 + 5 * (n % 20)),
                currency=_CURRENCIES[n % len(_CURRENCIES)],
                custody="Protocol office store room",
                declared=n % 3 != 0,
                notes=SYNTHETIC,
            )
        )
    return gifts


def _morning(day: date) -> datetime:
    """Roll-calls are already taken at the events of the first morning."""
    return datetime.combine(day, time(12, 30))
