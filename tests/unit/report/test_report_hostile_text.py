"""Every user field comes back out of the PDF as typed, apart from the documented replacements.

Documented replacements (docs/report.md): control characters are dropped and tabs become spaces;
text is NFC-normalised; characters outside the Basic Multilingual Plane (emoji) become U+FFFD;
bidi control characters are applied, then dropped; long tokens get zero-width spaces so they wrap;
whitespace may be collapsed. Right-to-left runs are drawn in visual order (Unicode bidi algorithm)
and come back in the order typed; text extractors may put numbers and spaces next to such a run on
its other side, so a field with right-to-left text is compared run by run. Every PDF holds only
embedded fonts.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import make_data, scored, single_answers

from ethics_tool.domain.answers import RespondentAnswers, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.report import build_blank_questionnaire, build_report

CASES = {
    "markup": {
        "municipality": "Ķekavas <b>novads</b> & <i>co</i> ]]> &amp;",
        "unit": "Dome <br/> komiteja {0} %s",
        "prepared_by": "Ģirts \"Ūdris\" 'Ļ'",
        "label": "Deputāts\tNr.\x001",
        "comment": "Rinda viens\nrinda divi\r\nčetri <font color='red'>x</font>",
        "action": "Publicēt <para>kārtību</para>",
        "responsible": "Zaļā Līga & Co",
    },
    "right_to_left": {
        "municipality": "שלום עולם novads",
        "unit": "komiteja مرحبا بالعالم",
        "prepared_by": "Jānis \u2067שלום\u2069 Ozols",
        "label": "עברית 1",
        "comment": "Labi שלום ok, مرحبا 123",
        "action": "Publicēt שלום kārtību",
        "responsible": "مسؤول",
    },
    "odd_characters": {
        "municipality": "Ādaži e\u0301 ﬁ",
        "unit": "Komiteja 😀 👍🏽 ok",
        "prepared_by": "Ņ" * 3 + "\u00a0" + "Ž",
        "label": "Ω≈ç√∫ — ‰",
        "comment": "x" * 90 + " Ģ",
        "action": "Darbs \x07\x1b ar \u200b nulli",
        "responsible": "Ļ" * 41,
    },
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_RTL_RUN = re.compile("([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]+)")
_ASTRAL = re.compile("[\U00010000-\U0010ffff][\U0001f3fb-\U0001f3ff\u200d\ufe0f]*")


def expected(value: str) -> str:
    """``value`` after the documented replacements, without whitespace."""
    value = _CONTROL.sub("", value.replace("\t", " "))
    value = _BIDI.sub("", unicodedata.normalize("NFC", value))
    value = _ASTRAL.sub("\ufffd", value)
    return re.sub(r"[\s\u200b]+", "", value)


def pieces(value: str) -> list[str]:
    """The parts of a field that must come back in this order: the whole field, or, with
    right-to-left text in it, each right-to-left run and each piece between them."""
    text = expected(value)
    if not _RTL_RUN.search(text):
        return [text]
    return [part for part in _RTL_RUN.split(text) if part]


def extracted(path: Path) -> str:
    text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"[\s\u200b]+", "", _BIDI.sub("", text))


def fonts_of(path: Path) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font.get("/BaseFont")))
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font
    return names


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_user_field_comes_back_from_the_pdf(
    tmp_path: Path, quick_form: Questionnaire, case: str
) -> None:
    fields = CASES[case]
    answers = single_answers(quick_form, fields["comment"])
    person = RespondentAnswers("r1", fields["label"], Role.DEPUTY, answers)
    first = next(iter(answers))
    action = ActionData(
        1, first, fields["action"], fields["responsible"], date(2026, 5, 1), ActionStatus.DONE
    )
    data, results = scored(
        make_data(
            quick_form,
            [person],
            municipality=fields["municipality"],
            unit=fields["unit"],
            prepared_by=fields["prepared_by"],
            actions=[action],
        )
    )
    path = tmp_path / "report.pdf"
    build_report(data, results, path)
    text = extracted(path)
    missing = {
        name: value
        for name, value in fields.items()
        if not all(piece in text for piece in pieces(value))
    }
    assert not missing, f"not in the PDF as typed: {missing}"
    # drawn in the wrong order anywhere (a run reordered twice, or never), it would read backwards
    backwards = [
        run
        for value in fields.values()
        for run in _RTL_RUN.findall(expected(value))
        if len(run) > 1 and run[::-1] != run and run[::-1] in text
    ]
    assert not backwards, f"right-to-left runs read backwards: {backwards}"
    assert all(name.endswith("DejaVuSans") or "DejaVuSans" in name for name in fonts_of(path))


def test_right_to_left_runs_read_in_typed_order_in_other_extractors(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    """poppler's pdftotext (what most desktop tools use) agrees with pypdf."""
    fields = CASES["right_to_left"]
    data, results = scored(
        make_data(
            quick_form,
            [RespondentAnswers("r1", "1", Role.DEPUTY, single_answers(quick_form, "x"))],
            municipality=fields["municipality"],
            unit=fields["unit"],
        )
    )
    path = tmp_path / "report.pdf"
    build_report(data, results, path)
    try:
        run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("pdftotext is not installed")
    text = re.sub(r"[\s\u200b]+", "", _BIDI.sub("", run.stdout))
    for field in ("municipality", "unit"):
        assert all(piece in text for piece in pieces(fields[field])), field


def test_blank_questionnaire_uses_only_embedded_fonts(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    path = tmp_path / "blank.pdf"
    build_blank_questionnaire(quick_form, path, municipality="שלום Ķekava")
    assert fonts_of(path) and all("DejaVuSans" in name for name in fonts_of(path))
    assert expected("שלום Ķekava") in extracted(path)
