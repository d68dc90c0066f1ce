"""The list's form summary, read from a snapshot's JSON, agrees with the questionnaire model."""

from __future__ import annotations

import pytest

from ethics_tool.domain.form_summary import SnapshotError, summarize
from ethics_tool.domain.loader import FormCatalog, form_to_json


def test_every_built_in_form_and_its_core_subset(catalog: FormCatalog) -> None:
    forms = list(catalog.ordered())
    forms += [form.core_subset() for form in forms if form.has_core]
    assert len(forms) > 3
    for form in forms:
        summary = summarize(form_to_json(form))
        assert (summary.title_lv, summary.title_en) == (form.title.lv, form.title.en)
        assert summary.question_count == form.question_count, form.id


@pytest.mark.parametrize(
    ("snapshot", "problem"),
    [
        ("{not json", "JSONDecodeError"),
        ('{"title": {"lv": "A", "en": "B"}}', "themes"),
        ('{"title": "A", "themes": []}', "TypeError"),
        ("[]", "TypeError"),
    ],
)
def test_a_damaged_snapshot_is_named(snapshot: str, problem: str) -> None:
    with pytest.raises(SnapshotError, match=problem):
        summarize(snapshot)
