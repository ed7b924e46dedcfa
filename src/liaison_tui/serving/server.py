"""textual-serve behind a token: every request proves it holds it, or gets 403 and starts nothing.

A valid ``?token=`` on the page sets an HttpOnly, SameSite=Strict cookie and
sends the browser on to the address without the token (out of the address bar,
history and Referer headers); the page's static files and its websocket then
carry the cookie. The cookie is named after the port because browsers share
cookies between the ports of a host.
"""

from __future__ import annotations

import asyncio
import errno
import html
import json
import logging
import re
import shlex
import signal
import socket
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from liaison_tui.i18n import N_, _
from liaison_tui.serving.app_process import AppProcess
from liaison_tui.serving.errors import ServingError
from liaison_tui.serving.tokens import token_matches

log = logging.getLogger("liaison_tui.serving")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
SHUTDOWN_GRACE = 10.0  # seconds the sessions' handlers get to finish once the server stops
# In the server's language (--lang), translated when sent.
FORBIDDEN = N_("403 Forbidden: open the address that liaison-tui serve printed, with its ?token=…")
# textual-serve's page loads its font from Google: every colleague's browser would tell Google
# (and it fails offline). The same font ships with textual-serve; the page takes it from us.
GOOGLE_FONT = re.compile(r'<link\s+rel="stylesheet"\s+href="https://fonts\.googleapis\.com/[^"]*"\s*/?>')
LOCAL_FONT = (
    "<style>@font-face { font-family: 'Roboto Mono'; "
    "src: url('/static/fonts/RobotoMono-VariableFont_wght.ttf') format('truetype'); }</style>"
)
SAFETY_HEADERS = {
    "Referrer-Policy": "no-referrer",  # no address of ours is told to another site
    "X-Frame-Options": "DENY",  # no other site may frame the terminal and catch keys typed into it
    "X-Content-Type-Options": "nosniff",
}


class OfficeServer(Server):
    """One data file served to the office: a token in front, an app process per browser session."""

    def __init__(
        self,
        app_argv: Sequence[str],
        *,
        token: str,
        host: str,
        port: int,
        title: str,
        environment: Mapping[str, str],
    ) -> None:
        super().__init__(shlex.join(app_argv), host=host, port=port, title=title)
        self.app_argv = list(app_argv)
        self.environment = dict(environment)
        self._token = token
        self.cookie_name = f"liaison-tui-token-{port}"
        self.sessions: set[AppProcess] = set()

    def make_web_app(self) -> web.Application:
        app = web.Application(middlewares=[self._require_token])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_page, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_response_prepare.append(_add_safety_headers)
        app.on_shutdown.append(self._end_sessions)
        return app

    @web.middleware
    async def _require_token(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        offered = request.query.get("token")
        if offered is not None:  # a token in the address decides, right or wrong
            if not token_matches(offered, self._token) or not _same_origin(request):
                return _forbidden()
            if request.path == "/" and request.method == "GET":
                return self._let_in(request)
            return await handler(request)
        if token_matches(request.cookies.get(self.cookie_name), self._token) and _same_origin(request):
            return await handler(request)
        return _forbidden()

    def _let_in(self, request: web.Request) -> web.Response:
        """Set the cookie and move on to the address without the token.

        Not a 302: a SameSite=Strict cookie is withheld from a redirect that a
        link on another site (a mail, a chat) started; a page of our own is not.
        """
        rest = {key: value for key, value in request.query.items() if key != "token"}
        target = str(request.rel_url.with_query(rest))
        script_target = json.dumps(target).replace("<", "\\u003c")  # cannot close the script element
        opening = _("Open liaison-tui")
        page = (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>liaison-tui</title>'
            f"<script>location.replace({script_target})</script></head>"
            f'<body><noscript><a href="{html.escape(target)}">{html.escape(opening)}</a></noscript></body></html>'
        )
        response = web.Response(text=page, content_type="text/html")
        response.headers["Cache-Control"] = "no-store"
        response.set_cookie(
            self.cookie_name, self._token, path="/", httponly=True, samesite="Strict", secure=_is_secure(request)
        )
        return response

    async def handle_page(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's page, with its websocket at the address the browser used (a tunnel's, a proxy's)."""
        scheme = "wss" if _is_secure(request) else "ws"
        context: dict[str, Any] = {
            "font_size": min(max(to_int(request.query.get("fontsize", "16"), 16), 6), 48),
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        page = aiohttp_jinja2.render_string("app_index.html", request, context)
        page = GOOGLE_FONT.sub(LOCAL_FONT, page)
        return web.Response(text=page, content_type="text/html", headers={"Cache-Control": "no-store"})

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A browser session: its own app process, ended with the socket."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)

        async def close_socket() -> None:  # the app quit (q): the browser shows "Session ended"
            await websocket.close()

        session = AppProcess(
            self.app_argv,
            self.environment,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close_socket,
            download_manager=self.download_manager,
        )
        self.sessions.add(session)
        try:
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except (ValueError, AssertionError, KeyError, TypeError, IndexError):
            log.warning(_("a browser sent a message that is not textual-serve's; its session ended"))
        finally:
            await session.end()
            self.sessions.discard(session)
            await websocket.close()
        return websocket

    async def _end_sessions(self, app: web.Application) -> None:
        """Ask every app to quit (their browsers show "Session ended"), killing those that will not."""
        await asyncio.gather(*(session.end() for session in list(self.sessions)))

    def kill_all(self) -> None:
        for session in list(self.sessions):
            session.kill()


async def _add_safety_headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in SAFETY_HEADERS.items():
        response.headers.setdefault(name, value)


def _forbidden() -> web.Response:
    return web.Response(status=403, text=_(FORBIDDEN) + "\n", headers={"Cache-Control": "no-store"})


def _is_secure(request: web.Request) -> bool:
    """Served over TLS, directly or by a reverse proxy that says so."""
    return request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"


def _same_origin(request: web.Request) -> bool:
    """A page of another site may open our websocket in the user's browser: refuse what it sends."""
    origin = request.headers.get("Origin")
    if origin is None:  # not from a browser page (a script, curl)
        return True
    return origin.partition("://")[2] == request.host


def bind_problem(error: OSError, host: str, port: int) -> str:
    """Why listening on ``host:port`` failed, in one line."""
    if isinstance(error, socket.gaierror):
        return _("cannot serve on {host!r}: no such host or address ({reason})").format(
            host=host, reason=error.strerror
        )
    if error.errno == errno.EADDRINUSE:
        return _("port {port} on {host} is in use (another liaison-tui serve?); choose another with --port").format(
            port=port, host=host
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return _("cannot serve on {host}: it is not an address of this machine").format(host=host)
    if error.errno == errno.EACCES:
        return _("port {port} on {host} needs more privileges; choose one above 1023 with --port").format(
            port=port, host=host
        )
    return _("cannot serve on {host}:{port}: {reason}").format(host=host, port=port, reason=error.strerror or error)


async def serve_until_stopped(server: OfficeServer, on_ready: Callable[[], None]) -> None:
    """Listen until SIGINT or SIGTERM, then end every session and return."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stopping.set)
    # access_log=None: an access log would write every address, and the first one holds the token.
    runner = web.AppRunner(
        server.make_web_app(), access_log=None, handle_signals=False, shutdown_timeout=SHUTDOWN_GRACE
    )
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, server.host, server.port).start()
        except OSError as error:
            raise ServingError(bind_problem(error, server.host, server.port)) from None
        on_ready()
        await stopping.wait()
    finally:
        await runner.cleanup()
        server.kill_all()  # any app that outlived its handler's shutdown grace


def run(server: OfficeServer, on_ready: Callable[[], None]) -> None:
    asyncio.run(serve_until_stopped(server, on_ready))
