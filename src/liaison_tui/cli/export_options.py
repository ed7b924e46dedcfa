"""The ``export`` command's arguments, apart so that ``cli.main`` stays short and light."""

from __future__ import annotations

import argparse

from liaison_tui.cli.arguments import whole_number_from_one
from liaison_tui.i18n import _

# Documents for paper (cli/printing.py), spelt out so that opening the app does not import them.
PRINTED_FORMATS = ("html", "pdf", "seating", "badges", "place-cards")


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser], tables: list[str]) -> None:
    export = commands.add_parser(
        "export", help=_("write the itinerary or tables as ics, csv, md or html; meals or arrivals lists as CSV")
    )
    export.add_argument("format", choices=["ics", "csv", "md", "meals", "arrivals", *PRINTED_FORMATS])
    export.add_argument(
        "-o", "--output", metavar="FILE", help=_("where to write (a folder for all CSV tables); default stdout")
    )
    export.add_argument("--officer", metavar="NAME", help=_("one officer's agenda, handout, badge or place card"))
    export.add_argument(
        "--handouts", action="store_true", help=_("html, pdf: every delegation member's handout, one per page")
    )
    export.add_argument(
        "--staff", action="store_true", help=_("html, pdf: the confidential staff pack (contacts, needs, flights)")
    )
    export.add_argument(
        "--paper", choices=["a4", "letter"], help=_("the paper size of a printed document (default a4)")
    )
    export.add_argument("--table", choices=tables, help=_("csv: just this table"))
    export.add_argument(
        "event", nargs="?", metavar="EVENT", help=_("seating: the event, by its title or part of it, or #ID")
    )
    export.add_argument("--tables", type=whole_number_from_one, help=_("seating: propose this many tables or rows"))
    export.add_argument("--seats", type=whole_number_from_one, help=_("seating: seats per table or row"))
    export.add_argument("--city", metavar="NAME", help=_("badges, place-cards: just this city's officers"))
    export.add_argument("--size", metavar="WxH", help=_("card size in mm (badges 90x55, place cards 210x99)"))
