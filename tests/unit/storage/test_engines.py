"""A file or a server address wherever the program asks for a database; PostgreSQL specifics."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from ethics_tool import i18n, paths
from ethics_tool.cli import main
from ethics_tool.storage import engines
from ethics_tool.storage.db import ServerMigrationNeeded, StorageError, open_database


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.set_language("en")


def test_a_path_and_sqlite_urls(tmp_path: Path) -> None:
    plain = engines.parse_target(tmp_path / "a.sqlite3")
    assert plain.path == tmp_path / "a.sqlite3" and plain.dialect == "sqlite"
    assert not plain.is_server
    url = engines.parse_target(f"sqlite:///{tmp_path}/b.sqlite3")
    assert url.path == tmp_path / "b.sqlite3"


def test_postgres_urls_get_the_psycopg_driver_and_hide_the_password() -> None:
    for given in (
        "postgresql://anna:secret@db.example.lv/ethics",
        "postgres://anna:secret@db.example.lv/ethics",
    ):
        target = engines.parse_target(given)
        assert target.url.drivername == "postgresql+psycopg" and target.is_server
        assert target.path is None
        assert "secret" not in target.display and "db.example.lv/ethics" in target.display
    explicit = engines.parse_target("postgresql+psycopg2://db.example.lv/ethics")
    assert explicit.url.drivername == "postgresql+psycopg2"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("mysql://db.example.lv/ethics", "“mysql” is not supported"),
        ("postgresql://db.example.lv", "names no database"),
        ("::://", "is not a database address"),
    ],
)
def test_unusable_addresses_are_explained(given: str, message: str) -> None:
    with pytest.raises(StorageError, match=message):
        engines.parse_target(given)


def test_missing_driver_is_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(StorageError) as caught:
        open_database("postgresql://anna:secret@db.example.lv/ethics")
    assert "driver “psycopg” is not installed" in caught.value.message
    assert 'pip install "ethics-tool[postgres]"' in str(caught.value)
    assert "secret" not in str(caught.value)


def test_missing_driver_on_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    code = main(["--lang", "en", "--db", "postgresql://db.example.lv/ethics", "list"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.startswith("ethics-tool: error: postgresql+psycopg://db.example.lv/ethics: ")
    assert 'pip install "ethics-tool[postgres]"' in err


def test_url_from_the_environment_is_not_folded_into_a_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(paths.DB_ENV, "postgresql://anna@db.example.lv:5433/ethics")
    assert paths.default_db_path() == "postgresql://anna@db.example.lv:5433/ethics"
    monkeypatch.setenv(paths.DB_ENV, "~/x.sqlite3")
    assert paths.default_db_path() == Path.home() / "x.sqlite3"


def test_an_unreachable_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    # Port 9 (discard) on this machine: nothing listens, the connection is refused at once.
    code = main(["--lang", "en", "--db", "postgresql://nobody@127.0.0.1:9/ethics", "list"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.startswith("ethics-tool: error: cannot open database postgresql+psycopg://nobody@")


def test_schema_on_the_server_matches_the_models(database) -> None:  # type: ignore[no-untyped-def]
    """Same migrations on both engines: every table and column of the models exists."""
    from sqlalchemy import inspect

    from ethics_tool.storage.tables import Base

    with database.engine.connect() as conn:
        inspector = inspect(conn)
        for table in Base.metadata.sorted_tables:
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == {c.name for c in table.columns}, table.name


def _set_version(url: str, version: str) -> None:
    db = open_database(url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": version})
    db.dispose()


def test_newer_schema_is_refused_on_both_engines(db_url: str) -> None:
    _set_version(db_url, "9999_future")
    with pytest.raises(StorageError, match="newer version of this program"):
        open_database(db_url)


def test_foreign_database_is_refused_on_both_engines(db_url: str) -> None:
    from sqlalchemy import create_engine

    target = engines.parse_target(db_url)
    other = create_engine(target.url)
    with other.begin() as conn:
        conn.execute(text("CREATE TABLE budget (id INTEGER)"))
    other.dispose()
    with pytest.raises(StorageError, match="not an ethics self-assessment database"):
        open_database(db_url)


def _with_extra_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic.script import ScriptDirectory

    from ethics_tool.storage import schema

    head = ScriptDirectory.from_config(schema.alembic_config()).get_current_head()
    scripts = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, scripts)
    (scripts / "versions" / "9000_note.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9000_note'\ndown_revision = '{head}'\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('assessment') as b:\n"
        "        b.add_column(sa.Column('note', sa.Text(), nullable=True))\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(schema, "migrations_location", lambda: scripts)


def test_server_migration_waits_for_the_administrators_backup(
    pg_cluster,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = pg_cluster.create_database()
    try:
        open_database(url).dispose()  # the server database at the current schema
        _with_extra_migration(tmp_path, monkeypatch)
        with pytest.raises(ServerMigrationNeeded) as caught:
            open_database(url)
        assert "must be updated" in caught.value.message
        assert any(
            f"pg_dump -Fc -h 127.0.0.1 -p {pg_cluster.port}" in d for d in caught.value.details
        )
        code = main(["--lang", "en", "--db", url, "list"])
        err = capsys.readouterr().err
        assert code == 1 and "--upgrade-server" in err and "pg_dump" in err
        code = main(["--lang", "en", "--upgrade-server", "--db", url, "list"])
        assert code == 0
        db = open_database(url)  # now at the new head: no question any more
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                "9000_note"
            )
        assert db.backup is None  # no file copy for a server: that is pg_dump's job
        db.dispose()
    finally:
        pg_cluster.drop_database(url)


def test_two_clients_creating_one_server_database_at_once(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    """The first start on an empty server database from two PCs: one creates, the other waits."""
    from concurrent.futures import ThreadPoolExecutor

    url = pg_cluster.create_database()
    try:
        with ThreadPoolExecutor(4) as pool:
            dbs = list(pool.map(lambda _i: open_database(url), range(4)))
        for db in dbs:
            db.dispose()
    finally:
        pg_cluster.drop_database(url)
