"""The ``history`` command: who changed what, when; and trimming old entries.

``--since`` is read in this machine's local time, as the table shows times.
The parser's part is imported with the CLI; Rich only when the command runs.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

from liaison_tui.cli.errors import CommandError
from liaison_tui.i18n import _, ngettext
from liaison_tui.reports.display import visible
from liaison_tui.store.store import Store

SINCE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d")


def add_history_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    history = commands.add_parser("history", help=_("who changed what, when (newest last); --keep-days trims it"))
    history.add_argument("--since", metavar="'YYYY-MM-DD HH:MM'", help=_("only changes from then on (local time)"))
    history.add_argument("--who", metavar="NAME", help=_("only changes by this person (part of the name will do)"))
    history.add_argument("--record", metavar="NAME", help=_("only changes to records with this in their name"))
    history.add_argument("--keep-days", type=int, metavar="N", help=_("remove the entries older than N days"))


def parse_since(text: str) -> datetime:
    """A local date and time as an aware datetime; CommandError saying what is expected."""
    for form in SINCE_FORMATS:
        try:
            return datetime.strptime(text.strip(), form).astimezone()
        except ValueError:
            continue
    raise CommandError(
        _("--since {text!r}: expected a local date and time such as '2026-12-03 09:00'").format(text=visible(text))
    )


def history_command(store: Store, arguments: argparse.Namespace) -> int:
    if arguments.keep_days is not None:
        if arguments.since or arguments.who or arguments.record:
            raise CommandError(_("--keep-days trims the history; give it without --since, --who or --record"))
        if arguments.keep_days < 0:
            raise CommandError(_("--keep-days {n}: must be 0 or more").format(n=arguments.keep_days))
        cutoff = datetime.now(UTC) - timedelta(days=arguments.keep_days)
        removed = store.trim_history(cutoff)
        shown = cutoff.astimezone().strftime("%Y-%m-%d %H:%M")
        told = ngettext(
            "{file}: removed {n} history entry from before {time}",
            "{file}: removed {n} history entries from before {time}",
            removed,
        )
        print(told.format(file=store.where, n=removed, time=shown))
        return 0
    from rich.console import Console

    from liaison_tui.reports.history import HistoryFilter, filtered, history_table

    chosen = HistoryFilter(
        since=parse_since(arguments.since) if arguments.since else None,
        who=arguments.who or "",
        record=arguments.record or "",
    )
    Console().print(history_table(filtered(store.history(), chosen)))
    return 0
