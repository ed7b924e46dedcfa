"""The history of changes: every kind of change recorded with who and what, in the same write as the change."""

from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.edits import added, changed, plan_delete
from liaison_tui.domain.history import Action, FieldChange, HistoryEntry, Reason
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import City, Officer, ValidationError
from liaison_tui.reports.history import news_lines
from liaison_tui.session import Session
from liaison_tui.store.history_table import HISTORY_TABLE
from liaison_tui.store.storage import StorageError, backup_path
from liaison_tui.store.store import Store

Captured = pytest.CaptureFixture[str]
BOX_DRAWING = dict.fromkeys(range(0x2500, 0x2580), " ")
HELPERS = Path(__file__).parent / "helpers"


@pytest.fixture(autouse=True)
def _wide_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # Rich wraps cells at 80 columns; compare whole values


def words(text: str) -> str:
    return " ".join(text.translate(BOX_DRAWING).split())


def run(path: Path, capsys: Captured, *arguments: str) -> tuple[int, str, str]:
    status = main(["--db", str(path), *arguments])
    out, err = capsys.readouterr()
    return status, words(out), err


def session_as(path: Path, who: str) -> Session:
    store = Store.open(path)
    store.author = who
    return Session(store)


def officer_named(store: Store, name: str) -> Officer:
    return next(o for o in store.data.officers.values() if o.name == name)


def test_add_edit_delete_and_undo_are_recorded_with_who_and_fields(sample_file: Path) -> None:
    session = session_as(sample_file, "Li")
    [city] = session.save([added(City(name="Busan", country="Korea"))]).edits
    duncan = officer_named(session.store, "Duncan Sandeman")
    session.save([changed(duncan, dataclasses.replace(duncan, phone="+64 3 941 8999"))])
    session.undo()
    assert city.after is not None
    session.save(plan_delete(session.store.data, city.after))
    entries = Store.open(sample_file, read_only=True).history()  # as saved in the file
    told = [(e.who, e.action, e.reason, e.kind, e.record_name) for e in entries]
    assert told == [
        ("Li", Action.ADDED, Reason.EDIT, Kind.CITY, "Busan"),
        ("Li", Action.CHANGED, Reason.EDIT, Kind.OFFICER, "Duncan Sandeman"),
        ("Li", Action.CHANGED, Reason.UNDO, Kind.OFFICER, "Duncan Sandeman"),
        ("Li", Action.REMOVED, Reason.EDIT, Kind.CITY, "Busan"),
    ]
    assert FieldChange("country", "", "Korea") in entries[0].changes  # an add: the new values
    assert entries[1].changes == (FieldChange("phone", "", "+64 3 941 8999"),)
    assert entries[2].changes == (FieldChange("phone", "+64 3 941 8999", ""),)
    assert FieldChange("country", "Korea", "") in entries[3].changes  # a delete: what was deleted
    assert entries[1].record_id == duncan.id and all(e.at.tzinfo is UTC for e in entries)
    assert len({e.change for e in entries}) == 4  # four saves


def test_a_refused_save_records_nothing(sample_file: Path) -> None:
    session = session_as(sample_file, "Li")
    with pytest.raises(ValidationError):
        session.save([added(City(name=""))])  # no name: refused by validation
    assert session.store.history() == []
    assert json.loads(sample_file.read_text())[HISTORY_TABLE] == {}


def test_import_and_check_in_from_the_command_line(sample_file: Path, tmp_path: Path, capsys: Captured) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text("Name,Email,City\nAino Virtanen,aino@hel.example,Helsinki\nKaho Sato,kaho@hel.example,Helsinki\n")
    assert run(sample_file, capsys, "--user", "Wang", "import", "officers", str(sheet))[0] == 0
    status, _, err = run(sample_file, capsys, "--user", "Mei", "check-in", "library", "kahonen", "sandeman")
    assert (status, err) == (0, "")
    entries = Store.open(sample_file, read_only=True).history()
    imported = [(e.who, e.reason, e.action, e.record_name) for e in entries[:2]]
    assert imported == [
        ("Wang", Reason.IMPORT, Action.ADDED, "Aino Virtanen"),
        ("Wang", Reason.IMPORT, Action.ADDED, "Kaho Sato"),
    ]
    checks = entries[2:]
    assert [(e.who, e.kind, e.record_name) for e in checks] == [
        ("Mei", Kind.CHECK_IN, "Henri Kahonen at Visit to a library"),
        ("Mei", Kind.CHECK_IN, "Duncan Sandeman at Visit to a library"),
    ]
    assert checks[0].value("status") == "present" and checks[0].value("by") == "Mei"  # --user is the caller too
    assert news_lines(entries) == [
        "Wang (import) added officer Kaho Sato and 1 more record",
        "Mei checked in 2 people at Visit to a library",
    ]


def test_the_history_command_filters_by_time_person_and_record(sample_file: Path, capsys: Captured) -> None:
    session = session_as(sample_file, "Li Wei")
    session.store.clock = lambda: datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    duncan = officer_named(session.store, "Duncan Sandeman")
    session.save([changed(duncan, dataclasses.replace(duncan, room="101"))])
    later = session_as(sample_file, "Kaho")
    henri = officer_named(later.store, "Henri Kahonen")
    later.save([changed(henri, dataclasses.replace(henri, room="202"))])

    status, out, _ = run(sample_file, capsys, "history")
    assert status == 0 and "History (2 entries, local time, newest last)" in out
    assert out.index("Li Wei") < out.index("Kaho")  # newest last
    assert "room: (empty) → 101" in out
    since = datetime(2026, 12, 2, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    _, out, _ = run(sample_file, capsys, "history", "--since", since)
    assert "Henri Kahonen" in out and "Duncan" not in out
    _, out, _ = run(sample_file, capsys, "history", "--who", "li wei")
    assert "Duncan Sandeman" in out and "Henri" not in out
    _, out, _ = run(sample_file, capsys, "history", "--record", "kahonen")
    assert "(1 entry," in out and "Henri Kahonen #" in out


@pytest.mark.parametrize("since", ["yesterday", "2026-13-01 09:00", "2026-12-01 25:00"])
def test_a_bad_since_is_refused_clearly(sample_file: Path, capsys: Captured, since: str) -> None:
    status, out, err = run(sample_file, capsys, "history", "--since", since)
    assert status == 1 and out == ""
    assert err == f"liaison-tui: --since '{since}': expected a local date and time such as '2026-12-03 09:00'\n"


def test_user_text_in_the_history_is_shown_literally(sample_file: Path, capsys: Captured) -> None:
    session_as(sample_file, "[b]Eve\x1b[2J").save([added(City(name="[red]Busan\x1b]52;c;x\x07"))])
    status, out, _ = run(sample_file, capsys, "history")
    assert status == 0 and "[b]Eve␛[2J" in out and "[red]Busan␛]52;c;x␇" in out and "\x1b" not in out


def test_keep_days_trims_old_entries_and_says_how_many(sample_file: Path, capsys: Captured) -> None:
    old = session_as(sample_file, "Li")
    old.store.clock = lambda: datetime.now(UTC) - timedelta(days=40)
    old.save([added(City(name="Busan")), added(City(name="Kobe"))])
    session_as(sample_file, "Kaho").save([added(City(name="Turku"))])
    status, out, _ = run(sample_file, capsys, "history", "--keep-days", "30")
    assert status == 0 and "removed 2 history entries from before" in out
    assert [e.record_name for e in Store.open(sample_file).history()] == ["Turku"]
    assert run(sample_file, capsys, "history", "--keep-days", "30")[1].endswith(
        f"removed 0 history entries from before {(datetime.now(UTC) - timedelta(days=30)).astimezone():%Y-%m-%d} "
        + out.rsplit(" ", 1)[1]
    )
    new = session_as(sample_file, "Kaho").save([added(City(name="Oulu"))])
    assert new.change > 3  # ids are never reused after a trim


def test_the_backup_holds_the_history_of_its_version(sample_file: Path) -> None:
    session = session_as(sample_file, "Li")
    session.save([added(City(name="Busan"))])
    session.save([added(City(name="Kobe"))])
    backup = Store.open(backup_path(sample_file), read_only=True)
    assert [e.record_name for e in backup.history()] == ["Busan"]


def test_the_user_comes_from_the_environment_else_the_login(
    sample_file: Path, capsys: Captured, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "desk")
    Session(Store.open(sample_file)).save([added(City(name="Busan"))])
    monkeypatch.setenv("LIAISON_TUI_USER", "Li from the bus")
    Session(Store.open(sample_file)).save([added(City(name="Kobe"))])
    assert [e.who for e in Store.open(sample_file).history()] == ["desk", "Li from the bus"]


def test_a_killed_writer_leaves_data_and_history_agreeing(tmp_path: Path) -> None:
    """SIGKILL a process saving in a loop: every saved change has its entry, and no entry lacks its change."""
    path, log = tmp_path / "crash.json", tmp_path / "saved.log"
    Store.open(path).commit([added(Officer(name="counter", notes="0"))])
    for _ in range(5):
        writer = subprocess.Popen([sys.executable, str(HELPERS / "crash_writer.py"), str(path), str(log)])
        size = log.stat().st_size if log.exists() else 0
        deadline = time.monotonic() + 30
        while (log.stat().st_size if log.exists() else 0) == size and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.03)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        store = Store.open(path, read_only=True)
        counter = int(officer_named(store, "counter").notes)
        entries = store.history()
        added_names = [e.record_name for e in entries if e.action is Action.ADDED and e.kind is Kind.OFFICER]
        assert added_names == ["counter", *(f"w{n}" for n in range(1, counter + 1))]
        notes = [e.value("notes") for e in entries if e.record_name == "counter" and e.action is Action.CHANGED]
        assert notes == [str(n) for n in range(1, counter + 1)]
    assert counter > 5  # it really was saving between kills


def test_news_lines_tell_each_save_in_one_line() -> None:
    at = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)

    def entry(number: int, change: int, action: Action, kind: Kind, name: str, *fields: str) -> HistoryEntry:
        changes = tuple(FieldChange(f, "a", "b") for f in fields)
        return HistoryEntry(number, change, at, "Li", action, Reason.EDIT, kind, number, name, changes)

    edits = [
        entry(1, 1, Action.CHANGED, Kind.OFFICER, "Kaho Sato", "phone"),
        entry(2, 2, Action.CHANGED, Kind.EVENT, "Liaison conference", "speaker_ids"),
        entry(3, 2, Action.REMOVED, Kind.OFFICER, "Duncan Sandeman", "name"),
    ]
    assert news_lines(edits) == ["Li edited Kaho Sato (phone)", "Li deleted officer Duncan Sandeman and 1 more record"]
    many = [entry(n, n, Action.ADDED, Kind.CITY, f"City {n}") for n in range(1, 6)]
    assert news_lines(many) == ["Li added city City 1", "Li added city City 2", "… and 3 more changes (H: history)"]


def test_news_are_the_other_processes_saves_only(sample_file: Path) -> None:
    mine, theirs = session_as(sample_file, "Kaho"), session_as(sample_file, "Li")
    mine.save([added(City(name="Busan"))])
    theirs.save([added(City(name="Kobe"))])
    mine.save([added(City(name="Oulu"))])  # reloads Li's save first, under the lock
    assert [(e.who, e.record_name) for e in mine.news()] == [("Li", "Kobe")]
    assert mine.news() == []  # told once
    theirs.reload_if_changed()
    assert [e.record_name for e in theirs.news()] == ["Busan", "Oulu"]


def test_a_save_of_nothing_does_not_hide_the_next_change_of_another_process(sample_file: Path) -> None:
    """A save with no edits writes no history entry, so its number must not count as this session's own."""
    mine, theirs = session_as(sample_file, "Kaho"), session_as(sample_file, "Li")
    assert mine.save([]).change == 0
    theirs.save([added(City(name="Kobe"))])  # takes the history number the empty save did not use
    mine.reload_if_changed()
    assert [(e.who, e.record_name) for e in mine.news()] == [("Li", "Kobe")]


def test_a_copy_saved_after_the_file_went_keeps_the_history(sample_file: Path, tmp_path: Path) -> None:
    session = session_as(sample_file, "Li")
    session.save([added(City(name="Busan"))])
    sample_file.unlink()
    session.store.save_copy(tmp_path / "copy.json")
    session.save([added(City(name="Kobe"))])
    assert [e.record_name for e in Store.open(tmp_path / "copy.json").history()] == ["Busan", "Kobe"]


def test_a_hand_edited_history_counter_never_reuses_an_id(sample_file: Path) -> None:
    session_as(sample_file, "Li").save([added(City(name="Busan")), added(City(name="Kobe"))])
    tables = json.loads(sample_file.read_text())
    tables["meta"]["1"]["history_next_id"] = 1  # behind the entries there
    sample_file.write_text(json.dumps(tables))
    session_as(sample_file, "Li").save([added(City(name="Oulu"))])
    assert [(e.id, e.record_name) for e in Store.open(sample_file).history()] == [
        (1, "Busan"),
        (2, "Kobe"),
        (3, "Oulu"),
    ]


def test_a_save_after_a_hand_edited_counter_reports_the_number_it_recorded(sample_file: Path) -> None:
    # The session counts the number a save reports as its own: another number would hide or repeat a save.
    session_as(sample_file, "Li").save([added(City(name="Busan")), added(City(name="Kobe"))])
    tables = json.loads(sample_file.read_text())
    tables["meta"]["1"]["history_next_id"] = 1  # behind the entries there
    sample_file.write_text(json.dumps(tables))
    done = Store.open(sample_file).commit([added(City(name="Oulu"))])
    assert done.change == 3 == Store.open(sample_file).history()[-1].id


def test_an_unreadable_entry_is_named_and_the_data_still_opens(sample_file: Path, capsys: Captured) -> None:
    tables = json.loads(sample_file.read_text())
    tables[HISTORY_TABLE] = {"1": {"at": "yesterday"}}
    sample_file.write_text(json.dumps(tables))
    assert len(Store.open(sample_file).data.officers) == 4
    status, _, err = run(sample_file, capsys, "history")
    assert status == 1 and err.startswith("liaison-tui: history entry 1: cannot be read")


def test_a_save_the_disk_refused_leaves_no_entry(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = session_as(sample_file, "Li")

    def full_disk(*arguments: object, **options: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr("liaison_tui.store.storage.write_atomically", full_disk)
        with pytest.raises(StorageError, match="No space left"):
            session.save([added(City(name="Busan"))])
    assert session.store.history() == []  # not in memory either: the next save does not carry it
    session.save([added(City(name="Kobe"))])
    assert [e.record_name for e in Store.open(sample_file).history()] == ["Kobe"]


def test_a_copy_of_a_trimmed_history_never_reuses_an_id(sample_file: Path, tmp_path: Path) -> None:
    """Sessions tell "news" by entry number: a copy made after a trim carries the counter, not only the entries."""
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan"))])
    store.commit([added(City(name="Kobe"))])
    assert store.trim_history(datetime.now(UTC) + timedelta(days=1)) == 2
    store.save_copy(tmp_path / "copy.json")
    store.commit([added(City(name="Oulu"))])
    assert [(e.id, e.record_name) for e in Store.open(tmp_path / "copy.json").history()] == [(3, "Oulu")]


def test_a_planned_commit_reports_its_number_in_the_history(sample_file: Path) -> None:
    """An import saves through ``commit_planned``: the session counts the number it reports as its own save."""
    store = Store.open(sample_file)
    store.commit([added(City(name="Busan"))])
    commit = store.commit_planned(lambda data: [added(City(name="Kobe"))])
    assert (commit.edits[0].after.name, commit.reloaded) == ("Kobe", False)  # type: ignore[union-attr]
    assert commit.change == store.history()[-1].id == 2
    assert store.commit_planned(lambda data: []).change == 0  # nothing planned, nothing saved
