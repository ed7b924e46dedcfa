"""What a user sees: programs started in a real pseudo-terminal, timed to their drawn screen.

Each program runs on the slave side of a pty sized like a terminal window; what it writes is fed
to pyte, a terminal emulator, and the clock stops when the emulated screen shows the program's
full first screen (its data, not a loading line), at the moment the bytes that drew it arrived.
Key latency is timed the same way: from the key written to the pty to the arrival of the last
change of the screen before it settles. This is the figure a user sees, unlike the headless first
frame, where Textual draws into no terminal.
"""

from __future__ import annotations

import fcntl
import os
import queue
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

import pyte

ScreenTest = Callable[[list[str]], bool]
SETTLED = 0.15  # seconds without a change after which a screen counts as drawn


@dataclass(frozen=True)
class Program:
    """A program to launch, and how to tell its first screen is complete."""

    label: str
    argv: list[str]
    drawn: ScreenTest


class Terminal:
    """One program in a pseudo-terminal, with the screen it has drawn so far."""

    def __init__(self, argv: list[str], columns: int, lines: int, env: dict[str, str] | None = None) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.master = master
        # Textual asks the terminal questions (device attributes); pyte answers like a terminal would.
        self.screen.write_process_input = self._answer  # type: ignore[method-assign,assignment]
        environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines)}
        # As installed: pip compiles every module to bytecode, so an editable or source tree must
        # keep its compiled modules too (a shell with PYTHONDONTWRITEBYTECODE set recompiles ours
        # on every launch, ~0.4 s of a start, and nobody else's).
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**environment, **(env or {})},
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        # A thread reads the pty and stamps each read as it comes: pyte's parsing, in Python, took
        # 12 ms of a cursor move's bytes and 43 ms of a Tab's (160x48), and bytes read after it were
        # stamped that late too (until 3 December 2026). A real terminal shows them at once.
        self._arrivals: queue.Queue[tuple[float, bytes]] = queue.Queue()
        # The reader waits for the interpreter lock while pyte parses (Python's switch interval,
        # 5 ms by default, stamped bytes up to that late): ask for a switch every 0.2 ms.
        sys.setswitchinterval(0.0002)
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        while True:
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:  # the program ended and the pty closed, or we closed it
                data = b""
            self._arrivals.put((time.perf_counter(), data))
            if not data:
                return

    def _answer(self, reply: str) -> None:
        os.write(self.master, reply.encode())

    def lines(self) -> list[str]:
        return list(self.screen.display)

    def _cells(self) -> int:
        """A fingerprint of the screen, colours included (a focus change may only recolour a border)."""
        return hash(tuple(tuple(line.values()) for line in self.screen.buffer.values()))

    def _read(self, timeout: float) -> float | None:
        """Feed the next bytes that arrive within ``timeout`` to the screen; when they arrived, or None."""
        try:
            arrived, data = self._arrivals.get(timeout=timeout)
        except queue.Empty:
            return None
        if not data:
            self._arrivals.put((arrived, data))  # still ended at the next read
            raise RuntimeError(f"the program ended before drawing: {self.lines()}")
        self.stream.feed(data)
        return arrived

    def wait_until(self, drawn: ScreenTest, timeout: float = 60.0) -> float:
        """Seconds from launch until ``drawn`` holds for the screen."""
        deadline, arrived = time.monotonic() + timeout, None
        while not drawn(self.lines()):
            if time.monotonic() > deadline:
                raise TimeoutError("\n".join(self.lines()))
            arrived = self._read(0.2)
        return (arrived or time.perf_counter()) - self.started

    def settle(self) -> None:
        while self._read(SETTLED) is not None:
            pass

    def key_latency(self, key: bytes, timeout: float = 5.0) -> tuple[float, float]:
        """Seconds from writing ``key`` to the first change of the screen, and to the last before it settles."""
        before = self._cells()
        sent = time.perf_counter()
        os.write(self.master, key)
        changes: list[float] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            arrived = self._read(SETTLED if changes else timeout)
            if arrived is None:
                break
            if self._cells() != before:
                changes.append(arrived)
                before = self._cells()
        if not changes:
            raise TimeoutError(f"the screen did not change after {key!r}")
        return changes[0] - sent, changes[-1] - sent

    def close(self) -> None:
        with suppress(ProcessLookupError, PermissionError):  # it may have ended already
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)


def launch_time(program: Program, columns: int, lines: int) -> float:
    """Seconds from launch to the program's full first screen."""
    terminal = Terminal(program.argv, columns, lines)
    try:
        return terminal.wait_until(program.drawn)
    finally:
        terminal.close()


def our_app(command: list[str], path: str, officers: int) -> Program:
    """liaison-tui (``command`` starts it) on the data file: drawn once the officers pane shows them all."""

    def drawn(screen: list[str]) -> bool:
        text = "\n".join(screen)
        return f"Officers · all ({officers})" in text and "Itinerary" in text and "Quit" in screen[-1]

    return Program("liaison-tui", [*command, "--db", path], drawn)


def visidata(csv_path: str, rows: int) -> Program:
    """visidata on the same officers as CSV: drawn once its status line counts every row."""

    def drawn(screen: list[str]) -> bool:
        return f"{rows} rows" in screen[-1] and "Name" in screen[1]

    return Program("visidata", [sys.executable, "-m", "visidata", csv_path], drawn)


def minimal_textual() -> Program:
    """The least any Textual app costs: one Static, no data."""

    def drawn(screen: list[str]) -> bool:
        return any("minimal Textual app" in line for line in screen)

    return Program("minimal Textual app", [sys.executable, "-m", "benchmarks.minimal_app"], drawn)
