"""What a database holds, read as rows, so tests compare databases on SQLite and PostgreSQL alike.

``digest`` hashes every row of every table of the program (a refused import must leave it equal);
``portable`` describes each assessment without the integer keys a database gives, so that a copy
in another database (or engine) can be compared with its original column by column.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Table, select

from ethics_tool.storage.db import Database
from ethics_tool.storage.tables import Base


def _value(value: Any) -> str:
    return "NULL" if value is None else f"{type(value).__name__}:{value!r}"


def table_rows(db: Database) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, as text, sorted (the order a database returns rows is free)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            out[table.name] = sorted(
                tuple(_value(v) for v in row) for row in conn.execute(select(table))
            )
    return out


def digest(db: Database) -> str:
    """A hash of everything the database holds (equal before and after a refused change)."""
    text = repr(sorted(table_rows(db).items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(table: Table, row: dict[str, Any], **keys: Any) -> dict[str, Any]:
    """The row without its own key and its links by integer key; ``keys`` name the links instead."""
    drop = {c.name for c in table.primary_key.columns} | {
        c.name for c in table.columns if c.foreign_keys
    }
    return {**{k: v for k, v in row.items() if k not in drop}, **keys}


def portable(db: Database) -> dict[str, dict[str, Any]]:
    """Each assessment by UUID: every column of it and of its rows, links by UUID, no keys."""
    tables = Base.metadata.tables
    assessment, respondent, answer = tables["assessment"], tables["respondent"], tables["answer"]
    action, dilemma = tables["action_item"], tables["dilemma_session"]
    with db.engine.connect() as conn:
        rows = {r.id: dict(r._mapping) for r in conn.execute(select(assessment))}
        people = {r.id: dict(r._mapping) for r in conn.execute(select(respondent))}
        out: dict[str, dict[str, Any]] = {}
        for row in rows.values():
            previous = rows.get(row["previous_id"]) if row["previous_id"] else None
            out[row["uuid"]] = {
                "assessment": _plain(
                    assessment, row, previous=previous["uuid"] if previous else None
                ),
                "respondents": [],
                "answers": [],
                "actions": [],
                "dilemmas": [],
            }
        for person in people.values():
            owner = rows[person["assessment_id"]]["uuid"]
            out[owner]["respondents"].append(_plain(respondent, person))
        for r in conn.execute(select(answer)):
            person = people[r.respondent_id]
            owner = rows[person["assessment_id"]]["uuid"]
            out[owner]["answers"].append(
                _plain(answer, dict(r._mapping), respondent=person["uuid"])
            )
        for r in conn.execute(select(action)):
            out[rows[r.assessment_id]["uuid"]]["actions"].append(_plain(action, dict(r._mapping)))
        for r in conn.execute(select(dilemma)):
            if r.assessment_id is not None:
                out[rows[r.assessment_id]["uuid"]]["dilemmas"].append(
                    _plain(dilemma, dict(r._mapping))
                )
    for item in out.values():
        for key in ("respondents", "answers", "actions", "dilemmas"):
            item[key].sort(key=lambda d: sorted((k, _value(v)) for k, v in d.items()))
    return out
