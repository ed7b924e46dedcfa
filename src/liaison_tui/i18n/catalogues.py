"""The message catalogues: compiled ``.mo`` files shipped in the wheel, else the ``.po`` sources.

The build compiles ``locale/*/LC_MESSAGES/liaison_tui.po`` into ``.mo`` files
(``hatch_build.py``). A source checkout that was never built has only the
``.po``: it is read with Babel rather than falling back to English silently.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from liaison_tui.i18n.choice import DEFAULT_LANGUAGE, LANGUAGES

DOMAIN = "liaison_tui"
LOCALE_FOLDER = Path(__file__).resolve().parents[1] / "locale"

_active: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def catalogue_path(language: str, suffix: str) -> Path:
    return LOCALE_FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's translations; English, the source language, translates nothing."""
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    compiled, source = catalogue_path(language, ".mo"), catalogue_path(language, ".po")
    # A .mo older than its .po is stale: a source tree whose catalogue was edited since the last build.
    if compiled.is_file() and not (source.is_file() and source.stat().st_mtime > compiled.stat().st_mtime):
        with compiled.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as stream:
        catalogue = read_po(stream, locale=language, domain=DOMAIN)
    compiled_in_memory = io.BytesIO()
    write_mo(compiled_in_memory, catalogue)
    compiled_in_memory.seek(0)
    return gettext.GNUTranslations(compiled_in_memory)


def set_language(language: str) -> None:
    """Speak ``language`` from now on (one of ``LANGUAGES``)."""
    global _active, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; one of {', '.join(LANGUAGES)}")
    _active, _language = translations(language), language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """``message`` in the current language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` ("1 event", "3 events"; Chinese has one form)."""
    return _active.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` where the English word means several things: an event's "Title" is its name, not a job."""
    return _active.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet: it is translated where shown."""
    return message
