"""n, r, S, b and t: the keys for the day itself, a helper the main screen owns.

Kept apart from the layout (as the editor is) so that the main screen reads in
one sitting. Each key answers a question asked on the bus: where must the group
be next, who is missing for it, what is under way now, what is on today.
"""

from __future__ import annotations

from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Event
from liaison_tui.domain.now import next_move
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import day as day_label
from liaison_tui.ui.editing import ScreenHelper
from liaison_tui.ui.messages import Goto
from liaison_tui.ui.widgets.itinerary import ItineraryPane


class EventDayKeys(ScreenHelper):
    """The actions behind n (the group's move), r (its roll), b (the Now board) and t (today)."""

    def group_move(self) -> Event | None:
        """The group's event under way, else its next one (staff-only items are not the group's)."""
        visit, at = self.host.session.current_visit(), self.host.local_now()
        if visit is None or at is None:
            return None
        move = next_move(self.host.session.data, visit, at)
        if move is None:
            self.screen.notify(_("Nothing for the group is under way or still to come in this visit"))
        return move

    def now_or_next(self) -> None:
        if (move := self.group_move()) is not None:
            self.screen.post_message(Goto(Kind.EVENT, move.id))

    def roll_call(self) -> None:
        """The roll of the event under the cursor, else of the group's move."""
        _kind, record = self.panes.pane_record()
        event = record if isinstance(record, Event) else self.group_move()
        if event is not None:
            from liaison_tui.ui.dialogs.roll_call import RollCallScreen  # lazily: not needed for the first screen

            self.screen.app.push_screen(RollCallScreen(event.id))

    def seating(self) -> None:
        """The seating plan of the event under the cursor."""
        _kind, record = self.panes.pane_record()
        if not isinstance(record, Event):
            self.screen.notify(_("Put the cursor on an event of the itinerary to plan its seating"), severity="warning")
            return
        from liaison_tui.ui.dialogs.seating_screen import SeatingScreen  # lazily: not needed for the first screen

        self.screen.app.push_screen(SeatingScreen(record.id))

    def now_board(self) -> None:
        def after(answer: str | None) -> None:
            if answer == "roll":  # r on the board: straight to the roll it shows
                self.roll_call()

        from liaison_tui.ui.dialogs.now_board import NowBoardScreen  # lazily: not needed for the first screen

        self.screen.app.push_screen(NowBoardScreen(), after)

    def today(self) -> None:
        visit = self.host.session.current_visit()
        now = self.host.local_now()
        if visit is None or now is None:
            return
        number = visit.day_number(now.date())
        if number is None:
            self.screen.notify(
                _("Today ({day}) is not a day of this visit").format(day=day_label(now)), severity="warning"
            )
            return
        itinerary = self.screen.query_one(ItineraryPane)
        itinerary.day_index = number - 1
        itinerary.table.focus()
