"""The table every pane uses: virtual, keyed by record id, cells always literal.

Textual's DataTable builds every row up front, which takes over a second for
10,000 officers. This table keeps the rows as plain data and renders only the
lines on screen (the Line API), so a pane of any length opens and scrolls at
once. Cells that are plain ``str`` are shown literally (never as markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from liaison_tui.domain.kinds import Kind
from liaison_tui.i18n import N_
from liaison_tui.reports.display import literal
from liaison_tui.ui.key_order import act_on_own_binding
from liaison_tui.ui.rows import COLUMN_MAX, Cell, LazyRows, TableRow, heading

MAX_COLUMN = 40  # wider cells are cut with an ellipsis; the detail panel has the rest (see COLUMN_MAX)
GAP = 2
MIN_SHOWN = 8  # a column that must show is given at least this much of the pane
WIDTH_SAMPLE = 1000  # rows measured for column widths when rows are made on demand
DRAWN_KEPT = 1000  # lines kept as drawn (a screenful is under 100): enough for a few scroll positions
# How many leading columns a narrow pane must show: the officer's name and city; an event's
# marker, time and title.
MUST_SHOW: dict[Kind, int] = {Kind.EVENT: 3}


def fit_widths(widths: list[int], available: int, must_show: int) -> list[int]:
    """``widths`` narrowed so the first ``must_show`` columns are in view, the last with ``MIN_SHOWN`` cells.

    Only the widest of the columns before it give way, one cell at a time, so a
    pane wide enough for the usual names is drawn as measured.
    """
    fitted = list(widths)
    leading = min(must_show, len(fitted)) - 1
    if leading < 1:
        return fitted

    def needed() -> int:
        return sum(fitted[:leading]) + GAP * leading + min(fitted[leading], MIN_SHOWN)

    while needed() > available:
        widest = max(range(leading), key=lambda i: fitted[i])
        if fitted[widest] <= MIN_SHOWN:
            break
        fitted[widest] -= 1
    return fitted


class RecordTable(ScrollView, can_focus=True):
    """Rows of records of one kind with a row cursor."""

    DEFAULT_CSS = """
    RecordTable {
        border: round $primary 50%;
        height: 1fr;
        scrollbar-size-horizontal: 0;
        padding: 0 1;
    }

    RecordTable > .record-table--header {
        text-style: bold;
        background: $panel;
    }

    RecordTable > .record-table--odd {
        background: $boost;
    }

    RecordTable > .record-table--cursor {
        background: $block-cursor-blurred-background;
    }

    RecordTable:focus > .record-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES = {"record-table--header", "record-table--cursor", "record-table--odd"}
    BINDINGS = [
        Binding("up,k", "cursor(-1)", N_("Up"), show=False, tooltip=N_("Move within the pane")),
        Binding("down,j", "cursor(1)", N_("Down"), show=False, tooltip=N_("Move within the pane")),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, tooltip=N_("A page up / down")),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, tooltip=N_("A page up / down")),
        Binding("home,g", "jump(0)", N_("First"), show=False, tooltip=N_("First / last row")),
        Binding("end,G", "jump(-1)", N_("Last"), show=False, tooltip=N_("First / last row")),
        Binding("enter", "open", N_("Detail"), show=False, tooltip=N_("Open the full detail")),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto a record (or the table emptied: ``record_id`` None)."""

        kind: Kind
        record_id: int | None

    @dataclass
    class Opened(Message):
        """Enter (or a double click) on a record: show all of it."""

        kind: Kind
        record_id: int

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)  # the watcher repaints

    async def _on_key(self, event: events.Key) -> None:
        # The cursor keys act here, in typing order, so an `e` typed right after them edits
        # the row they moved to (see ui.key_order).
        await act_on_own_binding(self, event)

    def __init__(self, kind: Kind, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = kind
        self.columns: tuple[str, ...] = ()
        self.widths: list[int] = []  # as measured
        self._fitted: tuple[int, list[int]] = (-1, [])  # widths as drawn, for the pane's width then
        self._rows: Sequence[TableRow] = []
        self._index: dict[int, int] = {}
        self._scrollbars_for: Size | None = None  # our virtual size when the scrollbars were last set
        # Lines as drawn since the rows were last shown, by (row, width, scroll, styles): a focus
        # change restyles the pane and Textual asks for every line again, most of them unchanged.
        self._drawn: dict[tuple[int, int, int, Style, Style], Strip] = {}

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Every layout pass hands a ScrollView the layout's idea of its virtual size, which it then
        # ignores for its own; the mismatch refreshed all three panes' scrollbars on each pass (a
        # detail panel change, say), and those far-apart repaints widened the frame to the whole
        # screen. Only a change of our own virtual size, or of the pane's size, resets them.
        if self.virtual_size == self._scrollbars_for:
            virtual_size = self.virtual_size
        self._scrollbars_for = self.virtual_size
        return super()._size_updated(size, virtual_size, container_size, layout)

    # -- data ------------------------------------------------------------------

    def show(self, columns: Sequence[str], rows: Sequence[TableRow]) -> None:
        """Replace the rows, keeping the cursor on the same record where possible."""
        keep = self.current_id
        self.columns = tuple(columns)
        self._rows = rows
        ids = rows.ids if isinstance(rows, LazyRows) else [record_id for record_id, _ in rows]
        self._index = {record_id: position for position, record_id in enumerate(ids)}
        self.widths = [cell_len(heading(self.kind, c)) for c in self.columns]  # as drawn, in the language
        headers = zip(self.columns, self.widths, strict=True)
        limits = [max(COLUMN_MAX.get(column, MAX_COLUMN), width) for column, width in headers]
        measured = rows[:WIDTH_SAMPLE] if isinstance(rows, LazyRows) else rows
        for _id, cells in measured:
            for column, cell in enumerate(cells):
                plain = cell.plain if isinstance(cell, Text) else cell
                width = len(plain) if plain.isascii() else cell_len(plain)  # len() is 10x faster
                if width > self.widths[column]:
                    self.widths[column] = min(width, limits[column])
        self._fitted = (-1, self.widths)
        self._drawn = {}
        self.virtual_size = Size(sum(self.widths) + GAP * len(self.widths), len(self._rows) + 1)
        position = self._index.get(keep, 0) if keep is not None else 0
        self.cursor_row = min(position, max(len(self._rows) - 1, 0))
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def row_ids(self) -> list[int]:
        return list(self._index)

    def cells_of(self, record_id: int) -> list[str]:
        """The text of a record's cells as shown (for tests and screen readers)."""
        _id, cells = self._rows[self._index[record_id]]
        return [cell.plain if isinstance(cell, Text) else literal(cell).plain for cell in cells]

    @property
    def current_id(self) -> int | None:
        if not self._rows:
            return None
        return self._rows[min(self.cursor_row, len(self._rows) - 1)][0]

    def select_id(self, record_id: int) -> bool:
        """Move the cursor to the record's row; False if it is not shown."""
        position = self._index.get(record_id)
        if position is None:
            return False
        self.cursor_row = position
        return True

    # -- cursor ----------------------------------------------------------------

    def watch_cursor_row(self, previous: int, row: int) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        if row < self.scroll_y:
            self.scroll_to(y=row, animate=False)
            self.refresh()
        elif row >= self.scroll_y + visible:
            self.scroll_to(y=row - visible + 1, animate=False)
            self.refresh()
        else:  # only the two rows the cursor left and reached change: repainting all cost 1 ms a line
            self.refresh_line(previous + 1)  # + 1: the heading is line 0
            self.refresh_line(row + 1)
        # To the screen, which handles it, rather than bubbled up through the panes: so it comes
        # before the rows' repaint, and the detail it brings goes out in the rows' frame.
        self.screen.post_message(self.Highlighted(self.kind, self.current_id))

    def _move_to(self, row: int) -> None:
        if self._rows:
            self.cursor_row = max(0, min(len(self._rows) - 1, row))

    def action_cursor(self, step: int) -> None:
        self._move_to(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self._move_to(self.cursor_row + step * max(self.scrollable_content_region.height - 2, 1))

    def action_jump(self, row: int) -> None:
        self._move_to(row if row >= 0 else len(self._rows) - 1)

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Opened(self.kind, self.current_id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = int(self.scroll_y) + offset.y - 1
        if 0 <= row < len(self._rows):
            if row == self.cursor_row and event.chain == 2:
                self.action_open()
            self.cursor_row = row

    # -- drawing ---------------------------------------------------------------

    def shown_widths(self) -> list[int]:
        """The column widths as drawn at the pane's present width (see ``fit_widths``)."""
        available = self.scrollable_content_region.width
        if self._fitted[0] != available:
            self._fitted = (available, fit_widths(self.widths, available, MUST_SHOW.get(self.kind, 2)))
        return self._fitted[1]

    def _line(self, cells: Sequence[Cell], style: Style) -> Strip:
        segments: list[Segment] = []
        for width, cell in zip(self.shown_widths(), cells, strict=False):
            text = cell.copy() if isinstance(cell, Text) else literal(cell)
            text.truncate(width, overflow="ellipsis", pad=True)
            segments += text.render(self.app.console)
            segments.append(Segment(" " * GAP))
        return Strip(Segment.apply_style(segments, post_style=style) if style else segments)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = -1 if y == 0 else scroll_y + y - 1  # -1: the header
        if row >= len(self._rows):
            return Strip.blank(width, base)
        if row < 0:
            style = self.get_component_rich_style("record-table--header")
        else:
            style = Style()
            if row % 2:
                style += self.get_component_rich_style("record-table--odd")
            if row == self.cursor_row:
                style += self.get_component_rich_style("record-table--cursor")
        key = (row, width, scroll_x, style, base)
        drawn = self._drawn.get(key)
        if drawn is None:
            if len(self._drawn) > DRAWN_KEPT:
                self._drawn.clear()
            cells: Sequence[Cell] = [heading(self.kind, c) for c in self.columns] if row < 0 else self._rows[row][1]
            # The row's background runs the full width, not just under the cells.
            line = self._line(cells, style).crop_extend(scroll_x, scroll_x + width, style)
            drawn = self._drawn[key] = line.apply_style(base)
        return drawn
