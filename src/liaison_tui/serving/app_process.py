"""One browser session's app: our command run as its own process, ended for sure.

textual-serve starts the command through a shell; we start it directly (no
quoting of the data file's path to get wrong), in a session of its own so that
Ctrl+C in the server's terminal reaches the server, which then ends each app in
order, and add the environment the served app is told it runs in.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable, Mapping, Sequence

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

QUIT_GRACE = 5.0  # seconds an app has to quit when asked, before it is killed


class AppProcess(AppService):
    """The app behind one websocket."""

    def __init__(
        self,
        argv: Sequence[str],
        environment: Mapping[str, str],
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        download_manager: DownloadManager,
    ) -> None:
        super().__init__(
            shlex.join(argv),
            write_bytes=write_bytes,
            write_str=write_str,
            close=close,
            download_manager=download_manager,
        )
        self.argv = list(argv)
        self.extra_environment = dict(environment)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return super()._build_environment(width, height) | self.extra_environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def end(self, grace: float = QUIT_GRACE) -> None:
        """Ask the app to quit (it saves as it goes, so nothing is pending); kill it if it does not."""
        process = self._process
        try:
            await asyncio.wait_for(self.stop(), grace)
            if process is not None:
                # Wait for the exit rather than kill a process already on its way out: asyncio's kill
                # polls first, which reaps the child behind its own watcher's back.
                await asyncio.wait_for(process.wait(), grace)
        except TimeoutError:
            self.kill()
            if process is not None:
                await process.wait()

    def kill(self) -> None:
        """The last resort, for a server on its way out."""
        if self._process is not None and self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):  # it ended on its own meanwhile
                self._process.kill()
