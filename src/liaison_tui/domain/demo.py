"""Synthetic data for trying the app at scale: ``liaison-tui demo``.

Everything here is made up and labelled so in the file (the visit's name and
notes), deterministic for a given seed so benchmarks compare like with like.
Some names carry Chinese, Japanese or Korean script to exercise wide text.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from liaison_tui.domain.edits import Edit, added
from liaison_tui.domain.model import (
    City,
    Event,
    EventKind,
    FollowUp,
    FollowUpStatus,
    Officer,
    Record,
    Role,
    Travel,
    Visit,
)

SYNTHETIC = "SYNTHETIC DATA made by `liaison-tui demo`: no real people, cities or events."

_SYLLABLES = "ka lo mi ra ten su vel an dor bri mar nes to lin ha ru sel gar fen ok".split()
_GIVEN = "Ana Ben Chen Dara Eli Femi Goran Hana Ivo Jun Kai Lena Mei Nils Omar Pia Ravi Sora Tomas Yuki".split()
_FAMILY = "Abe Berg Costa Diaz Eriksen Fujita Garcia Hughes Ito Jensen Kim Lee Moreau Novak Park Rossi Sato Tan".split()
_NATIVE = ["김민준", "이서연", "佐藤花子", "鈴木一郎", "王伟", "李娜", "박지훈", "田中健"]
_AREAS = ["trade", "education", "tourism", "innovation", "culture", "health", "sport"]
_TITLES = ["Liaison officer", "Protocol officer", "Head of International Relations", "Interpreter", "Adviser"]
_DIETS = ["", "", "", "vegetarian", "halal", "no pork", "vegan", "nut allergy"]
_ACTIVITIES = [
    ("Welcome meeting", EventKind.MEETING),
    ("School visit", EventKind.VISIT),
    ("Library visit", EventKind.VISIT),
    ("Company visit", EventKind.VISIT),
    ("Lunch", EventKind.MEAL),
    ("Coach transfer", EventKind.TRANSPORT),
    ("Free afternoon", EventKind.FREE),
    ("Liaison conference", EventKind.CONFERENCE),
]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _cities(rng: random.Random, count: int, countries: int) -> list[City]:
    country_names = [f"{_word(rng, 2)}ia" for _ in range(countries)]
    return [
        City(
            id=i + 1,
            name=f"{_word(rng, rng.randint(2, 3))} {i + 1}",
            country=country_names[i % countries],
            since=rng.randint(1980, 2024),
            cooperation_areas=tuple(rng.sample(_AREAS, 2)),
            notes=SYNTHETIC,
        )
        for i in range(count)
    ]


def _officers(rng: random.Random, count: int, cities: list[City], start: date) -> list[Officer]:
    officers = []
    for i in range(count):
        city = cities[i % len(cities)]
        arrival = datetime.combine(start - timedelta(days=1), time(rng.randint(6, 22), rng.choice((0, 15, 30, 45))))
        name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        officers.append(
            Officer(
                id=i + 1,
                name=name,
                native_name=rng.choice(_NATIVE) if rng.random() < 0.2 else "",
                city_id=city.id,
                title=rng.choice(_TITLES),
                organisation=f"{city.name} City Government",
                role=Role.LEADER if i < len(cities) else Role.MEMBER,
                email=f"officer{i + 1}@example.org",
                phone=f"+00 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                languages=("English",),
                dietary=rng.choice(_DIETS),
                arrival=Travel(at=arrival, flight=f"XX{rng.randint(100, 999)}"),
                departure=Travel(at=arrival + timedelta(days=5), flight=f"XX{rng.randint(100, 999)}"),
                hotel=f"Hotel {rng.randint(1, 12)}",
                room=str(rng.randint(100, 999)),
            )
        )
    return officers


def _events(rng: random.Random, visit: Visit, first_id: int, officers: list[Officer]) -> list[Event]:
    events: list[Event] = []
    for day in visit.dates:
        for slot, (title, kind) in enumerate(rng.sample(_ACTIVITIES[:-1], 4)):
            events.append(
                Event(
                    id=first_id + len(events),
                    visit_id=visit.id,
                    day=day,
                    start=time(9 + slot * 2, 0),
                    end=time(10 + slot * 2, 30),
                    title=title,
                    kind=kind,
                    venue=f"Venue {rng.randint(1, 40)}",
                )
            )
    speakers = tuple(o.id for o in officers if o.role is Role.LEADER)
    events.append(
        Event(
            id=first_id + len(events),
            visit_id=visit.id,
            day=visit.end_date,
            start=time(17, 0),
            end=time(19, 0),
            title="Liaison conference",
            kind=EventKind.CONFERENCE,
            venue="Conference hall",
            speaker_ids=speakers if visit.id == 1 else (),
        )
    )
    return events


def generate(cities: int, officers: int, days: int, past_visits: int = 0, seed: int = 1) -> list[Edit]:
    """Edits that fill an empty store with a synthetic visit (and past ones)."""
    rng = random.Random(seed)
    start = date(2026, 12, 1)
    city_records = _cities(rng, cities, max(1, min(53, cities)))
    officer_records = _officers(rng, officers, city_records, start)
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
    records: list[Record] = [*visits, *city_records, *officer_records, *event_records, *followups]
    return [added(record) for record in records]
