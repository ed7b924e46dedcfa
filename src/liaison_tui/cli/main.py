"""The ``liaison-tui`` command: the app by default, and commands for scripts.

Every failure a user can cause (a bad file, a bad option) ends in one clear
line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.cells import cell_len

from liaison_tui import __version__
from liaison_tui.cli.arguments import person_name, whole_number_from_one
from liaison_tui.cli.closed_pipe import EXIT_BROKEN_PIPE, reader_went_away, stdout_is_devnull
from liaison_tui.cli.errors import CommandError
from liaison_tui.cli.export_options import add_export_command
from liaison_tui.cli.history import add_history_command, history_command
from liaison_tui.cli.language import add_language_option, speak_chosen_language
from liaison_tui.cli.serve import add_serve_command
from liaison_tui.domain.history import Reason
from liaison_tui.domain.kinds import SPREADSHEET_KINDS
from liaison_tui.domain.model import ValidationError
from liaison_tui.i18n import _, ngettext
from liaison_tui.reports.words import table_word
from liaison_tui.session import Session
from liaison_tui.store import paths
from liaison_tui.store.storage import StorageError
from liaison_tui.store.store import Store

EXIT_OK, EXIT_PROBLEM = 0, 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liaison-tui",
        description=_("Plan and run official delegation visits: cities, officers and the itinerary."),
        epilog=_(
            "With no COMMAND the app opens. The data file is --db, else ${variable}, "
            "else {default} (made from the bundled sample on first run)."
        ).format(variable=paths.ENVIRONMENT_VARIABLE, default=paths.default_data_file()),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"liaison-tui {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument("--db", metavar="PATH", help=_("data file to open (created empty if missing)"))
    add_language_option(parser)
    parser.add_argument(
        "--user",
        type=person_name,
        metavar="NAME",
        help=_("who the history records for your changes (default: your login name)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("check", help=_("validate the data file and print what it holds"))
    demo = commands.add_parser("demo", help=_("fill an empty data file with synthetic data for trying at scale"))
    demo.add_argument("--cities", type=whole_number_from_one, default=83, help=_("partner cities (default 83)"))
    demo.add_argument("--officers", type=whole_number_from_one, default=10_000, help=_("officers (default 10000)"))
    demo.add_argument("--days", type=whole_number_from_one, default=4, help=_("days of the visit (default 4)"))
    demo.add_argument("--past-visits", type=int, default=0, help=_("earlier visits to add, with their events"))
    demo.add_argument("--seed", type=int, default=1, help=_("random seed (same seed, same data)"))
    _add_report_commands(commands)
    _add_event_day_commands(commands)
    add_history_command(commands)
    add_serve_command(commands)
    return parser


SPREADSHEET_TABLES = [kind.table for kind in SPREADSHEET_KINDS]
# reports.summaries' names, spelt out so that opening the app does not import every report
# (test_help_names_every_summary keeps the two in step).
SUMMARY_NAMES = (
    *("delegation", "roster", "itinerary", "logistics", "meals"),
    *("arrivals", "followups", "conflicts", "attendance", "agenda", "precedence"),
    *("gifts", "interpreters"),
)


def _add_report_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = commands.add_parser("summary", help=_("print summary tables (all, or one by NAME)"))
    summary.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help=_("one of: {names}").format(names=", ".join(SUMMARY_NAMES)),
    )
    summary.add_argument("--officer", metavar="NAME", help=_("whose agenda (with NAME agenda)"))
    summary.add_argument(
        "--day", metavar="DAY", help=_("meals: that day's only (today, tomorrow, a weekday such as fri, or YYYY-MM-DD)")
    )

    add_export_command(commands, SPREADSHEET_TABLES)

    importing = commands.add_parser(
        "import", help=_("import officers, cities, events, follow-ups or gifts from a CSV file or an .xlsx workbook")
    )
    importing.add_argument("kind", choices=SPREADSHEET_TABLES)
    importing.add_argument("file", type=Path)
    importing.add_argument("--sheet", metavar="NAME", help=_(".xlsx: read this sheet (default: the first)"))
    importing.add_argument(
        "--add-cities", action="store_true", help=_("officers: create the cities the file names that are not on file")
    )
    importing.add_argument("--dry-run", action="store_true", help=_("show what would change; write nothing"))
    importing.add_argument("--skip-bad", action="store_true", help=_("import the good rows even if some are bad"))
    importing.add_argument(
        "--map", action="append", default=[], metavar="'Column=field'", help=_("read a column as this field")
    )


def _add_event_day_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    checkin = commands.add_parser(
        "check-in", help=_("call the roll: mark people present (or absent, excused) at an event of the visit")
    )
    checkin.add_argument(
        "event", metavar="EVENT", help=_("the event: its title or part of it (typos forgiven), or #ID")
    )
    checkin.add_argument("who", nargs="+", metavar="WHO", help=_("a badge code, or a name (a few letters will do)"))
    status = checkin.add_mutually_exclusive_group()
    status.add_argument("--absent", action="store_true", help=_("mark them missing"))
    status.add_argument("--excused", action="store_true", help=_("mark them excused"))
    status.add_argument("--undo", action="store_true", help=_("take back each one's latest check-in at the event"))
    checkin.add_argument("--day", metavar="YYYY-MM-DD", help=_("the event's day, when titles repeat"))
    checkin.add_argument("--by", metavar="NAME", help=_("who calls the roll (default: your login name)"))
    attendance = commands.add_parser("attendance", help=_("who was present, missing or excused (one event, or all)"))
    attendance.add_argument("event", nargs="?", metavar="EVENT", help=_("one event (else every event called)"))
    attendance.add_argument("--day", metavar="YYYY-MM-DD", help=_("the event's day, when titles repeat"))
    attendance.add_argument("--all", action="store_true", help=_("with EVENT: list the present too"))
    now = commands.add_parser("now", help=_("the Now board: under way, next stop, who is missing, home times"))
    now.add_argument("--at", metavar="'YYYY-MM-DD HH:MM'", help=_("the moment, in the visit's time zone (default now)"))


def _data_file(arguments: argparse.Namespace) -> Path:
    path = paths.resolve_data_file(arguments.db)
    if arguments.db is None and path == paths.default_data_file() and paths.ensure_default_data_file(path):
        print(_("Created your data file {path} from the sample visit.").format(path=path), file=sys.stderr)
    return path


def _open(
    arguments: argparse.Namespace, *, create: bool = True, read_only: bool = False, path: Path | None = None
) -> Store:
    """The data file (``path``, else the one the arguments name), with ``--user`` as who its changes are recorded as."""
    store = Store.open(path or _data_file(arguments), create=create, read_only=read_only)
    if arguments.user:
        store.author = arguments.user
    return store


def run_check(arguments: argparse.Namespace) -> int:
    from liaison_tui.domain.validation import duplicate_cities, duplicate_emails
    from liaison_tui.reports.display import visible

    store = _open(arguments, create=False, read_only=True)
    problems = duplicate_cities(store.data) + duplicate_emails(store.data)  # the file loads, but is not sound
    verdict = ngettext("{n} problem", "{n} problems", len(problems)).format(n=len(problems)) if problems else _("sound")
    print(f"{store.where}: {verdict}")
    for problem in problems:
        print(f"  {visible(str(problem))}")
    for table, count in store.data.counts().items():
        shown = table_word(table)
        print(f"  {shown}{' ' * max(1, 11 - cell_len(shown))}{count:>7}")  # aligned in cells: 城市 takes 4
    visit = store.current_visit()
    if visit:
        print(
            _("  current visit: {name} ({start} to {end}, {timezone})").format(
                name=visible(visit.name), start=visit.start_date, end=visit.end_date, timezone=visit.timezone
            )
        )
        from liaison_tui.domain.conflicts import find_conflicts

        conflicts = find_conflicts(store.data, visit)
        if problems:
            print(_("  conflicts in the plan (warnings): {n}").format(n=len(conflicts)))
        else:
            print(_("  conflicts in the plan (warnings; the file is sound): {n}").format(n=len(conflicts)))
        for conflict in conflicts[:10]:
            print(f"    {_(conflict.kind)}: {visible(conflict.message)}")
        if len(conflicts) > 10:
            print(_("    … and {n} more (liaison-tui summary conflicts)").format(n=len(conflicts) - 10))
    return EXIT_PROBLEM if problems else EXIT_OK


def run_demo(arguments: argparse.Namespace) -> int:
    from liaison_tui.domain.demo import generate

    store = _open(arguments)
    if any(store.data.counts().values()):
        message = _("{file} already holds data; demo fills only an empty or new file").format(file=store.where)
        print(f"liaison-tui: {message}", file=sys.stderr)
        return EXIT_PROBLEM
    edits = generate(arguments.cities, arguments.officers, arguments.days, arguments.past_visits, arguments.seed)
    Session(store).save(edits, reason=Reason.DEMO)
    counts = ", ".join(f"{n} {table_word(table)}" for table, n in store.data.counts().items())
    print(_("{file}: synthetic data written ({counts})").format(file=store.where, counts=counts))
    return EXIT_OK


StoreOpener = Callable[[], Store]
AppOpener = Callable[[StoreOpener, Path], None]  # the app opens the file itself, after its first frame


def _no_app(open_store: StoreOpener, path: Path) -> None:
    raise CommandError(_("this entry point has no app: run liaison-tui, or give a COMMAND (see --help)"))


def _on_store(command: str, *, read_only: bool) -> Callable[[argparse.Namespace], int]:
    """Run ``cli_reports.run_<command>`` on the data file, importing it only then."""

    def run(arguments: argparse.Namespace) -> int:
        from liaison_tui.cli import reports as cli_reports

        store = _open(arguments, create=False, read_only=read_only)
        return int(getattr(cli_reports, f"run_{command}")(store, arguments))

    return run


def _during_event(command: str, *, read_only: bool) -> Callable[[argparse.Namespace], int]:
    """Run ``event_day.run_<command>`` on the data file, importing it only then."""

    def run(arguments: argparse.Namespace) -> int:
        from liaison_tui.cli import event_day

        store = _open(arguments, create=False, read_only=read_only)
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
    "history": lambda arguments: history_command(
        _open(arguments, create=False, read_only=arguments.keep_days is None), arguments
    ),
    "serve": run_serve,
}


def _complain(message: str) -> None:
    """One error on stderr; names from the data in it cannot drive the terminal."""
    from liaison_tui.reports.display import visible

    print(f"liaison-tui: {visible(message, multiline=True)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None, *, open_app: AppOpener = _no_app) -> int:
    """Run one command (or, with none, ``open_app`` on the data file); the exit status."""
    speak_chosen_language(argv)  # before the parser is built: its help is in that language
    arguments = build_parser().parse_args(argv)
    try:
        if arguments.command is None:
            path = _data_file(arguments)
            open_app(functools.partial(_open, arguments, path=path), path)
            return EXIT_OK
        return COMMANDS[arguments.command](arguments)
    except (StorageError, ValidationError, CommandError) as error:
        _complain(str(error))
        return EXIT_PROBLEM
    except BrokenPipeError:
        return reader_went_away()
    except SystemExit as stop:
        # Rich meets a closed pipe by pointing stdout at /dev/null and exiting 1; say it as the rest do.
        if stop.code == 1 and stdout_is_devnull():
            return EXIT_BROKEN_PIPE
        raise
    except OSError as error:
        _complain(f"{error.filename or ''}: {error.strerror or error}")
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
