"""Shared fixtures: stores on both storages, and copies of the sample."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from liaison_tui.i18n import set_language
from liaison_tui.store import paths
from liaison_tui.store.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample.json"

StoreFactory = Callable[[], Store]


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    """A private copy of the bundled sample: tests never touch ``data/``."""
    target = tmp_path / "sample.json"
    shutil.copyfile(SAMPLE, target)
    return target


@pytest.fixture(params=["memory", "json"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    """Opens the sample on TinyDB's MemoryStorage, or on a JSON file (like TinyDB's own tests)."""

    def factory() -> Store:
        if request.param == "memory":
            import orjson

            return Store.in_memory(orjson.loads(paths.sample_bytes()))
        target = tmp_path / "store.json"
        if not target.exists():
            shutil.copyfile(SAMPLE, target)
        return Store.open(target)

    return factory


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or create the real user's data file."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(paths.ENVIRONMENT_VARIABLE, raising=False)


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The suite reads English, whatever the developer's LANG: tests that speak Chinese ask for it."""
    monkeypatch.setenv("LIAISON_TUI_LANG", "en")
    set_language("en")
    yield
    set_language("en")
