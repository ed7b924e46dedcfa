"""Names holding terminal escapes never reach a terminal as escapes; files and pipes keep every byte.

The commands run in a real pseudo-terminal (raw mode, so the terminal adds
nothing of its own), as a user would run them.
"""

from __future__ import annotations

import dataclasses
import os
import pty
import re
import subprocess
import sys
import tty
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import added, changed
from liaison_tui.domain.model import Officer
from liaison_tui.store.store import Store

CLEAR_SCREEN = "attack \x1b[2J\x1b[H one"
SET_CLIPBOARD = "attack \x1b]52;c;cm0gLXJmIH4=\x07 two"
LINK = "attack \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ three"
C1 = "attack \x9b31m four \x85"
HOSTILE = [CLEAR_SCREEN, SET_CLIPBOARD, LINK, C1]
# Any C0 control but the line feed, DEL, and the C1 controls (as UTF-8 or as raw bytes).
CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
ATTACKS = [b"\x1b[2J", b"\x1b]52", b"\x1b]8;;https://evil", b"\x07", b"\xc2\x9b", b"\xc2\x85"]


@pytest.fixture
def hostile_file(sample_file: Path) -> Path:
    store = Store.open(sample_file)
    atlanta = next(c for c in store.data.cities.values() if c.name == "Atlanta")
    store.commit([added(Officer(name=name, city_id=atlanta.id, notes=name)) for name in HOSTILE])
    conference = next(e for e in store.data.events.values() if e.title == "Liaison conference")
    store.commit([changed(conference, dataclasses.replace(conference, notes=" ".join(HOSTILE)))])
    return sample_file


def on_terminal(*args: str) -> tuple[int, bytes]:
    """Run the CLI with stdout and stderr on a raw pseudo-terminal; exit status and what it showed."""
    controller, terminal = pty.openpty()
    tty.setraw(terminal)  # no line-ending translation: we see exactly the bytes written
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"}
    environment.pop("NO_COLOR", None)
    command = subprocess.Popen(
        [sys.executable, "-m", "liaison_tui", *args],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env=environment,
    )
    os.close(terminal)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the program has exited and closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    return command.wait(timeout=60), bytes(shown)


@pytest.mark.parametrize(
    "command",
    [["export", "csv", "--table", "officers"], ["export", "md"], ["export", "html"], ["export", "ics"]],
)
def test_export_to_a_terminal_shows_no_control_characters(hostile_file: Path, command: list[str]) -> None:
    status, shown = on_terminal("--db", str(hostile_file), *command)
    assert status == 0
    assert CONTROL.findall(shown) == []
    if command[1] != "ics":  # (a calendar drops control characters itself)
        assert "attack ␛".encode() in shown and "␇".encode() in shown  # shown, as stand-ins


def test_export_into_a_pipe_or_file_is_byte_exact(hostile_file: Path) -> None:
    piped = subprocess.run(
        [sys.executable, "-m", "liaison_tui", "--db", str(hostile_file), "export", "csv", "--table", "officers"],
        capture_output=True,
        check=True,
    ).stdout
    target = hostile_file.parent / "officers.csv"
    assert main(["--db", str(hostile_file), "export", "csv", "--table", "officers", "-o", str(target)]) == 0
    assert piped == target.read_bytes()
    for name in HOSTILE:
        assert name.encode() in piped  # the data exactly as stored


def test_error_lines_naming_officers_show_no_control_characters(
    hostile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(hostile_file), "summary", "agenda", "--officer", "attack"]) == 1
    err = capsys.readouterr().err
    assert "4 officers match 'attack'" in err
    assert CONTROL.findall(err.encode()) == []
    assert "attack ␛]52;c;cm0gLXJmIH4=␇ two" in err


def test_summaries_and_errors_on_a_terminal_carry_no_attack(hostile_file: Path) -> None:
    for args in (["summary", "roster"], ["summary", "agenda", "--officer", "attack"], ["summary"]):
        status, shown = on_terminal("--db", str(hostile_file), *args)
        assert status == (1 if "agenda" in args else 0)
        assert [attack for attack in ATTACKS if attack in shown] == []
        assert b"attack" in shown


def test_import_table_on_a_terminal_carries_no_attack(sample_file: Path, tmp_path: Path) -> None:
    rows = "".join(f"{name},no-at-sign\n" for name in HOSTILE)  # each email invalid: listed as bad
    registration = tmp_path / "registration.csv"
    registration.write_text("Name,Email\n" + rows)
    status, shown = on_terminal("--db", str(sample_file), "import", "officers", str(registration), "--dry-run")
    assert status == 1
    assert [attack for attack in ATTACKS if attack in shown] == []
    assert b"attack" in shown


def test_check_shows_the_visit_name_literally(hostile_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(hostile_file)
    visit = store.current_visit()
    assert visit is not None
    store.commit([changed(visit, dataclasses.replace(visit, name=SET_CLIPBOARD))])
    main(["--db", str(hostile_file), "check"])
    out = capsys.readouterr().out
    assert "current visit: attack ␛]52" in out and CONTROL.findall(out.encode()) == []
