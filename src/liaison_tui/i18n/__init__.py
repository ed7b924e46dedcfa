"""The interface's language: gettext catalogues for words, Babel for dates and numbers.

Every module that shows words to people imports ``_`` (and ``ngettext`` for
counts) from here. Strings defined at import time (key bindings, module-level
tables) are marked with ``N_`` and translated where they are shown, so they
follow the language chosen after the import (``--lang`` is read before the
app's screens are built, but tests and the bindings' classes exist earlier).
Data is never passed through here: names stay as typed.
"""

from __future__ import annotations

from liaison_tui.i18n.catalogues import N_, _, current_language, ngettext, pgettext, set_language
from liaison_tui.i18n.choice import LANGUAGES, choose_language

__all__ = ["LANGUAGES", "N_", "_", "choose_language", "current_language", "ngettext", "pgettext", "set_language"]
