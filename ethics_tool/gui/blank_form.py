"""The blank questionnaire as a PDF: choose a form and a language, then write it off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.gui.labels import language_name
from ethics_tool.gui.workers import Worker
from ethics_tool.i18n import LANGUAGES, current_language, t

if TYPE_CHECKING:
    from ethics_tool.domain.questionnaire import Questionnaire
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.settings import AppSettings


def form_label(form: Questionnaire, lang: str | None = None) -> str:
    return f"{form.title.get(lang or current_language())} ({form.version})"


class BlankFormDialog(QDialog):
    """Which questionnaire, in which language."""

    def __init__(
        self,
        forms: list[Questionnaire],
        selected: int,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("blankFormDialog")
        self.setWindowTitle(t("Blank questionnaire (PDF)"))
        self.setMinimumWidth(460)
        intro = QLabel(t("A printable questionnaire with boxes to tick, for answering on paper."))
        intro.setWordWrap(True)
        self.form = QComboBox()
        self.form.setObjectName("blankFormField")
        self.form.setAccessibleName(t("Questionnaire"))
        for form in forms:
            self.form.addItem(form_label(form), form.id)
        self.form.setCurrentIndex(max(0, min(selected, len(forms) - 1)))
        self.language = QComboBox()
        self.language.setObjectName("blankLanguageField")
        self.language.setAccessibleName(t("Language"))
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        form_label_widget = QLabel(t("&Questionnaire:"))
        form_label_widget.setBuddy(self.form)
        language_label = QLabel(t("&Language:"))
        language_label.setBuddy(self.language)
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.addRow(form_label_widget, self.form)
        fields.addRow(language_label, self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("Save as PDF…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def choice(self) -> tuple[int, str]:
        return self.form.currentIndex(), str(self.language.currentData())


class BlankFormExport(QObject):
    """Asks for the form, the language and the file, then writes the PDF in the thread pool."""

    started = Signal()
    finished = Signal(str)  # the PDF's path
    failed = Signal(str)
    status_message = Signal(str)

    def __init__(self, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._worker: Worker | None = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(
        self,
        dialogs: Dialogs,
        forms: list[Questionnaire],
        selected: int = 0,
        municipality: str = "",
    ) -> bool:
        """Ask and start writing; False when nothing was started (cancelled, busy, no forms)."""
        if self._worker is not None or not forms:
            return False
        chosen = dialogs.choose_blank_form(forms, selected, current_language())
        if chosen is None:
            return False
        index, lang = chosen
        form = forms[index]
        from ethics_tool.gui.pages.results import safe_file_name

        folder = Path(self.settings.export_dir) if self.settings.export_dir else Path.home()
        name = safe_file_name(f"{form.title.get(lang)} {form.version}")
        path = dialogs.save_path(
            t("Blank questionnaire (PDF)"), folder / f"{name}.pdf", t("PDF files (*.pdf)")
        )
        if path is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self.settings.export_dir = str(path.parent)

        def job(_progress: object) -> Path:
            from ethics_tool.report import build_blank_questionnaire

            build_blank_questionnaire(form, path, lang=lang, municipality=municipality)
            return path

        worker = Worker(job)
        worker.signals.finished.connect(lambda result: self._done(dialogs, result))
        worker.signals.failed.connect(lambda message: self._failed(dialogs, message))
        self._worker = worker
        self.started.emit()
        self.status_message.emit(t("Writing the PDF…"))
        QThreadPool.globalInstance().start(worker)
        return True

    def _done(self, dialogs: Dialogs, result: object) -> None:
        self._worker = None
        path = Path(str(result))
        self.status_message.emit(t("PDF saved: {path}", path=str(path)))
        self.finished.emit(str(path))
        if dialogs.offer_open(
            t("Blank questionnaire (PDF)"),
            t("The blank questionnaire was saved as {path}", path=str(path)),
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, dialogs: Dialogs, message: str) -> None:
        self._worker = None
        self.status_message.emit(t("The PDF could not be written"))
        self.failed.emit(message)
        dialogs.error(t("The blank questionnaire could not be written"), message)
