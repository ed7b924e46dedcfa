"""``liaison-tui serve`` as a real process on a free loopback port, and browser sessions over its websocket."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

# Escape sequences (CSI and OSC): removed, what is left is the text the terminal draws.
ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]")
TOKEN_IN_ADDRESS = re.compile(r"(http://\S+?)/\?token=([A-Za-z0-9_-]+)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_command(data_file: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "liaison_tui", "--db", str(data_file), "serve", *options]


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    address: str  # http://127.0.0.1:PORT
    port: int
    token: str
    banner: str
    logs: tuple[Path, Path]  # its stdout and stderr, in files: a pipe nobody reads could stall it

    @property
    def cookie(self) -> dict[str, str]:
        return {"Cookie": f"liaison-tui-token-{self.port}={self.token}"}

    def printed(self) -> tuple[str, str]:
        out, err = self.logs
        return out.read_text(errors="replace"), err.read_text(errors="replace")

    def stop(self, signal_number: int = signal.SIGTERM, timeout: float = 30) -> tuple[int, str, str]:
        """Signal the server; its exit status and all it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal_number)
        self.process.wait(timeout=timeout)
        return self.process.returncode, *self.printed()


def start(data_file: Path, *options: str) -> tuple[subprocess.Popen[bytes], tuple[Path, Path]]:
    logs = (data_file.with_name("serve.out"), data_file.with_name("serve.err"))
    with logs[0].open("wb") as out, logs[1].open("wb") as err:
        return subprocess.Popen(serve_command(data_file, *options), stdout=out, stderr=err), logs


@contextmanager
def serving(data_file: Path, *options: str, token: str | None = None, timeout: float = 60) -> Iterator[Served]:
    """Start ``serve`` and wait for its welcome; killed at the end if the test did not stop it."""
    port = free_port()
    process, logs = start(data_file, "--port", str(port), *options)
    deadline = time.monotonic() + timeout
    while "Ctrl+C" not in logs[0].read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"serve did not start: {logs[1].read_text(errors='replace')}")
        time.sleep(0.1)
    banner = logs[0].read_text()
    found = TOKEN_IN_ADDRESS.search(banner)
    served = Served(process, f"http://127.0.0.1:{port}", port, token or (found.group(2) if found else ""), banner, logs)
    try:
        yield served
    finally:
        if process.poll() is None:  # the test failed before stopping it: stop it as a user would
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def app_processes(data_file: Path) -> list[int]:
    """Running app processes on ``data_file`` (the server's children), found in /proc."""
    wanted = ["-m", "liaison_tui", "--db", os.path.abspath(data_file)]
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if argv[1:] == wanted and state != "Z":
            found.append(int(entry.name))
    return found


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace")
    return dict(item.split("=", 1) for item in raw.split("\0") if "=" in item)


def drawn_text(stream: bytes) -> str:
    return ESCAPES.sub(b"", stream).decode("utf-8", errors="replace")


class BrowserSession:
    """What textual-serve's page does over the websocket: send keys and a size, receive the drawing."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.received = b""
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.websocket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.received += message.data

    async def type(self, *keys: str, pause: float = 0.3) -> None:
        for key in keys:
            await self.websocket.send_json(["stdin", key])
            await asyncio.sleep(pause)

    async def shows(self, pattern: str, timeout: float = 30, since: int = 0) -> bool:
        """Whether the app draws ``pattern`` (a regular expression) within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, drawn_text(self.received[since:])):
                return True
            if self._reader.done():
                return False
            await asyncio.sleep(0.1)
        return False

    async def close(self) -> None:
        await self.websocket.close()
        await self._reader
