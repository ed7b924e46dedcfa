"""Keys that arrive in one burst (as over SSH) land where they were typed, in order.

``pilot.press`` waits for the app to go idle after every key, which hides the
problem; ``burst`` queues all the keys at once, as a terminal read does. The
last test drives the real app in tmux, keys sent with one ``send-keys``.
"""

from __future__ import annotations

import os
import random
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import time as clock
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from liaison_tui.domain.model import EventKind
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import burst, make_app


def field(app: LiaisonApp, name: str) -> object:
    return app.screen.query_one(f"#field-{name}", Input | Select).value  # type: ignore[arg-type]


def on_disk(path: Path) -> Store:
    return Store.open(path, read_only=True)


async def test_the_reported_burst_fills_name_and_title(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        city = field(app, "city_id")
        await burst(pilot, "N", "s", "tab", "tab", "T", "s")  # was: Name "NsTs", Title "" (across the city)
        assert (field(app, "name"), field(app, "city_id"), field(app, "title")) == ("Ns", city, "Ts")


async def test_officer_form_opened_edited_chosen_and_saved_in_one_burst(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(
            pilot,
            *("a", "K", "i", "m", "m", "backspace", "x", "left", "y"),  # "Kimyx": editing keys keep their place
            *("tab", "enter", "c", "h", "r", "enter"),  # open the city list, search it, take Christchurch
            *("P", "r", "o", "ctrl+s"),  # taking it moved on to the title
        )
        assert isinstance(app.screen, MainScreen)
    [kim] = [o for o in on_disk(sample_file).data.officers.values() if o.name == "Kimyx"]
    assert kim.title == "Pro" and on_disk(sample_file).data.cities[kim.city_id or 0].name == "Christchurch"


async def test_event_form_in_one_burst(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        itinerary = app.screen.query_one(ItineraryPane)
        itinerary.table.focus()
        await pilot.pause()
        day = itinerary.day
        await burst(
            pilot,
            *("a", "L", "u", "n", "c", "h", "tab", "tab"),
            *("ctrl+u", "1", "2", ":", "0", "0", "tab", "ctrl+u", "1", "3", ":", "3", "0", "tab"),
            *("down", "m", "e", "a", "enter", "H", "a", "l", "l", "ctrl+s"),  # meal taken: on to the venue
        )
        assert isinstance(app.screen, MainScreen)
    [lunch] = [e for e in on_disk(sample_file).data.events.values() if e.title == "Lunch"]
    assert (lunch.day, lunch.start, lunch.end) == (day, clock(12, 0), clock(13, 30))
    assert (lunch.kind, lunch.venue) == (EventKind.MEAL, "Hall")


async def test_city_form_in_one_burst(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#cities", RecordTable).focus()
        await burst(pilot, "a", *"Busan", "tab", "tab", *"South Korea", "tab", *"sister city", "tab", *"1987", "ctrl+s")
    [busan] = [c for c in on_disk(sample_file).data.cities.values() if c.name == "Busan"]
    assert (busan.country, busan.relationship, busan.since) == ("South Korea", "sister city", 1987)


async def test_cursor_keys_before_e_pick_the_record_they_moved_to(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        third = officers.row_ids[2]
        await burst(pilot, "down", "down", "e")
        assert isinstance(app.screen, RecordForm) and app.screen.original is not None
        assert app.screen.original.id == third


async def test_escape_in_an_open_list_closes_the_list_not_the_form(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        city = field(app, "city_id")
        await burst(pilot, "K", "tab", "enter", "c", "h", "escape", "tab", "T")
        assert isinstance(app.screen, RecordForm)
        assert (field(app, "name"), field(app, "city_id"), field(app, "title")) == ("K", city, "T")


async def test_keys_after_keep_editing_reach_the_form(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "a", "K", "i", "escape", "enter", "m")  # asked, kept editing, typed on
        assert isinstance(app.screen, RecordForm) and field(app, "name") == "Kim"
        await burst(pilot, "escape", "d", "a", "J")  # discarded, and a new form at once
        assert isinstance(app.screen, RecordForm) and field(app, "name") == "J"


LONG = os.environ.get("LIAISON_TUI_LONG") == "1"
# Typing, editing and moving keys; no key that saves or closes the form.
RANDOM_KEYS = [*"abxyz", "space", "backspace", "delete", "left", "right", "home", "end", "tab", "shift+tab", "down"]


async def fill_officer_form(app: LiaisonApp, pilot: object, keys: list[str], *, all_at_once: bool) -> dict[str, object]:
    await pilot.press("a")  # type: ignore[attr-defined]
    if all_at_once:
        await burst(pilot, *keys)  # type: ignore[arg-type]
    else:
        await pilot.press(*keys)  # type: ignore[attr-defined]
    form = app.screen
    assert isinstance(form, RecordForm)
    result: dict[str, object] = {f.name: field(app, f.name) for f in form.fields}
    result["focus"] = app.focused.id if app.focused else None
    while not isinstance(app.screen, MainScreen):
        app.pop_screen()
        await pilot.pause()  # type: ignore[attr-defined]
    return result


@pytest.mark.parametrize("seed", range(100 if LONG else 3))
async def test_random_bursts_end_as_slow_typing_does(sample_file: Path, seed: int) -> None:
    keys = random.Random(seed).choices(RANDOM_KEYS, k=30)
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        slowly = await fill_officer_form(app, pilot, keys, all_at_once=False)
        at_once = await fill_officer_form(app, pilot, keys, all_at_once=True)
    assert at_once == slowly, keys


# -- the real app in a real terminal ---------------------------------------------------

TMUX = shutil.which("tmux")


def wait_for(what: Callable[[], bool], limit: float = 20.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if what():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_a_burst_in_a_real_terminal(tmp_path: Path) -> None:
    assert TMUX is not None
    data = tmp_path / "burst.json"
    subprocess.run([sys.executable, "-m", "liaison_tui", "--db", str(data), "demo", "--officers", "20"], check=True)
    tmux = [TMUX, "-L", f"liaison-test-{os.getpid()}"]  # a private tmux server, never the user's
    app = f"{shlex.quote(sys.executable)} -m liaison_tui --db {shlex.quote(str(data))}"
    subprocess.run([*tmux, "new-session", "-d", "-s", "burst", "-x", "80", "-y", "24", app], check=True)

    def screen() -> str:
        return subprocess.run([*tmux, "capture-pane", "-p", "-t", "burst"], capture_output=True, text=True).stdout

    def saved(name: str) -> bool:
        return any(o.name == name for o in on_disk(data).data.officers.values())

    try:
        assert wait_for(lambda: "Officers" in screen()), screen()
        subprocess.run([*tmux, "send-keys", "-t", "burst", "a"], check=True)
        assert wait_for(lambda: "New officer" in screen()), screen()
        subprocess.run([*tmux, "send-keys", "-t", "burst", *"N s Tab Tab T s".split()], check=True)
        assert wait_for(lambda: "Ts" in screen()), screen()
        shown = screen()
        assert "Name                Ns " in shown and "Title               Ts " in shown, shown
        subprocess.run([*tmux, "send-keys", "-t", "burst", "C-s"], check=True)
        assert wait_for(lambda: saved("Ns")), screen()
        # Opening the form and filling it in one burst too.
        subprocess.run([*tmux, "send-keys", "-t", "burst", *"a K i m BSpace m Tab Tab P r o C-s".split()], check=True)
        assert wait_for(lambda: saved("Kim")), screen()
        [ns, kim] = [o for o in on_disk(data).data.officers.values() if o.name in ("Ns", "Kim")]
        assert (ns.title, kim.title) == ("Ts", "Pro")
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
