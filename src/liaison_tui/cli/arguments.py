"""Types of command-line values: each refuses a bad one with a message naming the problem."""

from __future__ import annotations

import argparse

from liaison_tui.i18n import _


def whole_number_from_one(text: str) -> int:
    """A count given on the command line (officers, days): 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a whole number").format(text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("{value} must be at least 1").format(value=value))
    return value


def person_name(text: str) -> str:
    """Who the history records (``--user``): any text but blank."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("give a name"))
    return text.strip()
