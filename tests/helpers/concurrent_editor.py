"""One of several processes editing the same file at once.

``python concurrent_editor.py FILE NAME ROUNDS``: each round increments the
notes of this process's own officer NAME and of the officer ``shared`` that
every process edits. An edit refused because another process changed the
record first (``StaleEditError``) is retried on the fresh data, as the app
asks a user to do; so at the end no increment may be missing.
"""

from __future__ import annotations

import dataclasses
import sys

from liaison_tui.domain.edits import changed
from liaison_tui.store.store import StaleEditError, Store


def increment(store: Store, name: str) -> int:
    """Add one to ``name``'s notes; the number of refused tries."""
    refused = 0
    while True:
        officer = next(o for o in store.data.officers.values() if o.name == name)
        try:
            store.commit([changed(officer, dataclasses.replace(officer, notes=str(int(officer.notes) + 1)))])
            return refused
        except StaleEditError:
            refused += 1
            store.reload_if_changed()


def main() -> None:
    path, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store.open(path)
    refused = 0
    for _ in range(rounds):
        refused += increment(store, name)
        refused += increment(store, "shared")
    print(refused)


if __name__ == "__main__":
    main()
