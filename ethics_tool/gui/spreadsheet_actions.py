"""File-menu actions for spreadsheets: export results as XLSX/CSV, re-import an edited action plan.

The actions live here (not in the big pages) and only ask the main window for what they need: the
services, the open assessment, the dialogs and the export folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from ethics_tool.errors import UserError
from ethics_tool.i18n import current_language, t

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.settings import AppSettings
    from ethics_tool.services import Services
    from ethics_tool.spreadsheets import PlanChanges


class SpreadsheetActions(QObject):
    """“Export spreadsheet…” and “Import action plan…” for the open assessment."""

    # A spreadsheet was written or an action plan read (for File → Recent files): path, kind.
    file_used = Signal(str, str)
    EXPORTED = "export"
    PLAN_IMPORTED = "plan-import"

    def __init__(
        self,
        parent: QWidget,
        context: Callable[[], tuple[Services | None, int | None]],
        dialogs: Callable[[], Dialogs],
        settings: AppSettings,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self._dialogs = dialogs
        self._settings = settings
        self._changed = changed
        self.export_action = QAction(parent)
        self.export_action.setObjectName("actionExportSpreadsheet")
        self.export_action.triggered.connect(lambda _checked=False: self.export())
        self.import_action = QAction(parent)
        self.import_action.setObjectName("actionImportPlan")
        self.import_action.triggered.connect(lambda _checked=False: self.import_plan())
        self.set_enabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_action.setText(t("Export &spreadsheet (XLSX, CSV)…"))
        self.export_action.setStatusTip(
            t("Results, priorities, gaps and the action plan for Excel or LibreOffice")
        )
        self.import_action.setText(t("Import edited action &plan (XLSX)…"))
        self.import_action.setStatusTip(
            t("Read back the action plan after it was edited in the exported workbook")
        )

    def set_enabled(self, enabled: bool) -> None:
        self.export_action.setEnabled(enabled)
        self.import_action.setEnabled(enabled)

    def _folder(self) -> Path:
        return Path(self._settings.export_dir) if self._settings.export_dir else Path.home()

    def export(self, path: Path | None = None) -> Path | None:
        services, assessment_id = self._context()
        if services is None or assessment_id is None:
            return None
        if path is None:
            info = services.info(assessment_id)
            from ethics_tool.gui.files.names import suggested_path

            path = self._dialogs().save_path(
                t("Export spreadsheet"),
                suggested_path(
                    self._settings.export_dir,
                    f"{info.municipality} {info.unit_label} {info.assessed_on}",
                    ".xlsx",
                ),
                t("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
            )
            if path is None:
                return None
            if path.suffix.lower() not in {".xlsx", ".csv"}:
                path = path.with_suffix(".xlsx")
        self._settings.export_dir = str(path.parent)
        try:
            services.export_spreadsheet(assessment_id, path, lang=current_language())
        except UserError as exc:
            self._dialogs().error(t("The file could not be written"), exc.message, str(exc))
            return None
        self._changed_message(t("Saved as {path}", path=str(path)))
        self.file_used.emit(str(path), self.EXPORTED)
        return path

    def import_plan(self, path: Path | None = None) -> PlanChanges | None:
        services, assessment_id = self._context()
        if services is None or assessment_id is None:
            return None
        if path is None:
            path = self._dialogs().open_path(
                t("Import edited action plan"), self._folder(), t("Excel workbook (*.xlsx)")
            )
            if path is None:
                return None
        try:
            preview = services.import_action_plan(assessment_id, path, apply=False)
        except UserError as exc:
            self._dialogs().error(
                t("The action plan was not imported"), exc.message, "\n".join(exc.details)
            )
            return None
        lines = preview.summary()
        if preview.empty:
            self.file_used.emit(str(path), self.PLAN_IMPORTED)
            self._dialogs().info(t("Import edited action plan"), t("The action plan is unchanged."))
            return preview
        if not self._confirm(lines):
            return None
        try:
            changes = services.import_action_plan(assessment_id, path, apply=True)
        except UserError as exc:
            self._dialogs().error(
                t("The action plan was not imported"), exc.message, "\n".join(exc.details)
            )
            return None
        self._changed()
        self._changed_message(t("Action plan updated.") + " " + changes.summary()[0])
        self.file_used.emit(str(path), self.PLAN_IMPORTED)
        return changes

    def import_again(self, path: Path) -> PlanChanges | None:
        """File → Recent files: import a workbook's action plan again, into its own assessment.

        The workbook names its assessment (its hidden sheet); that assessment is opened on the
        results page, then the import runs as from the menu: checked whole, previewed, confirmed.
        """
        from ethics_tool.spreadsheets import workbook_assessment

        services, current = self._context()
        if services is None:
            return None
        title = t("The action plan was not imported")
        try:
            uuid = workbook_assessment(path)
        except UserError as exc:
            self._dialogs().error(title, exc.message, "\n".join(exc.details))
            return None
        match = next(
            (row.info for row in services.list_assessments() if row.info.uuid == uuid), None
        )
        if match is None:
            self._dialogs().error(
                title,
                t(
                    "{path}: the assessment this workbook was exported from is not in this "
                    "database; import the assessment first",
                    path=path,
                ),
            )
            return None
        open_assessment = getattr(self._parent, "open_assessment", None)
        if match.id != current and callable(open_assessment):
            open_assessment(match.id, "results")
        return self.import_plan(path)

    def _confirm(self, lines: list[str]) -> bool:
        from PySide6.QtWidgets import QMessageBox  # not before the first paint (made then)

        box = QMessageBox(
            QMessageBox.Icon.Question,
            t("Import edited action plan"),
            t("Apply these changes to the action plan?") + "\n\n" + lines[0],
            parent=self._parent,
        )
        box.setObjectName("planImportPreview")
        box.setInformativeText("\n".join(lines[1:12]) + ("\n…" if len(lines) > 12 else ""))
        box.setDetailedText("\n".join(lines))
        apply = box.addButton(t("Apply changes"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(t("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(apply)
        answer = self.confirm_hook(box) if self.confirm_hook is not None else None
        if answer is None:
            box.exec()
            answer = box.clickedButton() is apply
        box.deleteLater()
        return answer

    # Tests answer the preview without a modal loop: a callable given the box, returning a bool.
    confirm_hook: Callable[[QMessageBox], bool] | None = None

    def _changed_message(self, text: str) -> None:
        status = getattr(self._parent, "show_message", None)
        if callable(status):
            status(text)
