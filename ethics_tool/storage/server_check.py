"""The connection test of the "connect to a server" dialog: connect once, change nothing."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from ethics_tool.i18n import t
from ethics_tool.storage.engines import POSTGRESQL, StorageError, create, parse_target


@dataclass(frozen=True)
class Found:
    """What a connection test found."""

    server: str  # e.g. "PostgreSQL 15.8"
    schema: str | None  # the database's Alembic revision, None when it has no tables yet
    foreign: bool  # it holds tables of something else


def check_connection(address: str) -> Found:
    """Connect once, without creating or changing anything; :class:`StorageError` if that fails."""
    target = parse_target(address)
    engine = create(target)
    try:
        with engine.connect() as conn:
            if target.dialect == POSTGRESQL:
                raw = str(conn.execute(text("SHOW server_version")).scalar() or "")
                server = "PostgreSQL " + raw.split()[0] if raw else "PostgreSQL"
            else:
                server = "SQLite " + str(conn.execute(text("SELECT sqlite_version()")).scalar())
            names = set(inspect(conn).get_table_names())
            schema = None
            if "alembic_version" in names:
                schema = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            foreign = bool(names - {"alembic_version"}) and schema is None
    except DBAPIError as exc:
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        raise StorageError(
            t("cannot connect to {url}: {reason}", url=target.display, reason=reason.strip())
        ) from None
    finally:
        engine.dispose()
    return Found(server=server, schema=None if schema is None else str(schema), foreign=foreign)
