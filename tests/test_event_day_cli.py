"""The event-day commands end to end on a copy of the sample: check-in, attendance, now, summary attendance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.badges import badge_code

Captured = pytest.CaptureFixture[str]
BOX_DRAWING = dict.fromkeys(range(0x2500, 0x2580), " ")


def run(path: Path, capsys: Captured, *arguments: str) -> tuple[int, str, str]:
    status = main(["--db", str(path), *arguments])
    out, err = capsys.readouterr()
    return status, words(out), err


def words(text: str) -> str:
    """Rich wraps lines and draws tables: compare the words alone."""
    return " ".join(text.translate(BOX_DRAWING).split())


def checkins(path: Path) -> list[dict[str, Any]]:
    table: dict[str, dict[str, Any]] = json.loads(path.read_text())["checkins"]
    return [{"id": int(key), **doc} for key, doc in sorted(table.items(), key=lambda item: int(item[0]))]


def test_check_in_by_a_few_letters_and_by_badge(sample_file: Path, capsys: Captured) -> None:
    status, out, err = run(sample_file, capsys, "check-in", "library", "kahnen", badge_code(1), "--by", "Wang")
    assert (status, err) == (0, "")
    assert "Present at Visit to a library (Wed 02 Dec 10:00): Henri Kahonen (Helsinki), Duncan Sandeman" in out
    assert "Head count: 2 of 3 present, 1 missing: Taylor Woodruff" in out
    saved = checkins(sample_file)
    assert [(c["event_id"], c["officer_id"], c["status"], c["by"]) for c in saved] == [
        (2, 3, "present", "Wang"),
        (2, 1, "present", "Wang"),
    ]
    assert all(c["at"].startswith("20") and len(c["at"]) == 16 for c in saved)


def test_absent_excused_again_and_undo(sample_file: Path, capsys: Captured, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "liaison-desk")
    assert run(sample_file, capsys, "check-in", "school", "Woodruff", "--absent")[1].startswith(
        "Missing at Visit to a local school"
    )
    assert checkins(sample_file)[-1]["by"] == "liaison-desk"  # --by defaults to the login name
    status, out, _ = run(sample_file, capsys, "check-in", "school", "Sandeman", "--excused")
    assert status == 0 and "Head count: 0 of 3 present, 2 missing: Taylor Woodruff, Henri Kahonen, 1 excused" in out
    status, out, _ = run(sample_file, capsys, "check-in", "school", "Sandeman", "--excused")
    assert status == 0 and "Already excused: Duncan Sandeman (Christchurch)" in out
    assert len(checkins(sample_file)) == 2  # nothing added for what was already so
    run(sample_file, capsys, "check-in", "school", "Woodruff")
    status, out, _ = run(sample_file, capsys, "check-in", "school", "Woodruff", "--undo")
    assert (
        status == 0
        and "Undone at Visit to a local school (Tue 01 Dec 10:00): Taylor Woodruff (Atlanta) (now missing)" in out
    )
    assert [c["status"] for c in checkins(sample_file)] == ["missing", "excused"]
    status, _, err = run(sample_file, capsys, "check-in", "school", "Kahonen", "--undo")
    assert status == 1 and "Henri Kahonen has not been called at 'Visit to a local school'" in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["visit", "Kahonen"],
            "'visit' matches 2 events: Visit to a local school (Tue 01 Dec 10:00), Visit to a library (Wed 02 Dec",
        ),
        (["banquet", "Kahonen"], "no event of Liaison officers' tour of Shenzhen matches 'banquet'"),
        (["library", "Tang"], "'Tang' matches Tang Lixia, not expected at Visit to a library (Wed 02 Dec 10:00)"),
        (["library", "Nobody"], "no one expected at Visit to a library (Wed 02 Dec 10:00) matches 'Nobody'"),
        (["library", badge_code(4)], f"Tang Lixia (badge {badge_code(4)}) is not expected at Visit to a library"),
        (["library", "Kahonen", "--absent", "--excused"], "not allowed with argument"),
        (["library", "Kahonen", "--day", "2026-12-01"], "no event on 2026-12-01 of Liaison officers"),
        (["#9", "Kahonen"], "no event #9 in Liaison officers' tour of Shenzhen"),
    ],
)
def test_what_cannot_be_resolved_is_refused_and_nothing_is_written(
    sample_file: Path, capsys: Captured, arguments: list[str], message: str
) -> None:
    before = sample_file.read_bytes()
    try:
        status, _, err = run(sample_file, capsys, "check-in", *arguments)
    except SystemExit as stopped:  # argparse refuses bad option combinations itself
        status, err = int(str(stopped.code)), capsys.readouterr().err
        assert status == 2
    else:
        assert status == 1
    assert message in " ".join(err.split()) and "Traceback" not in err
    assert sample_file.read_bytes() == before


def test_ambiguous_people_are_named(sample_file: Path, capsys: Captured) -> None:
    # The conference expects the three officers and Tang Lixia; "n" starts no name, but is in many.
    status, _, err = run(sample_file, capsys, "check-in", "conference", "an")
    assert status == 1 and "matches" in err and "be more precise" in err


def test_the_day_or_the_id_picks_one_of_several_events(sample_file: Path, capsys: Captured) -> None:
    status, out, _ = run(sample_file, capsys, "check-in", "visit", "Kahonen", "--day", "2026-12-02")
    assert status == 0 and "Present at Visit to a library" in out
    status, out, _ = run(sample_file, capsys, "check-in", "#1", "Kahonen")
    assert status == 0 and "Present at Visit to a local school" in out


def test_attendance_of_one_event_and_of_the_visit(
    sample_file: Path, capsys: Captured, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # whole titles in the table's cells
    run(sample_file, capsys, "check-in", "library", "Kahonen", "Sandeman", "--by", "Wang")
    run(sample_file, capsys, "check-in", "library", "Woodruff", "--absent", "--by", "Li")
    before = sample_file.read_bytes()
    status, out, _ = run(sample_file, capsys, "attendance", "libary")  # a typo is forgiven
    assert status == 0
    assert "Roll: Visit to a library (Wed 02 Dec 10:00)" in out and "Taylor Woodruff Atlanta missing" in out
    assert "Henri Kahonen" not in out.split("Head count")[0].split("missing:")[0]  # the present are not listed
    assert (
        "2 present, 1 called missing, 0 excused, 0 not called. "
        "Head count: 2 of 3 present, 1 missing: Taylor Woodruff" in out
    )
    status, out, _ = run(sample_file, capsys, "attendance", "library", "--all")
    assert status == 0 and "Henri Kahonen Helsinki present" in out and "Wang" in out
    status, out, _ = run(sample_file, capsys, "attendance")
    assert status == 0 and "Attendance per event" in out and "Visit to a library" in out
    assert "Taylor Woodruff Atlanta 0 1 0" in out and "2 present at every roll-call are not listed" in out
    status, out, _ = run(sample_file, capsys, "summary", "attendance")
    assert status == 0 and "Attendance per officer" in out
    assert sample_file.read_bytes() == before  # read-only commands
    assert run(sample_file, capsys, "attendance", "nothing")[0] == 1


@pytest.mark.parametrize(
    ("moment", "lines"),
    [
        (
            "2026-12-03 13:35",
            [
                "Thu 03 Dec 2026 13:35",
                "Now: nothing under way for the group",
                "Next: Company visits at Companies in Shenzhen (not named in the report), 14:00, leaves in 0:25",
                "Home: Atlanta 00:35 (night) · Helsinki 07:35 · Christchurch 18:35",
            ],
        ),
        (
            "2026-12-04 09:15",
            [
                "Now: Liaison conference at Not named in the report, until 12:00",
                "Next: nothing more for the group on this visit",
                "On the floor: nobody yet, first Duncan Sandeman (Christchurch)",
            ],
        ),
        (
            "2026-11-30 18:00",
            [
                "Next: Visit to a local school at A local school (not named in the report),",
                "Tue 01 Dec 10:00, leaves in 16:00",
            ],
        ),
    ],
)
def test_now_at_a_moment(sample_file: Path, capsys: Captured, moment: str, lines: list[str]) -> None:
    status, out, _ = run(sample_file, capsys, "now", "--at", moment)
    assert status == 0
    for line in lines:
        assert line in out


def test_now_refuses_a_bad_moment(sample_file: Path, capsys: Captured) -> None:
    status, _, err = run(sample_file, capsys, "now", "--at", "Friday")
    assert status == 1 and "--at: bad date and time 'Friday'" in err
    status, out, _ = run(sample_file, capsys, "now")  # the real clock: some board, whatever the date
    assert status == 0 and "Now: " in out and "Home: Atlanta" in out


def test_a_file_without_a_visit_or_no_file(tmp_path: Path, capsys: Captured) -> None:
    from liaison_tui.store.store import Store

    empty = tmp_path / "empty.json"
    Store.open(empty).close()
    for command in (["now"], ["attendance"], ["check-in", "library", "Kahonen"]):
        assert main(["--db", str(empty), *command]) == 1
        assert f"{empty}: holds no visit yet" in capsys.readouterr().err
        assert main(["--db", str(tmp_path / "missing.json"), *command]) == 1
        assert "no such data file" in capsys.readouterr().err


def test_starting_the_app_does_not_import_the_event_day_commands() -> None:
    code = "import sys, liaison_tui.cli.main, liaison_tui.ui.app; print('liaison_tui.cli.event_day' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
