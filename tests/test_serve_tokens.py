"""The token that stands in for a login: made, read from its file (refused when others can read it), compared."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import pytest

from liaison_tui.serving.errors import ServingError
from liaison_tui.serving.server import bind_problem
from liaison_tui.serving.tokens import is_loopback, new_token, read_token_file, token_matches

GOOD = "kept-in-a-file_0123456789~abc"


def token_file(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    path = tmp_path / "token"
    path.write_text(text)
    path.chmod(mode)
    return path


def test_a_new_token_is_long_random_and_fit_for_an_address() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) >= 40 and token.replace("-", "").replace("_", "").isalnum() for token in tokens)


def test_a_token_file_of_ones_own_is_read_without_its_line_end(tmp_path: Path) -> None:
    assert read_token_file(token_file(tmp_path, f"  {GOOD}\n")) == GOOD


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o606])
def test_a_token_file_others_can_reach_is_refused(tmp_path: Path, mode: int) -> None:
    with pytest.raises(ServingError, match=rf"others can read the token file \(mode {mode:04o}\); run chmod 600"):
        read_token_file(token_file(tmp_path, GOOD, mode))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "at least 16 characters"),
        ("short-token", "at least 16 characters"),
        ("a token with spaces in it", "only letters, digits"),
        (f"{GOOD}\n{GOOD}", "only letters, digits"),
        ("tökén-with-accents-0123", "only letters, digits"),
    ],
)
def test_a_weak_or_unusable_token_is_refused(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(ServingError, match=problem):
        read_token_file(token_file(tmp_path, text))


def test_a_missing_or_odd_token_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ServingError, match="no such token file"):
        read_token_file(tmp_path / "nothing")
    with pytest.raises(ServingError, match="a folder, not a token file"):
        read_token_file(tmp_path)
    binary = tmp_path / "binary"
    binary.write_bytes(b"\xff\xfe" * 20)
    binary.chmod(0o600)
    with pytest.raises(ServingError, match="cannot read the token file"):
        read_token_file(binary)


def test_only_the_exact_token_matches() -> None:
    assert token_matches(GOOD, GOOD)
    for offered in (None, "", GOOD[:-1], GOOD + "x", GOOD.upper(), f" {GOOD}", "ü" * 10):
        assert not token_matches(offered, GOOD)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("office.example", False),
    ],
)
def test_which_hosts_only_this_machine_reaches(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_why_listening_failed_is_said_plainly() -> None:
    in_use = OSError(errno.EADDRINUSE, "Address already in use")
    assert bind_problem(in_use, "127.0.0.1", 8000).startswith("port 8000 on 127.0.0.1 is in use")
    foreign = OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address")
    assert bind_problem(foreign, "10.9.9.9", 8000) == "cannot serve on 10.9.9.9: it is not an address of this machine"
    privileged = OSError(errno.EACCES, "Permission denied")
    assert "above 1023" in bind_problem(privileged, "127.0.0.1", 80)
    unknown = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    assert "no such host" in bind_problem(unknown, "nowhere.invalid", 8000)
