"""Where an export goes, and what reaches a terminal on the way.

``-o`` names a file that is replaced atomically and created owner-only (an
export holds names, phone numbers and hotels); a symbolic link is followed so
its target is replaced and the link stays; a pipe or a device such as
``/dev/stdout`` is written through; anything else is refused, as is the data
file itself and the files that travel with it (its backup, lock and
temporaries), however they are named (the same inode behind another path).

Files and pipes get the exact bytes. A terminal gets control characters as
visible stand-ins, so a name holding an escape sequence cannot clear the
screen or set the clipboard.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
import sys
from pathlib import Path

from liaison_tui.cli.errors import CommandError
from liaison_tui.i18n import _
from liaison_tui.reports.display import visible
from liaison_tui.store.atomic import FolderError, temporary_prefix, write_atomically
from liaison_tui.store.storage import backup_path


def for_terminal(content: bytes) -> bytes:
    """``content`` as a terminal may show it: no escape sequences, no bells, no carriage returns."""
    text = content.decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n")
    return visible(text, multiline=True).encode("utf-8")


def to_stdout(content: bytes) -> None:
    """Exact bytes into a pipe or file; visible stand-ins for control characters on a terminal."""
    sys.stdout.flush()
    sys.stdout.buffer.write(for_terminal(content) if sys.stdout.isatty() else content)
    sys.stdout.flush()


def companions(data_file: Path) -> list[Path]:
    """The data file and the files that travel with it (resolved)."""
    real = Path(os.path.realpath(data_file))
    backup = backup_path(real)
    return [real, backup, real.with_name(real.name + ".lock"), backup.with_name(backup.name + ".tmp")]


def _same_file(target: Path, others: list[Path]) -> bool:
    try:
        mine = os.stat(target)
    except OSError:
        return False
    for other in others:
        try:
            theirs = os.stat(other)
        except OSError:
            continue
        if (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino):
            return True
    return False


def refuse_data_files(output: Path, data_file: Path) -> None:
    """Raise unless ``output`` is neither the data file nor one of its companions (links too)."""
    real = Path(os.path.realpath(output))
    protected = companions(data_file)
    data_real = protected[0]
    temporary = real.parent == data_real.parent and fnmatch.fnmatchcase(
        real.name, f"{temporary_prefix(data_real)}*.tmp"
    )
    if real in protected or temporary or _same_file(output, protected):
        raise CommandError(
            _(
                "{output}: that is the data file {data_file} or one of its own files "
                "(backup, lock, temporary); nothing was written, choose another name"
            ).format(output=visible(str(output)), data_file=visible(str(data_file)))
        )


def to_file(content: bytes, output: Path, data_file: Path) -> None:
    """Write ``content`` to ``output`` as the module docstring says, or raise CommandError."""
    refuse_data_files(output, data_file)
    shown = visible(str(output))
    try:
        status: os.stat_result | None = os.stat(output)  # follows links, as the write will
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise CommandError(
            _("{target}: cannot write there ({reason})").format(target=shown, reason=error.strerror)
        ) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise CommandError(_("{target}: is a folder; give a file name").format(target=shown))
    if status is not None and (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)):
        _write_through(content, output, shown)
        return
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise CommandError(
            _("{target}: not a regular file, a pipe or a character device; nothing was written").format(target=shown)
        )
    target = Path(os.path.realpath(output))  # a link stays a link: its target is replaced
    try:
        write_atomically(target, content)
    except FolderError as error:
        reason = (
            _("the folder {folder} does not exist").format(folder=target.parent)
            if error.errno == errno.ENOENT
            else error.strerror
        )
        raise CommandError(
            _("{target}: cannot write there ({reason}); nothing was written").format(
                target=shown, reason=visible(str(reason))
            )
        ) from None
    except OSError as error:
        raise CommandError(
            _("{target}: could not write ({reason}); nothing was written").format(
                target=shown, reason=error.strerror or error
            )
        ) from None


def _write_through(content: bytes, output: Path, shown: str) -> None:
    """A pipe or device: no temporary file and no rename, just the bytes (shown safely on a tty)."""
    try:
        descriptor = os.open(output, os.O_WRONLY | os.O_NOCTTY)
    except OSError as error:
        raise CommandError(
            _("{target}: cannot write there ({reason})").format(target=shown, reason=error.strerror)
        ) from None
    try:
        data = for_terminal(content) if os.isatty(descriptor) else content
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    except OSError as error:
        raise CommandError(
            _("{target}: could not write ({reason})").format(target=shown, reason=error.strerror)
        ) from None
    finally:
        os.close(descriptor)
