"""The ``summary``, ``export`` and ``import`` commands.

Kept apart from ``cli`` (which parses and dispatches) so that starting the app
does not import what only these commands need (Rich tables, CSV, calendars).
Exports go through ``cli.output``: an interrupted export never leaves half a
calendar where the old one was, and never replaces the data file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress

from liaison_tui.cli import output as output_to
from liaison_tui.cli import printing
from liaison_tui.cli.days import day_of_visit
from liaison_tui.cli.errors import CommandError
from liaison_tui.cli.import_table import plan_table as _plan_table
from liaison_tui.cli.people import officer_named
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit
from liaison_tui.domain.history import Reason
from liaison_tui.domain.kinds import SPREADSHEET_KINDS, Kind, by_table
from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _, ngettext
from liaison_tui.reports import summaries
from liaison_tui.reports.display import literal, visible
from liaison_tui.reports.meals import meals as meals_by_name
from liaison_tui.session import Session
from liaison_tui.spreadsheets.importing import CsvImportError, ImportPlan, plan_import
from liaison_tui.store.store import Store


def _visit(store: Store) -> Visit:
    visit = store.current_visit()
    if visit is None:
        raise CommandError(_("{file}: holds no visit yet").format(file=store.where))
    return visit


def _table_kind(table: str) -> Kind:
    """The kind a ``--table``/import argument names (argparse has checked it is one)."""
    kind = by_table(table)
    if kind is None:
        raise CommandError(_("no table {table!r}").format(table=table))
    return kind


def run_summary(store: Store, arguments: argparse.Namespace) -> int:
    console = Console()
    visit = store.current_visit()
    if arguments.name == "agenda" or arguments.officer:
        if not arguments.officer:
            raise CommandError(_("summary agenda needs --officer NAME"))
        parts = summaries.agenda(store.data, visit, officer_named(store, arguments.officer))
    elif arguments.day is not None:
        if arguments.name != "meals":
            raise CommandError(_("--day goes with the meals summary: summary meals --day today"))
        parts = meals_by_name(store.data, visit, day=day_of_visit(visit, arguments.day))
    elif arguments.name:
        if arguments.name not in summaries.BY_NAME:
            raise CommandError(
                _("no summary {name!r}; choose from {names} or agenda").format(
                    name=arguments.name, names=", ".join(summaries.BY_NAME)
                )
            )
        parts = summaries.BY_NAME[arguments.name].build(store.data, visit, None)
    else:
        parts = [part for s in summaries.SUMMARIES for part in s.build(store.data, visit, None)]
    for part in parts:
        console.print(part)
        console.print()
    return 0


def _data_file(store: Store) -> Path:
    assert store.path is not None  # the CLI always works on a file
    return store.path


def _emit(store: Store, content: bytes, output: str | None) -> None:
    if output is None:
        output_to.to_stdout(content)
    else:
        output_to.to_file(content, Path(output), _data_file(store))
        print(_("Wrote {file}").format(file=visible(output)), file=sys.stderr)


def _file_id(store: Store) -> str:
    """The file's own id for calendar UIDs; a file that has none yet is opened for writing once to get one.

    Exports otherwise only read, so they never wait for another program's writers' lock.
    """
    if store.has_file_id or store.path is None:
        return store.file_id()
    return Store.open(store.path, create=False).file_id()


def _refuse_seating_options(arguments: argparse.Namespace) -> None:
    """EVENT, --tables and --seats belong to ``export seating``: refused elsewhere rather than ignored."""
    if arguments.format == "seating":
        return
    if arguments.event:
        raise CommandError(
            _("export {format} takes no EVENT ({event!r}); only export seating does").format(
                format=arguments.format, event=visible(arguments.event)
            )
        )
    given = [name for name in ("tables", "seats") if getattr(arguments, name) is not None]
    if given:
        raise CommandError(
            _("--{option} is for export seating, not export {format}").format(option=given[0], format=arguments.format)
        )


def run_export(store: Store, arguments: argparse.Namespace) -> int:
    _refuse_seating_options(arguments)
    visit = _visit(store)
    if arguments.format in printing.FORMATS:
        return printing.run_export(store, visit, arguments)
    printing.refuse_document_options(arguments)
    officer = officer_named(store, arguments.officer) if arguments.officer else None
    if arguments.format == "ics":
        from liaison_tui.reports.calendar import itinerary_calendar

        _emit(store, itinerary_calendar(store.data, visit, _file_id(store), officer), arguments.output)
    elif arguments.format in ("meals", "arrivals"):
        from liaison_tui.spreadsheets import handouts

        write = handouts.meals_csv if arguments.format == "meals" else handouts.arrivals_csv
        _emit(store, ("\ufeff" + write(store.data, visit)).encode(), arguments.output)
    elif arguments.format == "csv":
        from liaison_tui.spreadsheets.exporting import table_csv

        if arguments.table:
            _emit(store, ("\ufeff" + table_csv(store.data, _table_kind(arguments.table))).encode(), arguments.output)
            return 0
        if not arguments.output:
            raise CommandError(_("export csv writes one file per table: give -o FOLDER, or --table NAME"))
        folder = Path(arguments.output)
        if folder.exists() and not folder.is_dir():
            raise CommandError(
                _("{folder}: not a folder; export csv writes one file per table there").format(
                    folder=visible(str(folder))
                )
            )
        targets = {folder / kind.csv_name: kind for kind in SPREADSHEET_KINDS}
        for target in targets:  # all refused before any is written
            output_to.refuse_data_files(target, _data_file(store))
        folder.mkdir(parents=True, exist_ok=True)
        for target, kind in targets.items():
            _emit(store, ("\ufeff" + table_csv(store.data, kind)).encode(), str(target))
    else:
        from liaison_tui.reports import documents as export_doc

        text = (
            export_doc.handout_markdown(store.data, visit, officer)
            if officer
            else export_doc.itinerary_markdown(store.data, visit)
        )
        _emit(store, text.encode(), arguments.output)
    return 0


def _options(store: Store, arguments: argparse.Namespace) -> dict[str, Any]:
    """The import options besides the columns: the sheet, and whether (and from which id) to add cities."""
    return {"sheet": arguments.sheet, "add_cities": arguments.add_cities, "next_city_id": store.next_id(Kind.CITY)}


def _cities(plan: ImportPlan) -> str:
    return ", ".join(f"{city.name} ({city.country})" if city.country else city.name for city in plan.new_cities)


def _import_under_lock(
    store: Store, kind: Kind, arguments: argparse.Namespace, overrides: dict[str, str], visit: Visit | None
) -> ImportPlan:
    """Plan again from the data as it is under the writers' lock, and commit that plan.

    Another import (or the app) may have saved since the first plan: planned
    outside the lock, two imports of one file would each add every officer.
    """
    final: list[ImportPlan] = []

    def replan(data: Dataset) -> list[Edit]:
        try:
            plan = plan_import(
                data, kind, arguments.file, overrides, visit.id if visit else 0, **_options(store, arguments)
            )
        except CsvImportError as error:
            raise CommandError(str(error)) from None
        if plan.rejected and not arguments.skip_bad:
            raise CommandError(
                ngettext(
                    "{file}: {n} row became bad as the file or the data changed meanwhile; "
                    "nothing was written, run the import again",
                    "{file}: {n} rows became bad as the file or the data changed meanwhile; "
                    "nothing was written, run the import again",
                    len(plan.rejected),
                ).format(file=visible(str(arguments.file)), n=len(plan.rejected))
            )
        final.append(plan)
        return plan.edits

    Session(store).save_planned(replan, reason=Reason.IMPORT)
    return final[-1]


def run_import(store: Store, arguments: argparse.Namespace) -> int:
    overrides = {}
    for item in arguments.map:
        column, separator, target = item.partition("=")
        if not separator or not column.strip() or not target.strip():
            raise CommandError(_("--map {item!r}: use 'Column name=field'").format(item=item))
        overrides[column.strip()] = target.strip()
    kind = _table_kind(arguments.kind)
    visit = store.current_visit()
    if kind is Kind.EVENT and visit is None:
        raise CommandError(_("{file}: add a visit before importing events").format(file=store.where))
    err = Console(stderr=True)

    def progress(rows: Iterator[tuple[int, list[str]]], total: int) -> Iterator[tuple[int, list[str]]]:
        if total < 2000 or not err.is_terminal:
            yield from rows
            return
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task(_("Reading {file}").format(file=arguments.file.name), total=total)
            for row in rows:
                bar.advance(task)
                yield row

    try:
        plan = plan_import(
            store.data,
            kind,
            arguments.file,
            overrides,
            visit.id if visit else 0,
            progress,
            **_options(store, arguments),
        )
    except CsvImportError as error:
        raise CommandError(str(error)) from None
    counts = plan.counts()
    console = Console()
    if plan.honorific_columns:
        columns = ", ".join(plan.honorific_columns)
        err.print(literal(_("Read as honorifics (Mr, Dr, ...), not job titles: {columns}").format(columns=columns)))
    if plan.unknown_columns:
        columns = ", ".join(plan.unknown_columns)
        err.print(literal(_("Columns not imported: {columns} (use --map 'Column=field')").format(columns=columns)))
    if arguments.dry_run or plan.rejected:
        console.print(_plan_table(plan, show_unchanged=arguments.dry_run))
    summary = _("{add} to add, {update} to update, {unchanged} unchanged, {reject} rejected").format(**counts)
    if arguments.dry_run:
        if plan.new_cities:
            print(visible(_("Cities to create: {cities}").format(cities=_cities(plan))))
        print(_("Dry run: {summary}. Nothing was written.").format(summary=summary))
        return 1 if plan.rejected else 0
    if plan.rejected and not arguments.skip_bad:
        print(
            ngettext(
                "Not imported: {n} bad row, listed above. Fix it, or use --skip-bad.",
                "Not imported: {n} bad rows, listed above. Fix them, or use --skip-bad.",
                counts["reject"],
            ).format(n=counts["reject"]),
            file=sys.stderr,
        )
        return 1
    if plan.edits:
        plan = _import_under_lock(store, kind, arguments, overrides, visit)
        counts = plan.counts()
    done = _("{file}: {add} added, {update} updated, {unchanged} unchanged").format(file=store.where, **counts)
    if plan.rejected:
        skipped = ngettext("{n} bad row skipped", "{n} bad rows skipped", counts["reject"]).format(n=counts["reject"])
        done = _("{done}, {skipped}").format(done=done, skipped=skipped)
    print(done)
    if plan.new_cities:
        print(visible(_("Cities created: {cities}").format(cities=_cities(plan))))
    return 0
