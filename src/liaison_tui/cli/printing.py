"""``export pdf|badges|place-cards|seating``: documents for paper.

A PDF is binary: it goes to ``-o FILE`` (owner-only, replaced atomically, as
every export) or into a pipe, never onto a terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from liaison_tui.cli import output as output_to
from liaison_tui.cli.errors import CommandError
from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _
from liaison_tui.printing.pdf import PrintingUnavailable, pdf_bytes
from liaison_tui.reports.display import visible
from liaison_tui.store.store import Store

# The formats this module writes; cli.main spells the same names out (PRINTED_FORMATS).
FORMATS = ("pdf", "badges", "place-cards")


def emit_pdf(store: Store, content: bytes, output: str | None) -> None:
    if output is None:
        if sys.stdout.isatty():
            raise CommandError(_("a PDF is not for the terminal: give -o FILE, or pipe it"))
        output_to.to_stdout(content)
        return
    assert store.path is not None  # the CLI always works on a file
    output_to.to_file(content, Path(output), store.path)
    print(_("Wrote {file}").format(file=visible(output)), file=sys.stderr)


def run_export(store: Store, visit: Visit, arguments: argparse.Namespace) -> int:
    try:
        if arguments.format == "pdf":
            from liaison_tui.reports import documents

            emit_pdf(store, pdf_bytes(documents.itinerary_html(store.data, visit)), arguments.output)
        elif arguments.format in ("badges", "place-cards"):
            from liaison_tui.cli.cards import card_sheets

            emit_pdf(store, card_sheets(store, visit, arguments), arguments.output)
        else:
            raise CommandError(_("export {format}: unknown format").format(format=arguments.format))
    except PrintingUnavailable as error:
        raise CommandError(str(error)) from None
    return 0
