"""``serve`` in Chinese: its start-up problems, its banner, the 403 page, and the sessions' language."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.i18n import set_language
from liaison_tui.serving import server as serving


def _serve_in_chinese(sample_file: Path, *options: str) -> int:
    return main(["--lang", "zh", "--db", str(sample_file), "serve", *options])


def test_a_port_in_use_is_said_in_chinese(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert _serve_in_chinese(sample_file, "--port", str(port)) == 1
    err = capsys.readouterr().err
    assert f"liaison-tui: 127.0.0.1 上的端口 {port} 已被占用" in err and "请用 --port 另选一个" in err
    assert "in use" not in err and "Traceback" not in err


def test_a_token_file_others_can_read_is_refused_in_chinese(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readable = tmp_path / "token"
    readable.write_text("a-token-others-can-read-0123456789")
    readable.chmod(0o644)
    assert _serve_in_chinese(sample_file, "--token-file", str(readable)) == 1
    assert f"{readable}：其他人可以读取令牌文件（权限 0644）；请运行 chmod 600 {readable}" in capsys.readouterr().err
    assert _serve_in_chinese(sample_file, "--token-file", str(tmp_path / "nothing")) == 1
    assert "没有此令牌文件" in capsys.readouterr().err


def test_a_bad_port_is_said_in_chinese(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _serve_in_chinese(sample_file, "--port", "70000")
    assert "70000 不是有效的端口号（应在 1 到 65535 之间）" in capsys.readouterr().err


def test_the_banner_is_in_chinese_and_so_are_the_sessions(
    sample_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server is not started: what it would serve, and what it prints once listening."""
    started: list[serving.OfficeServer] = []

    def listening(office: serving.OfficeServer, on_ready: Callable[[], None]) -> None:
        started.append(office)
        on_ready()

    monkeypatch.setattr(serving, "run", listening)
    assert _serve_in_chinese(sample_file, "--host", "0.0.0.0") == 0
    out, err = capsys.readouterr()
    assert f"正在向浏览器提供 {sample_file}。请打开：" in out and "按 Ctrl+C 停止服务器并结束所有会话。" in out
    assert "在另一台机器上：先运行 ssh -L" in out and "Serving" not in out
    assert "警告：正在 0.0.0.0 上提供服务" in err and "已停止；所有会话均已结束" in err
    # The apps the server starts get no --lang: they are told the language by the environment.
    assert started[0].environment["LIAISON_TUI_LANG"] == "zh"


def test_the_403_page_is_in_the_servers_language() -> None:
    assert serving._forbidden().text.startswith("403 Forbidden: open the address")
    set_language("zh")
    assert serving._forbidden().text == "403 禁止访问：请打开 liaison-tui serve 打印的地址（含其中的 ?token=…）\n"
