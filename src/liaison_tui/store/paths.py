"""Where the data file lives: ``--db``, ``LIAISON_TUI_DB``, or the user's data folder.

On first run the user's own file is made from the bundled sample, which ships
inside the package and is only ever read.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

from liaison_tui.store.atomic import write_atomically

ENVIRONMENT_VARIABLE = "LIAISON_TUI_DB"
DATA_FILE_NAME = "liaison.json"


def sample_bytes() -> bytes:
    """The bundled sample visit (``data/sample.json`` in the source tree)."""
    bundled = resources.files("liaison_tui").joinpath("data", "sample.json")
    if bundled.is_file():
        return bundled.read_bytes()
    # An editable install runs from the source tree, where the sample sits at the top.
    return (Path(__file__).resolve().parents[3] / "data" / "sample.json").read_bytes()


def default_data_file() -> Path:
    return Path(platformdirs.user_data_dir("liaison-tui", appauthor=False)) / DATA_FILE_NAME


def resolve_data_file(option: str | None) -> Path:
    """The file to open: the ``--db`` option, else the environment, else the default."""
    if option:
        return Path(option).expanduser()
    from_environment = os.environ.get(ENVIRONMENT_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return default_data_file()


def ensure_default_data_file(path: Path) -> bool:
    """Create the user's own data file from the sample if it is missing; True if created."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically(path, sample_bytes())  # never a half-copied sample, even if interrupted
    return True


def real_path(path: Path) -> Path:
    """Where a symlinked data file really is: saves replace that file, so the link stays a link."""
    return path.resolve() if path.is_symlink() else path
