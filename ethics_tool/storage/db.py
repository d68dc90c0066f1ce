"""Open the database (an SQLite file or a server, see :mod:`.engines`), migrated by Alembic.

A server database is migrated only after the administrator confirmed that they made a backup with
``pg_dump``. For an SQLite file this module recognises the file before touching it, creates it
atomically, migrates after a backup, and turns every SQLite fault into a :class:`StorageError`
that says what to do.

Start-up of an SQLite file, step by step:

1. The file is probed **read-only** (no WAL switch, no pragma that writes): its header, its tables
   and its schema revision. Another program's file, a damaged file or a file of a newer version is
   refused untouched.
2. A missing file, an empty one or a half-created one (only our tables, all empty, left by a crash
   during the first start) is built under a temporary name and renamed into place when the schema
   is complete, so a crash never leaves a file that later starts refuse.
3. A file that cannot be written (read-only file or folder) opens read-only; ``Database.read_only``
   tells the GUI to show a banner.
4. A migration runs only after a consistent backup (see :mod:`ethics_tool.storage.backup`), with
   foreign keys off (SQLite rebuilds tables in batch mode; cascades must not fire).

Every statement runs under a busy timeout and write transactions begin ``IMMEDIATE``, so two
writers wait for each other instead of failing. Errors are classified by SQLite's error code
(:func:`~ethics_tool.storage.faults.classify`) in one engine hook, for the CLI and the GUI alike.

Beside this module: :mod:`.faults` (SQLite errors for the user), :mod:`.sqlite_file` (looking at a
file read-only), :mod:`.schema` (Alembic) and :mod:`.backup`; none of them imports this one.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError

from ethics_tool.i18n import t
from ethics_tool.storage import engines
from ethics_tool.storage.backup import create_backup, daily_backup
from ethics_tool.storage.engines import StorageError, Target
from ethics_tool.storage.faults import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    DiskIOError,
    ForeignDatabaseError,
    ReadOnlyDatabaseError,
    ServerUnreachableError,
    classify,
    holder_of,
    install_error_hook,
    install_server_error_hook,
)
from ethics_tool.storage.schema import head_revision, known_revisions, upgrade
from ethics_tool.storage.sqlite_file import Probe, fsync_dir, probe, quick_check, ro_uri

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

# The storage errors are imported from here by the front ends (one place for "opening a database").
__all__ = [
    "CorruptDatabaseError",
    "Database",
    "DatabaseBusyError",
    "DiskFullError",
    "DiskIOError",
    "ForeignDatabaseError",
    "ReadOnlyDatabaseError",
    "ServerMigrationNeeded",
    "ServerUnreachableError",
    "StorageError",
    "classify",
    "holder_of",
    "open_database",
]

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
TEMP_MARK = ".creating-"


class ServerMigrationNeeded(StorageError):
    """A server database needs a schema migration: the administrator must back it up first."""


# -- engines -----------------------------------------------------------------------------------------
def _sqlite_engine(path: Path, read_only: bool) -> Engine:
    if read_only:
        immutable = not os.access(path.parent, os.W_OK)

        def creator() -> sqlite3.Connection:
            conn = sqlite3.connect(ro_uri(path, immutable), uri=True, check_same_thread=False)
            conn.isolation_level = None
            return conn

        engine = create_engine("sqlite://", creator=creator)
    else:
        engine = create_engine(
            f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
        )

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy emits BEGIN itself (below): the driver must not start transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    def on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock at once (waiting up to the busy timeout), so a
        # transaction never fails half-way when another process writes at the same moment.
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    install_error_hook(engine, path)
    return engine


@dataclass
class Database:
    """An open, migrated database: an engine and a session factory (one session per unit of work),
    made on first use: the list of assessments needs only the engine (:mod:`.listing`)."""

    engine: Engine
    path: Path | None
    backup: Path | None = None  # the copy made before the last migration, if one ran
    read_only: bool = False
    created: bool = False  # the file was created by this start
    target: Target | None = None
    _sessions: sessionmaker[Session] | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def sessions(self) -> sessionmaker[Session]:
        with self._lock:  # the start-up worker and the GUI thread may both ask
            if self._sessions is None:
                from ethics_tool.storage.versions import session_factory

                self._sessions = session_factory(self.engine)
        return self._sessions

    @property
    def location(self) -> str:
        """The file or the server address (without password), for the user's eyes."""
        if self.target is not None:
            return self.target.display
        return str(self.path)

    @property
    def is_server(self) -> bool:
        return self.target is not None and self.target.is_server

    def dispose(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        """Raise the :class:`StorageError` a write would meet now, without writing anything.

        An SQLite file takes (and at once releases) its write lock, a server opens a connection: a
        busy file waits for the busy timeout, an unreachable server for the connect timeout, so
        the GUI calls this off its thread before it retries the changes that wait.
        """
        with self.engine.begin() as conn:
            if self.target is not None and self.target.is_server:
                conn.exec_driver_sql("SELECT 1")


def _remove_stale_temps(path: Path) -> None:
    """Delete temporary files of creations that crashed (older than ten minutes)."""
    for temp in path.parent.glob(f".{path.name}{TEMP_MARK}*"):
        try:
            if time.time() - temp.stat().st_mtime > 600:
                temp.unlink()
        except OSError:
            pass


def _create(path: Path, replace: bool) -> None:
    """Build a complete new database under a temporary name, then rename it to ``path``."""
    temp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}")
    temp.unlink(missing_ok=True)
    engine = _sqlite_engine(temp, read_only=False)
    try:
        upgrade(engine)
        from sqlalchemy.orm import Session

        from ethics_tool.storage.repository import installation_id

        with Session(engine) as session, session.begin():
            installation_id(session)
    except BaseException:
        engine.dispose()
        temp.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            temp.with_name(temp.name + suffix).unlink(missing_ok=True)
        raise
    engine.dispose()  # the last connection closes: the WAL is checkpointed into the file
    with temp.open("rb+") as fh:
        os.fsync(fh.fileno())
    if not replace and path.exists():
        temp.unlink()  # another instance created it meanwhile: use theirs
        return
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(temp, path)
    fsync_dir(path.parent)
    log.info("created the database %s", path)


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_database(
    path: Path | str, backups: bool = True, *, confirm_server_migration: bool = False
) -> Database:
    """Open (creating if needed) and migrate the database at ``path`` or an SQLAlchemy URL.

    A server database that needs a migration is refused with :class:`ServerMigrationNeeded` unless
    ``confirm_server_migration`` says the administrator has backed it up.
    """
    target = engines.parse_target(path)
    if target.path is None:
        return _open_server(target, confirm_server_migration)
    file_path = target.path
    if file_path.exists() and file_path.is_dir():
        raise StorageError(t("{path} is a folder, not a database file", path=file_path))
    if not file_path.exists():
        try:
            file_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                t(
                    "cannot create the folder {folder}: {reason}",
                    folder=file_path.parent,
                    reason=exc.strerror,
                )
            ) from None
    found = probe(file_path)
    if found.kind == "foreign":
        raise ForeignDatabaseError(
            t(
                "{path}: this file is not an ethics self-assessment database (it belongs to "
                "another program); it was left unchanged",
                path=file_path,
            )
        )
    if found.kind == "newer":
        raise StorageError(
            t(
                "{path}: the database was created by a newer version of this program "
                "(schema {schema}); please update the program",
                path=file_path,
                schema=found.revision,
            )
        )
    created = False
    if found.kind in ("missing", "empty", "half"):
        if not os.access(file_path.parent, os.W_OK):
            raise ReadOnlyDatabaseError(
                t(
                    "cannot create the database in {folder}: the folder can only be read. "
                    "Choose another folder",
                    folder=file_path.parent,
                )
            )
        if found.kind != "missing":
            log.warning("%s was left half-created by an earlier start: rebuilding it", file_path)
        else:
            _remove_stale_temps(file_path)
        try:
            _create(file_path, replace=found.kind != "missing")
        except OSError as exc:
            raise classify(exc, file_path) or StorageError(
                t("cannot create {path}: {reason}", path=file_path, reason=exc.strerror)
            ) from None
        created = True
        found = Probe("ours", head_revision())
    read_only = not _writable(file_path)
    if not read_only and not created:
        problems = quick_check(file_path)
        if problems:
            raise CorruptDatabaseError(
                t(
                    "{path} is damaged ({problem}). Restore a backup (Settings → Backups, or "
                    "“ethics-tool backup list”)",
                    path=file_path,
                    problem=problems[0],
                ),
                path=file_path,
            )
    engine = _sqlite_engine(file_path, read_only)
    backup: Path | None = None
    try:
        if found.revision != head_revision():
            if read_only:
                raise ReadOnlyDatabaseError(
                    t(
                        "{path} can only be read and needs an upgrade to this version; "
                        "copy it to a folder where you may write",
                        path=file_path,
                    )
                )
            if backups:
                backup = create_backup(file_path, reason=f"before-{head_revision()}")
            upgrade(engine)
        elif backups and not read_only:
            daily_backup(file_path)
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        reason = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        raise StorageError(
            t("cannot open database {path}: {reason}", path=file_path, reason=reason)
        ) from None
    except BaseException:
        engine.dispose()
        raise
    return Database(
        engine=engine,
        path=file_path,
        backup=backup,
        read_only=read_only,
        created=created,
        target=target,
    )


def _open_server(target: Target, confirm_server: bool) -> Database:
    """A database server (or SQLite in memory): migrated in place, no file handling."""
    from alembic.runtime.migration import MigrationContext  # a server: Alembic is needed

    engine = engines.create(target)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            foreign = engines.has_foreign_tables(conn)
        head = head_revision()
        if current is not None and current not in known_revisions():
            raise StorageError(
                t(
                    "{path}: the database was created by a newer version of this program "
                    "(schema {schema}); please update the program",
                    path=target.display,
                    schema=current,
                )
            )
        if current is None and foreign:
            raise StorageError(
                t(
                    "{path}: this file is not an ethics self-assessment database",
                    path=target.display,
                )
            )
        if current != head:
            if target.is_server and current is not None and not confirm_server:
                raise ServerMigrationNeeded(
                    t(
                        "{url}: the database on the server must be updated from schema {old} "
                        "to {new} before this version of the program can use it",
                        url=target.display,
                        old=current,
                        new=head,
                    ),
                    [
                        t(
                            "first make a backup of it: {command}",
                            command=engines.pg_dump_hint(target),
                        ),
                        t(
                            "then open it again and confirm the update "
                            "(command line: --upgrade-server)"
                        ),
                    ],
                )
            upgrade(engine)
    except StorageError:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        reason = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        raise StorageError(
            t("cannot open database {path}: {reason}", path=target.display, reason=reason.strip())
        ) from None
    if target.is_server:
        # Opened: from now on a lost connection is a fault the user can wait out, not a bug.
        install_server_error_hook(engine, target.display)
    return Database(engine=engine, path=None, target=target)
