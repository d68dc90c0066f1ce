"""The migrations build exactly the schema that storage/tables.py declares (on SQLite and on
PostgreSQL), and the developers' Alembic configuration (alembic.ini) compares against a real
database, never an empty in-memory one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from ethics_tool.domain.loader import FormCatalog
from ethics_tool.storage.db import Database
from ethics_tool.storage.tables import Base

ROOT = Path(__file__).resolve().parents[3]


def differences(database: Database) -> list[Any]:
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_models_and_migrations_agree(database: Database) -> None:
    """``database`` was migrated to head by open_database(), as the app does at start-up."""
    assert differences(database) == []


def test_the_comparison_notices_a_missing_column(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.execute(text("ALTER TABLE assessment DROP COLUMN prepared_by"))
    found = differences(database)
    assert [(d[0], d[2], d[3].name) for d in found] == [("add_column", "assessment", "prepared_by")]


def alembic(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "alembic", "-x", f"url={url}", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.sqlite_only
def test_alembic_ini_compares_with_a_real_database_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nested' / 'dev.sqlite3'}"
    upgraded = alembic("upgrade", "head", url=url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert (tmp_path / "nested" / "dev.sqlite3").exists()  # not an in-memory database
    checked = alembic("check", url=url)
    assert checked.returncode == 0, checked.stderr
    assert "No new upgrade operations detected" in checked.stdout


def test_the_version_columns_go_down_and_up_again_keeping_the_rows(
    database: Database, catalog: FormCatalog
) -> None:
    """0003_pg_versions: back to 0002_merge_lineage and up again on both engines, nothing lost."""
    from alembic import command

    from ethics_tool.domain.answers import AnswerValue
    from ethics_tool.domain.assessment import ActionData
    from ethics_tool.services import Services
    from ethics_tool.storage.schema import alembic_config, head_revision, upgrade

    services = Services(database, catalog)
    aid = services.create_assessment(municipality="Cēsu novads", form_id="quick")
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(3, "Ļoti labi"))
    services.save_action(aid, ActionData(None, "T1.Q1", "Ētikas kodekss"))
    before = services.load(aid)

    cfg = alembic_config()
    sqlite = database.engine.dialect.name == "sqlite"
    with database.engine.connect() as conn:
        raw = conn.connection.driver_connection
        if sqlite and raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")  # a batch rebuild must not cascade
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002_merge_lineage")
            assert "version" not in {c["name"] for c in inspect(conn).get_columns("answer")}
        if sqlite and raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")
    upgrade(database.engine)
    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
    assert differences(database) == []
    after = services.load(aid)
    assert after.answers == before.answers and after.actions == before.actions
