"""``ethics-tool FILE`` (a double-clicked .etika file): the window says what the file holds and
imports it, or adds its answers to the same assessment already here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerKind, AnswerValue
from ethics_tool.filetypes import EXCHANGE_SUFFIX
from ethics_tool.gui.dialogs.merge_summary import MergeSummaryDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs


def _clicking(dialogs: ScriptedDialogs, button: str, seen: list[str]) -> None:
    """Answer the open-file dialog with ``button`` (recording its text), like a user would."""

    def ask(dialog: QDialog) -> bool:
        if isinstance(dialog, MergeSummaryDialog):  # shown after the import or merge
            dialogs.summaries.append(dialog.summary)
            return True
        facts = dialog.findChild(QLabel, "openFileFacts")
        hint = dialog.findChild(QLabel, "openFileHint")
        seen.extend([facts.text() if facts else "", hint.text() if hint else ""])
        target = dialog.findChild(QPushButton, button)
        assert target is not None, f"no {button} button in the dialog"
        target.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    dialogs.ask = ask  # type: ignore[method-assign]


def _export(services: Services, tmp_path: Path) -> tuple[int, Path]:
    assessment_id = services.create_assessment(municipality="Līvānu novads", form_id="quick")
    respondent = services.respondents(assessment_id)[0]
    question = services.load(assessment_id).form.themes[0].questions[0].id
    services.record_answer(respondent.id, question, AnswerValue(AnswerKind.LEVEL, 3))
    path = tmp_path / f"from-another-pc{EXCHANGE_SUFFIX}"
    services.export_json(assessment_id, path)
    return assessment_id, path


def test_a_file_of_an_assessment_here_is_merged_into_it(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assessment_id, path = _export(services, tmp_path)
    seen: list[str] = []
    _clicking(dialogs, "openFileMerge", seen)
    assert window.files is not None
    with qtbot.waitSignal(window.files.finished, timeout=10_000):
        window.offer_file(path)
    assert "Līvānu novads" in seen[0] and path.name in seen[0]
    assert "Līvānu novads" in seen[1]  # "already here as …"
    assert [row.info.id for row in services.list_assessments()] == [assessment_id]
    assert not dialogs.errors
    (summary,) = dialogs.summaries  # the same answers: nothing added, nothing lost
    assert not summary.changed and summary.unchanged == 1


def test_a_new_file_is_imported_as_a_new_assessment(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    assessment_id, path = _export(services, tmp_path)
    services.delete(assessment_id)
    seen: list[str] = []
    _clicking(dialogs, "openFileImport", seen)
    assert window.files is not None
    with qtbot.waitSignal(window.files.finished, timeout=10_000):
        window.offer_file(path)
    rows = services.list_assessments()
    assert [row.info.municipality for row in rows] == ["Līvānu novads"]
    assert rows[0].progress > 0  # the answer came with it


def test_cancel_changes_nothing(
    window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    _, path = _export(services, tmp_path)

    def cancel(dialog: QDialog) -> bool:
        dialog.reject()
        return False

    dialogs.ask = cancel  # type: ignore[method-assign]
    before = services.load(services.list_assessments()[0].info.id)
    window.offer_file(path)
    after = services.load(services.list_assessments()[0].info.id)
    assert len(services.list_assessments()) == 1 and before.answers == after.answers


@pytest.mark.parametrize(
    "content", ['{"format": "something-else"}', "not json at all", "[1, 2, 3]"]
)
def test_a_file_that_is_not_an_export_is_refused_with_its_name(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, content: str
) -> None:
    path = tmp_path / f"bad{EXCHANGE_SUFFIX}"
    path.write_text(content, encoding="utf-8")
    window.offer_file(path)
    assert len(dialogs.errors) == 1 and str(path) in dialogs.errors[0][1]


def test_the_header_is_read_without_validating_the_whole_file(tmp_path: Path) -> None:
    from ethics_tool.gui.open_file_dialog import read_summary

    path = tmp_path / "x.json"
    path.write_text(
        json.dumps(
            {
                "format": "ethics-tool-assessment",
                "assessment": {"uuid": "u1", "municipality": "Rīga", "assessed_on": "2026-11-30"},
                "form": {"id": "council", "version": "2.0.0", "title": {"lv": "Dome"}},
                "respondents": [{}, {}],
            }
        ),
        encoding="utf-8",
    )
    summary = read_summary(path)
    assert (summary.municipality, summary.form, summary.respondents) == ("Rīga", "Dome 2.0.0", 2)
