"""Open the database: SQLite file with WAL and foreign keys, migrated by Alembic after a backup."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ethics_tool.errors import UserError
from ethics_tool.i18n import t

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StorageError(UserError):
    """A problem with the database file that the user can act on (path, permissions, version)."""


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


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


@dataclass
class Database:
    """An open, migrated database: an engine and a session factory (one session per unit of work)."""

    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None
    backup: Path | None = None  # the copy made before the last migration, if one ran

    def dispose(self) -> None:
        self.engine.dispose()


def _backup(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision or 'none'}-{stamp}")
    # sqlite3's backup API copies a consistent snapshot even with a WAL file beside it.
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def _migrate(engine: Engine, path: Path | None) -> Path | None:
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        has_tables = bool(
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
            ).fetchall()
        )
    if current == head:
        return None
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise StorageError(
            t(
                "{path}: the database was created by a newer version of this program "
                "(schema {schema}); please update the program",
                path=path,
                schema=current,
            )
        )
    if current is None and has_tables:
        raise StorageError(
            t("{path}: this file is not an ethics self-assessment database", path=path)
        )
    backup = _backup(path, current) if path is not None and current is not None else None
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def open_database(path: Path | str) -> Database:
    """Open (creating if needed) and migrate the database at ``path`` or an SQLAlchemy URL."""
    text = str(path)
    file_path: Path | None
    if "://" in text:
        url = text
        file_path = None
    else:
        file_path = Path(text).expanduser().resolve()
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
        if file_path.exists() and file_path.is_dir():
            raise StorageError(t("{path} is a folder, not a database file", path=file_path))
        url = f"sqlite:///{file_path}"
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    try:
        backup = _migrate(engine, file_path)
    except StorageError:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        reason = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        raise StorageError(
            t("cannot open database {path}: {reason}", path=file_path or url, reason=reason)
        ) from None
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(engine=engine, sessions=sessions, path=file_path, backup=backup)
