"""File → Recent files: exports and imports are listed, kept between runs, reopened; gone files said."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ethics_tool.gui.main_window import MainWindow
from ethics_tool.gui.open_file_dialog import Choice, OpenFileDialog
from ethics_tool.gui.recent_files import RecentFiles
from ethics_tool.gui.settings import AppSettings
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.test_results import answered


def _entries(window: MainWindow) -> list[str]:
    assert window.recent is not None
    menu = window.recent.menu
    menu.aboutToShow.emit()  # as when the user opens it
    return [a.text() for a in menu.actions() if a.data()]


def test_recent_files_list_reopen_and_forget_missing(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    dialogs: ScriptedDialogs,
    settings_store: QSettings,
    tmp_path: Path,
) -> None:
    assert window.recent is not None
    file_menu = [a.text() for a in window.file_menu.actions()]
    assert "&Nesen lietotie faili" in file_menu
    assert _entries(window) == []

    assessment_id = answered(services, "Ventspils")
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    target = tmp_path / "Ventspils.etika"
    dialogs.save_to = target
    assert window.files is not None
    with qtbot.waitSignal(window.files.finished, timeout=30_000):
        window.action_export_json.trigger()
    report = tmp_path / "ziņojums.pdf"
    dialogs.save_to = report
    with qtbot.waitSignal(window.files.finished, timeout=60_000):
        window.action_export_pdf.trigger()
    assert _entries(window) == ["&1 ziņojums.pdf", "&2 Ventspils.etika"]

    # Kept between runs (in the user's settings).
    again = RecentFiles(AppSettings(settings_store), lambda path: None)
    assert again.paths() == [report.resolve(), target.resolve()]

    # A report opens in its own program; an assessment file is offered for import.
    opened: list[Path] = []
    window.recent.open_file = opened.append
    window.recent.menu.actions()[0].trigger()
    assert opened == [report.resolve()]

    services.delete(assessment_id)
    window.show_page("home")

    def import_it(dialog: QDialog) -> bool:
        if isinstance(dialog, OpenFileDialog):
            dialog.choice = Choice.IMPORT
        return True

    dialogs.on_dialog = import_it
    _entries(window)
    with qtbot.waitSignal(window.home.imported, timeout=30_000):
        window.recent.menu.actions()[1].trigger()
    assert window.home.model.rowCount() == 1
    # An import moves its file to the top.
    assert _entries(window) == ["&1 Ventspils.etika", "&2 ziņojums.pdf"]

    # A file that is gone: said, and taken off the list.
    report.unlink()
    window.recent.menu.actions()[1].trigger()
    assert dialogs.errors[-1][0] == "Fails nav atrasts"
    assert "vairs nav atrodams" in dialogs.errors[-1][1]
    assert _entries(window) == ["&1 Ventspils.etika"]

    clear = [a for a in window.recent.menu.actions() if a.objectName() == "clearRecentFiles"]
    clear[0].trigger()
    assert _entries(window) == []
    assert RecentFiles(AppSettings(settings_store), lambda path: None).paths() == []


def test_recent_files_list_spreadsheets_and_import_the_plan_again(
    window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    """Exported XLSX/CSV open in their program; an imported plan is imported again, checked."""
    from openpyxl import load_workbook

    from ethics_tool.domain.assessment import ActionData
    from ethics_tool.spreadsheets import PLAN_SHEET_NAMES

    assert window.recent is not None
    assessment_id = answered(services, "Cēsu novads")
    other_id = answered(services, "Ventspils")
    services.save_action(assessment_id, ActionData(None, None, "Pieņemt ētikas kodeksu"))
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    table = tmp_path / "rezultāti.csv"
    dialogs.save_to = table
    window.spreadsheets.export_action.trigger()
    plan = tmp_path / "plāns.xlsx"
    dialogs.save_to = plan
    window.spreadsheets.export_action.trigger()
    assert _entries(window) == ["&1 plāns.xlsx", "&2 rezultāti.csv"]

    # Exported spreadsheets open in their own program (as a PDF does).
    opened: list[Path] = []
    window.recent.open_file = opened.append
    window.recent.menu.actions()[1].trigger()
    window.recent.menu.actions()[0].trigger()
    assert opened == [table.resolve(), plan.resolve()]

    # The council edits the plan and it is imported from the menu.
    book = load_workbook(plan)
    book[PLAN_SHEET_NAMES["lv"]]["D2"] = "Jānis Bērziņš"
    book.save(plan)
    window.spreadsheets.confirm_hook = lambda box: True
    dialogs.open_from = plan
    window.spreadsheets.import_action.trigger()
    assert [a.responsible for a in services.actions(assessment_id)] == ["Jānis Bērziņš"]
    assert _entries(window) == ["&1 plāns.xlsx (rīcības plāna imports)", "&2 rezultāti.csv"]
    assert window.recent.menu.actions()[0].toolTip().startswith("Atkārtoti importēt")

    # Edited again, and chosen from Recent files while another assessment is open: its own
    # assessment is opened and the import goes through the same preview and checks.
    book[PLAN_SHEET_NAMES["lv"]]["D2"] = "Anna Kalniņa"
    book.save(plan)
    window.open_assessment(other_id, "questionnaire")
    previews: list[str] = []

    def confirm(box: object) -> bool:
        previews.append(box.text())  # type: ignore[attr-defined]
        return True

    window.spreadsheets.confirm_hook = confirm
    opened.clear()
    window.recent.menu.actions()[0].trigger()
    assert opened == []
    assert window.current_id == assessment_id
    assert window.current_page() == "results"
    assert previews and "mainīti: 1" in previews[0]
    assert [a.responsible for a in services.actions(assessment_id)] == ["Anna Kalniņa"]
    assert [a.responsible for a in services.actions(other_id)] == []

    # A workbook that is broken now is refused with the reason, and nothing changes.
    book[PLAN_SHEET_NAMES["lv"]]["F2"] = "varbūt"
    book.save(plan)
    window.recent.menu.actions()[0].trigger()
    assert dialogs.errors[-1][0] == "Rīcības plāns netika importēts"
    assert [a.responsible for a in services.actions(assessment_id)] == ["Anna Kalniņa"]

    # Exporting the same file again makes it an export once more: it opens in its program.
    dialogs.save_to = plan
    window.spreadsheets.export_action.trigger()
    assert _entries(window) == ["&1 plāns.xlsx", "&2 rezultāti.csv"]

    # A spreadsheet that is gone: said, and taken off the list.
    table.unlink()
    errors = len(dialogs.errors)
    window.recent.menu.actions()[1].trigger()
    assert len(dialogs.errors) == errors + 1
    assert dialogs.errors[-1][0] == "Fails nav atrasts"
    assert _entries(window) == ["&1 plāns.xlsx"]

    # The workbook's assessment is no longer here: said, nothing imported elsewhere.
    window.open_assessment(other_id, "results")
    services.delete(assessment_id)
    assert window.spreadsheets.import_again(plan) is None
    assert "šajā datubāzē nav" in dialogs.errors[-1][1]
    assert window.current_id == other_id
