"""The schema's migrations (Alembic): where the scripts are, the head revision, upgrading.

Shipped with the app: a PyInstaller bundle carries the scripts as data files beside the package.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ethics_tool.i18n import t
from ethics_tool.storage import engines
from ethics_tool.storage.engines import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def migrations_location() -> Path:
    # In a PyInstaller bundle the migration scripts are shipped as data files beside the package.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "ethics_tool" / "storage" / "migrations"
    return MIGRATIONS


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_location()))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations with foreign keys off (batch rebuilds must not cascade), then check."""
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
