"""The secret that stands in for a login: made, read from a file, compared.

textual-serve has no login of its own; like Jupyter, a random token in the
address is what keeps strangers (and other local users' browsers) out.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import re
import secrets
import stat
from pathlib import Path

from liaison_tui.i18n import _
from liaison_tui.serving.errors import ServingError

MINIMUM_LENGTH = 16  # a shorter secret could be guessed over the network
# Characters that go into an address and a cookie as they are, with no quoting to get wrong.
URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")


def new_token() -> str:
    """32 random bytes, URL-safe: 256 bits no one guesses."""
    return secrets.token_urlsafe(32)


def read_token_file(path: Path) -> str:
    """The token kept in ``path``, refused unless only its owner (this user) can read it."""
    try:
        info = path.stat()
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ServingError(_("{path}: no such token file").format(path=path)) from None
    except IsADirectoryError:
        raise ServingError(_("{path}: a folder, not a token file").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise ServingError(
            _("{path}: cannot read the token file ({reason})").format(path=path, reason=reason)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise ServingError(_("{path}: not a regular file").format(path=path))
    if info.st_uid != os.getuid():
        raise ServingError(_("{path}: the token file belongs to another user; use one of your own").format(path=path))
    if info.st_mode & 0o077:
        mode = stat.S_IMODE(info.st_mode)
        problem = _("{path}: others can read the token file (mode {mode}); run chmod 600 {path}")
        raise ServingError(problem.format(path=path, mode=f"{mode:04o}"))
    token = text.strip()
    if len(token) < MINIMUM_LENGTH:
        problem = _("{path}: the token must be at least {n} characters long")
        raise ServingError(problem.format(path=path, n=MINIMUM_LENGTH))
    if not URL_SAFE.fullmatch(token):
        raise ServingError(
            _("{path}: the token may hold only letters, digits and . _ ~ - (one line)").format(path=path)
        )
    return token


def token_matches(offered: str | None, token: str) -> bool:
    """Compared in constant time, so response times do not give the token away letter by letter."""
    if offered is None:
        return False
    return hmac.compare_digest(offered.encode("utf-8", "replace"), token.encode("utf-8"))


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host``."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
