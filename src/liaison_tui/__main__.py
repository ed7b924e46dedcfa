"""``python -m liaison_tui`` runs the same command as ``liaison-tui``."""

from __future__ import annotations

import sys

from liaison_tui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
