"""Generated and mutated export files: the only outcomes are an import or an ExchangeError.

A refused import leaves every row of the database as it was (on SQLite and on PostgreSQL); an
accepted one breaks none of the rules a person answering in the program is held to (stated
independently in mutations.py).
"""

from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any

from db_rows import digest as rows_digest
from form_strategies import answer_sets, export_dict, form_dicts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import mutate_data, mutate_text, rule_breaches, to_json

from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.exchange import ExchangeError, read_export
from ethics_tool.services import Services

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def exports(draw: st.DrawFn) -> dict[str, Any]:
    form = Questionnaire.model_validate(draw(form_dicts(max_themes=2, max_questions=3)))
    mode, people = draw(answer_sets(form, max_respondents=3))
    return export_dict(form, mode, people, draw(st.uuids()).hex)


def fresh(data: dict[str, Any]) -> dict[str, Any]:
    """The same export under new UUIDs (the database outlives hypothesis' examples)."""
    new = uuid.uuid4().hex
    old = data["assessment"]["uuid"]
    data = {**data, "assessment": {**data["assessment"], "uuid": new}}
    data["respondents"] = [
        {**person, "uuid": str(person["uuid"]).replace(old[:24], new[:24])}
        for person in data["respondents"]
    ]
    return data


def digest(services: Services) -> str:
    return rows_digest(services.db)


def attempt(services: Services, path: Path) -> None:
    before = digest(services)
    try:
        aid = services.import_json(path).assessment_id
    except ExchangeError as exc:
        assert str(exc).startswith(f"{path}: ") or str(exc).startswith("cannot read")
        assert digest(services) == before, "a refused import changed the database"
        return
    assert rule_breaches(read_export(path)) == []
    services.results(aid)  # what was accepted can be loaded and scored


@SETTINGS
@given(exports())
def test_generated_exports_import(services: Services, tmp_path: Path, data: dict[str, Any]) -> None:
    path = tmp_path / "export.json"
    data = fresh(data)
    path.write_text(to_json(data), encoding="utf-8")
    aid = services.import_json(path).assessment_id
    assert len(services.respondents(aid)) == len(data["respondents"])


@SETTINGS
@given(exports(), st.randoms(use_true_random=False), st.integers(min_value=1, max_value=3))
def test_mutated_exports_are_imported_or_refused(
    services: Services, tmp_path: Path, data: dict[str, Any], rnd: random.Random, count: int
) -> None:
    path = tmp_path / "export.json"
    path.write_text(to_json(mutate_data(fresh(data), rnd, count)), encoding="utf-8")
    attempt(services, path)


@SETTINGS
@given(exports(), st.randoms(use_true_random=False))
def test_mutated_export_text_is_imported_or_refused(
    services: Services, tmp_path: Path, data: dict[str, Any], rnd: random.Random
) -> None:
    path = tmp_path / "export.json"
    path.write_text(
        mutate_text(to_json(fresh(data)), rnd), encoding="utf-8", errors="surrogatepass"
    )
    attempt(services, path)
