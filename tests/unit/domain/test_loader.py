"""Broken questionnaire files give a specific message: file, path inside it, line, reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from ethics_tool import i18n
from ethics_tool.domain.loader import FormError, load_catalog, load_form

SAMPLE = Path(__file__).parents[2] / "data" / "sample_form.yaml"
FORMS = Path(__file__).parents[3] / "forms"


@pytest.fixture(autouse=True)
def _english() -> None:
    """These tests read the English messages; test_loader_hostile.py checks the Latvian ones."""
    i18n.set_language("en")


def broken(tmp_path: Path, old: str, new: str, name: str = "broken.yaml") -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in sample_form.yaml"
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FormError) as info:
        load_form(path)
    assert info.value.source == str(path)
    return [str(p) for p in info.value.problems]


def test_missing_field_is_named_with_its_path(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        "        text:\n          lv: Vai ir nosaukta",
        "        txet:\n          lv: Vai ir nosaukta",
    )
    problems = problems_of(path)
    assert any("themes[1].questions[1].text: required field is missing" in p for p in problems)
    assert any("themes[1].questions[1].txet: unknown field" in p for p in problems)


def test_duplicate_question_id(tmp_path: Path) -> None:
    path = broken(tmp_path, "- id: T3.Q2", "- id: T3.Q1")
    (problem,) = problems_of(path)
    line = next(
        i
        for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "- id: T3.Q1" in text and i > 130
    )
    assert problem == (
        f"line {line}, themes[1].questions[1].id: duplicate question id 'T3.Q1' "
        "(first used in themes[1].questions[0])"
    )


def test_wrong_type_reports_line_and_path(tmp_path: Path) -> None:
    path = broken(tmp_path, "weight: 1.3", "weight: smagi")
    (problem,) = problems_of(path)
    line = next(
        i
        for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "smagi" in text
    )
    assert problem.startswith(f"line {line}, themes[1].weight:")
    assert "must be a number" in problem


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = broken(tmp_path, "audience: any", "audience: [any")
    (problem,) = problems_of(path)
    assert "invalid YAML" in problem and problem.startswith("line ")


def test_duplicate_yaml_key_is_refused(tmp_path: Path) -> None:
    path = broken(tmp_path, "audience: any", "audience: any\naudience: council")
    (problem,) = problems_of(path)
    assert "duplicate key 'audience'" in problem


def test_recommendation_for_a_level_not_on_the_scale(tmp_path: Path) -> None:
    path = broken(tmp_path, "- levels: [2]", "- levels: [7]")
    (problem,) = problems_of(path)
    assert "themes[1].questions[0].recommendations[1].levels: 7 is not a level" in problem


def test_bad_version_and_blank_text(tmp_path: Path) -> None:
    path = broken(tmp_path, "version: 0.1.0", "version: jauna")
    assert any("version must look like 1.0.0" in p for p in problems_of(path))


def test_not_a_mapping_and_not_utf8(tmp_path: Path) -> None:
    listy = tmp_path / "list.yaml"
    listy.write_text("- a\n- b\n", encoding="utf-8")
    assert "must contain a mapping" in problems_of(listy)[0]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("id: ētika".encode("iso-8859-13"))
    assert "not UTF-8" in problems_of(latin)[0]


def test_catalog_keeps_good_forms_and_reports_broken_ones(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    broken(tmp_path, "- id: T3.Q2", "- id: T3.Q1", name="bad.yaml")
    catalog = load_catalog([tmp_path])
    assert list(catalog.forms) == ["sample"]
    assert len(catalog.errors) == 1 and "bad.yaml" in catalog.errors[0].first_line


def test_builtin_forms_all_load() -> None:
    catalog = load_catalog([FORMS])
    assert catalog.errors == []
    assert "quick" in catalog.forms
