"""The ``liaison-tui`` command: the app by default, and commands for scripts.

Every failure a user can cause (a bad file, a bad option) ends in one clear
line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from liaison_tui import __version__
from liaison_tui.cli.errors import CommandError
from liaison_tui.cli.serve import add_serve_command
from liaison_tui.domain.kinds import SPREADSHEET_KINDS
from liaison_tui.domain.model import ValidationError
from liaison_tui.reports import summaries
from liaison_tui.session import Session
from liaison_tui.store import paths
from liaison_tui.store.storage import StorageError
from liaison_tui.store.store import Store

EXIT_OK, EXIT_PROBLEM = 0, 1
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a program stopped by a closed pipe


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liaison-tui",
        description="Plan and run official delegation visits: cities, officers and the itinerary.",
        epilog=f"With no COMMAND the app opens. The data file is --db, else ${paths.ENVIRONMENT_VARIABLE}, "
        f"else {paths.default_data_file()} (made from the bundled sample on first run).",
    )
    parser.add_argument("--version", action="version", version=f"liaison-tui {__version__}")
    parser.add_argument("--db", metavar="PATH", help="data file to open (created empty if missing)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("check", help="validate the data file and print what it holds")
    demo = commands.add_parser("demo", help="fill an empty data file with synthetic data for trying at scale")
    demo.add_argument("--cities", type=_positive, default=83, help="partner cities (default 83)")
    demo.add_argument("--officers", type=_positive, default=10_000, help="officers (default 10000)")
    demo.add_argument("--days", type=_positive, default=4, help="days of the visit (default 4)")
    demo.add_argument("--past-visits", type=int, default=0, help="earlier visits to add, with their events")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    _add_report_commands(commands)
    _add_event_day_commands(commands)
    add_serve_command(commands)
    return parser


SPREADSHEET_TABLES = [kind.table for kind in SPREADSHEET_KINDS]


def _add_report_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = commands.add_parser("summary", help="print summary tables (all, or one by NAME)")
    summary.add_argument("name", nargs="?", metavar="NAME", help=f"one of: {', '.join([*summaries.BY_NAME, 'agenda'])}")
    summary.add_argument("--officer", metavar="NAME", help="whose agenda (with NAME agenda)")
    summary.add_argument(
        "--day", metavar="DAY", help="meals: that day's only (today, tomorrow, a weekday such as fri, or YYYY-MM-DD)"
    )

    export = commands.add_parser(
        "export", help="write the itinerary or tables as ics, csv, md or html; meals or arrivals lists as CSV"
    )
    export.add_argument("format", choices=["ics", "csv", "md", "html", "meals", "arrivals"])
    export.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (a folder for all CSV tables); default stdout"
    )
    export.add_argument("--officer", metavar="NAME", help="one officer's agenda (ics) or handout (md, html)")
    export.add_argument("--table", choices=SPREADSHEET_TABLES, help="csv: just this table")

    importing = commands.add_parser(
        "import", help="import officers, cities, events or follow-ups from a CSV file or an .xlsx workbook"
    )
    importing.add_argument("kind", choices=SPREADSHEET_TABLES)
    importing.add_argument("file", type=Path)
    importing.add_argument("--sheet", metavar="NAME", help=".xlsx: read this sheet (default: the first)")
    importing.add_argument(
        "--add-cities", action="store_true", help="officers: create the cities the file names that are not on file"
    )
    importing.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    importing.add_argument("--skip-bad", action="store_true", help="import the good rows even if some are bad")
    importing.add_argument(
        "--map", action="append", default=[], metavar="'Column=field'", help="read a column as this field"
    )


def _add_event_day_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    checkin = commands.add_parser(
        "check-in", help="call the roll: mark people present (or absent, excused) at an event of the visit"
    )
    checkin.add_argument("event", metavar="EVENT", help="the event: its title or part of it (typos forgiven), or #ID")
    checkin.add_argument("who", nargs="+", metavar="WHO", help="a badge code, or a name (a few letters will do)")
    status = checkin.add_mutually_exclusive_group()
    status.add_argument("--absent", action="store_true", help="mark them missing")
    status.add_argument("--excused", action="store_true", help="mark them excused")
    status.add_argument("--undo", action="store_true", help="take back each one's latest check-in at the event")
    checkin.add_argument("--day", metavar="YYYY-MM-DD", help="the event's day, when titles repeat")
    checkin.add_argument("--by", metavar="NAME", help="who calls the roll (default: your login name)")
    attendance = commands.add_parser("attendance", help="who was present, missing or excused (one event, or all)")
    attendance.add_argument("event", nargs="?", metavar="EVENT", help="one event (else every event called)")
    attendance.add_argument("--day", metavar="YYYY-MM-DD", help="the event's day, when titles repeat")
    attendance.add_argument("--all", action="store_true", help="with EVENT: list the present too")
    now = commands.add_parser("now", help="the Now board: under way, next stop, who is missing, home times")
    now.add_argument("--at", metavar="'YYYY-MM-DD HH:MM'", help="the moment, in the visit's time zone (default now)")


def _data_file(arguments: argparse.Namespace) -> Path:
    path = paths.resolve_data_file(arguments.db)
    if arguments.db is None and path == paths.default_data_file() and paths.ensure_default_data_file(path):
        print(f"Created your data file {path} from the sample visit.", file=sys.stderr)
    return path


def run_check(arguments: argparse.Namespace) -> int:
    from liaison_tui.domain.validation import duplicate_cities, duplicate_emails
    from liaison_tui.reports.display import visible

    store = Store.open(_data_file(arguments), create=False, read_only=True)
    problems = duplicate_cities(store.data) + duplicate_emails(store.data)  # the file loads, but is not sound
    print(f"{store.where}: {f'{len(problems)} problem(s)' if problems else 'sound'}")
    for problem in problems:
        print(f"  {visible(str(problem))}")
    for table, count in store.data.counts().items():
        print(f"  {table:<10} {count:>7}")
    visit = store.current_visit()
    if visit:
        print(f"  current visit: {visible(visit.name)} ({visit.start_date} to {visit.end_date}, {visit.timezone})")
        from liaison_tui.domain.conflicts import find_conflicts

        conflicts = find_conflicts(store.data, visit)
        sound = "" if problems else "; the file is sound"
        print(f"  conflicts in the plan (warnings{sound}): {len(conflicts)}")
        for conflict in conflicts[:10]:
            print(f"    {conflict.kind}: {visible(conflict.message)}")
        if len(conflicts) > 10:
            print(f"    … and {len(conflicts) - 10} more (liaison-tui summary conflicts)")
    return EXIT_PROBLEM if problems else EXIT_OK


def run_demo(arguments: argparse.Namespace) -> int:
    from liaison_tui.domain.demo import generate

    store = Store.open(_data_file(arguments))
    if any(store.data.counts().values()):
        print(f"liaison-tui: {store.where} already holds data; demo fills only an empty or new file", file=sys.stderr)
        return EXIT_PROBLEM
    edits = generate(arguments.cities, arguments.officers, arguments.days, arguments.past_visits, arguments.seed)
    Session(store).save(edits)
    counts = ", ".join(f"{n} {table}" for table, n in store.data.counts().items())
    print(f"{store.where}: synthetic data written ({counts})")
    return EXIT_OK


AppOpener = Callable[[Store], None]


def _no_app(store: Store) -> None:
    raise CommandError("this entry point has no app: run liaison-tui, or give a COMMAND (see --help)")


def _on_store(command: str, *, read_only: bool) -> Callable[[argparse.Namespace], int]:
    """Run ``cli_reports.run_<command>`` on the data file, importing it only then."""

    def run(arguments: argparse.Namespace) -> int:
        from liaison_tui.cli import reports as cli_reports

        store = Store.open(_data_file(arguments), create=False, read_only=read_only)
        return int(getattr(cli_reports, f"run_{command}")(store, arguments))

    return run


def _during_event(command: str, *, read_only: bool) -> Callable[[argparse.Namespace], int]:
    """Run ``event_day.run_<command>`` on the data file, importing it only then."""

    def run(arguments: argparse.Namespace) -> int:
        from liaison_tui.cli import event_day

        store = Store.open(_data_file(arguments), create=False, read_only=read_only)
        return int(getattr(event_day, f"run_{command}")(store, arguments))

    return run


def run_serve(arguments: argparse.Namespace) -> int:
    from liaison_tui.cli.serve import run_serve as serve

    return serve(_data_file(arguments), arguments)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": run_check,
    "demo": run_demo,
    "summary": _on_store("summary", read_only=True),
    "export": _on_store("export", read_only=True),  # reopened writable only to record a calendar file id
    "import": _on_store("import", read_only=False),
    "check-in": _during_event("check_in", read_only=False),
    "attendance": _during_event("attendance", read_only=True),
    "now": _during_event("now", read_only=True),
    "serve": run_serve,
}


def _complain(message: str) -> None:
    """One error on stderr; names from the data in it cannot drive the terminal."""
    from liaison_tui.reports.display import visible

    print(f"liaison-tui: {visible(message, multiline=True)}", file=sys.stderr)


def _stdout_is_devnull() -> bool:
    try:
        out, null = os.fstat(sys.stdout.fileno()), os.stat(os.devnull)
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (null.st_dev, null.st_ino)


def _reader_went_away() -> int:
    """``liaison-tui … | head``: the reader has what it wanted; stop quietly, as git does."""
    # Python flushes stdout again at exit; point it at /dev/null so that flush cannot fail.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None, *, open_app: AppOpener = _no_app) -> int:
    """Run one command (or, with none, ``open_app`` on the data file); the exit status."""
    arguments = build_parser().parse_args(argv)
    try:
        if arguments.command is None:
            open_app(Store.open(_data_file(arguments)))
            return EXIT_OK
        return COMMANDS[arguments.command](arguments)
    except (StorageError, ValidationError, CommandError) as error:
        _complain(str(error))
        return EXIT_PROBLEM
    except BrokenPipeError:
        return _reader_went_away()
    except SystemExit as stop:
        # Rich meets a closed pipe by pointing stdout at /dev/null and exiting 1; say it as the rest do.
        if stop.code == 1 and _stdout_is_devnull():
            return EXIT_BROKEN_PIPE
        raise
    except OSError as error:
        _complain(f"{error.filename or ''}: {error.strerror or error}")
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
