"""Start-up never damages a file, and every storage fault is a user error with what to do."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from ethics_tool import i18n
from ethics_tool.cli import main
from ethics_tool.domain.answers import AnswerValue
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.services import Services
from ethics_tool.storage import backup as backups
from ethics_tool.storage import db as db_module
from ethics_tool.storage import schema
from ethics_tool.storage.db import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    DiskIOError,
    ForeignDatabaseError,
    ReadOnlyDatabaseError,
    classify,
    open_database,
)


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.set_language("en")


def _answered(path: Path, catalog: FormCatalog) -> tuple[int, int]:
    services = Services(open_database(path), catalog)
    aid = services.create_assessment(municipality="Valmieras novads", form_id="quick")
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(3, "Lēmums"))
    services.db.dispose()
    return aid, person.id


def test_upgrading_a_filled_baseline_file_keeps_every_answer(tmp_path: Path) -> None:
    """The batch rebuild of the assessment table must not cascade-delete respondents."""
    from alembic import command

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        cfg = schema.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_baseline")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO assessment (id, uuid, municipality, unit_type, unit_name, assessed_on,"
            " prepared_by, form_id, form_version, form_hash, form_snapshot, mode, status, is_demo)"
            " VALUES (1, 'u-1', 'Līvāni', 'dome', '', '2025-05-01', '', 'quick', '1', 'h', '{}',"
            " 'single', 'in_progress', 0)"
        )
        conn.execute(
            "INSERT INTO respondent (id, uuid, assessment_id, label, role, position)"
            " VALUES (1, 'r-1', 1, '1', 'other', 0)"
        )
        conn.execute(
            "INSERT INTO answer (respondent_id, question_id, kind, value, comment)"
            " VALUES (1, 'T1.Q1', 'level', 2, 'ā')"
        )
    db = open_database(path)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM answer").scalar() == 1
        assert conn.exec_driver_sql("SELECT lineage FROM assessment").scalar() == "u-1"
    db.dispose()
    assert db.backup is not None and db.backup.parent == backups.backup_dir(path)
    assert backups.is_good(db.backup)


def test_a_half_created_file_is_rebuilt(tmp_path: Path, catalog: FormCatalog) -> None:
    path = tmp_path / "half.sqlite3"
    with sqlite3.connect(path) as conn:  # what a crash during the first start may leave
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE assessment (id INTEGER)")
    _answered(path, catalog)
    (tmp_path / "empty.sqlite3").touch()
    _answered(tmp_path / "empty.sqlite3", catalog)


def test_creation_leaves_no_file_until_the_schema_is_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.sqlite3"

    def crash(*_args: object, **_kwargs: object) -> None:
        assert not path.exists()  # the real name appears only when the schema is complete
        raise KeyboardInterrupt

    from alembic import command  # imported by storage.schema only when a migration runs

    monkeypatch.setattr(command, "upgrade", crash)
    with pytest.raises(KeyboardInterrupt):
        open_database(path)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_another_programs_file_is_never_modified(tmp_path: Path) -> None:
    other = tmp_path / "budget.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE budget (id INTEGER)")
        conn.execute("INSERT INTO budget VALUES (1)")
    conn.close()
    before = other.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_database(other)
    assert other.read_bytes() == before  # no WAL switch, nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.sqlite3"]
    text = tmp_path / "notes.txt"
    text.write_text("ne datubāze", encoding="utf-8")
    with pytest.raises(ForeignDatabaseError, match="not an SQLite file"):
        open_database(text)
    assert text.read_text(encoding="utf-8") == "ne datubāze"


def test_a_read_only_file_opens_read_only(
    tmp_path: Path, catalog: FormCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ro.sqlite3"
    aid, person = _answered(path, catalog)
    real_access = os.access

    def access(target: object, mode: int) -> bool:
        if mode == os.W_OK and Path(str(target)) in (path, path.parent):
            return False
        return real_access(target, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(db_module.os, "access", access)
    services = Services(open_database(path), catalog)
    assert services.db.read_only
    assert services.list_assessments()[0].info.id == aid  # listing works
    with pytest.raises(ReadOnlyDatabaseError, match="can only be read"):
        services.record_answer(person, "T2.Q1", AnswerValue.level(1))
    services.db.dispose()


def test_a_locked_database_says_who_holds_it(
    tmp_path: Path, catalog: FormCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "busy.sqlite3"
    aid, person = _answered(path, catalog)
    assert db_module.BUSY_TIMEOUT_MS >= 5000  # two writers wait for each other
    path.with_name(path.name + ".lock").write_text("4242\nethics-tool\nlaptop-3\n")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)  # keep the test short
    services = Services(open_database(path, backups=False), catalog)
    try:
        with pytest.raises(DatabaseBusyError, match="in use by another program") as caught:
            services.record_answer(person, "T2.Q1", AnswerValue.level(1))
        assert caught.value.details == ["It is held by ethics-tool, process 4242 on laptop-3."]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    services.record_answer(person, "T2.Q1", AnswerValue.level(1))  # the retry succeeds
    assert services.load(aid).answers[0].answers["T2.Q1"] == AnswerValue.level(1)
    services.db.dispose()


def test_a_full_disk_is_a_clear_error_and_loses_nothing(
    tmp_path: Path, catalog: FormCatalog
) -> None:
    path = tmp_path / "full.sqlite3"
    aid, person = _answered(path, catalog)
    services = Services(open_database(path), catalog)

    @sqlalchemy_event(services)
    def limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")  # the disk is full now

    services.db.engine.pool.dispose()
    with pytest.raises(DiskFullError, match="is full, so the change was not saved"):
        services.record_answer(person, "T2.Q1", AnswerValue.level(1, "x" * 20_000))
    services.db.dispose()
    again = Services(open_database(path), catalog)
    assert again.load(aid).answers[0].answers["T1.Q1"] == AnswerValue.level(3, "Lēmums")
    again.db.dispose()


def sqlalchemy_event(services: Services):  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    def register(fn):  # type: ignore[no-untyped-def]
        event.listen(services.db.engine, "connect", fn)
        return fn

    return register


def test_a_damaged_file_is_refused_and_the_newest_good_backup_is_found(
    tmp_path: Path, catalog: FormCatalog
) -> None:
    path = tmp_path / "damaged.sqlite3"
    _answered(path, catalog)
    good = backups.create_backup(path, reason="manual")
    size = path.stat().st_size
    with path.open("r+b") as fh:  # bytes overwritten in the middle
        fh.seek(size // 2)
        fh.write(b"\xff" * 4096)
    with pytest.raises(CorruptDatabaseError, match="is damaged") as caught:
        open_database(path)
    assert caught.value.path == path
    newest = backups.newest_good_backup(path)
    assert newest is not None and newest.path == good
    saved = backups.restore_backup(path, newest.path)
    assert saved is not None and saved.exists()
    services = Services(open_database(path), catalog)
    assert services.load(1).answers[0].answers["T1.Q1"] == AnswerValue.level(3, "Lēmums")
    services.db.dispose()


def test_an_io_error_is_classified() -> None:
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 10  # type: ignore[attr-defined]
    found = classify(error, Path("/data/a.sqlite3"))
    assert isinstance(found, DiskIOError)
    assert "restore a backup" in found.message


def test_cli_storage_faults_are_one_line(
    tmp_path: Path, catalog: FormCatalog, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "d.sqlite3"
    _answered(damaged, catalog)
    with damaged.open("r+b") as fh:
        fh.seek(damaged.stat().st_size // 2)
        fh.write(b"\x00\xff" * 2048)
    code = main(["--lang", "en", "--db", str(damaged), "list"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"ethics-tool: error: {damaged} is damaged")
    assert "internal error" not in err and len(err.strip().splitlines()) == 1
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    code = main(["--lang", "en", "--db", str(other), "list"])
    _, err = capsys.readouterr()
    assert code == 1 and "belongs to another program" in err


def test_backup_commands(
    tmp_path: Path, catalog: FormCatalog, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "b.sqlite3"
    _answered(path, catalog)
    assert main(["--lang", "en", "--db", str(path), "backup", "create"]) == 0
    assert "Backup written" in capsys.readouterr().out
    assert main(["--lang", "en", "--db", str(path), "backup", "list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) >= 2 and lines[0].startswith("1\t")  # the daily one and the manual one
    assert any("manual" in line for line in lines)
    assert main(["--lang", "en", "--db", str(path), "backup", "restore", "1"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "previous file was saved" in out
    assert main(["--lang", "en", "--db", str(path), "backup", "restore", "99"]) == 1
    # Bounded rotation.
    for _ in range(backups.KEEP + 3):
        backups.create_backup(path)
    assert len(backups.list_backups(path)) == backups.KEEP
    shutil.rmtree(backups.backup_dir(path))
    assert backups.list_backups(path) == []
