"""The history and the officer lookup in Chinese: the words translated, names and field values as stored."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.edits import added
from liaison_tui.domain.history import Action, FieldChange, HistoryEntry, Reason
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer
from liaison_tui.i18n import set_language
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.reports.history import news_lines
from liaison_tui.store.store import Store
from liaison_tui.ui.dialogs.ask_name import AskNameDialog
from liaison_tui.ui.dialogs.history_screen import HistoryScreen
from liaison_tui.ui.widgets.key_bar import KeyBar
from ui_helpers import make_app, screen_text

Captured = pytest.CaptureFixture[str]
AT = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # no table cell wraps in the middle of what a test looks for


def _entry(
    number: int, change: int, action: Action, kind: Kind, name: str, *fields: str, reason: Reason = Reason.EDIT
) -> HistoryEntry:
    changes = tuple(FieldChange(f, "a", "b") for f in fields)
    return HistoryEntry(number, change, AT, "Li", action, reason, kind, number, name, changes)


def _marked(number: int, status: str, action: Action = Action.ADDED) -> HistoryEntry:
    """One mark of a roll call at the library visit, in save 7."""
    changes = (FieldChange("status", "", status),)
    name = f"Officer {number} at Visit to a library"
    return HistoryEntry(number, 7, AT, "Li", action, Reason.EDIT, Kind.CHECK_IN, number, name, changes, 0, "参观图书馆")


def test_colleagues_saves_are_told_in_chinese_with_names_as_stored() -> None:
    set_language("zh")
    edits = [
        _entry(1, 1, Action.CHANGED, Kind.OFFICER, "Kaho Sato", "phone"),
        _entry(2, 2, Action.CHANGED, Kind.EVENT, "Liaison conference", "speaker_ids"),
        _entry(3, 2, Action.REMOVED, Kind.OFFICER, "Duncan Sandeman", "name"),
        _entry(4, 3, Action.ADDED, Kind.CITY, "Busan", "name", reason=Reason.UNDO),
    ]
    assert news_lines(edits) == [
        "Li 编辑了 Kaho Sato（phone）",
        "Li 删除了联络官 Duncan Sandeman，另有 1 条记录",
        "Li（撤销） 新增了城市 Busan",
    ]
    roll = [_marked(n, "present") for n in range(1, 4)]
    assert news_lines(roll) == ["Li 在“参观图书馆”为 3 人签到"]
    assert news_lines([_marked(1, "missing")]) == ["Li 在“参观图书馆”登记 1 人缺席"]
    assert news_lines([_marked(1, "present", Action.REMOVED)]) == ["Li 撤回了“参观图书馆”的 1 条签到"]
    many = [_entry(n, 10 + n, Action.ADDED, Kind.CITY, f"City {n}") for n in range(1, 6)]
    assert news_lines(many)[-1] == "… 另有 3 项修改（H：历史记录）"


def test_one_person_and_several_check_ins_in_english() -> None:
    assert news_lines([_marked(1, "excused")]) == ["Li excused 1 person at 参观图书馆"]
    assert news_lines([_marked(1, "present", Action.REMOVED), _marked(2, "present", Action.REMOVED)]) == [
        "Li took back 2 check-ins at 参观图书馆"
    ]


def test_history_command_in_chinese(sample_file: Path, capsys: Captured) -> None:
    db = ["--db", str(sample_file)]
    assert main([*db, "--user", "梅", "check-in", "library", "kahonen", "sandeman"]) == 0
    capsys.readouterr()
    assert main(["--lang", "zh", *db, "history"]) == 0
    out = capsys.readouterr().out
    assert "历史记录（2 条，本地时间，最新在后）" in out
    assert all(heading in out for heading in ("时间", "人员", "事项", "记录", "字段"))
    assert "新增签到" in out and "梅" in out and "Henri Kahonen at Visit to a library" in out  # the data as stored
    assert "status: present" in out  # field names and values are data: not translated
    assert "History" not in out and "added" not in out
    assert main(["--lang", "zh", *db, "history", "--since", "yesterday"]) == 1
    assert "--since 'yesterday'：应为本地日期和时间" in capsys.readouterr().err
    assert main(["--lang", "zh", *db, "history", "--keep-days", "0"]) == 0
    assert "：已删除 " in (trimmed := capsys.readouterr().out) and " 之前的 2 条历史记录" in trimmed


def test_officer_lookup_errors_in_chinese(sample_file: Path, capsys: Captured) -> None:
    db = ["--db", str(sample_file)]
    assert main(["--lang", "zh", *db, "summary", "agenda", "--officer", "Nobody"]) == 1
    assert "没有名为 'Nobody' 的联络官" in capsys.readouterr().err
    store = Store.open(sample_file)
    store.commit([added(Officer(name="Wang Wei")), added(Officer(name="Wang Wei", title="Driver"))])
    assert main(["--lang", "zh", *db, "summary", "agenda", "--officer", "wang wei"]) == 1
    err = capsys.readouterr().err
    weis = [o for o in Store.open(sample_file).data.officers.values() if o.name == "Wang Wei"]
    listed = ", ".join(f"Wang Wei (接待方, {badge_code(o.id)})" for o in weis)
    assert f"有 2 位联络官同样符合 'wang wei'：{listed}；请输入得更具体些，可照列出的写法" in err


async def test_history_screen_and_name_dialog_in_chinese(sample_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_language("zh")
    monkeypatch.setenv("LIAISON_TUI_ASK_USER", "1")
    app = make_app(sample_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AskNameDialog)
        asked = "".join("".join(screen_text(widget).split()) for widget in app.screen.query("Static, Input"))
        assert "请输入您的姓名：历史记录会将其与您的修改一并记下。" in asked and "例如：李伟" in asked  # unwrapped
        await pilot.press("enter")
        assert "请输入您的姓名，然后按 Enter" in screen_text(app.screen.query_one("#ask-name-problem"))
        await pilot.press(*"Li", "enter")
        await pilot.press("H")
        assert isinstance(app.screen, HistoryScreen)
        assert str(app.screen.query_one("Vertical").border_title).startswith("本次会话开始以来的修改（自 ")
        assert "暂无修改。" in screen_text(app.screen.query_one("#history-empty"))
        hints = screen_text(app.screen.query_one(KeyBar))
        assert "显示记录" in hints and "今天以来" in hints and "Show record" not in hints
        await pilot.press("m")
        assert str(app.screen.query_one("Vertical").border_title).startswith("今天以来的修改（自 ")


def test_lookup_hits_describe_in_chinese(sample_file: Path) -> None:
    store = Store.open(sample_file)
    store.commit([added(Officer(name="Wang Wei"))])  # host staff: no city
    set_language("zh")
    index = LookupIndex(store.data)
    [host] = [hit.entry for hit in index.search("wang wei") if hit.entry.kind is Kind.OFFICER]
    assert host.context == "接待方"
    event = next(hit.entry for hit in index.search("library") if hit.entry.kind is Kind.EVENT)
    assert re.fullmatch(r"12月\d+日 周. \d\d:\d\d", event.context)
