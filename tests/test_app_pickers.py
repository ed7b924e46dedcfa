"""Pilot tests at 80x24: people picked for an event, the city chosen by its first letters,
the officer form walked with Enter, and fields that show the start of their text."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.dialogs.choice_select import best_choice
from liaison_tui.ui.dialogs.confirm import DiscardDialog
from liaison_tui.ui.dialogs.people_picker import PeoplePicker
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.messages import Goto
from liaison_tui.ui.widgets.itinerary import ItineraryPane
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import burst, make_app, screen_text


def on_disk(path: Path) -> Store:
    return Store.open(path, read_only=True)


def ids_by_name(path: Path) -> dict[str, int]:
    return {o.name: o.id for o in on_disk(path).data.officers.values()}


def with_a_second_helsinki_officer(path: Path) -> None:
    store = Store.open(path)
    helsinki = next(c.id for c in store.data.cities.values() if c.name == "Helsinki")
    store.commit([added(Officer(name="Aino Virtanen", city_id=helsinki, title="Adviser"))])


async def new_event_on_people(app: LiaisonApp, pilot: Pilot[Any], field: str = "speaker_ids") -> RecordForm:
    """A new event titled Forum, the focus on one of its fields of people."""
    itinerary = app.screen.query_one(ItineraryPane)
    itinerary.table.focus()
    await pilot.pause()
    await pilot.press("a", *"Forum")
    form = app.screen
    assert isinstance(form, RecordForm)
    form.set_focus(form.query_one(f"#field-{field}"))
    await pilot.pause()
    return form


def picked_names(app: LiaisonApp) -> list[str]:
    picker = app.screen
    assert isinstance(picker, PeoplePicker)
    return [picker.data.officers[i].name for i in picker.picked]


def said(app: LiaisonApp) -> str:
    return str(app.screen.query_one("#picker-matches", Static).visual)


# -- the picker ------------------------------------------------------------------------


async def test_speakers_picked_by_letters_a_city_everyone_reordered_and_removed(sample_file: Path) -> None:
    with_a_second_helsinki_officer(sample_file)
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_event_on_people(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, PeoplePicker)
        await pilot.press(*"kaho", "enter")  # four letters of a surname are enough
        assert picked_names(app) == ["Henri Kahonen"]
        await pilot.press(*"helsinki", "ctrl+t")  # the city's officers; Kahonen is on already
        assert picked_names(app) == ["Henri Kahonen", "Aino Virtanen"]
        assert "1 already on the list" in said(app)
        await pilot.press("ctrl+e")  # everyone, the ones not on the list added at the end
        assert picked_names(app) == [  # everyone else added at the end, by city then name
            "Henri Kahonen",
            "Aino Virtanen",
            "Taylor Woodruff",
            "Duncan Sandeman",
            "Tang Lixia",
        ]
        await pilot.press("tab", "home", "ctrl+down", "ctrl+down")  # Kahonen third
        assert picked_names(app)[:3] == ["Aino Virtanen", "Taylor Woodruff", "Henri Kahonen"]
        await pilot.press("end", "plus", "home", "down", "d")  # Tang Lixia up one; Woodruff off
        assert picked_names(app) == ["Aino Virtanen", "Henri Kahonen", "Tang Lixia", "Duncan Sandeman"]
        await pilot.press("ctrl+s")
        form = app.screen
        assert isinstance(form, RecordForm)
        shown = form.query_one("#field-speaker_ids", Input).value
        assert shown == "Aino Virtanen, Henri Kahonen, Tang Lixia, Duncan Sandeman"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MainScreen)
    names = ids_by_name(sample_file)
    [forum] = [e for e in on_disk(sample_file).data.events.values() if e.title == "Forum"]
    expected = ("Aino Virtanen", "Henri Kahonen", "Tang Lixia", "Duncan Sandeman")
    assert forum.speaker_ids == tuple(names[n] for n in expected)


async def test_ambiguous_or_unknown_letters_add_nobody_and_say_why(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_event_on_people(app, pilot, "participant_ids")
        await pilot.press("space")  # Space opens it too
        await pilot.press(*"zzzq", "enter")
        assert picked_names(app) == [] and "No officer matches 'zzzq'" in said(app)
        assert app.screen.query_one("#picker-find", Input).value == "zzzq"  # the letters stay to correct


async def test_escape_on_a_changed_picker_asks_and_keeps_the_form_as_it_was(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_event_on_people(app, pilot)
        await pilot.press("enter", "escape")  # nothing changed: closes at once
        assert app.screen is form
        await pilot.press("enter", *"tang", "enter", "escape")
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("enter")  # keep picking: the list is as it was
        assert picked_names(app) == ["Tang Lixia"]
        await pilot.press("escape", "d")
        assert app.screen is form
        assert form.query_one("#field-speaker_ids", Input).value == ""
        assert [f.name for f in form.changed_fields()] == ["title"]


async def test_picker_keys_in_one_burst(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_event_on_people(app, pilot)
        await burst(
            pilot,
            *("enter", "k", "a", "h", "o", "enter", "t", "a", "n", "g", "enter"),
            *("tab", "ctrl+up", "down", "d", "s", "a", "n", "d", "enter", "ctrl+s", "tab", "V"),
        )
        assert app.screen is form
        assert form.query_one("#field-speaker_ids", Input).value == "Tang Lixia, Duncan Sandeman"
        assert form.query_one("#field-vehicles", Input).value == "V"


async def test_a_long_list_scrolls_and_leaves_the_search_line_and_hints_on_screen(sample_file: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(Officer(name=f"Officer {n:02}", city_id=None)) for n in range(14)])
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_event_on_people(app, pilot)
        await pilot.press("enter", "ctrl+e", "tab", "end")
        picker = app.screen
        assert isinstance(picker, PeoplePicker) and len(picker.picked) == 18
        assert picker.query_one("#picker-hint").region.bottom <= 23  # above the key bar
        assert picker.query_one("#picker-find").region.y >= 0
        assert "Officer 13" in screen_text(picker.picked_list)  # the end of the list, scrolled to


# -- the city list, and where a new officer's city came from -----------------------------


async def test_city_list_takes_the_city_its_first_letters_name(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#cities", RecordTable).focus()
        await pilot.press("a")  # a city, so no officer is highlighted
        await pilot.press("escape")
        app.screen.query_one("#officers", RecordTable).focus()
        await pilot.press("a", *"Aino", "tab", "enter", "H", "enter")
        form = app.screen
        assert isinstance(form, RecordForm)
        city = form.query_one("#field-city_id", Select)
        assert "Helsinki" in str(city.query_one("SelectCurrent Static").visual)  # type: ignore[attr-defined]
        assert form.focused is form.query_one("#field-title")  # chosen, and on to the next field
        await pilot.press("shift+tab", "enter", *"ho", "enter")
        assert "host staff" in str(city.query_one("SelectCurrent Static").visual)  # type: ignore[attr-defined]
        await pilot.press("shift+tab", "enter", *"helsinky", "enter", "ctrl+s")  # a letter wrong
        assert isinstance(app.screen, MainScreen)
    data = on_disk(sample_file).data
    [aino] = [o for o in data.officers.values() if o.name == "Aino"]
    assert aino.city_id is not None and data.cities[aino.city_id].name == "Helsinki"


async def test_a_new_officers_city_says_where_it_came_from(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        officers = app.screen.query_one("#officers", RecordTable)
        officers.focus()
        officers.select_id(ids_by_name(sample_file)["Henri Kahonen"])
        await pilot.press("a")
        note = app.screen.query_one("#note-city_id", Static)
        assert "highlighted officer's city" in str(note.visual) and note.region.height == 1
        city = app.screen.query_one("#field-city_id SelectCurrent Static", Static)
        assert "Helsinki" in str(city.visual)
        await pilot.press("tab", "enter", *"atl", "enter")  # another city chosen: the note has nothing to say
        await pilot.pause()
        assert "Atlanta" in str(city.visual)
        assert not note.display


# -- the officer form at 80x24 -------------------------------------------------------------


async def test_enter_walks_the_officer_form_and_saves_on_the_last_field(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#officers", RecordTable).focus()
        await pilot.press("a", *"Aino", "enter", "enter", *"chr", "enter", *"Adviser", "enter", *"Ms", "enter")
        await pilot.press(*"+64 21 5")
        await pilot.press("enter", "enter", *"vegetarian", "enter", "enter", "enter")  # on to Rank
        await pilot.press(*["enter"] * 9)  # the rest, blank, to Notes
        form = app.screen
        assert isinstance(form, RecordForm) and form.focused is form.query_one("#field-notes")
        await pilot.press(*"late", "enter")
        assert isinstance(app.screen, MainScreen)
    [aino] = [o for o in on_disk(sample_file).data.officers.values() if o.name == "Aino"]
    assert (aino.title, aino.honorific, aino.phone) == ("Adviser", "Ms", "+64 21 5")
    assert (aino.dietary, aino.notes) == ("vegetarian", "late")


async def test_a_problem_far_down_the_form_is_scrolled_into_view(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Aino")
        app.screen.query_one("#field-departure", Input).value = "soon"
        await pilot.press("ctrl+s")
        error = app.screen.query_one("#error-departure", Static)
        scroll = app.screen.query_one("#form-fields")
        for _ in range(40):  # the scroll is animated: a busy machine takes a few frames
            await pilot.pause(0.05)
            if error.region.height >= 1 and scroll.region.contains_region(error.region):
                break
        assert error.region.height >= 1 and scroll.region.contains_region(error.region)
        assert app.screen.query_one("Button#save").region.bottom <= 23  # the save key stays on screen


async def test_an_unfocused_field_shows_the_start_of_its_text(sample_file: Path) -> None:
    long_name = "Henriikka Kahonen-Virtanen of the Helsinki City Protocol Office, International Relations"
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *long_name, "tab")
        name = app.screen.query_one("#field-name", Input)
        assert name.value == long_name
        assert screen_text(name).startswith("Henriikka Kahonen")


def test_type_ahead_ranks_first_letters_then_words_then_tolerantly() -> None:
    cities = ["Atlanta (United States)", "Christchurch (New Zealand)", "Helsinki (Finland)", "host staff (no city)"]
    assert best_choice(cities, "H") == 2  # the name's first letter, listed before host staff
    assert best_choice(cities, "ho") == 3
    assert best_choice(cities, "fin") == 2  # a word of it
    assert best_choice(cities, "helsinky") == 2  # a letter wrong
    assert best_choice(cities, "chrstchurch") == 1  # a letter missing
    assert best_choice(cities, "zz") is None


async def test_hostile_names_reach_the_picker_and_notices_as_stand_ins(sample_file: Path) -> None:
    """A name holding a clear-screen and a clipboard escape is named in the picker and in a notice."""
    store = Store.open(sample_file)
    atlanta = next(c.id for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit(
        [
            added(Officer(name="\x1b[2J\x1b]52;c;aGk=\x07Evil One", city_id=atlanta)),
            added(Officer(name="\u202eEvil Two", city_id=atlanta)),
        ]
    )
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_event_on_people(app, pilot)
        await pilot.press("enter")  # the picker
        await pilot.press(*"evil", "enter")  # both match alike: named, nobody added
        shown = said(app)
        assert "Evil One" in shown and "Evil Two" in shown
        assert not any(c in shown for c in "\x1b\x07\u202e"), shown
        app.notify("Saved officer '\x1b[2JEvil One'", markup=False)
        await pilot.pause()
        notices = [str(n.message) for n in app._notifications]
        assert notices and not any("\x1b" in n for n in notices), notices


async def test_an_event_with_two_namesakes_saves_untouched(sample_file: Path) -> None:
    """Two officers of one name on an event: editing its venue must not trip over their names."""
    store = Store.open(sample_file)
    atlanta = next(c.id for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit([added(Officer(name="Maria Costa", city_id=atlanta)), added(Officer(name="Maria Costa"))])
    data = Store.open(sample_file).data
    marias = tuple(o.id for o in data.officers.values() if o.name == "Maria Costa")
    school = next(e for e in data.events.values() if e.title == "Visit to a local school")
    store.commit([changed(school, dataclasses.replace(school, participant_ids=(*school.participant_ids, *marias)))])
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.post_message(Goto(Kind.EVENT, school.id))
        await pilot.pause()
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-venue", Input).value = "A school in Futian"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    saved = on_disk(sample_file).data.events[school.id]
    assert saved.venue == "A school in Futian" and set(marias) <= set(saved.participant_ids)
