"""Pilot tests: validation in forms, conflicts, reloads, failed saves, hostile names."""

from __future__ import annotations

import dataclasses
import os
from datetime import time
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from liaison_tui import launcher as cli
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import City, Event, EventKind, Officer
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.dialogs.confirm import DiscardDialog
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.dialogs.stale_edit import StaleEditPanel
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import detail_followed, make_app


def error_text(app: LiaisonApp, field: str) -> str:
    return str(app.screen.query_one(f"#error-{field}", Static).visual)


async def set_field(app: LiaisonApp, field: str, text: str) -> None:
    app.screen.query_one(f"#field-{field}", Input).value = text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("start", "25:00", "bad time '25:00'"),
        ("end", "09:00", "ends when it starts 09:00"),
        ("end", "08:00", "ends 08:00 before it starts 09:00 (an end after midnight is allowed up to 12 h on)"),
        ("day", "2026-12-09", "outside the visit"),
        ("day", "2026-02-30", "bad date"),
        ("title", "", "title must not be empty"),
        ("speaker_ids", "Nobody Known", "unknown officer 'Nobody Known'"),
    ],
)
async def test_event_form_shows_errors_next_to_the_field(
    sample_file: Path, field: str, value: str, message: str
) -> None:
    before = sample_file.read_bytes()
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "e")  # edit the conference
        await set_field(app, field, value)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)  # still open, nothing lost
        assert message in error_text(app, field)
        assert app.focused is app.screen.query_one(f"#field-{field}")
        assert app.screen.query_one(f"#field-{field}", Input).value == value
    assert sample_file.read_bytes() == before


async def test_escape_cancels_a_form_once_the_user_says_discard(sample_file: Path) -> None:
    before = sample_file.read_bytes()
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Someone", "escape")
        assert isinstance(app.screen, DiscardDialog)  # something was typed: asked first
        await pilot.press("d")
        assert isinstance(app.screen, MainScreen)
    assert sample_file.read_bytes() == before


async def test_failed_save_keeps_the_form_and_says_why(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Kim")

        def disk_full(descriptor: int) -> None:  # the real store's save meets a full disk
            raise OSError(28, "No space left on device")

        before = sample_file.read_bytes()
        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("ctrl+s")
        await pilot.pause()
        monkeypatch.undo()
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-name", Input).value == "Kim"
        said = [str(n.message) for n in app._notifications]
        assert any("No space left on device" in m and "unchanged" in m for m in said), said
        assert sample_file.read_bytes() == before


async def test_conflicts_are_flagged(sample_file: Path) -> None:
    store = Store.open(sample_file)
    visit = next(iter(store.data.visits.values()))
    kahonen = next(o for o in store.data.officers.values() if o.name == "Henri Kahonen")
    clash = Event(
        visit_id=visit.id,
        day=visit.end_date,
        start=time(11, 0),
        end=time(13, 0),
        title="Press interview",
        kind=EventKind.MEETING,
        whole_delegation=False,
        participant_ids=(kahonen.id,),
    )
    outside = dataclasses.replace(clash, day=visit.end_date.replace(day=20), title="Stray event", participant_ids=())
    conference = next(e for e in store.data.events.values() if e.title == "Liaison conference")
    store.commit([added(clash), added(outside)])
    store.commit([changed(conference, dataclasses.replace(conference, participant_ids=()))])  # Tang no longer listed
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        officers.select_id(kahonen.id)
        await pilot.pause()
        assert officers.cells_of(kahonen.id)[0].startswith("⚠")
        await pilot.press("n")
        await pilot.pause()
        await detail_followed(pilot)  # the panel follows the cursor a frame later
        detail = str(app.screen.query_one("#detail-body").visual)
        assert "Henri Kahonen is in 'Liaison conference' and 'Press interview' at once" in detail
        assert "Tang Lixia speaks at 'Liaison conference' but is not among its participants" in detail
        conflicts = {c.kind for c in app.screen.conflicts}  # type: ignore[attr-defined]
        assert conflicts == {"double-booked", "outside visit", "speaker not taking part"}


async def test_change_by_another_instance_is_reloaded(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        cities = app.screen.query_one("#cities", RecordTable)
        assert cities.row_count == 3
        other = Store.open(sample_file)
        other.author = "Li"
        other.commit([added(City(name="Busan", country="South Korea"))])
        for _ in range(30):
            await pilot.pause(0.1)
            if cities.row_count == 4:
                break
        assert cities.row_count == 4
        assert any(str(n.message) == "Li added city Busan" for n in app._notifications)  # who changed what


async def test_edit_of_a_record_changed_elsewhere_is_refused_and_shown(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        await pilot.press("e")
        assert isinstance(app.screen, RecordForm)
        other = Store.open(sample_file)
        current = other.data.officers[officers.current_id]  # type: ignore[index]
        other.commit([changed(current, dataclasses.replace(current, phone="+1 404"))])
        await set_field(app, "phone", "+1 555")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StaleEditPanel)  # what they changed, and the ways on
        await pilot.press("escape")  # back to the form: the typed value is still there to retry
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-phone", Input).value == "+1 555"
    assert Store.open(sample_file).data.officers[current.id].phone == "+1 404"


HOSTILE = ["[bold]Kim[/]", "[/x]", "\x1b[31mRed\x1b[0m", "Ali\x00ce", "[link=http://x]y[/link]"]


async def test_markup_and_escape_codes_show_literally(sample_file: Path) -> None:
    store = Store.open(sample_file)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit([added(Officer(name=name, city_id=atlanta.id, title=name)) for name in HOSTILE])
    store.commit([added(City(name="[red]Nowhere", country="[/]"))])
    app = make_app(sample_file)
    async with app.run_test(size=(120, 40)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        shown = {officers.cells_of(record_id)[0] for record_id in officers.row_ids}
        assert {"[bold]Kim[/]", "[/x]", "␛[31mRed␛[0m", "Ali␀ce", "[link=http://x]y[/link]"} <= shown
        await pilot.press("slash", *"kim")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await detail_followed(pilot)  # the panel follows the cursor a frame later
        assert "[bold]Kim[/]" in str(app.screen.query_one("#detail-body").visual)
        await pilot.press("e")
        assert app.screen.query_one("#field-name", Input).value == "[bold]Kim[/]"


def test_app_starts_with_no_arguments_on_the_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    async def look_and_quit(pilot: object) -> None:
        app = pilot.app  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        seen["officers"] = app.screen.query_one("#officers", RecordTable).row_count
        seen["path"] = app.store.path
        await pilot.press("q")  # type: ignore[attr-defined]

    original_run = LiaisonApp.run

    def headless_run(self: LiaisonApp, **kwargs: object) -> None:
        original_run(self, headless=True, size=(80, 24), auto_pilot=look_and_quit)

    monkeypatch.setattr(LiaisonApp, "run", headless_run)
    assert cli.main([]) == 0
    assert seen["officers"] == 4
    assert Path(str(seen["path"])).name == "liaison.json"
