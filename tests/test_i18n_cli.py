"""The command line in Chinese: help, errors and summaries translated, the data as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison_tui.cli.main import main


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables as on a 120-column terminal: no cell wraps in the middle of what a test looks for."""
    monkeypatch.setenv("COLUMNS", "120")


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_help_in_chinese_with_lang_option(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "--lang", "zh")
    assert "用法：liaison-tui" in out and "选项" in out and "显示本帮助信息并退出" in out
    assert "校验数据文件并列出其内容" in out  # a command's help
    assert "validate the data file" not in out and "show this help" not in out
    out = _help(capsys, "--lang", "zh", "summary")
    assert "打印汇总表" not in out and "谁的个人日程" in out


def test_language_from_the_environment(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIAISON_TUI_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "显示本帮助信息并退出" in _help(capsys)
    monkeypatch.setenv("LIAISON_TUI_LANG", "en")  # the app's own variable wins over the locale
    assert "show this help message and exit" in _help(capsys)
    assert "show this help message and exit" in _help(capsys, "--lang", "en")
    monkeypatch.setenv("LIAISON_TUI_LANG", "zh")
    assert "显示本帮助信息并退出" in _help(capsys)


def test_errors_in_chinese(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "--db", str(sample_file), "summary", "bogus"]) == 1
    assert "没有名为 'bogus' 的汇总" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "--db", str(sample_file), "summary", "--nonsense"])
    assert "错误：无法识别的参数：--nonsense" in capsys.readouterr().err


def test_check_in_chinese(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "--db", str(sample_file), "check"]) == 0
    out = capsys.readouterr().out
    assert "完好" in out and "当前访问：" in out and "Liaison officers' tour of Shenzhen" in out  # the data as typed


def test_summaries_in_chinese_translate_headings_and_keep_names(
    sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "zh", "--db", str(sample_file), "summary", "itinerary"]) == 0
    out = capsys.readouterr().out
    assert "日程：Liaison officers' tour of Shenzhen" in out  # heading translated, the visit's name as typed
    assert "第 4 天 12月4日 周五" in out and "Liaison conference" in out
    assert "Itinerary" not in out and "Day 4" not in out
    assert main(["--lang", "zh", "--db", str(sample_file), "summary", "agenda", "--officer", "Kahonen"]) == 0
    out = capsys.readouterr().out
    assert "个人日程：Henri Kahonen（Helsinki）" in out and "发言" in out
    assert main(["--lang", "zh", "--db", str(sample_file), "summary"]) == 0  # every summary draws in Chinese
    out = capsys.readouterr().out
    for heading in ("代表团", "名册完整性", "按航班的抵达", "日程中尚无用餐", "冲突", "各活动出勤"):
        assert heading in out


def test_the_columns_of_a_chinese_table_line_up(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Double-width characters take two cells: every line of a table is as wide as its border."""
    from rich.cells import cell_len

    assert main(["--lang", "zh", "--db", str(sample_file), "summary", "delegation"]) == 0
    table = [line for line in capsys.readouterr().out.splitlines() if line and line[0] in "┏┃┡│└"]
    assert len(table) >= 6 and "┃ 国家" in table[1]
    assert {cell_len(line.rstrip()) for line in table} == {cell_len(table[0])}
    # The column separators stand at the same cells on every row.
    rows = table[1:2] + table[3:-1]
    positions = {tuple(i for i, cell in enumerate(_cells(line)) if cell and cell in "┃│") for line in rows}
    assert len(positions) == 1


def _cells(line: str) -> list[str]:
    """The line as terminal cells: a double-width character fills two."""
    from rich.cells import cell_len

    out: list[str] = []
    for char in line:
        out += [char] + [""] * (cell_len(char) - 1)
    return out


def test_exports_in_chinese_keep_the_data(
    sample_file: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = ["--lang", "zh", "--db", str(sample_file)]
    assert main([*db, "export", "md"]) == 0
    markdown = capsys.readouterr().out
    assert "## 第 4 天：12月4日 星期五" in markdown and "| 时间 | 活动 | 地点 | 人数 |" in markdown
    assert "Liaison conference" in markdown and "# Liaison officers' tour of Shenzhen" in markdown
    assert main([*db, "export", "html", "-o", str(tmp_path / "it.html")]) == 0
    html = (tmp_path / "it.html").read_text(encoding="utf-8")
    assert '<html lang="zh">' in html and "名册" in html and "Henri Kahonen" in html
    assert main([*db, "export", "ics", "--officer", "Kahonen"]) == 0
    calendar = capsys.readouterr().out
    assert (
        "SUMMARY:Liaison conference" in calendar and "发言顺序" in calendar and "DTSTART;TZID=Asia/Shanghai" in calendar
    )
    # The tables' CSV is the import's schema: its column names stay as they are in every language.
    assert main([*db, "export", "csv", "--table", "officers"]) == 0
    english_headers = capsys.readouterr().out.lstrip("\ufeff").splitlines()[0]
    assert "name" in english_headers.casefold() and "姓名" not in english_headers
    # The caterer's list is read, never imported: its headings are in the reader's language.
    assert main([*db, "export", "meals"]) == 0
    assert capsys.readouterr().out.lstrip("\ufeff").startswith("日期,开始,结束,餐次")
