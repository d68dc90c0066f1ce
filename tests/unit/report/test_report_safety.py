"""Hostile text never breaks the build; failures raise ReportError and leave no file behind."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import make_data, read_pdf, scored, single_respondent

from ethics_tool.domain.answers import AnswerValue, RespondentAnswers, Role
from ethics_tool.domain.assessment import ActionData, AssessmentData
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.report import ReportError, build_blank_questionnaire, build_report
from ethics_tool.scoring import Results

Round = tuple[AssessmentData, Results]

MARKUP = '<b>unclosed & "quotes" </para> &amp; <font name="x">'
LONG_COMMENT = ("Šis ir ļoti garš komentārs par ētiku. " * 300)[:10_000]
LONG_TOKEN = "ā" * 3000 + "https://example.lv/" + "x" * 2000
EMOJI = "Labi 😀👍🏽 👨‍👩‍👧 ok"
RTL = "שלום עולם مرحبا بالعالم"
CONTROL = "a\x00b\x07c\x1bd\r\ne\tf"
SURROGATE = "broken \ud800 surrogate"

HOSTILE = {
    "markup": MARKUP,
    "long_comment": LONG_COMMENT,
    "long_token": LONG_TOKEN,
    "emoji": EMOJI,
    "rtl": RTL,
    "control": CONTROL,
    "surrogate": SURROGATE,
}


def hostile_round(form: Questionnaire, text: str) -> Round:
    """``text`` in every place a user can type: names, labels, comments, actions."""
    kinds = [
        lambda i, text: AnswerValue.level(i, text),
        lambda i, text: AnswerValue.unknown(text),
        lambda i, text: AnswerValue.na(text),
    ]
    respondents = [
        RespondentAnswers(
            key=f"r{i}",
            label=f"{text[:200]} {i}",
            role=Role.STAFF,
            # the text as a comment on the first few questions only: enough to cover every
            # kind of answer without making a hundred-page PDF
            answers={
                q.id: kinds[k % 3](i + 1, text if k < 3 else "")
                for k, (_, q) in enumerate(form.iter_questions())
            },
        )
        for i in range(3)
    ]
    action = ActionData(
        id=1,
        question_id=form.themes[0].questions[0].id,
        text=text,
        responsible=text,
        deadline=date(2026, 1, 1),
    )
    data = make_data(
        form,
        respondents,
        municipality=text,
        unit=text,
        prepared_by=text,
        actions=[action],
    )
    return scored(data)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_text_builds(tmp_path: Path, quick_form: Questionnaire, case: str) -> None:
    data, results = hostile_round(quick_form, HOSTILE[case])
    path = tmp_path / "r.pdf"
    build_report(data, results, path, previous=(data, results))
    assert PdfReader(path).pages
    build_blank_questionnaire(quick_form, tmp_path / "b.pdf", municipality=HOSTILE[case])


def test_markup_comes_back_as_the_characters_typed(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    data, results = hostile_round(quick_form, MARKUP)
    path = tmp_path / "r.pdf"
    build_report(data, results, path)
    assert MARKUP.strip() in read_pdf(path)


def test_long_comment_is_printed_whole(tmp_path: Path, quick_form: Questionnaire) -> None:
    data, results = hostile_round(quick_form, LONG_COMMENT)
    path = tmp_path / "r.pdf"
    build_report(data, results, path)
    text = read_pdf(path)
    # 3 respondents × 3 questions, and every sentence of each 10,000 characters is there
    assert text.count("ļoti garš komentārs") >= 9 * LONG_COMMENT.count("ļoti garš komentārs")


def test_emoji_and_missing_glyphs_become_a_replacement_mark(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    data, results = hostile_round(quick_form, EMOJI)
    path = tmp_path / "r.pdf"
    build_report(data, results, path)
    text = read_pdf(path)
    assert "Labi \ufffd" in text
    assert "\x00" not in text


def test_long_words_wrap_inside_the_page(tmp_path: Path, quick_form: Questionnaire) -> None:
    from reportlab.platypus import Paragraph

    from ethics_tool.report.markup import esc
    from ethics_tool.report.styles import FRAME_WIDTH, styles

    paragraph = Paragraph(esc(LONG_TOKEN), styles().cell)
    width, height = paragraph.wrap(80, 10_000)
    assert width <= 80 and height > 100
    assert max(paragraph.getActualLineWidths0()) <= 80
    data, results = hostile_round(quick_form, LONG_TOKEN)
    path = tmp_path / "r.pdf"
    build_report(data, results, path)
    assert PdfReader(path).pages[0].mediabox.width > FRAME_WIDTH


def test_missing_folder_raises_report_error_and_leaves_no_file(
    tmp_path: Path, single: Round
) -> None:
    target = tmp_path / "no" / "such" / "folder" / "r.pdf"
    with pytest.raises(ReportError) as info:
        build_report(single[0], single[1], target)
    message = str(info.value)
    assert "\n" not in message and str(target) in message
    assert not target.exists()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root may write into read-only folders"
)
def test_read_only_folder_raises_report_error(tmp_path: Path, single: Round) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReportError):
            build_report(single[0], single[1], folder / "r.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_full_disk_leaves_no_partial_pdf_and_keeps_the_old_file(
    tmp_path: Path, single: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"%PDF old report")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ReportError) as info:
        build_report(single[0], single[1], target)
    assert os.strerror(errno.ENOSPC) in str(info.value)
    assert target.read_bytes() == b"%PDF old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_a_failure_inside_the_build_is_a_report_error(
    tmp_path: Path, single: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ethics_tool.report.pdf as pdf

    def broken(*args: object) -> list[object]:
        raise RuntimeError("layout exploded\nsecond line")

    monkeypatch.setattr(pdf, "appendix", broken)
    with pytest.raises(ReportError, match=r"layout exploded$"):
        build_report(single[0], single[1], tmp_path / "r.pdf", lang="en")
    assert list(tmp_path.iterdir()) == []


def test_a_directory_as_target_raises_report_error(tmp_path: Path, single: Round) -> None:
    (tmp_path / "r.pdf").mkdir()
    with pytest.raises(ReportError):
        build_report(single[0], single[1], tmp_path / "r.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_written_pdf_is_readable_by_others(tmp_path: Path, single: Round) -> None:
    path = tmp_path / "r.pdf"
    build_report(single[0], single[1], path)
    if os.name == "posix":
        assert path.stat().st_mode & 0o044 == 0o044


def test_blank_questionnaire(tmp_path: Path, quick_form: Questionnaire) -> None:
    path = tmp_path / "blank.pdf"
    build_blank_questionnaire(quick_form, path, municipality="Rēzeknes novads")
    reader = PdfReader(path)
    text = read_pdf(path)
    assert "Rēzeknes novads" in text
    for _, question in quick_form.iter_questions():
        assert " ".join(question.text.lv.split()) in text
    assert "☐" in text and "Nav attiecināms" in text and "Nezinu" in text
    assert f"1. lpp. no {len(reader.pages)}" in text
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Titullapa", "Kā atbildēt"]
    en = tmp_path / "blank-en.pdf"
    build_blank_questionnaire(quick_form, en, lang="en")
    assert "Not applicable" in read_pdf(en)


def test_blank_questionnaire_unwritable_folder(tmp_path: Path, quick_form: Questionnaire) -> None:
    with pytest.raises(ReportError):
        build_blank_questionnaire(quick_form, tmp_path / "missing" / "b.pdf")


def test_report_package_never_imports_qt() -> None:
    code = (
        "import sys, ethics_tool.report, ethics_tool.report.pdf;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'ethics_tool.gui'))];"
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_a_page_renders_with_pdftoppm(tmp_path: Path, single: Round) -> None:
    from PIL import Image

    path = tmp_path / "r.pdf"
    build_report(single[0], single[1], path, previous=single)
    result = subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", str(path), str(tmp_path / "page")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr  # e.g. a malformed text map
    pngs = list(tmp_path.glob("page*.png"))
    assert len(pngs) == 1
    with Image.open(pngs[0]) as image:
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
    assert dark > 500  # text and a chart, not a blank page


def test_single_respondent_builds_without_comments(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    rnd = scored(make_data(quick_form, [single_respondent(quick_form, comment="")]))
    build_report(rnd[0], rnd[1], tmp_path / "r.pdf")
    assert "Komentāri" not in read_pdf(tmp_path / "r.pdf")
