"""The set-up dialog of a new assessment: municipality, unit, questionnaire, mode, respondents, date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypedDict

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.assessment import ROUND_LABEL_MAX
from ethics_tool.domain.dates import DateTextError
from ethics_tool.gui.dialogs import fitting
from ethics_tool.gui.dialogs.fitting import scrolling_fields
from ethics_tool.gui.dialogs.form_choice import (
    core_only_label,
    form_for_unit_type,
    form_summary,
    unit_type_for_form,
)
from ethics_tool.gui.dialogs.mode_choice import ModeBox
from ethics_tool.gui.dialogs.respondent_checks import respondent_hint, respondent_problem
from ethics_tool.gui.dialogs.respondent_row import RespondentRow
from ethics_tool.gui.dialogs.setup_fields import error_label, municipality_field
from ethics_tool.gui.dialogs.sizing import WrappedLabel, keep_minimum
from ethics_tool.gui.labels import unit_types
from ethics_tool.gui.widgets.date_input import DateField
from ethics_tool.i18n import current_language, t

if TYPE_CHECKING:
    from ethics_tool.domain.questionnaire import Questionnaire
    from ethics_tool.services import NewRespondent


class NewAssessmentRequest(TypedDict):
    municipality: str
    form_id: str
    unit_type: str
    unit_name: str
    assessed_on: date
    round_label: str
    mode: Mode
    respondents: list[NewRespondent]
    prepared_by: str
    core_only: bool


class NewAssessmentDialog(QDialog):
    """Collects what :meth:`Services.create_assessment` needs; validates before it closes."""

    blank_requested = Signal(str, str)  # form id, municipality

    def __init__(self, forms: list[Questionnaire], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newAssessmentDialog")
        self.forms = forms
        lang = current_language()

        self.municipality = municipality_field(self)
        self.municipality_error = error_label("municipalityError")

        self.unit_type = QComboBox()
        self.unit_type.setObjectName("unitTypeField")
        for key, label in unit_types():
            self.unit_type.addItem(label, key)
        self.unit_name = QLineEdit()
        self.unit_name.setObjectName("unitNameField")

        self.form = QComboBox()
        self.form.setObjectName("formField")
        for form in forms:
            self.form.addItem(f"{form.title.get(lang)} ({form.version})", form.id)
        self.form_description = WrappedLabel()
        self.form_description.setObjectName("formDescription")
        self.form.currentIndexChanged.connect(self._show_form)
        self.form_error = error_label("formError")
        self.blank_button = QPushButton()
        self.blank_button.setObjectName("blankPdfButton")
        self.blank_button.clicked.connect(self._request_blank)
        self.core_only = QCheckBox()
        self.core_only.setObjectName("coreOnlyField")

        self.mode_box = ModeBox()
        self.mode_group = self.mode_box.group
        self.mode_buttons = self.mode_box.buttons
        self.mode_descriptions = self.mode_box.descriptions
        self.mode_group.idToggled.connect(lambda _id, _on: self._update_respondents())

        self.respondent_box = QGroupBox()
        self.respondent_box.setObjectName("respondentBox")
        self.respondent_rows_layout = QVBoxLayout()
        self.respondent_rows: list[RespondentRow] = []
        self.add_respondent = QPushButton()
        self.add_respondent.setObjectName("addRespondent")
        self.add_respondent.clicked.connect(lambda: self._add_row(focus=True))
        self.respondent_hint = WrappedLabel()
        self.respondent_error = error_label("respondentError")
        box_layout = QVBoxLayout(self.respondent_box)
        box_layout.addWidget(self.respondent_hint)
        box_layout.addLayout(self.respondent_rows_layout)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_respondent)
        add_row.addStretch(1)
        box_layout.addLayout(add_row)
        box_layout.addWidget(self.respondent_error)
        for _ in range(2):
            self._add_row()

        # Typed the Latvian way in one go ("31.03.2027") or picked (widgets/date_input.py).
        self.date = DateField()
        self.date.edit.setObjectName("dateField")
        self.date.set_value(date.today())
        # Optional: tells two rounds of one unit apart in every list ("19.11.2026. (2. kārta)").
        self.round_label = QLineEdit()
        self.round_label.setObjectName("newRoundLabelField")
        self.round_label.setMaxLength(ROUND_LABEL_MAX)
        self.prepared_by = QLineEdit()
        self.prepared_by.setObjectName("preparedByField")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.form_layout = QFormLayout()
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel() for _ in range(7)]
        municipality_cell = QVBoxLayout()
        municipality_cell.addWidget(self.municipality)
        municipality_cell.addWidget(self.municipality_error)
        form_cell = QVBoxLayout()
        form_cell.addWidget(self.form)
        form_cell.addWidget(self.form_description)
        form_cell.addWidget(self.core_only)
        blank_row = QHBoxLayout()
        blank_row.addWidget(self.blank_button)
        blank_row.addStretch(1)
        form_cell.addLayout(blank_row)
        form_cell.addWidget(self.form_error)
        self.form_layout.addRow(self.labels[0], municipality_cell)
        self.form_layout.addRow(self.labels[1], self.unit_type)
        self.form_layout.addRow(self.labels[2], self.unit_name)
        self.form_layout.addRow(self.labels[3], form_cell)
        self.form_layout.addRow(self.labels[4], self.date)
        self.form_layout.addRow(self.labels[6], self.round_label)
        self.form_layout.addRow(self.labels[5], self.prepared_by)
        buddies: list[QWidget] = [self.municipality, self.unit_type, self.unit_name, self.form]
        buddies += [self.date.edit, self.prepared_by, self.round_label]
        for caption, buddy in zip(self.labels, buddies, strict=True):
            caption.setBuddy(buddy)

        # Everything but the buttons scrolls (fitting.py says why).
        content = QWidget()
        content.setObjectName("newAssessmentContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self.form_layout)
        content_layout.addWidget(self.mode_box)
        content_layout.addWidget(self.respondent_box)
        content_layout.addStretch(1)
        self.fields_scroll = scrolling_fields(content, "newAssessmentScroll")
        content.installEventFilter(self)  # grow with the content (a mode, a respondent row)
        self._follow: QWidget | None = None  # a new row to scroll to
        self.fields_scroll.verticalScrollBar().rangeChanged.connect(self._show_followed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_scroll, 1)
        layout.addWidget(self.buttons)

        self.retranslate()
        self._syncing = False
        self.unit_type.currentIndexChanged.connect(self._unit_type_chosen)
        self.form.currentIndexChanged.connect(self._form_chosen)
        self._unit_type_chosen()  # the default unit type ("Dome") gets its questionnaire
        self._show_form()
        self._update_respondents()
        self.municipality.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_minimum(self, 640)
        self.fit_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.fields_scroll.widget()
            and event.type() == QEvent.Type.LayoutRequest
            and self.isVisible()
        ):
            QTimer.singleShot(0, self.fit_height)
        return super().eventFilter(watched, event)

    def _show_followed(self) -> None:
        if self._follow is not None and self._follow.parent() is not None:
            self.fields_scroll.ensureWidgetVisible(self._follow)

    def fit_height(self, available: QRect | None = None) -> None:
        """As tall as the content needs, but inside the screen (the content scrolls beyond)."""
        fitting.fit_height(self, self.fields_scroll, self.buttons, available)

    def retranslate(self) -> None:
        self.setWindowTitle(t("New assessment"))
        for label, text in zip(
            self.labels,
            (
                t("&Municipality:"),
                t("Unit &type:"),
                t("Unit &name:"),
                t("&Questionnaire:"),
                t("&Date:"),
                t("&Prepared by:"),
                t("Round &label:"),
            ),
            strict=True,
        ):
            label.setText(text)
        editor = self.municipality.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(t("Start typing, e.g. Ķekavas novads (any name is accepted)"))
        self.municipality.setAccessibleName(t("Municipality"))
        self.unit_type.setAccessibleName(t("Unit type"))
        self.unit_name.setPlaceholderText(t("e.g. Finance Committee (optional)"))
        self.unit_name.setAccessibleName(t("Unit name"))
        self.form.setAccessibleName(t("Questionnaire"))
        self.core_only.setToolTip(
            t("Only the questions marked as core, for a short session; the rest can follow later")
        )
        self.blank_button.setText(t("Blank questionnaire (PDF)…"))
        self.blank_button.setToolTip(t("A printable questionnaire for answering on paper"))
        self.date.edit.setAccessibleName(t("Date"))
        self.round_label.setPlaceholderText(t("e.g. Round 1, Spring 2027 (optional)"))
        self.round_label.setAccessibleName(t("Round label"))
        self.prepared_by.setPlaceholderText(t("Name of the person or group (optional)"))
        self.prepared_by.setAccessibleName(t("Prepared by"))
        self.mode_box.retranslate()
        self.respondent_box.setTitle(t("Respondents"))
        self.add_respondent.setText(t("Add respondent"))
        for row in self.respondent_rows:
            row.retranslate()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(t("Create"))
        ok.setObjectName("createButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
        keep_minimum(self, 640)

    # -- parts --------------------------------------------------------------------------------
    def _add_row(self, focus: bool = False) -> RespondentRow:
        row = RespondentRow(len(self.respondent_rows) + 1)
        row.label.setText(t("Respondent {number}", number=len(self.respondent_rows) + 1))
        row.remove.clicked.connect(lambda: self._remove_row(row))
        self.respondent_rows.append(row)
        self.respondent_rows_layout.addWidget(row)
        if focus:
            row.label.setFocus()
            row.label.selectAll()
            if self.isVisible():
                self.fit_height()
                # once the layout has made room for the row (the scroll range grows later)
                self._follow = row
                QTimer.singleShot(0, self._show_followed)
        return row

    def _remove_row(self, row: RespondentRow) -> None:
        if self._follow is row:
            self._follow = None
        self.respondent_rows.remove(row)
        row.setParent(None)
        row.deleteLater()

    def _show_form(self) -> None:
        form = self.selected_form()
        if form is None:
            self.form_description.setText(t("No questionnaire is available."))
            return
        self.form_description.setText(form_summary(form))
        self.core_only.setVisible(form.has_core)
        if not form.has_core:
            self.core_only.setChecked(False)
        else:
            self.core_only.setText(core_only_label(form))
        keep_minimum(self, 640)

    # -- unit type and questionnaire agree (form_choice.py) ------------------------------------
    def _unit_type_chosen(self) -> None:
        wanted = form_for_unit_type(self.forms, self.selected_form(), self.unit_type.currentData())
        if not self._syncing and wanted is not None:
            self._syncing = True
            self.form.setCurrentIndex(self.form.findData(wanted.id))
            self._syncing = False

    def _form_chosen(self) -> None:
        wanted = unit_type_for_form(self.selected_form(), self.unit_type.currentData())
        if not self._syncing and wanted is not None:
            self._syncing = True
            self.unit_type.setCurrentIndex(self.unit_type.findData(wanted))
            self._syncing = False

    def _request_blank(self) -> None:
        form = self.selected_form()
        if form is not None:
            self.blank_requested.emit(form.id, self.municipality.currentText().strip())

    def selected_form(self) -> Questionnaire | None:
        form_id = self.form.currentData()
        return next((f for f in self.forms if f.id == form_id), None)

    def mode(self) -> Mode:
        return self.mode_box.mode()

    def set_mode(self, mode: Mode) -> None:
        self.mode_box.set_mode(mode)

    def _update_respondents(self) -> None:
        mode = self.mode()
        self.respondent_box.setVisible(mode is not Mode.SINGLE)
        self.respondent_hint.setText(respondent_hint(mode))
        self.adjustSize()
        keep_minimum(self, 640)

    # -- result -------------------------------------------------------------------------------
    def validate(self) -> bool:
        ok = True
        municipality = self.municipality.currentText().strip()
        self.municipality_error.setVisible(not municipality)
        self.municipality_error.setText(t("Enter the municipality (choose from the list or type)."))
        if not municipality:
            ok = False
        self.form_error.setVisible(self.selected_form() is None)
        self.form_error.setText(t("Choose a questionnaire."))
        if self.selected_form() is None:
            ok = False
        labels = [row.label.text().strip() for row in self.respondent_rows]
        problem = respondent_problem(self.mode(), labels)
        self.respondent_error.setText(problem)
        self.respondent_error.setVisible(bool(problem))
        if problem:
            ok = False
        when = ""
        try:
            if self.date.value() is None:
                when = t("Enter the date of the assessment.")
        except DateTextError as exc:
            when = exc.message
        if when:
            self.date.note.setText(when)
            self.date.note.show()
            self.date.edit.setFocus()
            ok = False
        if not municipality:
            self.municipality.setFocus()
        return ok

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def request(self) -> NewAssessmentRequest:
        from ethics_tool.services import NewRespondent

        form = self.selected_form()
        assert form is not None
        mode = self.mode()
        people: list[NewRespondent] = []
        if mode is not Mode.SINGLE:
            people = [
                NewRespondent(row.label.text().strip(), Role(row.role.currentData()))
                for row in self.respondent_rows
                if row.label.text().strip()
            ]
        chosen = self.date.value() or date.today()  # validate() made sure there is one
        return NewAssessmentRequest(
            municipality=self.municipality.currentText().strip(),
            form_id=form.id,
            unit_type=str(self.unit_type.currentData()),
            unit_name=self.unit_name.text().strip(),
            assessed_on=chosen,
            round_label=self.round_label.text().strip(),
            mode=mode,
            respondents=people,
            prepared_by=self.prepared_by.text().strip(),
            core_only=form.has_core and self.core_only.isChecked(),
        )
