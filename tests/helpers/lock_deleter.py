"""Deletes a lock file over and over, as ``while true; do rm -f FILE.lock; done`` would.

``python lock_deleter.py FILE.lock``: runs until killed; prints how many times
it found a lock file to delete.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time


def main() -> None:
    path, deleted = sys.argv[1], 0

    def report(*_: object) -> None:
        print(deleted, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, report)
    while True:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
            deleted += 1
        time.sleep(0.0002)  # a few thousand deletions a second, without starving the writers


if __name__ == "__main__":
    main()
