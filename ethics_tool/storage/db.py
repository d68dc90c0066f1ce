"""Open the database (an SQLite file or a server, see :mod:`.engines`), migrated by Alembic.

An SQLite file is backed up before a migration; a server database is migrated only after the
administrator confirmed that they made a backup with ``pg_dump``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ethics_tool.i18n import t
from ethics_tool.storage import engines
from ethics_tool.storage.engines import StorageError, Target

__all__ = ["Database", "ServerMigrationNeeded", "StorageError", "open_database"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class ServerMigrationNeeded(StorageError):
    """A server database needs a schema migration: the administrator must back it up first."""


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


@dataclass
class Database:
    """An open, migrated database: an engine and a session factory (one session per unit of work)."""

    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None
    backup: Path | None = None  # the copy made before the last migration, if one ran
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


def _migrate(engine: Engine, target: Target, confirm_server: bool) -> Path | None:
    path = target.path
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        has_tables = engines.has_foreign_tables(conn)
    if current == head:
        return None
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise StorageError(
            t(
                "{path}: the database was created by a newer version of this program "
                "(schema {schema}); please update the program",
                path=target.display,
                schema=current,
            )
        )
    if current is None and has_tables:
        raise StorageError(
            t(
                "{path}: this file is not an ethics self-assessment database",
                path=target.display,
            )
        )
    if target.is_server and current is not None and not confirm_server:
        raise ServerMigrationNeeded(
            t(
                "{url}: the database on the server must be updated from schema {old} to {new} "
                "before this version of the program can use it",
                url=target.display,
                old=current,
                new=head,
            ),
            [
                t("first make a backup of it: {command}", command=engines.pg_dump_hint(target)),
                t("then open it again and confirm the update (command line: --upgrade-server)"),
            ],
        )
    backup = _backup(path, current) if path is not None and current is not None else None
    with engine.begin() as conn:
        engines.lock_for_migration(conn)  # two computers starting at once: one migrates
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def open_database(path: Path | str, *, confirm_server_migration: bool = False) -> Database:
    """Open (creating if needed) and migrate the database at ``path`` or an SQLAlchemy URL.

    A server database that needs a migration is refused with :class:`ServerMigrationNeeded` unless
    ``confirm_server_migration`` says the administrator has backed it up.
    """
    target = engines.parse_target(path)
    file_path = target.path
    if file_path is not None:
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
    engine = engines.create(target)
    try:
        backup = _migrate(engine, target, confirm_server_migration)
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
    return Database(engine=engine, sessions=sessions, path=file_path, backup=backup, target=target)
