"""A pseudo-language run: every translated string is marked ⟦…⟧, and no other word may show but data.

Catches what the source scan (``test_i18n_wrapped``) cannot see: a word put
on screen by any other path. The main screen, help, summaries, a form, the
roll call and the Now board are drawn with every string from the catalogue
marked; the words left unmarked must be the data's own (names, titles,
venues, as typed) or key names.
"""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest
from textual.app import App

from liaison_tui.i18n import catalogues
from ui_helpers import make_app

KEY_NAMES = {"esc", "tab", "shift", "pgup", "pgdn", "home", "end", "liaison", "tui"}  # keys; the program's name
WORD = re.compile(r"\b[A-Za-z]{2,}\b")  # not the letters of a badge code such as XWV2B
# Background text half hidden by a dialog's edge (█): fragments such as "chool" are not words on screen.
COVERED = re.compile(r"[A-Za-z]+(?=[█▌▐])|(?<=[█▌▐])[A-Za-z]+")
MARKED = re.compile(r"⟦[^⟦⟧]*⟧")
CUT_SHORT = re.compile(r"⟦[^⟦⟧│┃║█\n]*")


class PseudoTranslations(gettext.NullTranslations):
    """Every string from the catalogue comes back marked: ⟦Quit⟧."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"⟦{singular if n == 1 else plural}⟧"

    def pgettext(self, context: str, message: str) -> str:
        return f"⟦{message}⟧"


def _data_words(path: Path) -> set[str]:
    """Every word of every text value in the data file: data is shown as typed, never translated."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(w.casefold() for w in WORD.findall(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(path.read_text(encoding="utf-8")))
    return words


def _screen_text(app: App[object]) -> str:
    """Every line of the screen as drawn (a dialog over what it covers)."""
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


def _screen_words(text: str) -> list[str]:
    while MARKED.search(text):  # innermost first: "⟦Agenda: ⟦speaker 2⟧⟧"
        text = MARKED.sub(" ", text)
    text = CUT_SHORT.sub(" ", text)  # a heading cut by a narrow column: "⟦Peop"
    return WORD.findall(COVERED.sub(" ", text))


def _unmarked(words: list[str], data: set[str]) -> set[str]:
    """Words neither marked nor data (a cut-off data word such as "Christchurc" counts as data)."""
    return {
        word
        for word in words
        if word.casefold() not in KEY_NAMES
        and not any(known.startswith(word.casefold()) for known in data)  # cut short by a narrow column
    }


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogues, "_active", PseudoTranslations())


@pytest.mark.usefixtures("pseudo")
async def test_every_word_on_the_main_screens_comes_from_the_catalogue_or_the_data(sample_file: Path) -> None:
    data = _data_words(sample_file)
    app = make_app(sample_file)
    seen: dict[str, set[str]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for place, keys in (
            ("main screen", []),
            ("help", ["question_mark"]),
            ("summaries", ["escape", "s"]),
            ("officer form", ["escape", "e"]),
            ("Now board", ["escape", "b"]),
            ("roll call", ["escape", "r"]),
            ("event detail", ["escape", "tab", "tab", "enter"]),
            ("lookup", ["escape", "slash"]),  # Textual's palette: its prompt and system commands
            ("lookup hits", ["h", "e", "l"]),
        ):
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            seen[place] = _unmarked(_screen_words(_screen_text(app)), data)
    assert {place: words for place, words in seen.items() if words} == {}


def test_the_pseudo_run_sees_an_unmarked_word() -> None:
    screen = "│ ⟦Officers · ⟦all⟧ (4)⟧ Taylor Woodruff Saved │\n│ ⟦Quit⟧ Christchurc ⟦Peop│"
    assert _unmarked(_screen_words(screen), {"taylor", "woodruff", "christchurch"}) == {"Saved"}
