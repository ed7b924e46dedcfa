"""What the storage says when a data file cannot be read or written, in the interface's language.

Kept apart from ``storage`` so that module stays about keeping files; each
function is one message, naming the file and the problem.
"""

from __future__ import annotations

from pathlib import Path

from liaison_tui.i18n import _


def empty(path: Path) -> str:
    return _("{file}: the file is empty").format(file=path)


def not_json(path: Path, error: object) -> str:
    return _("{file}: not a valid JSON data file ({error})").format(file=path, error=error)


def not_tables(path: Path) -> str:
    return _("{file}: not a liaison-tui data file (expected an object of tables)").format(file=path)


def too_big(path: Path, size: str, limit: str) -> str:
    return _(
        "{file}: the file is {size}, over the {limit} limit for a data file "
        "(50,000 officers in 83 cities take about 21 MB)"
    ).format(file=path, size=size, limit=limit)


def gone(path: Path, *, saving: bool = False) -> str:
    if saving:
        return _("{file}: the data file is gone (moved or deleted); nothing was saved").format(file=path)
    return _("{file}: the data file is gone (moved or deleted)").format(file=path)


def a_directory(path: Path) -> str:
    return _("{file}: is a directory, not a data file").format(file=path)


def unreadable(path: Path, reason: object) -> str:
    return _("{file}: cannot read the file ({reason})").format(file=path, reason=reason)


def exists_already(path: Path) -> str:
    return _("{file}: already exists; nothing was written (give a new name)").format(file=path)


def read_only(path: Path) -> str:
    return _("{file}: opened read-only").format(file=path)


def unencodable(path: Path, error: object) -> str:
    return _("{file}: cannot encode the data ({error})").format(file=path, error=error)


def would_be_too_big(path: Path, size: str, limit: str) -> str:
    return _(
        "{file}: this change would make the file {size}, over the {limit} limit for a data file; nothing was saved"
    ).format(file=path, size=size, limit=limit)


def no_folder(path: Path, folder: Path) -> str:
    return _("{file}: the folder {folder} does not exist").format(file=path, folder=folder)


def unwritable_folder(path: Path, folder: Path, reason: object) -> str:
    return _("{file}: cannot write in {folder} ({reason})").format(file=path, folder=folder, reason=reason)


def not_saved(path: Path, reason: object) -> str:
    return _("{file}: could not save ({reason}); the file is unchanged").format(file=path, reason=reason)
