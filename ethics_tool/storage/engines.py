"""Where the data lives: an SQLite file or a database server, given as a path or an SQLAlchemy URL.

Everything that depends on the kind of database (the URL, the driver, connection settings, the
SQLite pragmas, the lock that keeps two computers from migrating one server database at the same
time) is here, so the rest of the storage layer speaks plain SQLAlchemy.

Supported: SQLite (the default; a file path or ``sqlite:///…``) and PostgreSQL through psycopg 3
(``postgresql://user@host/dbname``; ``pip install "ethics-tool[postgres]"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ethics_tool.errors import UserError
from ethics_tool.i18n import t

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
SUPPORTED = (SQLITE, POSTGRESQL)
POSTGRES_EXTRA = 'pip install "ethics-tool[postgres]"'
# Any fixed number: the key of the PostgreSQL advisory lock held while the schema is migrated.
MIGRATION_LOCK_KEY = 0x45544849  # "ETHI"
CONNECT_TIMEOUT_S = 10


class StorageError(UserError):
    """A problem with the database that the user can act on (path, server, permissions, version)."""


def is_url(target: str | Path) -> bool:
    """True for an SQLAlchemy URL (``scheme://…``), False for a file path."""
    return isinstance(target, str) and "://" in target


@dataclass(frozen=True)
class Target:
    """A database to open: its SQLAlchemy URL and, for an SQLite file, the file's path."""

    url: URL
    path: Path | None

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()

    @property
    def is_server(self) -> bool:
        return self.dialect != SQLITE

    @property
    def display(self) -> str:
        """For messages and the settings page: the file, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)


def parse_target(target: str | Path) -> Target:
    """Turn a path or a URL (as typed on the command line or in settings) into a :class:`Target`."""
    if not is_url(target):
        path = Path(target).expanduser().resolve()
        return Target(URL.create(SQLITE, database=str(path)), path)
    raw = str(target).strip()
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StorageError(
            t(
                "“{url}” is not a database address (expected e.g. {example})",
                url=raw,
                example=_EXAMPLE,
            )
        ) from None
    backend = url.get_backend_name()
    if backend == "postgres":  # libpq and Heroku spell it this way
        backend = POSTGRESQL
    if backend not in SUPPORTED:
        raise StorageError(
            t(
                "{url}: the database kind “{kind}” is not supported; use an SQLite file or "
                "PostgreSQL (e.g. {example})",
                url=url.render_as_string(hide_password=True),
                kind=backend,
                example=_EXAMPLE,
            )
        )
    if backend == POSTGRESQL:
        if url.drivername in {"postgres", "postgresql"}:
            # The driver the program ships with (the optional extra "postgres").
            url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise StorageError(
                t(
                    "{url}: the address names no database (add “/name” after the server)",
                    url=url.render_as_string(hide_password=True),
                )
            )
        return Target(url, None)
    # sqlite:///file or sqlite:// (in memory)
    file_path = Path(url.database).expanduser().resolve() if url.database else None
    if file_path is not None:
        url = url.set(database=str(file_path))
    return Target(url, file_path)


_EXAMPLE = "postgresql://user@server/ethics"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create(target: Target) -> Engine:
    """An engine for ``target``; a clear message when the driver is missing."""
    kwargs: dict[str, Any] = {}
    if target.dialect == POSTGRESQL:
        # A server that restarted or a laptop that slept: test a pooled connection before use.
        kwargs["pool_pre_ping"] = True
        if "connect_timeout" not in target.url.query:
            kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_S}
    try:
        engine = create_engine(target.url, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        driver = target.url.get_driver_name() or target.dialect
        raise StorageError(
            t(
                "{url}: the database driver “{driver}” is not installed",
                url=target.display,
                driver=driver,
            ),
            [
                t("for PostgreSQL install it with: {command}", command=POSTGRES_EXTRA),
                str(exc),
            ],
        ) from None
    if target.dialect == SQLITE:
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def has_foreign_tables(conn: Connection) -> bool:
    """True when the database holds tables but no Alembic version (it belongs to something else)."""
    return any(name != "alembic_version" for name in inspect(conn).get_table_names())


def lock_for_migration(conn: Connection) -> None:
    """On a server, let one client at a time create or migrate the schema (until the commit)."""
    if conn.dialect.name == POSTGRESQL:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def pg_dump_hint(target: Target) -> str:
    """The command an administrator runs to back up a server database before it is migrated."""
    url = target.url
    parts = ["pg_dump", "-Fc"]
    if url.host:
        parts += ["-h", url.host]
    if url.port:
        parts += ["-p", str(url.port)]
    if url.username:
        parts += ["-U", url.username]
    parts += ["-f", f"{url.database}-before-upgrade.dump", str(url.database)]
    return " ".join(parts)
