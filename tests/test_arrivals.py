"""Arrivals and departures by flight, pick-ups from transfers' vehicles, and travel conflicts."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from liaison_tui.cli.main import main
from liaison_tui.domain import schedule
from liaison_tui.domain.conflicts import find_conflicts
from liaison_tui.domain.demo import generate
from liaison_tui.domain.edits import Edit, added, changed
from liaison_tui.domain.flights import Direction, by_flight
from liaison_tui.domain.model import Event, EventKind, Travel, Vehicle
from liaison_tui.reports import arrivals, summaries
from liaison_tui.spreadsheets.handouts import ARRIVALS_HEADER, arrivals_csv
from liaison_tui.store.store import Store

LANDING = datetime(2026, 11, 30, 14, 5)


def _travel(store: Store, name: str, arrival: Travel | None = None, departure: Travel | None = None) -> Edit:
    officer = next(o for o in store.data.officers.values() if o.name == name)
    updated = dataclasses.replace(officer, arrival=arrival, departure=departure, hotel=f"Hotel {name[0]}")
    return changed(officer, updated)


def _transfer(store: Store, title: str, day: date, start: int, vehicles: tuple[Vehicle, ...], **more: Any) -> Edit:
    visit = store.current_visit()
    assert visit is not None
    event = Event(
        visit_id=visit.id,
        day=day,
        start=time(start),
        end=time(start + 1),
        title=title,
        kind=EventKind.TRANSPORT,
        vehicles=vehicles,
    )
    return added(dataclasses.replace(event, **more))


@pytest.fixture
def airport(sample_file: Path) -> Store:
    """Two flights land at 14:05: MH376 (spelled two ways) and CA123; a transfer meets them at 14:00."""
    store = Store.open(sample_file)
    ids = {o.name: o.id for o in store.data.officers.values()}
    bus = Vehicle(name="Bus 1", driver="Wang Li", phone="+86 138 0000 0000", rider_ids=(ids["Henri Kahonen"],))
    car = Vehicle(name="Car A", driver="Li Wei", phone="+86 139 1111 1111", rider_ids=(ids["Taylor Woodruff"],))
    early = Vehicle(name="Van 0", rider_ids=(ids["Henri Kahonen"],))
    store.commit(
        [
            _travel(store, "Henri Kahonen", Travel(at=LANDING, flight="MH376")),
            _travel(store, "Duncan Sandeman", Travel(at=LANDING, flight="mh 376")),
            _travel(store, "Taylor Woodruff", Travel(at=LANDING, flight="CA123"), Travel(at=datetime(2026, 12, 5, 9))),
            _transfer(store, "Morning run", LANDING.date(), 9, (early,)),  # over before they land
            _transfer(store, "Airport pick-up", LANDING.date(), 14, (bus, car)),
        ]
    )
    return store


def test_flights_at_the_same_minute_stay_apart_and_pickups_come_from_vehicles(airport: Store) -> None:
    groups = by_flight(airport.data, airport.current_visit(), Direction.ARRIVAL)
    assert [(g.flight, g.at) for g in groups] == [("CA123", LANDING), ("MH376", LANDING)]
    ca, mh = groups
    assert [t.officer.name for t in mh.travellers] == ["Duncan Sandeman", "Henri Kahonen"]  # by city
    pickups = {t.officer.name: t.pickup for t in [*ca.travellers, *mh.travellers]}
    assert pickups["Duncan Sandeman"] is None  # in no vehicle
    kahonen, woodruff = pickups["Henri Kahonen"], pickups["Taylor Woodruff"]
    assert kahonen is not None and woodruff is not None
    assert (kahonen.transfer.title, kahonen.vehicle.name, kahonen.vehicle.phone) == (
        "Airport pick-up",
        "Bus 1",
        "+86 138 0000 0000",
    )
    assert (woodruff.vehicle.name, woodruff.vehicle.driver) == ("Car A", "Li Wei")
    departures = by_flight(airport.data, airport.current_visit(), Direction.DEPARTURE)
    assert [(g.flight, [t.officer.name for t in g.travellers]) for g in departures] == [("", ["Taylor Woodruff"])]


def test_arrivals_summary_and_csv(airport: Store, sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "arrivals" in summaries.BY_NAME
    console = Console(width=220, record=True, file=io.StringIO())
    for part in arrivals.arrivals(airport.data, airport.current_visit()):
        console.print(part)
    text = console.export_text()
    assert "2 flights, 3 officers; 1 without a pick-up" in text
    mh376 = text[text.index("MH376 (2)") :].split("├")[0]  # the flight's row, its lines
    assert "Duncan Sandeman (Christchurch) · Hotel D" in mh376 and "Henri Kahonen (Helsinki) · Hotel H" in mh376
    assert "Airport pick-up 14:00: Bus 1, driver Wang Li +86 138 0000 0000: Henri Kahonen" in mh376
    assert "no pick-up: Duncan Sandeman" in mh376
    assert "CA123 (1)" in text and "no flight given (1)" in text

    visit = airport.current_visit()
    assert visit is not None
    rows = list(csv.reader(io.StringIO(arrivals_csv(airport.data, visit))))
    assert rows[0] == ARRIVALS_HEADER
    assert [(r[0], r[3], r[4], r[9], r[11]) for r in rows[1:]] == [
        ("arrival", "CA123", "Taylor Woodruff", "Car A", "'+86 139 1111 1111"),  # "+" would start a formula
        ("arrival", "MH376", "Duncan Sandeman", "", ""),
        ("arrival", "MH376", "Henri Kahonen", "Bus 1", "'+86 138 0000 0000"),
        ("departure", "", "Taylor Woodruff", "", ""),
    ]
    assert main(["--db", str(sample_file), "export", "arrivals"]) == 0
    assert "Henri Kahonen" in capsys.readouterr().out


def test_officers_who_land_late_or_leave_early_are_conflicts(sample_file: Path) -> None:
    store = Store.open(sample_file)
    ids = {o.name: o.id for o in store.data.officers.values()}
    pick_up = Vehicle(name="Car B", rider_ids=(ids["Taylor Woodruff"],))
    store.commit(
        [
            # After the school visit (Tue 10:00) has started: late for it, not for later events.
            _travel(store, "Taylor Woodruff", Travel(at=datetime(2026, 12, 1, 11))),
            # Landing at the very minute it starts is not after it.
            _travel(store, "Duncan Sandeman", Travel(at=datetime(2026, 12, 1, 10))),
            # Leaves before the conference (Fri 9:00-12:00) ends.
            _travel(store, "Henri Kahonen", departure=Travel(at=datetime(2026, 12, 4, 11), flight="AY88")),
            # Host staff: only the conference, where she is named; her arrival is after the school visit.
            _travel(store, "Tang Lixia", Travel(at=datetime(2026, 12, 1, 11)), Travel(at=datetime(2026, 12, 4, 10))),
            # Woodruff's own pick-up starts before he lands: it meets him, it is not late.
            _transfer(
                store,
                "Airport pick-up",
                date(2026, 12, 1),
                10,
                (pick_up,),
                whole_delegation=False,
                participant_ids=(ids["Taylor Woodruff"],),
            ),
        ]
    )
    visit = store.current_visit()
    assert visit is not None
    found = [c for c in find_conflicts(store.data, visit) if c.kind in ("arrives after", "leaves before")]
    titles = {e.id: e.title for e in store.data.events.values()}
    names = {o.id: o.name for o in store.data.officers.values()}
    assert sorted((c.kind, titles[c.event_ids[0]], names[c.officer_ids[0]]) for c in found) == [
        ("arrives after", "Visit to a local school", "Taylor Woodruff"),
        ("leaves before", "Liaison conference", "Henri Kahonen"),
        ("leaves before", "Liaison conference", "Tang Lixia"),
    ]
    late = next(c for c in found if c.kind == "arrives after")
    assert late.message == (
        "Taylor Woodruff arrives after 'Visit to a local school' starts "
        "(lands 2026-12-01 11:00; it starts 2026-12-01 10:00)"
    )


def test_travel_conflicts_at_scale_name_every_late_officer_once_per_event() -> None:
    """10,000 officers, one in 300 landing late on the second day (the time it takes is in the benchmarks)."""
    store = Store.in_memory()
    store.commit(generate(cities=83, officers=10_000, days=4))
    visit = store.current_visit()
    assert visit is not None
    lands = datetime(2026, 12, 2, 23, 30)
    late = [
        changed(o, dataclasses.replace(o, arrival=Travel(at=lands))) for o in list(store.data.officers.values())[::300]
    ]
    store.commit(late)
    data = store.data
    expected = {
        (e.id, edit.record.id)
        for edit in late
        for e in schedule.visit_events(data, visit)
        if schedule.takes_part(data, e, edit.record.id)
        and e.starts_at < lands
        and not any(edit.record.id in v.rider_ids for v in e.vehicles)  # their own pick-up
    }
    found = find_conflicts(data, visit)
    late_ids = {edit.record.id for edit in late}  # the demo has two latecomers of its own
    flagged = {(c.event_ids[0], c.officer_ids[0]) for c in found if c.kind == "arrives after"}
    assert {pair for pair in flagged if pair[1] in late_ids} == expected and len(expected) >= len(late) * 4
