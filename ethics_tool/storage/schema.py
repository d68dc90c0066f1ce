"""The schema's migrations (Alembic): where the scripts are, the head revision, upgrading.

Shipped with the app: a PyInstaller bundle carries the scripts as data files beside the package.
Alembic is imported only when a migration runs (or when the scripts are beyond what
:mod:`.revisions` reads): a file already at the head opens without it, which saves about a quarter
of a second of every start.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from ethics_tool.i18n import t
from ethics_tool.storage import engines
from ethics_tool.storage.engines import StorageError
from ethics_tool.storage.revisions import scan

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def migrations_location() -> Path:
    # In a PyInstaller bundle the migration scripts are shipped as data files beside the package.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "ethics_tool" / "storage" / "migrations"
    return MIGRATIONS


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_location()))
    return cfg


def head_revision() -> str | None:
    found = scan(migrations_location())
    if found is not None:
        return found.head
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    found = scan(migrations_location())
    if found is not None:
        return set(found.known)
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations with foreign keys off (batch rebuilds must not cascade), then check."""
    from alembic import command

    cfg = alembic_config()
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
