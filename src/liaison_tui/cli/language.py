"""The command line's language: ``--lang`` is read before the parser is built, so its help is translated.

argparse writes its own words ("usage:", "options", its errors) through the
standard ``gettext`` module; they are routed to our catalogue, which holds the
ones people meet (listed below so that extraction keeps them).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from liaison_tui.i18n import LANGUAGES, N_, _, choose_language, ngettext, set_language

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("language of the interface (default: $LIAISON_TUI_LANG, else LC_ALL, LC_MESSAGES or LANG)"),
    )


def speak_chosen_language(argv: Sequence[str] | None) -> None:
    """Set the language from ``--lang`` in ``argv``, else from the environment."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    try:
        option = early.parse_known_args(argv)[0].lang
    except SystemExit:  # "--lang" with no value: the real parser says so, in the environment's language
        option = None
    set_language(choose_language(option, os.environ))
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
