"""The shape of the code that keeps new features cheap: no import cycles, small modules, one registry."""

from __future__ import annotations

import re
from pathlib import Path

import grimp
import orjson
import pytest

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import SPREADSHEET_KINDS, Kind, by_table, kind_for
from liaison_tui.spreadsheets.columns import columns_for
from liaison_tui.store import schema
from liaison_tui.store.history_table import HISTORY_TABLE
from liaison_tui.store.store import Store

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "liaison_tui"
CORE_LIMIT = 300  # lines; the UI may run a little longer, the core may not


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Import cycles among ``modules`` (depth-first search over direct imports)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph.find_modules_directly_imported_by(module) & modules):
            if state.get(imported) == 1:
                found.append([*path[path.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*path, imported])
        state[module] = 2

    for module in sorted(modules):
        if module not in state:
            visit(module, [module])
    return found


def test_no_module_imports_another_that_imports_it_back() -> None:
    graph = grimp.build_graph("liaison_tui")
    ours = {m for m in graph.modules if m.startswith("liaison_tui")}
    assert _cycles(graph, ours) == []
    # The UI reaches the app through a Protocol, never by importing it.
    assert graph.find_modules_that_directly_import("liaison_tui.ui.app") <= {"liaison_tui.launcher"}


def test_core_modules_stay_small() -> None:
    long = {}
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > CORE_LIMIT:
            long[str(path.relative_to(PACKAGE))] = lines
    assert long == {}


def test_no_kind_dispatch_ends_in_an_unchecked_assert() -> None:
    pattern = re.compile(r"assert isinstance\((record|edit|entry|kind)\b")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_has_a_table_in_files_and_datasets(kind: Kind) -> None:
    assert kind_for(kind.cls) is kind
    assert by_table(kind.table) is kind
    assert kind.table in schema.empty_tables()
    assert Dataset().table(kind) == {}
    assert kind.table in Dataset().counts()
    assert bool(columns_for(kind)) == (kind in SPREADSHEET_KINDS)


def test_a_new_file_holds_exactly_the_registered_tables(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "new.json")
    tables = set(orjson.loads((tmp_path / "new.json").read_bytes()))
    assert tables == {kind.table for kind in Kind} | {schema.META_TABLE, HISTORY_TABLE}
    assert list(store.data.counts()) == [kind.table for kind in Kind]
