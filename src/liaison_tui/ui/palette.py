"""The command palette in the interface's language: its prompt and Textual's own system commands.

Textual writes these in English; the ones it offers are listed here for the
catalogue, and any it adds in a later version show as Textual wrote them.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand

from liaison_tui.i18n import N_, _

PROMPT = N_("Find an officer, city, event or follow-up…")
TEXTUAL_WORDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


def translated(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands with their titles and help in the interface's language."""
    for command in commands:
        yield command._replace(title=_(command.title), help=_(command.help))
