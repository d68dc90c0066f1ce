"""File menu: export the results as XLSX/CSV and import the edited action plan back."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from ethics_tool.domain.assessment import ActionData
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from ethics_tool.spreadsheets import PLAN_SHEET_NAMES
from tests.gui.conftest import ScriptedDialogs
from tests.gui.test_results import answered


def test_menu_exports_xlsx_and_csv(
    window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assert not window.spreadsheets.export_action.isEnabled()
    assessment_id = answered(services, "Cēsu novads")
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    assert window.spreadsheets.export_action in window.file_menu.actions()
    assert window.spreadsheets.export_action.isEnabled()
    dialogs.save_to = tmp_path / "rezultati.xlsx"
    window.spreadsheets.export_action.trigger()
    book = load_workbook(dialogs.save_to)
    assert "Jomas" in book.sheetnames
    dialogs.save_to = tmp_path / "rezultati.csv"
    window.spreadsheets.export_action.trigger()
    with dialogs.save_to.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert ["Pašvaldība", "Cēsu novads"] in rows
    assert not dialogs.errors


def test_edited_plan_is_previewed_then_applied(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assessment_id = answered(services, "Cēsu novads")
    services.save_action(assessment_id, ActionData(None, None, "Pieņemt ētikas kodeksu"))
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    path = tmp_path / "plan.xlsx"
    dialogs.save_to = path
    window.spreadsheets.export_action.trigger()
    book = load_workbook(path)
    sheet = book[PLAN_SHEET_NAMES["lv"]]
    sheet["D2"] = "Jānis Bērziņš"
    sheet["C3"] = "Apmācīt deputātus"
    book.save(path)

    shown: list[str] = []

    def cancel(box: object) -> bool:
        shown.append(box.text() + "\n" + box.detailedText())  # type: ignore[attr-defined]
        return False

    window.spreadsheets.confirm_hook = cancel
    dialogs.open_from = path
    window.spreadsheets.import_action.trigger()
    assert "pievienoti: 1, mainīti: 1" in shown[0] and "Jānis Bērziņš" in shown[0]
    assert [a.responsible for a in services.actions(assessment_id)] == [""]

    window.spreadsheets.confirm_hook = lambda box: True
    window.spreadsheets.import_action.trigger()
    actions = services.actions(assessment_id)
    assert [(a.text, a.responsible) for a in actions] == [
        ("Pieņemt ētikas kodeksu", "Jānis Bērziņš"),
        ("Apmācīt deputātus", ""),
    ]
    assert window.results.action_model.rowCount() >= 2

    sheet["F2"] = "varbūt"
    book.save(path)
    window.spreadsheets.import_action.trigger()
    assert dialogs.errors[-1][0] == "Rīcības plāns netika importēts"
