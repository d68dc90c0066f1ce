"""SQLite faults as :class:`StorageError` subclasses that say what to do, classified by SQLite's
error code (:func:`classify`) in one engine hook (:func:`install_error_hook`), for the CLI and the
GUI alike."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from ethics_tool.i18n import t
from ethics_tool.storage.engines import StorageError

log = logging.getLogger(__name__)

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class DatabaseBusyError(StorageError):
    """Another program holds the database (busy or locked) longer than the busy timeout."""


class ReadOnlyDatabaseError(StorageError):
    """The file or its folder may only be read."""


class DiskFullError(StorageError):
    """The disk (or the user's quota) is full."""


class DiskIOError(StorageError):
    """The operating system could not read or write the file."""


class CorruptDatabaseError(StorageError):
    """The file is damaged (or is not an SQLite database at all); a backup can replace it."""

    def __init__(self, message: str, details: list[str] | None = None, path: Path | None = None):
        super().__init__(message, details or [])
        self.path = path


class ForeignDatabaseError(StorageError):
    """An SQLite file of another program: never modified."""


# -- error classification -------------------------------------------------------------------------
def holder_of(path: Path) -> str:
    """Who holds the database, from the GUI's lock file beside it ('' when unknown)."""
    lock = path.with_name(path.name + ".lock")
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    if not lines or not lines[0].strip().isdigit():
        return ""
    pid = lines[0].strip()
    app = lines[1].strip() if len(lines) > 1 and lines[1].strip() else "ethics-tool"
    host = lines[2].strip() if len(lines) > 2 else ""
    return t("{app}, process {pid} on {host}", app=app, pid=pid, host=host or "?")


def sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    # Messages without a code (older Python, or raised by the driver itself).
    for needle, value in (
        ("database is locked", SQLITE_BUSY),
        ("readonly database", SQLITE_READONLY),
        ("disk is full", SQLITE_FULL),
        ("disk i/o error", SQLITE_IOERR),
        ("malformed", SQLITE_CORRUPT),
        ("not a database", SQLITE_NOTADB),
        ("unable to open database", SQLITE_CANTOPEN),
    ):
        if needle in text:
            return value
    return None


def classify(exc: BaseException, path: Path | str | None) -> StorageError | None:
    """The :class:`StorageError` for an SQLite error, or None when it is not a storage fault."""
    code = sqlite_code(exc)
    where = str(path) if path is not None else t("the database")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        holder = holder_of(Path(path)) if isinstance(path, Path) else ""
        details = [t("It is held by {holder}.", holder=holder)] if holder else []
        return DatabaseBusyError(
            t(
                "{path} is in use by another program, so the change was not saved. Close the "
                "other program (or wait until it finishes) and try again",
                path=where,
            ),
            details,
        )
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return ReadOnlyDatabaseError(
            t(
                "{path} can only be read, so the change was not saved. Ask for permission to "
                "write there or keep the assessments in another folder",
                path=where,
            )
        )
    if code == SQLITE_FULL:
        return DiskFullError(
            t(
                "The disk that holds {path} is full, so the change was not saved. Free some disk "
                "space and try again",
                path=where,
            )
        )
    if code == SQLITE_IOERR:
        return DiskIOError(
            t(
                "{path} could not be read or written (input/output error). Check the disk or the "
                "network connection and try again; if it keeps failing, restore a backup",
                path=where,
            )
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return CorruptDatabaseError(
            t(
                "{path} is damaged. Restore a backup (Settings → Backups, or "
                "“ethics-tool backup list”)",
                path=where,
            ),
            path=Path(path) if isinstance(path, Path) else None,
        )
    if code == SQLITE_CANTOPEN:
        return StorageError(
            t(
                "cannot open {path}: the file or its folder is missing or not accessible",
                path=where,
            )
        )
    return None


def install_error_hook(engine: Engine, path: Path) -> None:
    def handle(context: ExceptionContext) -> None:
        error = classify(context.original_exception, path)
        if error is not None:
            log.warning("storage fault on %s: %s", path, context.original_exception)
            raise error from context.original_exception

    event.listen(engine, "handle_error", handle)
