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
(:func:`classify`) in one engine hook, for the CLI and the GUI alike.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ethics_tool.i18n import t
from ethics_tool.storage import engines
from ethics_tool.storage.engines import StorageError, Target

__all__ = ["Database", "ServerMigrationNeeded", "StorageError", "open_database"]

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
OUR_TABLES = {"assessment", "respondent", "answer", "action_item", "app_meta", "alembic_version"}
SQLITE_HEADER = b"SQLite format 3\x00"
TEMP_MARK = ".creating-"

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


class ServerMigrationNeeded(StorageError):
    """A server database needs a schema migration: the administrator must back it up first."""


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


def _migrations_location() -> Path:
    # In a PyInstaller bundle the migration scripts are shipped as data files beside the package.
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "ethics_tool" / "storage" / "migrations"
    return MIGRATIONS


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_migrations_location()))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


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


def _sqlite_code(exc: BaseException) -> int | None:
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
    code = _sqlite_code(exc)
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


def _install_error_hook(engine: Engine, path: Path) -> None:
    def handle(context: ExceptionContext) -> None:
        error = classify(context.original_exception, path)
        if error is not None:
            log.warning("storage fault on %s: %s", path, context.original_exception)
            raise error from context.original_exception

    event.listen(engine, "handle_error", handle)


# -- probing ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Probe:
    """What a file is, read without writing a byte."""

    kind: str  # "missing" | "empty" | "half" | "ours" | "newer" | "foreign"
    revision: str | None = None


def _ro_uri(path: Path, immutable: bool = False) -> str:
    uri = f"file:{quote(str(path))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def _connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection; in a read-only folder a WAL file is opened as immutable."""
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if _sqlite_code(exc) != SQLITE_CANTOPEN or os.access(path.parent, os.W_OK):
            raise
    conn = sqlite3.connect(_ro_uri(path, immutable=True), uri=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def probe(path: Path) -> Probe:
    """Recognise ``path`` read-only; raise for a file that is not an SQLite database."""
    if not path.exists():
        return Probe("missing")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(
            t("cannot read {path}: {reason}", path=path, reason=exc.strerror)
        ) from None
    if not header:
        return Probe("empty")
    if header != SQLITE_HEADER:
        raise ForeignDatabaseError(
            t(
                "{path} is not an ethics self-assessment database (it is not an SQLite file); "
                "it was left unchanged. Choose another file",
                path=path,
            )
        )
    try:
        conn = _connect_ro(path)
    except sqlite3.Error as exc:
        raise classify(exc, path) or StorageError(
            t("cannot open database {path}: {reason}", path=path, reason=exc)
        ) from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        if revision is None:
            if tables <= OUR_TABLES and all(
                # ``name`` is one of OUR_TABLES (checked just above), never text from the file.
                conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == 0  # noqa: S608
                for name in tables
                if name != "alembic_version"
            ):
                return Probe("half")
            return Probe("foreign")
    except sqlite3.Error as exc:
        raise classify(exc, path) or StorageError(
            t("cannot open database {path}: {reason}", path=path, reason=exc)
        ) from None
    finally:
        conn.close()
    if revision not in _known_revisions():
        return Probe("newer", revision)
    return Probe("ours", revision)


def quick_check(path: Path) -> list[str]:
    """Problems ``PRAGMA quick_check`` finds (empty when the file is sound)."""
    try:
        conn = _connect_ro(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


# -- engines -----------------------------------------------------------------------------------------
def _sqlite_engine(path: Path, read_only: bool) -> Engine:
    if read_only:
        immutable = not os.access(path.parent, os.W_OK)

        def creator() -> sqlite3.Connection:
            conn = sqlite3.connect(_ro_uri(path, immutable), uri=True, check_same_thread=False)
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
    _install_error_hook(engine, path)
    return engine


@dataclass
class Database:
    """An open, migrated database: an engine and a session factory (one session per unit of work)."""

    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None
    backup: Path | None = None  # the copy made before the last migration, if one ran
    read_only: bool = False
    created: bool = False  # the file was created by this start
    target: Target | None = None

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


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_stale_temps(path: Path) -> None:
    """Delete temporary files of creations that crashed (older than ten minutes)."""
    for temp in path.parent.glob(f".{path.name}{TEMP_MARK}*"):
        try:
            if time.time() - temp.stat().st_mtime > 600:
                temp.unlink()
        except OSError:
            pass


def _upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations with foreign keys off (batch rebuilds must not cascade), then check."""
    cfg = _alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if engine.dialect.name == "sqlite" and raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                engines.lock_for_migration(conn)  # two computers starting at once: one migrates
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                if engine.dialect.name == "sqlite":
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StorageError(
                            t("the upgrade of the database found broken links: {rows}", rows=broken)
                        )
        finally:
            if engine.dialect.name == "sqlite" and raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def _create(path: Path, replace: bool) -> None:
    """Build a complete new database under a temporary name, then rename it to ``path``."""
    temp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}")
    temp.unlink(missing_ok=True)
    engine = _sqlite_engine(temp, read_only=False)
    try:
        _upgrade(engine)
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
    _fsync_dir(path.parent)
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
                from ethics_tool.storage.backup import create_backup

                backup = create_backup(file_path, reason=f"before-{head_revision()}")
            _upgrade(engine)
        elif backups and not read_only:
            from ethics_tool.storage.backup import daily_backup

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
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(
        engine=engine,
        sessions=sessions,
        path=file_path,
        backup=backup,
        read_only=read_only,
        created=created,
        target=target,
    )


def _open_server(target: Target, confirm_server: bool) -> Database:
    """A database server (or SQLite in memory): migrated in place, no file handling."""
    engine = engines.create(target)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            foreign = engines.has_foreign_tables(conn)
        head = head_revision()
        if current is not None and current not in _known_revisions():
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
            _upgrade(engine)
    except StorageError:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        reason = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        raise StorageError(
            t("cannot open database {path}: {reason}", path=target.display, reason=reason.strip())
        ) from None
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(engine=engine, sessions=sessions, path=None, target=target)
