"""The benchmark export dialog: choose what to share, see the exact file, then save it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.benchmark import format as bench
from ethics_tool.errors import UserError
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from ethics_tool.services import Services


class BenchmarkExportDialog(QDialog):
    """Shows the anonymous file's exact text; opt-in boxes add question scores or the name."""

    def __init__(self, services: Services, assessment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("benchmarkExportDialog")
        self.services = services
        self.assessment_id = assessment_id
        self.submission: bench.Submission | None = None
        self.text = ""
        info = services.info(assessment_id)
        self.setWindowTitle(t("Anonymous benchmark file"))
        self.resize(720, 640)

        intro = QLabel(
            t(
                "The file lets an association such as LPS compare municipalities without seeing "
                "who is who. It holds the questionnaire and its version, the year, the type and "
                "size class of the municipality, the unit type, the mode and number of "
                "respondents, and the overall and theme scores with band and coverage. It never "
                "holds names of people, comments or single answers. Below is exactly what will "
                "be saved."
            )
        )
        intro.setWordWrap(True)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("benchType")
        for key in bench.MUNICIPALITY_TYPES:
            self.type_combo.addItem(bench.type_label(key), key)
        known = bench.municipality_type_of(info.municipality)
        if known is not None:
            self.type_combo.setCurrentIndex(bench.MUNICIPALITY_TYPES.index(known))
        self.size_combo = QComboBox()
        self.size_combo.setObjectName("benchSize")
        for key in bench.SIZE_CLASSES:
            self.size_combo.addItem(bench.size_label(key), key)
        self.questions_box = QCheckBox(t("Include the score of every question"))
        self.questions_box.setObjectName("benchQuestions")
        self.name_box = QCheckBox(
            t("Include the municipality's name ({name})", name=info.municipality)
        )
        self.name_box.setObjectName("benchName")
        form = QFormLayout()
        form.addRow(t("Municipality type"), self.type_combo)
        form.addRow(t("Size (residents)"), self.size_combo)
        form.addRow("", self.questions_box)
        form.addRow("", self.name_box)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("benchPreview")
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.problem = QLabel()
        self.problem.setObjectName("benchProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(t("Save file…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(t("Contents of the file:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for combo in (self.type_combo, self.size_combo):
            combo.currentIndexChanged.connect(self.update_preview)
        for box in (self.questions_box, self.name_box):
            box.toggled.connect(self.update_preview)
        self.update_preview()

    def update_preview(self) -> None:
        try:
            self.submission = self.services.benchmark_submission(
                self.assessment_id,
                municipality_type=str(self.type_combo.currentData()),
                size_class=str(self.size_combo.currentData()),
                include_questions=self.questions_box.isChecked(),
                include_name=self.name_box.isChecked(),
            )
        except UserError as exc:
            self.submission = None
            self.text = ""
            self.preview.setPlainText("")
            self.problem.setText(exc.message)
            self.problem.show()
        else:
            self.text = bench.file_text(self.submission)
            self.preview.setPlainText(self.text)
            self.problem.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            self.submission is not None
        )

    def save(self, path: Path) -> None:
        """Write exactly the text shown."""
        assert self.submission is not None
        self.services.export_benchmark(self.submission, path, self.text)
