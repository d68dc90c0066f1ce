"""Every report label has a Latvian translation; text cleaning and escaping work as promised."""

from __future__ import annotations

from pathlib import Path

import pytest

from ethics_tool.report.markup import ZWSP, clean, esc, plain

ROOT = Path(__file__).resolve().parents[3]


def report_translations() -> list[str]:
    """The Latvian texts the report package uses (its entries in the gettext catalogue).

    That every ``t("…")`` of the report has one is checked for the whole package by
    tests/unit/test_i18n.py (``scripts/i18n.py check``).
    """
    from babel.messages.pofile import read_po

    po = ROOT / "resources/translations/lv/LC_MESSAGES/ethics_tool.po"
    with po.open("rb") as fh:
        catalog = read_po(fh)
    out: list[str] = []
    for message in catalog:
        if message.id and any(f.startswith("ethics_tool/report/") for f, _ in message.locations):
            out += [message.string] if isinstance(message.string, str) else list(message.string)
    return out


def test_report_texts_are_latvian() -> None:
    texts = report_translations()
    assert len(texts) > 100
    assert all(text and text.strip() == text for text in texts)


def test_required_latvian_terms_are_used() -> None:
    values = " ".join(report_translations())
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
