"""A round's label: stored (both engines), carried by new rounds, exports and imports, listed by the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ethics_tool.cli import main
from ethics_tool.domain.assessment import round_text
from ethics_tool.exchange import read_export
from ethics_tool.services import ServiceError, Services


def test_new_round_label_survives_export_and_import(services: Services, tmp_path: Path) -> None:
    first = services.create_assessment(
        municipality="Ogres novads", form_id="quick", assessed_on=date(2025, 4, 1)
    )
    second = services.new_round(first, assessed_on=date(2026, 4, 1), label="  2. kārta ")
    info = services.info(second)
    assert info.round_label == "2. kārta"
    assert round_text(info, "lv") == "01.04.2026. (2. kārta)"
    assert round_text(info, "en") == "2026-04-01 (2. kārta)"
    assert round_text(services.info(first), "lv") == "01.04.2025."

    path = tmp_path / "round.json"
    services.export_json(second, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["assessment"]["round_label"] == "2. kārta"
    services.delete(second)
    imported = services.import_json(path).assessment_id
    assert services.info(imported).round_label == "2. kārta"
    # A copy keeps the label; the label can be changed.
    copy = services.duplicate(imported)
    assert services.info(copy).round_label == "2. kārta"
    services.update_info(copy, round_label="Rudens 2026")
    assert services.info(copy).round_label == "Rudens 2026"


def test_files_without_a_label_and_labels_too_long(services: Services, tmp_path: Path) -> None:
    first = services.create_assessment(municipality="Ogres novads", form_id="quick")
    path = tmp_path / "old.json"
    services.export_json(first, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["assessment"]["round_label"]  # as written by earlier versions
    path.write_text(json.dumps(document), encoding="utf-8")
    assert read_export(path).assessment.round_label == ""

    document["assessment"]["round_label"] = "x" * 101
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(Exception, match="round_label"):
        read_export(path)
    with pytest.raises(ServiceError, match="100"):
        services.new_round(first, label="x" * 101)


def test_cli_list_shows_the_label_beside_the_date(
    capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    assert main(["--lang", "lv", "--db", db_url, "demo"]) == 0
    capsys.readouterr()
    assert main(["--lang", "lv", "list", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "(2. kārta)" in out and "(1. kārta)" in out
    assert main(["--lang", "lv", "list", "--json", "--db", db_url]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["round_label"] for r in rows) == ["", "1. kārta", "2. kārta"]


def test_the_round_label_column_goes_down_and_up_again(services: Services) -> None:
    """0006_round_label: back to 0003_pg_versions and up again on both engines; rows are kept."""
    from alembic import command
    from sqlalchemy import inspect, text

    from ethics_tool.storage.schema import alembic_config, head_revision, upgrade

    first = services.create_assessment(municipality="Ogres novads", form_id="quick")
    second = services.new_round(first, label="2. kārta")
    database = services.db
    cfg = alembic_config()
    sqlite = database.engine.dialect.name == "sqlite"
    with database.engine.connect() as conn:
        raw = conn.connection.driver_connection
        if sqlite and raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")  # a batch rebuild must not cascade
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003_pg_versions")
            columns = {c["name"] for c in inspect(conn).get_columns("assessment")}
            assert "round_label" not in columns
        if sqlite and raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")
    upgrade(database.engine)
    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
    # The rows are there; a label set before the downgrade is gone with its column.
    assert services.info(second).previous_id == first
    assert services.info(second).round_label == ""
    assert services.new_round(second, label="3. kārta") > second
