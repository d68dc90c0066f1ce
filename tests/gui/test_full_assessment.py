"""The whole path a user takes, in the real main window: set up, answer, look at results, PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerKind
from ethics_tool.domain.questionnaire import ItemType, Questionnaire
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import click, create_through_dialog, label, press, type_text

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("ethics_tool.report")

MUNICIPALITY = "Ķekavas novads"
COMMENT = "Protokolā nav ieraksta par atturēšanos; pārbaudīt ģimenes locekļu lēmumus"
DIGITS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}

# What the user answers, by position in forms/quick.yaml: a level (by mouse for the first), "N"
# for "Nav attiecināms", "D" for "Nezinu"; every later question gets a level by its number key.
SPECIAL = {0: 3, 1: "N", 2: 1, 3: "D"}


def planned(position: int, perception: bool) -> int | str:
    if position in SPECIAL:
        return SPECIAL[position]
    return 1 + position % 5 if perception else position % 5


def overall_by_hand(form: Questionnaire, plan: dict[str, int | str]) -> float:
    """The documented method, written out plainly (not through ethics_tool.scoring):
    a maturity level is level / 4 of 100 %; "N" and "D" leave the denominator; perception items
    stay out of the maturity score; theme = question-weighted mean; overall = theme-weighted mean.
    """
    low, high = form.scale.levels[0].value, form.scale.levels[-1].value
    themes: list[tuple[float, float]] = []
    for theme in form.themes:
        total = weights = 0.0
        for question in theme.questions:
            answer = plan[question.id]
            if question.type is ItemType.MATURITY and isinstance(answer, int):
                total += question.weight * (answer - low) / (high - low) * 100
                weights += question.weight
        if weights:
            themes.append((theme.weight, total / weights))
    return sum(w * s for w, s in themes) / sum(w for w, _ in themes)


def test_whole_assessment_to_pdf(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    assessment_id = create_through_dialog(qtbot, window, MUNICIPALITY)
    page = window.questionnaire
    card = page.card
    form = services.load(assessment_id).form
    assert form.id == "quick"
    order = [q for _, q in form.iter_questions()]
    assert label(page, "questionnaireTitle").text().startswith(MUNICIPALITY)
    assert card.position_label.text() == f"1. jautājums no {len(order)}"

    plan: dict[str, int | str] = {}
    for position, question in enumerate(order):
        assert card.text_label.text() == question.text.lv
        answer = planned(position, question.type is ItemType.PERCEPTION)
        plan[question.id] = answer
        if position == 0:
            qtbot.mouseClick(card.level_buttons[int(answer)], Qt.MouseButton.LeftButton)
            assert card.level_buttons[int(answer)].isChecked()
        elif answer == "N":
            press(qtbot, window, Qt.Key.Key_N)
            assert card.na_button.isChecked()
        elif answer == "D":
            press(qtbot, window, Qt.Key.Key_D)
            assert card.unknown_button.isChecked()
        else:
            press(qtbot, window, DIGITS[int(answer)])
            assert card.level_buttons[int(answer)].isChecked()
        if position == 2:
            card.comment.setFocus()
            type_text(card.comment, COMMENT)
            click(qtbot, page, "nextButton")  # leaving the question saves the comment
        elif position < len(order) - 1:
            press(qtbot, window, Qt.Key.Key_PageDown if position % 2 else Qt.Key.Key_Right)

    assert page.progress.text() == f"Atbildēti {len(order)} no {len(order)}"
    assert window.autosave_label.text().startswith("Saglabāts")

    # What was stored is exactly what was clicked and typed.
    stored = services.load(assessment_id).answers[0].answers
    for question in order:
        answer, given = plan[question.id], stored[question.id]
        if answer == "N":
            assert given.kind is AnswerKind.NA
        elif answer == "D":
            assert given.kind is AnswerKind.UNKNOWN
        else:
            assert (given.kind, given.value) == (AnswerKind.LEVEL, answer)
    assert stored[order[2].id].comment == COMMENT

    expected = overall_by_hand(form, plan)
    expected_text = f"{expected:.0f} %"
    band = next(b for b in reversed(form.bands) if expected >= b.min).label.lv

    click(qtbot, page, "showResultsButton")
    assert window.current_page() == "results"
    results = window.results
    assert label(results, "overallScore").text() == expected_text
    assert label(results, "bandLabel").text() == band

    target = tmp_path / "Ķekavas ziņojums.pdf"
    dialogs.save_to = target
    with qtbot.waitSignal(results.export_finished, timeout=60_000) as finished:
        window.action_export_pdf.trigger()  # File → Export PDF…
    assert finished.args == [str(target)]
    assert target.is_file()
    assert label(results, "exportBanner").isVisible()
    assert str(target) in label(results, "exportBanner").text()

    reader = pypdf.PdfReader(str(target))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert MUNICIPALITY in text
    assert re.search(rf"\b{expected:.0f}\s?%", text), f"{expected_text} is not in the PDF"
    assert band in text
    assert "\u25a0" not in text  # no black squares instead of Latvian letters
