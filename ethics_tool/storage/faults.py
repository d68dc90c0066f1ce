"""Storage faults as :class:`StorageError` subclasses that say what to do, for the CLI and the GUI
alike: SQLite's by its error code (:func:`classify`, hook :func:`install_error_hook`), a database
server's lost or refused connection by :func:`classify_server` (hook
:func:`install_server_error_hook`), so that a save during a network cut is kept and retried like a
save to a busy file, not reported as a bug."""

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


class ServerUnreachableError(StorageError):
    """The database server cannot be reached (network cut, server stopped or restarting)."""


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


# -- a database server ------------------------------------------------------------------------------
# SQLSTATE of a connection that failed or was cut: class 08 (connection exception) and the server
# shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
_SERVER_GONE_STATES = ("57P01", "57P02", "57P03")


def classify_server(
    exc: BaseException, display: str, is_disconnect: bool = False
) -> StorageError | None:
    """A :class:`ServerUnreachableError` when ``exc`` means the server cannot be reached, else None.

    A connection that cannot be made at all (refused, timed out, host unknown) has no SQLSTATE;
    an error of a working connection (a constraint, a serialisation failure) is not a fault here.
    """
    state = getattr(exc, "sqlstate", None)
    name = type(exc).__name__
    gone = (
        is_disconnect
        or (state is None and name == "OperationalError")
        or (isinstance(state, str) and (state.startswith("08") or state in _SERVER_GONE_STATES))
    )
    if not gone:
        return None
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else name
    return ServerUnreachableError(
        t(
            "The database server {url} cannot be reached, so the change was not saved. Check "
            "the network connection (or ask who runs the server) and try again",
            url=display,
        ),
        [first],
    )


def install_server_error_hook(engine: Engine, display: str) -> None:
    """Raise :class:`ServerUnreachableError` for a lost or refused server connection."""

    def handle(context: ExceptionContext) -> None:
        error = classify_server(context.original_exception, display, context.is_disconnect)
        if error is not None:
            log.warning("server unreachable (%s): %s", display, context.original_exception)
            raise error from context.original_exception

    event.listen(engine, "handle_error", handle)
