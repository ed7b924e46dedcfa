"""``liaison-tui serve``: the app for colleagues' browsers, each session its own app process on one file.

The store's lock and reload keep the processes consistent, and each app's file
watch shows the others' saves. The server itself is imported only when the
command runs (aiohttp is not cheap to import).
"""

from __future__ import annotations

import argparse
import getpass
import os
import socket
import sys
from pathlib import Path

from liaison_tui.cli.errors import CommandError
from liaison_tui.i18n import _, current_language
from liaison_tui.i18n.choice import ENVIRONMENT_VARIABLE
from liaison_tui.reports.display import visible
from liaison_tui.store.store import Store

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000
# Told to each app the server starts: ask the colleague's name once (for the history), and that it is served.
SERVED_ENVIRONMENT = {"LIAISON_TUI_ASK_USER": "1", "LIAISON_TUI_SERVED": "1"}


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a port number").format(text=text)) from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(_("{value} is not a port number (1 to 65535)").format(value=value))
    return value


def add_serve_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve", help=_("serve the app to colleagues' browsers, behind a secret token (README: Working as a team)")
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=_("address to listen on (default {host}: this machine only; reach it through an SSH tunnel)").format(
            host=DEFAULT_HOST
        ),
    )
    serve.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=_("port (default {port})").format(port=DEFAULT_PORT)
    )
    serve.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help=_("read the token from FILE (yours alone: chmod 600) instead of making a new one at each start"),
    )


def app_command(data_file: Path) -> list[str]:
    """How one session's app starts: this Python, this package, this file (absolute: apps start elsewhere)."""
    return [sys.executable, "-m", "liaison_tui", "--db", os.path.abspath(data_file)]


def _address(host: str, port: int) -> str:
    if host in ("0.0.0.0", "::", ""):  # every interface: colleagues use the machine's name
        host = socket.gethostname()
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _tunnel_end(host: str) -> str:
    """Where an SSH tunnel on this machine reaches the server."""
    if host in ("0.0.0.0", "::", "", "localhost"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return _("you")  # stands for the login name in the ssh command shown


def _welcome(data_file: Path, host: str, port: int, token: str, token_file: Path | None, *, warn: bool) -> None:
    """Where to point a browser, and the two safe ways to reach it from another machine."""
    if warn:
        warning = _(
            "warning: serving on {host}, reachable from other machines, unencrypted: the token "
            "and the data cross the network in clear; prefer the default with an SSH tunnel or a TLS proxy"
        ).format(host=host)
        print(f"liaison-tui: {warning}", file=sys.stderr, flush=True)
    address = _address(host, port)
    if token_file is None:
        shown = f"{address}/?token={token}"
    else:
        shown = _("{address}/?token=… (the token in {file})").format(address=address, file=visible(str(token_file)))
    tunnel = f"ssh -L {port}:{_tunnel_end(host)}:{port} {_login()}@{socket.gethostname()}"
    lines = [
        _("Serving {file} to browsers. Open:").format(file=visible(str(data_file))),
        f"    {shown}",
        _("Whoever has this address can read and change the data: give it only to colleagues."),
        _("From another machine: {command}, then open it there.").format(command=tunnel),
        _("For a permanent address, put it behind a TLS reverse proxy (README: Working as a team);"),
        _("textual-serve has no login of its own: the token is the only lock."),
        _("Ctrl+C stops the server and ends every session."),
    ]
    print("\n".join(lines), flush=True)


def run_serve(data_file: Path, arguments: argparse.Namespace) -> int:
    from liaison_tui.serving import server as serving
    from liaison_tui.serving.errors import ServingError
    from liaison_tui.serving.tokens import is_loopback, new_token, read_token_file

    Store.open(data_file, create=False, read_only=True)  # a missing or damaged file is refused before anyone waits
    host, port, token_file = arguments.host, arguments.port, arguments.token_file
    try:
        token = read_token_file(token_file) if token_file is not None else new_token()
        office = serving.OfficeServer(
            app_command(data_file),
            token=token,
            host=host,
            port=port,
            title=f"liaison-tui · {data_file.name}",
            # Each session speaks serve's language, --lang included (the apps do not get serve's options).
            environment=SERVED_ENVIRONMENT | {ENVIRONMENT_VARIABLE: current_language()},
        )
        serving.run(
            office, on_ready=lambda: _welcome(data_file, host, port, token, token_file, warn=not is_loopback(host))
        )
    except ServingError as error:
        raise CommandError(str(error)) from None
    stopped = _("stopped; every session ended")
    print(f"liaison-tui: {stopped}", file=sys.stderr)
    return 0
