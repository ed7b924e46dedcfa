"""The detail panel: the whole record under the cursor, scrollable."""

from __future__ import annotations

from datetime import datetime
from typing import assert_never

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

from liaison_tui.domain.conflicts import Conflict
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Gift, Officer, Record, Visit
from liaison_tui.i18n import _
from liaison_tui.reports import details
from liaison_tui.reports.gifts import gift_detail

PANEL_NAMES_PER_CITY = 12  # an event's participants, in the panel beside the panes
SCREEN_NAMES_PER_CITY = 200  # and on the full detail screen (Enter)
PANEL_CITIES = 24  # cities listed in the panel: a visit of 16 friendship cities shows them all


def detail_of(
    data: Dataset,
    visit: Visit | None,
    record: Record | None,
    conflicts: list[Conflict],
    now: datetime,
    *,
    full: bool = False,
) -> tuple[str, Text]:
    """The panel's title and text for ``record`` (``full``: for the detail screen); ``now`` (aware)
    gives an officer's home time."""
    match record:
        case Officer():
            return _("Officer"), details.officer_detail(data, visit, record, now=now)
        case City():
            return _("City"), details.city_detail(data, record)
        case Event():
            names = SCREEN_NAMES_PER_CITY if full else PANEL_NAMES_PER_CITY
            cities = None if full else PANEL_CITIES
            return _("Event"), details.event_detail(data, record, conflicts, names_per_city=names, cities=cities)
        case FollowUp():
            return _("Follow-up"), details.followup_detail(data, record)
        case Gift():
            return _("Gift"), gift_detail(data, record)
        case Visit() | CheckIn() | None:
            return _("Detail"), Text(_("Move the cursor onto a record to see all of it here."), style="dim")
        case _:
            assert_never(record)


class DetailText(Static):
    """The detail's text, as tall as the panel at least and otherwise whole pages of it.

    A layout pass repaints the whole screen (every pane) and, as Textual sets the
    scroll sizes in it, asks for a second one: that was most of a cursor move's cost.
    Sized in pages, the next officer's detail, a line longer or shorter, keeps the
    size, and the panel repaints only itself. The height is worked out here, in
    layout, so it is the same whenever the text arrives.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Called by the layout pass that has just placed everything for these sizes; setting
        # ``virtual_size`` as the layout reactive it is only asked for a second, identical pass.
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    lines = 0  # the text's own lines at the width laid out (the rest of the last page is blank)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self.lines = super().get_content_height(container, viewport, width)
        page = max(container.height, 1)
        return -(-self.lines // page) * page


class DetailPanel(VerticalScroll):
    """Shows one record's detail; the text is built by ``liaison_tui.reports.details``."""

    def compose(self) -> ComposeResult:
        yield DetailText(id="detail-body", markup=False)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Called by the layout pass that has just placed everything for these sizes; setting
        # ``virtual_size`` as the layout reactive it is only asked for a second, identical pass.
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    @property
    def max_scroll_y(self) -> int:
        """Scrolling ends at the text's last line, not in the blank rest of its last page."""
        texts = self.query(DetailText)
        lines = texts.first().lines if texts else 0
        return max(0, min(super().max_scroll_y, lines - self.scrollable_content_region.height))

    def show(self, title: str, body: Text) -> None:
        """Show ``body``: without a layout pass (see ``DetailText``) unless its height in pages changes."""
        self.border_title = title
        text = self.query_one(DetailText)
        shown = text.content_size
        text.update(body, layout=False)
        needed = text.get_content_height(self.scrollable_content_region.size, self.app.size, shown.width)
        if not shown.width or needed != shown.height:
            text.refresh(layout=True)
