"""Migration 0005_bench: the benchmark tables come and go with upgrade and downgrade (SQLite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from ethics_tool.storage import schema
from ethics_tool.storage.db import open_database

TABLES = {"bench_submission", "bench_theme_score", "bench_reference"}


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_bench_tables_upgrade_and_downgrade(db_path: Path) -> None:
    open_database(db_path).dispose()
    assert _tables(db_path) >= TABLES
    cfg = schema.alembic_config()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005_bench-1")
    assert not TABLES & _tables(db_path)
    assert "assessment" in _tables(db_path)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    engine.dispose()
    assert _tables(db_path) >= TABLES
