"""The blank questionnaire as a PDF: from the File menu and from the set-up dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ethics_tool.gui.dialogs.blank_form import BlankFormDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import click, open_new_dialog

pypdf = pytest.importorskip("pypdf")


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def open_quick(window: MainWindow, services: Services) -> int:
    assessment_id = services.create_assessment(municipality="Bauskas novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    return assessment_id


def test_blank_questionnaire_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    open_quick(window, services)
    assert window.action_blank_pdf in window.file_menu.actions()
    assert window.action_blank_pdf.text() == "&Tukša anketa (PDF)…"
    target = tmp_path / "tukša anketa"  # the suffix is added
    dialogs.save_to = target
    with qtbot.waitSignal(window.blank_finished, timeout=60_000) as blocker:
        window.action_blank_pdf.trigger()
        assert window.blank_progress.isVisible()
        assert not window.action_blank_pdf.isEnabled()
    written = Path(blocker.args[0])
    assert written == target.with_suffix(".pdf") and written.is_file()
    assert dialogs.blank_offered is not None
    ids, selected, lang = dialogs.blank_offered
    assert ids[selected] == "quick" and lang == "lv"  # the open assessment's form
    form = services.form("quick")
    text = pdf_text(written)
    first = next(question for _, question in form.iter_questions())
    assert " ".join(first.text.lv.split()) in text
    assert "Bauskas novads" in text
    assert any("Tukšā anketa saglabāta" in asked for asked in dialogs.asked)
    assert window.action_blank_pdf.isEnabled()
    assert not window.blank_progress.isVisible()
    assert not dialogs.errors


def test_blank_questionnaire_in_english(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    open_quick(window, services)
    ids = [form.id for form in services.forms()]
    dialogs.blank_choice = (ids.index("quick"), "en")
    dialogs.save_to = tmp_path / "blank-en.pdf"
    with qtbot.waitSignal(window.blank_finished, timeout=60_000):
        window.action_blank_pdf.trigger()
    first = next(question for _, question in services.form("quick").iter_questions())
    assert " ".join(first.text.en.split()) in pdf_text(tmp_path / "blank-en.pdf")


def test_a_failed_blank_questionnaire_is_a_clear_message(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    open_quick(window, services)
    dialogs.save_to = tmp_path / "no such folder" / "x.pdf"
    with qtbot.waitSignal(window.blank_failed, timeout=60_000):
        window.action_blank_pdf.trigger()
    assert dialogs.errors and dialogs.errors[-1][0] == "Tukšo anketu neizdevās saglabāt"
    assert window.action_blank_pdf.isEnabled()
    assert not window.blank_progress.isVisible()


def test_cancelled_choice_writes_nothing(
    window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    open_quick(window, services)
    dialogs.save_to = None
    assert not window.blank_questionnaire()
    assert window.action_blank_pdf.isEnabled()
    assert list(tmp_path.glob("*.pdf")) == []


def test_blank_questionnaire_from_the_new_assessment_dialog(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialog = open_new_dialog(qtbot, window)
    dialog.form.setCurrentIndex(dialog.form.findData("council"))
    dialog.municipality.setEditText("Ķekavas novads")
    dialogs.save_to = tmp_path / "council.pdf"
    with qtbot.waitSignal(window.blank_finished, timeout=60_000):
        click(qtbot, dialog, "blankPdfButton")
    assert dialogs.blank_offered is not None
    ids, selected, _ = dialogs.blank_offered
    assert ids[selected] == "council"
    assert "Ķekavas novads" in pdf_text(tmp_path / "council.pdf")
    assert dialog.isVisible()  # the set-up goes on
    dialog.reject()


def test_the_choice_dialog(qtbot: QtBot, services: Services) -> None:
    forms = services.forms()
    dialog = BlankFormDialog(forms, 1, "en")
    qtbot.addWidget(dialog)
    assert dialog.choice() == (1, "en")
    dialog.form.setCurrentIndex(0)
    dialog.language.setCurrentIndex(dialog.language.findData("lv"))
    assert dialog.choice() == (0, "lv")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Saglabāt kā PDF…"
