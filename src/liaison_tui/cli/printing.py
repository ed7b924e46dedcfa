"""``export html|pdf``: the programme, handouts and staff pack as print layouts.

A PDF is binary: it goes to ``-o FILE`` (owner-only, replaced atomically, as
every export) or into a pipe, never onto a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from liaison_tui.cli import output as output_to
from liaison_tui.cli.errors import CommandError
from liaison_tui.cli.people import officer_named
from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _
from liaison_tui.printing.pdf import PrintingUnavailable
from liaison_tui.reports.display import visible
from liaison_tui.store.store import Store

# The formats this module writes; cli.export_options spells the same names out (PRINTED_FORMATS).
FORMATS = ("html", "pdf", "seating", "badges", "place-cards")
PAPERS = ("a4", "letter")
# Below this many people a document is quick: no progress bar.
PROGRESS_FROM = 200


def emit_pdf(store: Store, content: bytes, output: str | None) -> None:
    if output is None:
        if sys.stdout.isatty():
            raise CommandError(_("a PDF is not for the terminal: give -o FILE, or pipe it"))
        output_to.to_stdout(content)
        return
    _write(store, content, output)


def _write(store: Store, content: bytes, output: str) -> None:
    assert store.path is not None  # the CLI always works on a file
    output_to.to_file(content, Path(output), store.path)
    print(_("Wrote {file}").format(file=visible(output)), file=sys.stderr)


def refuse_document_options(arguments: argparse.Namespace) -> None:
    """--handouts, --staff and --paper belong to html and pdf only."""
    for option, given in (("--handouts", arguments.handouts), ("--staff", arguments.staff)):
        if given:
            raise CommandError(_("{option} is for export html or pdf").format(option=option))
    if arguments.paper is not None:
        raise CommandError(_("{option} is for export html or pdf").format(option="--paper"))


@contextmanager
def _progress_bar(total: int) -> Iterator[Progress | None]:
    err = Console(stderr=True)
    if total < PROGRESS_FROM or not err.is_terminal:
        yield None
        return
    with Progress(console=err, transient=True) as bar:
        yield bar


def run_export(store: Store, visit: Visit, arguments: argparse.Namespace) -> int:
    if arguments.format in ("html", "pdf"):
        return _run_document(store, visit, arguments)
    if arguments.format in ("badges", "place-cards"):
        from liaison_tui.cli.cards import card_sheets

        _refuse_document_options(arguments, "handouts", "staff")
        return _emitted(store, lambda: card_sheets(store, visit, arguments), arguments.output)
    if arguments.format == "seating":
        from liaison_tui.cli.seating import seating_pdf

        _refuse_document_options(arguments, "officer", "handouts", "staff")
        return _emitted(store, lambda: seating_pdf(store, visit, arguments), arguments.output)
    raise CommandError(_("export {format}: unknown format").format(format=arguments.format))


def _run_document(store: Store, visit: Visit, arguments: argparse.Namespace) -> int:
    """The programme, one handout, every handout or the staff pack, as HTML or PDF."""
    from liaison_tui.printing import documents
    from liaison_tui.printing.stylesheet import Paper

    chosen = [
        flag
        for flag, given in (
            ("--officer", arguments.officer),
            ("--handouts", arguments.handouts),
            ("--staff", arguments.staff),
        )
        if given
    ]
    if len(chosen) > 1:
        raise CommandError(_("choose one of {options}, not both").format(options=" / ".join(chosen)))
    document = (
        documents.Document.HANDOUT
        if arguments.officer
        else documents.Document.HANDOUTS
        if arguments.handouts
        else documents.Document.STAFF
        if arguments.staff
        else documents.Document.PROGRAMME
    )
    officer = officer_named(store, arguments.officer) if arguments.officer else None
    paper = Paper(arguments.paper or "a4")
    total = documents.units(store.data, document)
    try:
        with _progress_bar(total) as bar:
            task = bar.add_task(_("Laying out"), total=total) if bar is not None else None

            def advance(count: int) -> None:
                if bar is not None and task is not None:
                    bar.advance(task, count)

            whole = arguments.format == "html"
            parts = documents.html_parts(store.data, visit, document, paper, officer, whole=whole, progress=advance)
            if whole:
                text = "".join(parts).encode()
                if arguments.output is None:
                    output_to.to_stdout(text)
                else:
                    _write(store, text, arguments.output)
            else:
                emit_pdf(store, documents.pdf_from(parts), arguments.output)
    except PrintingUnavailable as error:
        raise CommandError(str(error)) from None
    return 0


def _refuse_document_options(arguments: argparse.Namespace, *names: str) -> None:
    """Options of the documents (``--handouts`` …) given to a format that has no use for them."""
    for option in names:
        if getattr(arguments, option):
            raise CommandError(_("{option} is for export html or pdf").format(option=f"--{option}"))


def _emitted(store: Store, make: Callable[[], bytes], output: str | None) -> int:
    """Make a PDF and write it where asked; missing printing libraries are a clear error."""
    try:
        emit_pdf(store, make(), output)
    except PrintingUnavailable as error:
        raise CommandError(str(error)) from None
    return 0
