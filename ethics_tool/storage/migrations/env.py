"""Alembic environment.

The app passes its own connection (``config.attributes["connection"]``, see
``ethics_tool/storage/db.py``) and this file never opens another one for it. A developer running the
``alembic`` command from the repository root gets ``alembic.ini``: a real database file
(``build/alembic-dev.sqlite3``), or the URL given with ``-x url=…`` or ``$ETHICS_TOOL_ALEMBIC_URL``,
so that ``alembic revision --autogenerate`` compares ``storage/tables.py`` with the schema the
migrations have built rather than with an empty in-memory database.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from ethics_tool.storage.tables import Base

URL_ENV = "ETHICS_TOOL_ALEMBIC_URL"

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _developer_url() -> str:
    url = (
        context.get_x_argument(as_dictionary=True).get("url")
        or os.environ.get(URL_ENV)
        or config.get_main_option("sqlalchemy.url")
    )
    if not url:
        raise SystemExit(
            f"no database to compare with: run alembic from the repository root (alembic.ini), "
            f"or give -x url=… or ${URL_ENV}"
        )
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return url


connection = config.attributes.get("connection")
if connection is not None:
    # Do not close a connection the caller owns (see research/feasibility.md §7).
    _run(connection)
else:
    if config.config_file_name is not None:
        # Only for the developer's alembic command (the bundle never gets here).
        from logging.config import fileConfig

        fileConfig(config.config_file_name, disable_existing_loggers=False)
    engine = create_engine(_developer_url())
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()
