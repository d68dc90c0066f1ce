"""The GUI's words in Latvian. That every ``t("…")`` of the GUI has a translation with the same
placeholders is checked for the whole package by tests/unit/test_i18n.py (``scripts/i18n.py check``).
"""

from __future__ import annotations

from ethics_tool.i18n import nt, t


def test_latvian_texts_are_latvian() -> None:
    assert t("Saved", "lv") == "Saglabāts"
    assert t("Not applicable", "lv") == "Nav attiecināms"
    assert t("Don't know", "lv") == "Nezinu"


def test_counts_use_the_latvian_plural_forms() -> None:
    def assessments(n: int) -> str:
        return nt("{count} assessment", "{count} assessments", n, "lv")

    assert [assessments(n) for n in (1, 2, 11, 21)] == [
        "1 novērtējums",
        "2 novērtējumi",
        "11 novērtējumi",
        "21 novērtējums",
    ]
    assert nt("{count} respondent", "{count} respondents", 1, "en") == "1 respondent"
