"""The command line in Chinese: help, errors and summaries translated, the data as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison_tui.cli.main import main


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
