"""The database file: persistence across restarts, migrations with a backup, honest refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from ethics_tool import i18n
from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, Role
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.services import NewRespondent, Services
from ethics_tool.storage.db import StorageError, open_database


@pytest.fixture(autouse=True)
def _english() -> None:
    """These tests assert the English source messages."""
    i18n.set_language("en")


def test_answers_survive_dispose_and_reopen(db_url: str, catalog: FormCatalog) -> None:
    db = open_database(db_url)
    services = Services(db, catalog)
    aid = services.create_assessment(
        municipality="Ķekavas novads", form_id="quick", unit_name="Dome"
    )
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(3, "Lēmums Nr. 5 — “pieņemts”"))
    services.record_answer(person.id, "T3.Q2", AnswerValue.na())
    services.record_answer(person.id, "T7.Q1", AnswerValue.unknown("Jāpajautā juristam"))
    db.dispose()  # like closing the app at this moment

    reopened = Services(open_database(db_url), catalog)
    data = reopened.load(aid)
    answers = data.answers[0].answers
    assert data.info.municipality == "Ķekavas novads"
    assert answers["T1.Q1"] == AnswerValue(AnswerKind.LEVEL, 3, "Lēmums Nr. 5 — “pieņemts”")
    assert answers["T3.Q2"].kind is AnswerKind.NA
    assert answers["T7.Q1"] == AnswerValue(AnswerKind.UNKNOWN, None, "Jāpajautā juristam")
    reopened.db.dispose()


@pytest.mark.sqlite_only
def test_database_uses_wal_and_foreign_keys(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_deleting_an_assessment_removes_its_answers(services: Services) -> None:
    aid = services.create_assessment(municipality="Rīga", form_id="quick")
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(2))
    services.delete(aid)
    with services.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM answer").scalar() == 0


def test_newer_schema_is_refused_without_touching_the_file(db_path: Path) -> None:
    open_database(db_path).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(StorageError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE budget (id INTEGER)")
    with pytest.raises(StorageError, match="not an ethics self-assessment database"):
        open_database(other)


def test_migration_backs_up_the_file_first(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ethics_tool.storage import schema

    open_database(db_path).dispose()  # a file at the current head
    head = ScriptDirectory.from_config(schema.alembic_config()).get_current_head()
    # A later release adds a migration: copy the real scripts and add one revision.
    scripts = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, scripts)
    (scripts / "versions" / "9999_note.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9999_note'\ndown_revision = '{head}'\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('assessment') as b:\n"
        "        b.add_column(sa.Column('note', sa.Text(), nullable=True))\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(schema, "migrations_location", lambda: scripts)
    db = open_database(db_path)
    db.dispose()
    assert db.backup is not None and db.backup.exists()
    with sqlite3.connect(db.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_note",)
        columns = [row[1] for row in conn.execute("PRAGMA table_info(assessment)")]
    assert "note" in columns


def test_unwritable_location_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot create the folder"):
        open_database(blocker / "sub" / "db.sqlite3")


def test_answer_outside_the_scale_is_refused(services: Services) -> None:
    aid = services.create_assessment(municipality="Rīga", form_id="quick")
    (person,) = services.respondents(aid)
    from ethics_tool.services import ServiceError

    with pytest.raises(ServiceError, match="not on the scale"):
        services.record_answer(person.id, "T1.Q1", AnswerValue.level(9))
    with pytest.raises(ServiceError, match="not in questionnaire"):
        services.record_answer(person.id, "X.Q9", AnswerValue.level(1))


def test_assessment_keeps_its_form_snapshot(services: Services, catalog: FormCatalog) -> None:
    aid = services.create_assessment(municipality="Rīga", form_id="quick")
    data = services.load(aid)
    assert data.form == catalog.get("quick")
    assert data.info.form_hash and len(data.info.form_hash) == 64


def test_consensus_mode_has_a_group_respondent(services: Services) -> None:
    aid = services.create_assessment(
        municipality="Cēsu novads",
        form_id="quick",
        mode=Mode.CONSENSUS,
        respondents=[NewRespondent("Deputāts 1", Role.DEPUTY)],
    )
    roles = [r.role for r in services.respondents(aid)]
    assert roles == [Role.GROUP, Role.DEPUTY]
