"""Alembic environment: runs on the connection the app passes in (never opens its own for the app)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from ethics_tool.storage.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    # Do not close a connection the caller owns (see research/feasibility.md §7).
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        _run(conn)
