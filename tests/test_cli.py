"""The command line: version, help, check, demo and the default data file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from liaison_tui import __version__
from liaison_tui.cli.main import main
from liaison_tui.store import paths


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    for flag, expected in (("--version", __version__), ("--help", "--db PATH")):
        with pytest.raises(SystemExit) as stopped:
            main([flag])
        assert stopped.value.code == 0
        assert expected in capsys.readouterr().out


def test_check_sound_file(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sample_file.read_bytes()
    assert main(["--db", str(sample_file), "check"]) == 0
    out = capsys.readouterr().out
    assert "sound" in out and "officers" in out and "4" in out
    assert "conflicts in the plan (warnings; the file is sound): 0" in out
    assert sample_file.read_bytes() == before


def test_check_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"visits": {"1": {"name": 3}}}')
    assert main(["--db", str(bad), "check"]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "name: expected text" in err and "Traceback" not in err
    missing = tmp_path / "none.json"
    assert main(["--db", str(missing), "check"]) == 1
    assert capsys.readouterr().err.splitlines() == [f"liaison-tui: {missing}: no such data file"]  # which file


def test_demo_makes_synthetic_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.json"
    assert main(["--db", str(target), "demo", "--cities", "5", "--officers", "40", "--past-visits", "2"]) == 0
    assert main(["--db", str(target), "check"]) == 0
    out = capsys.readouterr().out
    assert "40" in out and "SYNTHETIC" in target.read_text()
    assert main(["--db", str(target), "demo"]) == 1  # never mixed into existing data
    assert "already holds data" in capsys.readouterr().err


def test_default_file_is_made_from_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    default = paths.default_data_file()
    assert str(default).startswith(str(tmp_path))
    assert main(["check"]) == 0
    assert default.read_bytes() == paths.sample_bytes()
    assert "Created your data file" in capsys.readouterr().err


def test_environment_variable_chooses_the_file(
    sample_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(paths.ENVIRONMENT_VARIABLE, str(sample_file))
    assert main(["check"]) == 0
    assert str(sample_file) in capsys.readouterr().out


def test_module_entry_point(sample_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "liaison_tui", "--db", str(sample_file), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "sound" in result.stdout


def test_help_names_every_summary(capsys: pytest.CaptureFixture[str]) -> None:
    from liaison_tui.reports import summaries

    with pytest.raises(SystemExit):
        main(["summary", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    listed = help_text.split("one of:")[1].split()[: len(summaries.BY_NAME) + 1]
    assert {name.strip(",") for name in listed} == {*summaries.BY_NAME, "agenda"}


@pytest.mark.parametrize(
    "module",
    [
        "liaison_tui.cli.reports",
        "liaison_tui.reports.summaries",
        "liaison_tui.ui.dialogs.record_form",
        "liaison_tui.ui.dialogs.roll_call",
        "liaison_tui.ui.dialogs.summaries_screen",
        "liaison_tui.ui.dialogs.help_screen",
    ],
)
def test_starting_the_app_does_not_import_what_the_first_screen_does_not_need(module: str) -> None:
    """Every import is time before the first screen; these wait until their key is pressed."""
    code = f"import sys, liaison_tui.launcher, liaison_tui.ui.app; print({module!r} in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    "command",
    [["check"], ["summary", "roster"], ["export", "md"], ["export", "csv", "--table", "officers"], ["attendance"]],
)
def test_piped_into_head_it_stops_quietly(tmp_path: Path, command: list[str]) -> None:
    data = tmp_path / "demo.json"
    subprocess.run(
        [sys.executable, "-m", "liaison_tui", "--db", str(data), "demo", "--officers", "3000"],
        check=True,
        capture_output=True,
    )
    # A reader that takes one line and closes the pipe, as `| head -1` does.
    writer = subprocess.Popen(
        [sys.executable, "-m", "liaison_tui", "--db", str(data), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert writer.stdout is not None and writer.stderr is not None
    assert writer.stdout.readline()
    writer.stdout.close()
    errors = writer.stderr.read().decode()
    writer.wait(timeout=60)
    assert errors == ""  # no "Broken pipe", no traceback
    assert writer.returncode in (0, 141)  # done before the reader left, or stopped by it: never 1
