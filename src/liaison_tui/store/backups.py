"""``FILE.bak``: the version before the last save, and the rule that keeps a good one.

Each save makes the version it replaces ``FILE.bak`` (a hard link, so no
copy). One rule guards it: **the backup is never replaced by a version that
holds fewer records than the backup, unless that version was itself written
by a save that deleted records** (the user deleting, or undoing an add; the
save marks this in ``meta``). A version that lost records any other way (a
data file recreated empty, an old or partial file copied over it) is not
trusted: the backup keeps the last good version, and the next save replaces
the shrunken file without keeping it.

Knowing the backup's record count means parsing it, so the count of each
backup this process made (or parsed once) is remembered by its file signature
(inode, size, mtime, which a hard link shares): the backup is parsed only
when another process made it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import orjson

from liaison_tui.store import file_layout, schema

Signature = tuple[int, int, int]
REMEMBERED = 8  # versions whose record counts are kept


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def signature_of(stat: os.stat_result) -> Signature:
    # A replaced file has a new inode; an in-place edit changes size or mtime.
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class BackupKeeper:
    """Rotates ``FILE.bak`` by the rule above."""

    def __init__(self) -> None:
        self._records: dict[Signature, int] = {}

    def remember(self, signature: Signature, records: int) -> None:
        self._records.pop(signature, None)
        self._records[signature] = records
        while len(self._records) > REMEMBERED:
            del self._records[next(iter(self._records))]

    def rotate(self, path: Path, current: schema.VersionFacts | None, size_limit: int) -> None:
        """Make the version at ``path`` the backup, unless the rule keeps the backup there is."""
        backup = backup_path(path)
        if current is not None and not self._may_replace(backup, current, size_limit):
            return
        staging = backup.with_name(backup.name + ".tmp")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staging)
        try:
            try:
                os.link(path, staging)
            except OSError:  # no hard links here (some network mounts): copy instead
                staging.write_bytes(path.read_bytes())
                os.chmod(staging, 0o600)
            os.replace(staging, backup)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(staging)
            raise
        if current is not None:
            self.remember(signature_of(os.stat(backup)), current.records)

    def _may_replace(self, backup: Path, current: schema.VersionFacts, size_limit: int) -> bool:
        if current.deleted:
            return True
        try:
            stat = os.stat(backup)
        except OSError:
            return True  # no backup yet (or none we can see): nothing to keep
        signature = signature_of(stat)
        records = self._records.get(signature)
        if records is None:
            records = _count_records(backup, stat.st_size, size_limit)
            self.remember(signature, records)
        return current.records >= records


def _count_records(backup: Path, size: int, size_limit: int) -> int:
    """Records in a backup; 0 for one that could not be opened anyway (damaged, too big)."""
    if size > size_limit:
        return 0
    try:
        raw = backup.read_bytes()
        counted = file_layout.record_count(raw)  # our layout: lines counted, nothing parsed
        if counted is not None:
            return counted
        tables = orjson.loads(raw)
    except (OSError, orjson.JSONDecodeError):
        return 0
    if not isinstance(tables, dict) or not all(isinstance(table, dict) for table in tables.values()):
        return 0
    return schema.version_facts(tables).records
