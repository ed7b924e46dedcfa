"""Pilot tests: a form never throws away what was typed (Escape asks, a stale save offers a way on)."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from rich.console import Console
from textual.widgets import Input, Select, Static

from liaison_tui.domain.edits import added, changed, plan_delete
from liaison_tui.domain.model import Officer
from liaison_tui.reports.display import pictures
from liaison_tui.store.store import Store
from liaison_tui.ui.app import LiaisonApp
from liaison_tui.ui.dialogs.confirm import DiscardDialog
from liaison_tui.ui.dialogs.record_form import RecordForm
from liaison_tui.ui.dialogs.stale_edit import StaleEditPanel
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.widgets.record_table import RecordTable
from ui_helpers import burst, detail_followed, make_app


def as_text(renderable: object, width: int = 96) -> str:
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def on_disk(path: Path) -> Store:
    return Store.open(path, read_only=True)


def values(app: LiaisonApp) -> dict[str, object]:
    return {widget.id: widget.value for widget in app.screen.query("Input, Select") if widget.id}


async def edit_officer(app: LiaisonApp, pilot: object, name: str) -> Officer:
    officer = next(o for o in app.store.data.officers.values() if o.name == name)
    table = app.screen.query_one("#officers", RecordTable)
    table.focus()
    table.select_id(officer.id)
    await pilot.press("e")  # type: ignore[attr-defined]
    assert isinstance(app.screen, RecordForm)
    return officer


# -- Escape on a form with changes asks first ------------------------------------------


async def test_escape_on_an_unchanged_form_closes_at_once(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_officer(app, pilot, "Henri Kahonen")
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("a", "x", "backspace", "escape")  # typed and taken back: nothing changed
        assert isinstance(app.screen, MainScreen)


async def test_keep_editing_keeps_every_typed_value(sample_file: Path) -> None:
    before = sample_file.read_bytes()
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Kim Ji-woo", "tab", "enter", *"chr", "enter", *"Liaison")
        typed = values(app)
        assert typed["field-name"] == "Kim Ji-woo" and typed["field-title"] == "Liaison"
        for keep in ("enter", "escape", "k"):  # Enter and Escape keep editing, as does k
            await pilot.press("escape")
            assert isinstance(app.screen, DiscardDialog)
            question = str(app.screen.query_one("#confirm-question", Static).visual)
            assert "Discard your changes to this new officer?" in question
            assert "Changed: Name, City, Title" in question
            await pilot.press(keep)
            assert isinstance(app.screen, RecordForm)
            assert values(app) == typed
        await pilot.press(*" Officer")  # the focus is where it was: typing carries on
        assert app.screen.query_one("#field-title", Input).value == "Liaison Officer"
        await pilot.press("escape", "d")
        assert isinstance(app.screen, MainScreen)
    assert sample_file.read_bytes() == before


async def test_a_changed_choice_counts_as_a_change(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_officer(app, pilot, "Henri Kahonen")
        role = app.screen.query_one("#field-role", Select)
        role.value = (role.value + 1) % 3  # type: ignore[operator]
        await pilot.press("escape")
        assert isinstance(app.screen, DiscardDialog)
        assert "Changed: Role" in str(app.screen.query_one("#confirm-question", Static).visual)


# -- a save refused because another window changed the record ------------------------


async def test_stale_edit_shows_their_changes_and_puts_mine_on_top(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        kahonen = await edit_officer(app, pilot, "Henri Kahonen")
        app.screen.query_one("#field-title", Input).value = "Senior adviser"
        other = Store.open(sample_file)  # another window saves first
        theirs = dataclasses.replace(other.data.officers[kahonen.id], phone="+358 40 1", hotel="Grand")
        other.commit([changed(other.data.officers[kahonen.id], theirs)])
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, StaleEditPanel)
        table = as_text(app.screen.table)
        assert "+358 40 1" in table and "Grand" in table and "Senior adviser" in table
        assert "⚠" not in table  # nobody changed the same field
        await pilot.press("m")
        assert isinstance(app.screen, MainScreen)
        saved = on_disk(sample_file).data.officers[kahonen.id]
        assert saved == dataclasses.replace(theirs, title="Senior adviser")  # theirs, with my field on top
        await pilot.press("u")  # undo takes mine off again, back to theirs
        assert on_disk(sample_file).data.officers[kahonen.id] == theirs


async def test_stale_edit_of_the_same_field_is_marked_and_mine_wins_on_request(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        kahonen = await edit_officer(app, pilot, "Henri Kahonen")
        app.screen.query_one("#field-phone", Input).value = "+358 50 2"
        other = Store.open(sample_file)
        other.commit([changed(kahonen, dataclasses.replace(kahonen, phone="+358 40 1"))])
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, StaleEditPanel)
        assert "Phone ⚠" in as_text(app.screen.table)
        assert "Both changed Phone" in str(app.screen.query_one("#stale-explanation", Static).visual)
        await pilot.press("m")
        assert on_disk(sample_file).data.officers[kahonen.id].phone == "+358 50 2"


async def test_stale_edit_take_theirs_closes_and_shows_theirs(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        kahonen = await edit_officer(app, pilot, "Henri Kahonen")
        app.screen.query_one("#field-title", Input).value = "Senior adviser"
        theirs = dataclasses.replace(kahonen, phone="+358 40 1")
        Store.open(sample_file).commit([changed(kahonen, theirs)])
        await burst(pilot, "ctrl+s", "t")  # in one read: the panel is up before the t is routed
        assert isinstance(app.screen, MainScreen)
        assert on_disk(sample_file).data.officers[kahonen.id] == theirs
        await detail_followed(pilot)  # the panel follows the cursor a frame later
        assert "+358 40 1" in str(app.screen.query_one("#detail-body").visual)  # the screen shows theirs


async def test_stale_edit_of_a_deleted_record_saves_mine_as_new(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        kahonen = await edit_officer(app, pilot, "Henri Kahonen")
        app.screen.query_one("#field-title", Input).value = "Senior adviser"
        other = Store.open(sample_file)
        other.commit(plan_delete(other.data, kahonen))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, StaleEditPanel)
        assert "was deleted in another window" in str(app.screen.query_one("#stale-title", Static).visual)
        await pilot.press("t")  # not offered when it is gone
        assert isinstance(app.screen, StaleEditPanel)
        await pilot.press("n")
        assert isinstance(app.screen, MainScreen)
    [again] = [o for o in on_disk(sample_file).data.officers.values() if o.name == "Henri Kahonen"]
    assert again.id != kahonen.id and again == dataclasses.replace(kahonen, id=again.id, title="Senior adviser")


async def test_stale_edit_of_a_deleted_record_can_be_discarded(sample_file: Path) -> None:
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        kahonen = await edit_officer(app, pilot, "Henri Kahonen")
        app.screen.query_one("#field-title", Input).value = "Senior adviser"
        other = Store.open(sample_file)
        other.commit(plan_delete(other.data, kahonen))
        other.commit([added(Officer(name="Someone else"))])
        await pilot.press("ctrl+s", "d")
        assert isinstance(app.screen, MainScreen)
    assert all(o.name != "Henri Kahonen" for o in on_disk(sample_file).data.officers.values())


# -- control characters in an edit form ----------------------------------------------

# Clear the screen, set the clipboard (OSC 52), a hidden link (OSC 8), bell/backspace/CR, a C1 CSI.
ATTACKS = "\x1b[2J\x1b]52;c;aGk=\x07\x1b]8;;http://x\x07link\x1b]8;;\x07 bell\x07 bs\x08 cr\r \x9b31m"


def drawn(widget: Input) -> str:
    return "".join(segment.text for y in range(widget.size.height) for segment in widget.render_line(y))


async def test_edit_form_shows_control_characters_as_stand_ins_and_keeps_the_exact_text(sample_file: Path) -> None:
    store = Store.open(sample_file)
    [edit] = store.commit([added(Officer(name="Kim" + ATTACKS, title=ATTACKS))]).edits
    assert edit.after is not None
    app = make_app(sample_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await edit_officer(app, pilot, "Kim" + ATTACKS)
        name = app.screen.query_one("#field-name", Input)
        assert name.value.startswith("Kim␛[2J␛]52;c;aGk=␇")  # visible stand-ins, one for one
        for text in (drawn(name), drawn(app.screen.query_one("#field-title", Input)), app.export_screenshot()):
            assert not any(code in text for code in "\x1b\x07\x08\r\x9b")
        name.value = "pasted \x1b]52;c;eA==\x07"  # text that reaches the field later is drawn safely too
        assert "\x1b" not in drawn(name)
        name.value = pictures("Kim" + ATTACKS)  # back to what was shown: the field is untouched
        app.screen.query_one("#field-phone", Input).value = "+82 1"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MainScreen)
    saved = on_disk(sample_file).data.officers[edit.after.id]
    assert (saved.name, saved.title, saved.phone) == ("Kim" + ATTACKS, ATTACKS, "+82 1")  # exact bytes kept
