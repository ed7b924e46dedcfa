"""``liaison-tui serve`` as a real process: the token gate, sessions on one file, stopping, start-up errors."""

from __future__ import annotations

import asyncio
import signal
import socket
import time
from pathlib import Path

import aiohttp
import pytest

from liaison_tui.domain.kinds import Kind
from liaison_tui.store.store import Store
from serve_helpers import BrowserSession, Served, app_processes, environment_of, serving, start

pytestmark = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds app processes in /proc")


async def status(client: aiohttp.ClientSession, url: str, **headers: str) -> int:
    async with client.get(url, headers=headers, allow_redirects=False) as response:
        return response.status


async def websocket_refused(client: aiohttp.ClientSession, url: str, **headers: str) -> int:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect(url, headers=headers)
    return refused.value.status


async def open_session(client: aiohttp.ClientSession, served: Served) -> BrowserSession:
    websocket = await client.ws_connect(f"{served.address}/ws?width=120&height=36", headers=served.cookie)
    return BrowserSession(websocket)


def wait_until_gone(data_file: Path, timeout: float = 20) -> list[int]:
    deadline = time.monotonic() + timeout
    while (left := app_processes(data_file)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


async def test_without_the_right_token_every_request_gets_403_and_no_app_starts(sample_file: Path) -> None:
    with serving(sample_file) as served:
        address, wrong = served.address, {"Cookie": f"liaison-tui-token-{served.port}=not-the-token"}
        async with aiohttp.ClientSession() as client:
            for path in ("/", "/static/js/textual.js", "/download/x", "/?token=", "/?token=wrong", "/nothing"):
                assert await status(client, address + path) == 403, path
                assert await status(client, address + path, **wrong) == 403, path
            assert await websocket_refused(client, f"{address}/ws") == 403
            assert await websocket_refused(client, f"{address}/ws?token=wrong") == 403
            assert await websocket_refused(client, f"{address}/ws", **wrong) == 403
            # The right cookie, but sent by a page of another site: refused too.
            evil = served.cookie | {"Origin": "http://evil.example"}
            assert await websocket_refused(client, f"{address}/ws", **evil) == 403
            # A wrong token in the address is not rescued by a right cookie.
            assert await status(client, address + "/?token=wrong", **served.cookie) == 403
            await asyncio.sleep(1)
        assert app_processes(sample_file) == []
        code, out, err = served.stop()
    assert code == 0
    assert out.count(served.token) == 1 and served.token not in err  # in the welcome only, never logged


async def test_the_token_sets_a_strict_cookie_and_the_page_works_with_it(sample_file: Path) -> None:
    with serving(sample_file) as served:
        async with aiohttp.ClientSession() as client:
            entry = f"{served.address}/?token={served.token}&fontsize=20"
            async with client.get(entry, allow_redirects=False) as response:
                assert response.status == 200
                cookie = response.headers["Set-Cookie"]
                page = await response.text()
            assert f"liaison-tui-token-{served.port}={served.token}" in cookie
            assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
            assert served.token not in page and 'location.replace("/?fontsize=20")' in page
            async with client.get(f"{served.address}/?fontsize=20", headers=served.cookie) as response:
                assert response.status == 200
                page = await response.text()
                assert response.headers["Referrer-Policy"] == "no-referrer"
            assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page
            assert 'src="/static/js/textual.js"' in page and 'data-font-size="20"' in page
            assert served.token not in page
            assert "googleapis" not in page and "/static/fonts/RobotoMono" in page  # nothing fetched elsewhere
            font = f"{served.address}/static/fonts/RobotoMono-VariableFont_wght.ttf"
            assert await status(client, font, **served.cookie) == 200
            assert await status(client, f"{served.address}/static/js/textual.js", **served.cookie) == 200
            assert app_processes(sample_file) == []  # the page alone starts nothing; its websocket does
            # Behind a TLS proxy: the websocket at the address the browser used, over TLS; the cookie Secure.
            proxied = {"Host": "liaison.office.example", "X-Forwarded-Proto": "https"}
            async with client.get(f"{served.address}/?token={served.token}", headers=proxied) as response:
                assert "Secure" in response.headers["Set-Cookie"]
            async with client.get(served.address, headers=served.cookie | proxied) as response:
                assert 'data-session-websocket-url="wss://liaison.office.example/ws"' in await response.text()
        code, out, err = served.stop()
    assert code == 0
    assert out.count(served.token) == 1 and served.token not in err


async def test_two_sessions_each_see_the_others_change(sample_file: Path) -> None:
    with serving(sample_file) as served:
        async with aiohttp.ClientSession() as client:
            first, second = await open_session(client, served), await open_session(client, served)
            assert await first.shows("Itinerary") and await second.shows("Itinerary")
            apps = app_processes(sample_file)
            assert len(apps) == 2  # a process per browser session
            for pid in apps:
                environment = environment_of(pid)
                assert environment["LIAISON_TUI_ASK_USER"] == "1" and environment["LIAISON_TUI_SERVED"] == "1"
                assert served.token not in "".join(environment.values())
            # Each colleague first gives the name the history records (asked once per browser session).
            for session, name in ((first, "Li Wei"), (second, "Chen Jing")):
                assert await session.shows("Your name, please")
                await session.type(name, "\r")
            # One renames the visit in its form; the other's header shows it, and the other way round.
            await first.type("v")
            assert await first.shows("Officers expected")
            await first.type("\x15", "Hotel desk plan", "\x13")
            assert await second.shows("Hotel desk plan ·")
            mark = len(first.received)
            await second.type("v")
            assert await second.shows("Officers expected", since=len(second.received) - 1)
            await second.type("\x15", "Venue plan", "\x13")
            assert await first.shows("Venue plan ·", since=mark)
            await first.close()
            await second.close()
        assert wait_until_gone(sample_file) == []  # a closed browser tab ends its app
        assert served.stop()[0] == 0
    assert b'"name":"Venue plan"' in sample_file.read_bytes()
    renames = [e for e in Store.open(sample_file, read_only=True).history() if e.kind is Kind.VISIT]
    assert [e.who for e in renames] == ["Li Wei", "Chen Jing"]  # each under the name given in the browser


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
async def test_stopping_the_server_ends_every_app(sample_file: Path, signal_number: int) -> None:
    with serving(sample_file) as served:
        async with aiohttp.ClientSession() as client:
            sessions = [await open_session(client, served) for _ in range(2)]
            for session in sessions:
                assert await session.shows("Itinerary")
            apps = app_processes(sample_file)
            assert len(apps) == 2
            began = time.monotonic()
            code, out, err = await asyncio.to_thread(served.stop, signal_number)
            assert code == 0 and time.monotonic() - began < 15
            assert "stopped; every session ended" in err and "Traceback" not in out + err
            assert app_processes(sample_file) == []
            for pid in apps:
                assert not Path(f"/proc/{pid}").exists()


async def test_an_app_whose_server_was_killed_ends_too(sample_file: Path) -> None:
    with serving(sample_file) as served:
        async with aiohttp.ClientSession() as client:
            session = await open_session(client, served)
            assert await session.shows("Itinerary")
            [app] = app_processes(sample_file)
            served.process.kill()  # no chance to end its apps
            served.process.wait()
            assert await asyncio.to_thread(wait_until_gone, sample_file, 15) == []  # (or a zombie: not running)
            assert app not in app_processes(sample_file)


def test_a_token_file_of_ones_own_is_used_and_not_printed(sample_file: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("a-token-kept-in-a-file-0123456789\n")
    token_file.chmod(0o600)
    with serving(sample_file, "--token-file", str(token_file), token="a-token-kept-in-a-file-0123456789") as served:
        assert served.token not in served.banner and str(token_file) in served.banner

        async def check() -> None:
            async with aiohttp.ClientSession() as client:
                assert await status(client, f"{served.address}/?token={served.token}") == 200
                assert await status(client, f"{served.address}/", **served.cookie) == 200

        asyncio.run(check())
        code, out, err = served.stop()
    assert code == 0 and served.token not in out + err


def one_line_failure(data_file: Path, *options: str) -> str:
    process, logs = start(data_file, *options)
    assert process.wait(timeout=60) == 1
    out, err = (log.read_text() for log in logs)
    assert "Traceback" not in out + err and len(err.strip().splitlines()) == 1, err
    return err


def test_start_up_problems_are_one_line_each(sample_file: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert f"port {port} on 127.0.0.1 is in use" in one_line_failure(sample_file, "--port", str(port))
    assert "no such host" in one_line_failure(sample_file, "--host", "no-such-host.invalid")
    assert "no such data file" in one_line_failure(tmp_path / "missing.json")
    assert not (tmp_path / "missing.json").exists()
    readable = tmp_path / "token"
    readable.write_text("a-token-others-can-read-0123456789")
    readable.chmod(0o644)
    assert "others can read the token file (mode 0644)" in one_line_failure(sample_file, "--token-file", str(readable))
    assert app_processes(sample_file) == []


def test_another_host_is_served_only_with_a_warning(sample_file: Path) -> None:
    with serving(sample_file, "--host", "0.0.0.0") as served:
        _, err = served.printed()
        assert "warning: serving on 0.0.0.0, reachable from other machines" in err
        assert f":{served.port}/?token=" in served.banner
        assert served.stop()[0] == 0
    with serving(sample_file) as served:
        assert served.printed()[1] == ""
        assert f"ssh -L {served.port}:127.0.0.1:{served.port}" in served.banner
        assert served.stop()[0] == 0
