"""A writer for the crash test: saves change after change until it is killed.

``python crash_writer.py FILE LOG`` continues from the counter stored in the
file. Each round is one commit that adds officer ``w<n>``, removes ``w<n-5>``
and sets the counter officer's notes to ``n``; only after the store returns
is ``n`` appended (and fsynced) to LOG. So every number in LOG is a change
the store acknowledged as saved.
"""

from __future__ import annotations

import dataclasses
import os
import sys

from liaison_tui.domain.edits import added, changed, removed
from liaison_tui.domain.model import Officer
from liaison_tui.store.store import Store

COUNTER = "counter"
KEEP = 5


def main() -> None:
    path, log_path = sys.argv[1], sys.argv[2]
    store = Store.open(path)
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    while True:
        officers = {o.name: o for o in store.data.officers.values()}
        counter = officers[COUNTER]
        n = int(counter.notes) + 1
        edits = [
            added(Officer(name=f"w{n}", notes=str(n))),
            changed(counter, dataclasses.replace(counter, notes=str(n))),
        ]
        if f"w{n - KEEP}" in officers:
            edits.append(removed(officers[f"w{n - KEEP}"]))
        store.commit(edits)
        os.write(log, f"{n}\n".encode())
        os.fsync(log)


if __name__ == "__main__":
    main()
