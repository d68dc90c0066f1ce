"""Every report label has a Latvian translation; text cleaning and escaping work as promised."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from ethics_tool.paths import resource
from ethics_tool.report.markup import ZWSP, clean, esc, plain

PACKAGE = Path(__file__).resolve().parents[3] / "ethics_tool" / "report"


def translated_literals() -> dict[str, str]:
    """English source string -> file, for every ``t("…")`` call in the report package."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
            ):
                first = node.args[0]
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path.name}:{node.lineno}: t() needs a literal source string"
                )
                found.setdefault(first.value, path.name)
    return found


def test_every_report_label_has_a_latvian_translation() -> None:
    catalog = json.loads(resource("translations", "lv", "report.json").read_text("utf-8"))
    literals = translated_literals()
    assert len(literals) > 100
    missing = sorted(s for s in literals if s not in catalog)
    assert missing == []
    unused = sorted(s for s in catalog if s not in literals)
    assert unused == []
    for source, latvian in catalog.items():
        assert set(re.findall(r"\{(\w+)\}", source)) == set(re.findall(r"\{(\w+)\}", latvian)), (
            source
        )
        assert latvian.strip() == latvian and latvian


def test_required_latvian_terms_are_used() -> None:
    values = " ".join(
        json.loads(resource("translations", "lv", "report.json").read_text("utf-8")).values()
    )
    for term in (
        "Kopvērtējums",
        "Joma",
        "Ieteikum",
        "Rīcības plāns",
        "Atbildīgais",
        "Termiņš",
        "Statuss",
        "Pārklājums",
        "Atbilstības nepilnības",
        "Zināšanu nepilnības",
        "Stiprās puses",
        "Diskusijas jautājumi",
        "Metodoloģija",
        "Pielikums",
    ):
        assert term in values, term


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('<b>unclosed & "quotes"', '&lt;b&gt;unclosed &amp; "quotes"'),
        ("line one\nline two", "line one<br/>line two"),
        ("a\x00b\x1b", "ab"),
        ("", ""),
    ],
)
def test_esc(raw: str, expected: str) -> None:
    assert esc(raw) == expected


def test_esc_breaks_long_tokens_but_not_entities() -> None:
    token = "&" * 100
    out = esc(token)
    assert ZWSP in out
    assert out.replace(ZWSP, "") == "&amp;" * 100


def test_clean_replaces_what_the_font_cannot_draw() -> None:
    assert clean("Āž 😀") == "Āž \ufffd"
    assert clean("broken \ud800") == "broken ?"
    assert clean("שלום") == "שלום"  # DejaVu has Hebrew


def test_plain_is_one_line_and_cut() -> None:
    assert plain("a\nb   c") == "a b c"
    assert plain("x" * 50, 10) == "x" * 9 + "…"
