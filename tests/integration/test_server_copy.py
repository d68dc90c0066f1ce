"""``ethics-tool copy``: assessments from a laptop's file to another database and back.

The other side is another SQLite file or a PostgreSQL database (both engines): SQLite →
PostgreSQL → SQLite loses no column of any row (lineage, respondent UUIDs, answer history, action
plan, linked dilemma sessions), and the copy, changed elsewhere, merges back into its original.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from db_rows import portable
from sqlalchemy import text

from ethics_tool.cli import main
from ethics_tool.domain.answers import AnswerValue, Role
from ethics_tool.domain.assessment import Status
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.services import Services
from ethics_tool.storage.db import Database, open_database


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


@contextmanager
def opened(location: str) -> Iterator[Database]:
    db = open_database(location)
    try:
        yield db
    finally:
        db.dispose()


def rows_of(capsys: pytest.CaptureFixture[str], db: str) -> list[dict]:  # type: ignore[type-arg]
    code, out, err = run(capsys, "--db", db, "list", "--json")
    assert code == 0, err
    return list(json.loads(out))


def links(rows: list[dict]) -> dict[str, str | None]:  # type: ignore[type-arg]
    """Each assessment's UUID -> the UUID of its previous round (IDs differ between databases)."""
    uuid_of = {r["id"]: r["uuid"] for r in rows}
    return {r["uuid"]: uuid_of.get(r["previous_id"]) for r in rows}


def laptop_with_history(
    capsys: pytest.CaptureFixture[str], folder: Path, catalog: FormCatalog
) -> str:
    """The demo, its newest round reopened with a cleared answer and a comment without an answer
    (rows with history); the other rounds stay finished, and copies keep that."""
    laptop = str(folder / "laptop.sqlite3")
    code, _, err = run(capsys, "--db", laptop, "demo")
    assert code == 0, err
    with opened(laptop) as db:
        services = Services(db, catalog)
        newest = max(r.info.id for r in services.list_assessments())
        services.set_status(newest, Status.IN_PROGRESS)  # reopened; the others stay finished
        person = services.respondents(newest)[0]
        answered = next(iter(services.load(newest).answers[0].answers))
        services.record_answer(person.id, answered, None)
        services.record_comment(person.id, answered, "Atbilde notīrīta — jāpārrunā ar Ēriku")
    return laptop


def test_copy_there_and_back_loses_nothing_and_merges_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_url: str, catalog: FormCatalog
) -> None:
    laptop = laptop_with_history(capsys, tmp_path, catalog)
    source_rows = rows_of(capsys, laptop)
    code, out, err = run(capsys, "copy", "--from", laptop, "--to", db_url)
    assert code == 0, err
    copied = rows_of(capsys, db_url)
    new_id = {r["uuid"]: r["id"] for r in copied}
    for row in source_rows:
        assert f"Copied assessment {row['id']} as {new_id[row['uuid']]}" in out
    back = str(tmp_path / "back.sqlite3")
    code, _, err = run(capsys, "copy", "--from", db_url, "--to", back)
    assert code == 0, err

    with opened(laptop) as a, opened(db_url) as b, opened(back) as c:
        original = portable(a)
        assert original and all(item["answers"] for item in original.values())
        assert any(item["dilemmas"] for item in original.values())
        assert any(item["actions"] for item in original.values())
        assert any(item["assessment"]["previous"] for item in original.values())
        assert portable(b) == original  # every column of every row, links by UUID
        assert portable(c) == original

    # Again: the same assessments (same UUIDs) are recognised and never doubled.
    code, out, _ = run(capsys, "copy", "--from", laptop, "--to", db_url)
    assert code == 0 and "already there as" in out and "Copied" not in out
    assert len(rows_of(capsys, db_url)) == len(source_rows)

    # The copy in the new file is worked on there, exported and merged into its original.
    newest = max(source_rows, key=lambda r: r["id"])
    back_id = {r["uuid"]: r["id"] for r in rows_of(capsys, back)}[newest["uuid"]]
    with opened(back) as db:
        services = Services(db, catalog)
        data = services.load(back_id)
        person = next(r for r in data.respondents if r.role is not Role.GROUP)
        question = next(
            q for _t, q in data.form.iter_questions() if q.id not in data.answers[0].answers
        )
        services.record_answer(person.id, question.id, AnswerValue.level(1, "Pēc semināra"))
    exported = tmp_path / "back.json"
    code, _, err = run(capsys, "--db", back, "export", str(back_id), "-o", str(exported))
    assert code == 0, err
    code, out, err = run(
        capsys, "--db", laptop, "import", "--merge-into", str(newest["id"]), str(exported)
    )
    assert code == 0, err
    with opened(laptop) as db:
        merged = Services(db, catalog).load(newest["id"])
        mine = next(a for a in merged.answers if a.key == person.uuid)
        assert mine.answers[question.id] == AnswerValue.level(1, "Pēc semināra")


def test_a_later_round_alone_and_then_its_previous_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_url: str
) -> None:
    laptop = str(tmp_path / "laptop.sqlite3")
    run(capsys, "--db", laptop, "demo")
    run(capsys, "copy", "--from", laptop, "--to", db_url)
    copied = rows_of(capsys, db_url)
    later = next(r for r in copied if r["previous_id"] is not None)
    seminar = str(tmp_path / "seminar.sqlite3")
    code, out, _ = run(capsys, "copy", "--from", db_url, "--to", seminar, str(later["id"]))
    assert code == 0 and f"Copied assessment {later['id']} as 1" in out
    (row,) = rows_of(capsys, seminar)
    assert row["previous_id"] is None and row["progress"] == later["progress"]
    # Then its previous round as well: the link to it comes back on the new IDs.
    run(capsys, "copy", "--from", db_url, "--to", seminar, str(later["previous_id"]))
    earlier_uuid = next(r["uuid"] for r in copied if r["id"] == later["previous_id"])
    assert links(rows_of(capsys, seminar)) == {later["uuid"]: earlier_uuid, earlier_uuid: None}


def test_copy_refusals_are_one_line_and_copy_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_url: str
) -> None:
    laptop = str(tmp_path / "laptop.sqlite3")
    run(capsys, "--db", laptop, "demo")
    first = min(r["id"] for r in rows_of(capsys, laptop))
    code, _, err = run(capsys, "copy", "--from", laptop, "--to", db_url, str(first), "97", "99")
    assert code == 1 and err.strip().endswith("no assessment with ID 97, 99")
    assert rows_of(capsys, db_url) == []  # all or nothing: the first was not copied either
    code, _, err = run(capsys, "copy", "--from", laptop, "--to", laptop)
    assert code == 1 and "name the same database" in err
    missing = tmp_path / "typo.sqlite3"
    code, _, err = run(capsys, "copy", "--from", str(missing), "--to", db_url)
    assert code == 1 and "no such database file" in err and not missing.exists()

    # SQLite keeps a value longer than the column allows; the copy names it on both engines.
    with opened(laptop) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE respondent SET uuid = :u WHERE id = 1"), {"u": "x" * 40})
    code, _, err = run(capsys, "copy", "--from", laptop, "--to", db_url)
    assert code == 1 and "Traceback" not in err
    assert "respondent.uuid is 40 characters long" in err and "36" in err
    assert rows_of(capsys, db_url) == []
