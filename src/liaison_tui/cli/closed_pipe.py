"""A reader that stops reading (``liaison-tui … | head``): the command stops quietly, as git does.

Kept apart from ``main`` so the command's entry point stays about commands.
"""

from __future__ import annotations

import os
import sys

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a program stopped by a closed pipe


def stdout_is_devnull() -> bool:
    try:
        out, null = os.fstat(sys.stdout.fileno()), os.stat(os.devnull)
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (null.st_dev, null.st_ino)


def reader_went_away() -> int:
    """The reader has what it wanted: the exit status a closed pipe gives."""
    # Python flushes stdout again at exit; point it at /dev/null so that flush cannot fail.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE
