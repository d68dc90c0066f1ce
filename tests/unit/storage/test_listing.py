"""The list of assessments read with SQLAlchemy's core only (storage/listing.py), on both engines."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.assessment import Status
from ethics_tool.services import NewRespondent, Services
from ethics_tool.storage.db import Database
from ethics_tool.storage.listing import list_assessments

ROOT = Path(__file__).resolve().parents[3]


def test_the_list_has_titles_counts_progress_and_order(
    services: Services, database: Database
) -> None:
    quick = services.form("quick")
    older = services.create_assessment(
        municipality="Ogres novads",
        form_id="quick",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Anna"), NewRespondent("Jānis")],
        assessed_on=date(2025, 3, 1),
    )
    group = services.create_assessment(
        municipality="Cēsu novads",
        form_id="quick",
        mode=Mode.CONSENSUS,
        respondents=[NewRespondent("Anna")],
        assessed_on=date(2026, 5, 2),
        round_label="2. kārta",
    )
    archived = services.create_assessment(
        municipality="Tukuma novads", form_id="council", assessed_on=date(2026, 5, 2)
    )
    services.set_status(archived, Status.ARCHIVED)
    anna, janis = services.respondents(older)
    services.record_answer(anna.id, "T1.Q1", AnswerValue.level(2))
    services.record_answer(anna.id, "T1.Q2", AnswerValue.unknown())
    services.record_answer(janis.id, "T1.Q1", AnswerValue.na())
    services.record_comment(janis.id, "T2.Q1", "a comment alone is no answer")
    by_role = {r.role: r for r in services.respondents(group)}
    services.record_answer(by_role[Role.GROUP].id, "T1.Q1", AnswerValue.level(4))
    services.record_answer(by_role[Role.OTHER].id, "T1.Q2", AnswerValue.level(1))

    rows = list_assessments(database.engine)
    # newest first; on the same day the one created last first
    assert [row.info.id for row in rows] == [archived, group, older]
    first = rows[2]
    assert first.info.municipality == "Ogres novads" and first.info.mode is Mode.INDIVIDUAL
    assert first.info.assessed_on == date(2025, 3, 1)
    assert (first.form_title_lv, first.form_title_en) == (quick.title.lv, quick.title.en)
    assert first.n_respondents == 2
    # three answers of two people: "Nezinu" and "N/A" count as given, a lone comment does not
    assert first.progress == pytest.approx(100 * 3 / (2 * quick.question_count))
    second = rows[1]
    assert second.info.round_label == "2. kārta" and second.n_respondents == 1
    # consensus: only the group's answers count, against one set of questions
    assert second.progress == pytest.approx(100 / quick.question_count)
    council = services.form("council")
    assert rows[0].form_title_lv == council.title.lv and rows[0].progress == 0.0
    assert rows[0].info.status is Status.ARCHIVED

    active = list_assessments(database.engine, include_archived=False)
    assert [row.info.id for row in active] == [group, older]
    # the services list the same (one implementation for the CLI and the GUI)
    assert services.list_assessments() == rows


def test_an_empty_database_lists_nothing(database: Database) -> None:
    assert list_assessments(database.engine) == []


@pytest.mark.sqlite_only
def test_listing_needs_neither_the_orm_nor_pydantic(services: Services, db_path: Path) -> None:
    """The desktop program fills its home list before these are imported (docs/startup.md)."""
    services.create_assessment(municipality="Ogres novads", form_id="quick")
    code = (
        "import sys\n"
        "from ethics_tool.storage.db import open_database\n"
        "from ethics_tool.storage.listing import list_assessments\n"
        f"db = open_database({str(db_path)!r})\n"
        "rows = list_assessments(db.engine)\n"
        "db.dispose()\n"
        "print(len(rows), rows[0].form_title_lv)\n"
        "heavy = ('sqlalchemy.orm', 'pydantic', 'ethics_tool.domain.questionnaire', 'alembic')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [f"1 {services.form('quick').title.lv}", "[]"]
