"""What stops ``serve`` from starting, said as one line to the user."""

from __future__ import annotations


class ServingError(Exception):
    """The server cannot start: a bad token file, a port in use, an unknown host."""
