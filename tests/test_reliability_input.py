"""Hostile and unusual text: stored exactly, shown literally, exported validly."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from liaison_tui.domain.edits import added
from liaison_tui.domain.kinds import SPREADSHEET_KINDS, kind_of
from liaison_tui.domain.model import City, Event, FollowUp, Gift, Officer, Visit
from liaison_tui.reports import summaries
from liaison_tui.reports.calendar import itinerary_calendar
from liaison_tui.reports.display import BIDI_CONTROLS, pictures, visible
from liaison_tui.spreadsheets.columns import FORMULA_STARTS, restore
from liaison_tui.spreadsheets.exporting import table_csv
from liaison_tui.store import codec
from liaison_tui.store.store import Store
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import detail_followed, make_app

NASTY = [
    "[bold]Kim[/]",
    "[/]",
    "[/x]",
    "[link=https://example.org]click[/link]",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "bell\x07 back\x08 null\x00 del\x7f",
    "C1 \x85\x9b",
    "עברית ومرحبا",  # right-to-left
    "Taylor \u202effurdooW \u2067isolated\u2069",  # bidi override and isolate: could disguise a name
    "👩‍👩‍👧‍👦 🇳🇿",  # emoji with joiners and flags
    "e\u0301\u0302\u0303",  # combining marks
    "김민준 佐藤花子 王伟",
    "=cmd|' /C calc'!A0",
    "+1 404 555",
    "-2+3",
    "@SUM(A1)",
    "\tTabbed",
    "line one\nline two\r\n",
    "x" * 10_000,
    "",
]
hostile_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=200))


def every_text_field(text: str) -> dict[str, object]:
    return {
        "name": text,
        "native_name": text,
        "title": text,
        "organisation": text,
        "email": "",
        "phone": text,
        "dietary": text,
        "accessibility": text,
        "hotel": text,
        "room": text,
        "notes": text,
    }


@given(hostile_text)
def test_pictures_keep_positions_and_leave_no_control_character(text: str) -> None:
    shown = pictures(text)  # what an edit form shows: the cursor must stay where the user thinks
    assert len(shown) == len(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or ord(c) in BIDI_CONTROLS for c in shown)


def test_a_right_to_left_override_cannot_disguise_a_name() -> None:
    disguised = "Taylor \u202effurdooW"  # shows as "Taylor Woodruff" where bidi controls act
    assert visible(disguised) == "Taylor ⇆ffurdooW"
    assert pictures("a\u2067b\u2069c") == "a⇆b⇆c"


@settings(max_examples=200, deadline=None)
@given(hostile_text, hostile_text)
def test_store_round_trip_is_exact(first: str, second: str) -> None:
    officer = Officer(id=3, **every_text_field(first), languages=(first, second))  # type: ignore[arg-type]
    city = City(id=1, name=second or "x", native_name=first, country=second, cooperation_areas=(first,), notes=second)
    for record in (officer, city):
        assert codec.from_document(kind_of(record), record.id, codec.to_document(record)) == record


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text)
def test_json_file_round_trip_is_exact(tmp_path: Path, text: str) -> None:
    path = tmp_path / f"round-{abs(hash(text))}.json"
    store = Store.open(path)
    [edit] = store.commit([added(Officer(**every_text_field(named(text, "x"))))]).edits  # type: ignore[arg-type]
    assert Store.open(path, read_only=True).data.officers[edit.record.id] == edit.after


def named(text: str, fallback: str) -> str:
    """``text`` where a name is required, unless it is blank (names may not be)."""
    return text if text.strip() else fallback


def hostile_store(text: str) -> Store:
    store = Store.in_memory()
    [visit] = store.commit(
        [added(Visit(name=named(text, "v"), host_city=named(text, "h"), start_date=date(2026, 12, 1)))]
    ).edits
    [city] = store.commit([added(City(name=named(text, "c"), country=text))]).edits
    assert visit.after is not None and city.after is not None
    [officer] = store.commit([added(Officer(**every_text_field(named(text, "o")), city_id=city.after.id))]).edits  # type: ignore[arg-type]
    assert officer.after is not None
    store.commit(
        [
            added(
                Event(
                    visit_id=visit.after.id,
                    day=date(2026, 12, 1),
                    start=time(9),
                    end=time(10),
                    title=named(text, "e"),
                    venue=text,
                    host_contact=text,
                    notes=text,
                    speaker_ids=(officer.after.id,),
                )
            ),
            added(FollowUp(city_id=city.after.id, text=named(text, "f"), area=text, owner=text)),
            added(Gift(city_id=city.after.id, description=named(text, "g"), custody=text, notes=text)),
        ]
    )
    return store


@settings(max_examples=100, deadline=None)
@given(hostile_text)
def test_exports_stay_valid(text: str) -> None:
    store = hostile_store(text)
    visit = store.current_visit()
    assert visit is not None
    for kind in SPREADSHEET_KINDS:
        written = table_csv(store.data, kind)
        rows = list(csv.reader(io.StringIO(written, newline="")))
        assert len(rows) == 2  # the header and the one record, however nasty its text
        for cell in rows[1]:
            assert not cell.startswith(FORMULA_STARTS)
        assert text.replace("\r\n", "\n") in [restore(cell).replace("\r\n", "\n") for cell in rows[1]] or not text
    ics = itinerary_calendar(store.data, visit, "file")
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    # RFC 5545 text holds no control character but tab (line breaks travel escaped and come back).
    title = named(text, "e")
    allowed = "".join(c for c in title if c in "\t\n" or not (ord(c) < 32 or 127 <= ord(c) < 160))
    assert str(event["summary"]) == allowed
    for part in [p for s in summaries.SUMMARIES for p in s.build(store.data, visit, None)]:
        from rich.console import Console

        console = Console(file=io.StringIO(), width=100)
        console.print(part)
        assert "\x1b" not in console.file.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=50, deadline=None)
@given(hostile_text)
def test_meal_and_flight_lists_stay_valid(text: str) -> None:
    """Hostile needs, flights, vehicles and drivers through the meals and arrivals lists and summaries."""
    import dataclasses
    from datetime import datetime

    from rich.console import Console

    from liaison_tui.domain.edits import changed
    from liaison_tui.domain.model import EventKind, Travel, Vehicle
    from liaison_tui.reports import arrivals, meals
    from liaison_tui.spreadsheets.handouts import arrivals_csv, meals_csv

    store = hostile_store(text)
    visit = store.current_visit()
    assert visit is not None
    [officer] = store.data.officers.values()
    vehicle = Vehicle(name=named(text, "b"), driver=text, phone=text, rider_ids=(officer.id,))
    travelling = dataclasses.replace(officer, arrival=Travel(at=datetime(2026, 12, 1, 7), flight=text))
    meal = Event(visit_id=visit.id, day=date(2026, 12, 1), start=time(12), end=time(13), title=named(text, "m"))
    store.commit(
        [
            changed(officer, travelling),
            added(dataclasses.replace(meal, kind=EventKind.MEAL)),
            added(dataclasses.replace(meal, kind=EventKind.TRANSPORT, start=time(7), end=time(8), vehicles=(vehicle,))),
        ]
    )
    for written in (meals_csv(store.data, visit), arrivals_csv(store.data, visit)):
        rows = list(csv.reader(io.StringIO(written, newline="")))
        assert len(rows) >= 2
        assert not any(cell.startswith(FORMULA_STARTS) for row in rows[1:] for cell in row)
    console = Console(file=io.StringIO(), width=100)
    for part in [*meals.meals(store.data, visit), *arrivals.arrivals(store.data, visit)]:
        console.print(part)
    assert "\x1b" not in console.file.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.sampled_from(NASTY[:-1]) | st.text(min_size=1, max_size=60))
async def test_screens_show_hostile_text_literally(sample_file: Path, text: str) -> None:
    store = Store.open(sample_file)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    text = named(text, "x")
    [edit] = store.commit([added(Officer(**every_text_field(text), city_id=atlanta.id))]).edits  # type: ignore[arg-type]
    app = make_app(sample_file)
    async with app.run_test(size=(120, 40)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        officers.select_id(edit.record.id)
        await detail_followed(pilot)
        shown = officers.cells_of(edit.record.id)[0]
        assert shown == visible(text)
        detail = str(app.screen.query_one("#detail-body").visual)
        assert visible(text, multiline=True).splitlines()[0] in detail
        for keys in (["enter"], ["escape", "e"], ["escape", "s"], ["escape", "question_mark"]):
            await pilot.press(*keys)
            await pilot.pause()
            drawn = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
            controls = {c for c in drawn if c != "\n" and unicodedata.category(c) == "Cc"}
            assert not controls, (keys, type(app.screen).__name__)  # nothing reaches the terminal raw
            if keys == ["enter"]:  # the detail screen shows the name, as its picture
                assert visible(text)[:6] in drawn.replace("\n", ""), drawn
        await pilot.press("escape")
    Store.open(sample_file).commit([])  # the file is still sound
