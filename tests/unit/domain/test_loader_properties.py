"""Generated and mutated questionnaire files: the loader returns a form or raises FormError."""

from __future__ import annotations

import contextlib
import random
from pathlib import Path
from typing import Any

import yaml
from form_strategies import form_dicts
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import mutate_data, mutate_text

from ethics_tool.domain import checks
from ethics_tool.domain.loader import FormError, form_to_json, load_form, parse_form

QUICK = (Path(__file__).parents[3] / "forms" / "quick.yaml").read_text(encoding="utf-8")


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def outcome(text: str) -> None:
    try:
        form = parse_form(text, "mutated.yaml")
    except FormError as exc:
        assert exc.problems and str(exc).startswith("mutated.yaml")
        return
    assert len(form_to_json(form)) <= 2 * checks.MAX_TEXT_CHARS


@settings(max_examples=80, deadline=None)
@given(form_dicts())
def test_generated_forms_load(data: dict[str, Any]) -> None:
    form = parse_form(dump(data), "generated.yaml")
    assert form.question_count == sum(len(t["questions"]) for t in data["themes"])


@settings(max_examples=80, deadline=None)
@given(form_dicts(), st.randoms(use_true_random=False), st.integers(min_value=1, max_value=3))
def test_mutated_form_data_loads_or_is_refused(
    data: dict[str, Any], rnd: random.Random, count: int
) -> None:
    outcome(dump(mutate_data(data, rnd, count)))


@settings(max_examples=80, deadline=None)
@given(form_dicts(), st.randoms(use_true_random=False), st.integers(min_value=1, max_value=3))
def test_mutated_form_text_loads_or_is_refused(
    data: dict[str, Any], rnd: random.Random, count: int
) -> None:
    outcome(mutate_text(dump(data), rnd, count))


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False))
def test_mutated_builtin_form_loads_or_is_refused(rnd: random.Random) -> None:
    outcome(mutate_text(QUICK, rnd, 1))


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_in_a_form_file(tmp_path_factory: Any, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("forms") / "raw.yaml"
    path.write_bytes(raw)
    with contextlib.suppress(FormError):
        load_form(path)
