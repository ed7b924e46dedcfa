"""From one version of the data file to checked domain objects.

Used on opening, on every reload and before every save, so the same checks
run whichever way a version arrives: schema version and migrations, ``meta``,
every record and every reference between records.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Problem, ValidationError
from liaison_tui.domain.validation import check_dataset
from liaison_tui.i18n import _, ngettext
from liaison_tui.store import codec, file_layout, schema
from liaison_tui.store.errors import BadDataFileError
from liaison_tui.store.gc_pause import collector_paused
from liaison_tui.store.schema import Tables
from liaison_tui.store.storage import Version


@dataclass(frozen=True, slots=True)
class Loaded:
    """A version parsed and checked: the tables to hold and the records they make."""

    tables: Tables
    data: Dataset
    needs_writing: bool  # migrated or repaired: the file should be written back


def load(tables: Tables, where: Path | str) -> Loaded:
    """Migrate, check and parse ``tables``; raise BadDataFileError naming the problems."""
    tables, migrated = schema.migrate(tables, Path(where))
    data = dataset_from_tables(tables, where)
    repaired = schema.repair_next_ids(tables, data)
    return Loaded(tables, data, migrated or bool(repaired))


def load_version(version: Version, where: Path | str) -> Loaded:
    """``load`` one version of the file; one that looked like our layout but is not is read whole."""
    try:
        return load(version.tables, where)
    except file_layout.LayoutBroken:  # a line that looked like a record is not one
        return load(version.whole(Path(where)).tables, where)


def dataset_from_tables(tables: Tables, where: Path | str) -> Dataset:
    """Parse and validate every record; raise BadDataFileError naming the problems."""
    with collector_paused():
        return _parse_tables(tables, where)


def _parse_tables(tables: Tables, where: Path | str) -> Dataset:
    data = Dataset()
    problems: list[Problem | str] = []
    for kind in Kind:
        table, name = data.table(kind), kind.table
        for key, document in tables.get(name, {}).items():
            try:
                doc_id = int(key)
                table[doc_id] = codec.from_document(kind, doc_id, file_layout.document(key, document))
            except ValueError as error:  # ValidationError, or a key that is no id
                bad_id = _("{table}: bad id {key!r}").format(table=name, key=key)
                problems += error.problems if isinstance(error, ValidationError) else [bad_id]
    if not problems:
        problems += check_dataset(data)
    if problems:
        shown = "\n  ".join(str(p) for p in problems[:10])
        more = "\n  " + _("… and {n} more").format(n=len(problems) - 10) if len(problems) > 10 else ""
        invalid = ngettext("{file}: {n} invalid record:", "{file}: {n} invalid records:", len(problems))
        raise BadDataFileError(f"{invalid.format(file=where, n=len(problems))}\n  {shown}{more}")
    return data
