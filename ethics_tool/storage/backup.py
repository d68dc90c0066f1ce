"""Automatic and manual backups of the SQLite file, made with SQLite's backup API.

A backup is a consistent copy even while the program writes (the backup API copies a snapshot, the
WAL included). Backups live in a folder beside the database (``<file>.backups/``), one file each,
named after the moment and the reason; the newest :data:`KEEP` are kept. Made automatically at
start-up when the newest is older than a day, before every migration and before every merge.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ethics_tool.i18n import t
from ethics_tool.storage.engines import StorageError
from ethics_tool.storage.faults import CorruptDatabaseError, classify
from ethics_tool.storage.sqlite_file import connect_ro, fsync_dir, probe, quick_check

log = logging.getLogger(__name__)

KEEP = 10
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[\w.-]+)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # local time
    size: int
    reason: str

    @property
    def name(self) -> str:
        return self.path.name


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of ``db_path``, newest first."""
    folder = backup_dir(db_path)
    out = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match:
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            continue
        created = datetime.strptime(match["stamp"], _STAMP)
        out.append(BackupInfo(entry, created, size, match["reason"]))
    out.sort(key=lambda info: info.created, reverse=True)
    return out


def create_backup(db_path: Path, reason: str = "manual", keep: int = KEEP) -> Path:
    """Copy ``db_path`` consistently into its backup folder; drop the oldest beyond ``keep``."""
    folder = backup_dir(db_path)
    reason = re.sub(r"[^\w.-]", "-", reason) or "manual"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise StorageError(
            t(
                "cannot create the backup folder {folder}: {reason}",
                folder=folder,
                reason=exc.strerror,
            )
        ) from None
    stamp = datetime.now().strftime(_STAMP)
    target = folder / f"{stamp}-{reason}.sqlite3"
    temp = folder / f".{target.name}.part"
    try:
        _copy(db_path, temp, target)
    except (sqlite3.Error, OSError) as exc:
        temp.unlink(missing_ok=True)
        raise classify(exc, db_path) or StorageError(
            t("cannot back up {path}: {reason}", path=db_path, reason=exc)
        ) from None
    log.info("backup of %s written to %s (%s)", db_path, target, reason)
    for old in list_backups(db_path)[keep:]:
        try:
            old.path.unlink()
        except OSError:
            log.warning("cannot remove the old backup %s", old.path)
    return target


def daily_backup(db_path: Path) -> Path | None:
    """A backup at start-up when the newest is older than a day (or there is none)."""
    backups = list_backups(db_path)
    if backups and datetime.now() - backups[0].created < timedelta(days=1):
        return None
    try:
        return create_backup(db_path, reason="daily")
    except StorageError as exc:  # a full disk must not keep the program from starting
        log.warning("no daily backup: %s", exc)
        return None


def is_good(backup: Path) -> bool:
    try:
        return probe(backup).kind == "ours" and not quick_check(backup)
    except StorageError:
        return False


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    for info in list_backups(db_path):
        if is_good(info.path):
            return info
    return None


def find_backup(db_path: Path, name: str) -> BackupInfo:
    """A backup by its file name (or a number from ``backup list``, 1 = newest)."""
    backups = list_backups(db_path)
    if name.isdigit() and 1 <= int(name) <= len(backups):
        return backups[int(name) - 1]
    for info in backups:
        if info.name == name or str(info.path) == name:
            return info
    raise StorageError(
        t(
            "there is no backup “{name}” of {path} (see “ethics-tool backup list”)",
            name=name,
            path=db_path,
        )
    )


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of ``db_path`` (which no one may have open).

    The current file is backed up first (a damaged one is copied byte for byte); returns that copy.
    """
    if not is_good(backup):
        raise CorruptDatabaseError(
            t("the backup {path} is damaged or not a database of this program", path=backup),
            path=backup,
        )
    saved: Path | None = None
    if db_path.exists():
        try:
            saved = create_backup(db_path, reason="before-restore", keep=KEEP + 1)
        except StorageError:
            # Damaged beyond the backup API: keep its bytes anyway.
            saved = backup_dir(db_path) / (
                datetime.now().strftime(_STAMP) + "-damaged-before-restore.sqlite3"
            )
            saved.parent.mkdir(exist_ok=True)
            saved.write_bytes(db_path.read_bytes())
    temp = db_path.with_name(f".{db_path.name}.restoring")
    try:
        _copy(backup, temp, db_path)
    except (sqlite3.Error, OSError) as exc:
        temp.unlink(missing_ok=True)
        raise classify(exc, db_path) or StorageError(
            t("cannot restore {path}: {reason}", path=db_path, reason=exc)
        ) from None
    log.info("restored %s from %s (the previous file was saved as %s)", db_path, backup, saved)
    return saved


def _copy(source_path: Path, temp: Path, target: Path) -> None:
    """A consistent copy of ``source_path`` written as ``temp``, synced, renamed to ``target``.

    A WAL and shared-memory file left beside ``target`` belong to the file it replaces: removed.
    """
    source = connect_ro(source_path)
    try:
        dest = sqlite3.connect(temp)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    with temp.open("rb+") as fh:
        os.fsync(fh.fileno())
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(temp, target)
    fsync_dir(target.parent)
