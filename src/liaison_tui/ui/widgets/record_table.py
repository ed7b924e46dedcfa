"""The table every pane uses: rows keyed by record id, cells always literal."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from liaison_tui.display import literal
from liaison_tui.ui.messages import RecordHighlighted

Cell = str | Text


class RecordTable(DataTable[Text]):
    """A row-cursor DataTable of records of one kind.

    DataTable parses plain ``str`` cells as markup, so every cell is turned
    into a literal ``Text`` here, the one place that does it for all panes.
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "Top", show=False),
        Binding("G", "scroll_bottom", "Bottom", show=False),
    ]

    def __init__(self, kind: str, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.kind = kind

    def show(self, columns: Sequence[str], rows: Sequence[tuple[int, Sequence[Cell]]]) -> None:
        """Replace the rows, keeping the cursor on the same record where possible."""
        keep = self.current_id
        self.clear(columns=not self.columns or len(self.columns) != len(columns))
        if not self.columns:
            self.add_columns(*columns)
        for record_id, cells in rows:
            self.add_row(*(c if isinstance(c, Text) else literal(c) for c in cells), key=str(record_id))
        if keep is not None and not self.select_id(keep):
            self.move_cursor(row=0)
        if not rows:
            self.post_message(RecordHighlighted(self.kind, None))

    @property
    def current_id(self) -> int | None:
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:  # the cursor is outside the rows during a refresh
            return None
        return int(key.value) if key.value is not None else None

    def select_id(self, record_id: int) -> bool:
        """Move the cursor to the record's row; False if it is not shown."""
        try:
            index = self.get_row_index(str(record_id))
        except Exception:  # RowDoesNotExist
            return False
        self.move_cursor(row=index)
        return True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        key = event.row_key.value
        self.post_message(RecordHighlighted(self.kind, int(key) if key is not None else None))
