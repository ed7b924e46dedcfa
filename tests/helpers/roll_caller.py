"""One member of staff calling the roll at one door, as its own process.

``python roll_caller.py FILE EVENT_ID GO BADGE...``: opens the file as the app
does (one ``Session``), waits until the file GO exists (so two callers start
together), then checks each badge in with a save of its own, as a scanner at
the door would. Prints how many check-ins it saved.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

from liaison_tui.domain import attendance
from liaison_tui.domain.badges import find_by_badge
from liaison_tui.domain.model import Attendance
from liaison_tui.session import Session
from liaison_tui.store.store import Store


def main() -> None:
    path, event_id, go, badges = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
    session = Session(Store.open(path))
    while not go.exists():
        time.sleep(0.001)
    saved = 0
    for badge in badges:
        officer = find_by_badge(session.data, badge)
        assert officer is not None, badge
        event = session.data.events[event_id]
        edits = attendance.mark(session.data, event, [officer.id], Attendance.PRESENT, datetime.now(), "door")
        saved += len(session.save(edits).edits)
    print(saved)


if __name__ == "__main__":
    main()
