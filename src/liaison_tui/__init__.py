"""liaison-tui: a keyboard-first terminal app for hosting official delegations."""

from __future__ import annotations

__version__ = "0.1.0"
