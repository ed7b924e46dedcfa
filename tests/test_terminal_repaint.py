"""In a real terminal, what the app repaints piece by piece as keys move the cursor and the focus
adds up to the screen a full repaint draws: a cursor move repaints only the rows it left and
reached, and a Tab only the panes whose focus changed, so nothing may keep an old highlight.
Run in a pseudo-terminal read by pyte, a terminal emulator, as a user would see it."""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pyte

COLUMNS, LINES = 120, 30
DOWN, TAB = b"\x1b[B", b"\t"


class PtyScreen:
    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.master, slave = os.openpty()
        self._size(COLUMNS, LINES, slave)
        self.screen.write_process_input = lambda reply: os.write(self.master, reply.encode())  # type: ignore[method-assign,assignment]
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
        )
        os.close(slave)

    def _size(self, columns: int, lines: int, fd: int) -> None:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))

    def resize(self, columns: int, lines: int) -> None:
        self._size(columns, lines, self.master)
        self.screen.resize(lines, columns)
        os.killpg(self.process.pid, signal.SIGWINCH)

    def read(self, quiet: float = 0.5, timeout: float = 30.0) -> None:
        """Feed the screen until the program has written nothing for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                return
            self.stream.feed(os.read(self.master, 1 << 16))

    def wait_for(self, shown: Callable[[str], bool], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not shown("\n".join(self.screen.display)):
            assert time.monotonic() < deadline, "\n".join(self.screen.display)
            self.read(0.2, 1.0)

    def cells(self) -> list[list[tuple[str, str, str]]]:
        """Every cell's character and colours."""
        return [
            [(char.data, char.fg, char.bg) for char in (self.screen.buffer[y][x] for x in range(COLUMNS))]
            for y in range(LINES)
        ]

    def close(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def test_moving_the_cursor_leaves_the_screen_a_full_repaint_draws(tmp_path: Path, sample_file: Path) -> None:
    data = tmp_path / "visit.json"
    shutil.copy(sample_file, data)
    env = {**os.environ, "TERM": "xterm-256color", "XDG_DATA_HOME": str(tmp_path), "LIAISON_TUI_LANG": "en"}
    terminal = PtyScreen([sys.executable, "-m", "liaison_tui", "--db", str(data)], env)
    try:
        terminal.wait_for(lambda text: "Officers" in text and "Quit" in text)
        terminal.read()
        for _ in range(3):  # down the officers pane, one key at a time as a user types
            os.write(terminal.master, DOWN)
            terminal.read(0.3)
        for _ in range(2):  # to the itinerary and on: the panes' focus colours change, the detail follows
            os.write(terminal.master, TAB)
            terminal.read(0.3)
        painted = terminal.cells()
        assert "Henri Kahonen" in "\n".join(terminal.screen.display)
        terminal.resize(COLUMNS - 10, LINES)  # a resize and back makes the app draw every line again
        terminal.read()
        terminal.resize(COLUMNS, LINES)
        terminal.read()
        assert terminal.cells() == painted
    finally:
        terminal.close()
