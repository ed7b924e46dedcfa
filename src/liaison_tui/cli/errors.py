"""Errors a command reports as one line and exit 1 (apart from store and validation errors)."""

from __future__ import annotations


class CommandError(Exception):
    """A user mistake in a command: an unknown officer, a missing option."""
