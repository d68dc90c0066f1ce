"""The set-up dialog of a new assessment: municipality, unit, questionnaire, mode, respondents, date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypedDict

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.dates import DateTextError
from ethics_tool.domain.municipalities import municipalities
from ethics_tool.domain.questionnaire import Audience
from ethics_tool.gui.dialogs.respondent_row import RespondentRow
from ethics_tool.gui.dialogs.sizing import WrappedLabel, keep_minimum
from ethics_tool.gui.labels import (
    mode_description,
    mode_label,
    unit_types,
)
from ethics_tool.gui.search import FoldingCompleter
from ethics_tool.gui.widgets.date_input import DateField
from ethics_tool.i18n import current_language, t

if TYPE_CHECKING:
    from ethics_tool.domain.questionnaire import Questionnaire
    from ethics_tool.services import NewRespondent

ERROR_STYLE = "color: #b00020;"


# Never taller than the smallest screen the program promises (1280×720 less a task bar), wherever
# it opens; the fields scroll instead.
MAX_HEIGHT = 680
COUNCIL_UNITS = frozenset({"dome", "komiteja", "komisija"})  # unit types answered as a council
OTHER_UNIT = "cits"


class NewAssessmentRequest(TypedDict):
    municipality: str
    form_id: str
    unit_type: str
    unit_name: str
    assessed_on: date
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

        self.municipality = QComboBox()
        self.municipality.setObjectName("municipalityField")
        self.municipality.setEditable(True)
        self.municipality.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.municipality.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        names = [entry.lv for entry in municipalities()]
        self.municipality.addItems(names)
        self.municipality.setCurrentIndex(-1)
        self.municipality.setEditText("")
        # Found without diacritics too ("Livan" offers "Līvānu novads"), as in the home search.
        self.municipality.setCompleter(FoldingCompleter(names, self))
        self.municipality_error = self._error_label("municipalityError")

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
        self.form_error = self._error_label("formError")
        self.blank_button = QPushButton()
        self.blank_button.setObjectName("blankPdfButton")
        self.blank_button.clicked.connect(self._request_blank)
        self.core_only = QCheckBox()
        self.core_only.setObjectName("coreOnlyField")

        self.mode_box = QGroupBox()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QRadioButton] = {}
        self.mode_descriptions: dict[Mode, QLabel] = {}
        mode_layout = QVBoxLayout(self.mode_box)
        for number, mode in enumerate(Mode):
            button = QRadioButton()
            button.setObjectName(f"mode_{mode.value}")
            description = WrappedLabel()
            description.setIndent(24)
            description.setStyleSheet("color: palette(placeholder-text);")
            self.mode_group.addButton(button, number)
            self.mode_buttons[mode] = button
            self.mode_descriptions[mode] = description
            mode_layout.addWidget(button)
            mode_layout.addWidget(description)
        self.mode_buttons[Mode.SINGLE].setChecked(True)
        self.mode_group.idToggled.connect(lambda _id, _on: self._update_respondents())

        self.respondent_box = QGroupBox()
        self.respondent_box.setObjectName("respondentBox")
        self.respondent_rows_layout = QVBoxLayout()
        self.respondent_rows: list[RespondentRow] = []
        self.add_respondent = QPushButton()
        self.add_respondent.setObjectName("addRespondent")
        self.add_respondent.clicked.connect(lambda: self._add_row(focus=True))
        self.respondent_hint = WrappedLabel()
        self.respondent_error = self._error_label("respondentError")
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
        self.labels = [QLabel() for _ in range(6)]
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
        self.form_layout.addRow(self.labels[5], self.prepared_by)
        self.labels[0].setBuddy(self.municipality)
        self.labels[1].setBuddy(self.unit_type)
        self.labels[2].setBuddy(self.unit_name)
        self.labels[3].setBuddy(self.form)
        self.labels[4].setBuddy(self.date.edit)
        self.labels[5].setBuddy(self.prepared_by)

        # Everything but the buttons scrolls: with a third respondent the dialog is taller than a
        # 1024×768 screen, and a squeezed layout drew the wrapped texts over each other.
        content = QWidget()
        content.setObjectName("newAssessmentContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self.form_layout)
        content_layout.addWidget(self.mode_box)
        content_layout.addWidget(self.respondent_box)
        content_layout.addStretch(1)
        self.fields_scroll = QScrollArea()
        self.fields_scroll.setObjectName("newAssessmentScroll")
        self.fields_scroll.setWidget(content)
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

    @staticmethod
    def _error_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

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
        if available is None:
            screen = self.screen()
            if screen is None:
                return
            available = screen.availableGeometry()
        content, layout = self.fields_scroll.widget(), self.layout()
        if content is None or layout is None:
            return
        margins = layout.contentsMargins()
        width = max(self.width(), self.minimumWidth())
        inner = width - margins.left() - margins.right()
        wanted = (
            content.heightForWidth(inner)
            if content.hasHeightForWidth()
            else content.sizeHint().height()
        )
        chrome = margins.top() + margins.bottom() + layout.spacing()
        chrome += self.buttons.sizeHint().height()
        frame = max(0, self.frameGeometry().height() - self.height()) or 32  # the title bar
        room = min(available.height() - frame, MAX_HEIGHT)
        height = min(wanted + chrome, room)
        self.setMaximumHeight(room)
        if height > self.height() or self.height() > self.maximumHeight():
            self.resize(width, max(height, self.minimumHeight()))

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
        self.prepared_by.setPlaceholderText(t("Name of the person or group (optional)"))
        self.prepared_by.setAccessibleName(t("Prepared by"))
        self.mode_box.setTitle(t("How will the questions be answered?"))
        for mode, button in self.mode_buttons.items():
            button.setText(mode_label(mode))
            self.mode_descriptions[mode].setText(mode_description(mode))
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
        lang = current_language()
        description = form.description.get(lang) if form.description else ""
        counts = t(
            "{questions} questions in {themes} themes",
            questions=form.question_count,
            themes=len(form.themes),
        )
        if form.minutes:
            counts += t(", about {minutes} minutes", minutes=form.minutes)
        self.form_description.setText(f"{description}\n{counts}" if description else counts)
        self.core_only.setVisible(form.has_core)
        if not form.has_core:
            self.core_only.setChecked(False)
        else:
            if form.core_minutes:
                label = t(
                    "Core questions only ({count} questions, about {minutes} minutes)",
                    count=form.core_count,
                    minutes=form.core_minutes,
                )
            else:
                label = t("Core questions only ({count} questions)", count=form.core_count)
            self.core_only.setText(label)
        keep_minimum(self, 640)

    # -- unit type and questionnaire agree ---------------------------------------------------
    def _unit_type_chosen(self) -> None:
        """A council unit gets the council form, any other unit the administration form.

        Only a form written for the other audience is replaced; a form for any unit (the quick
        one) or the type "other" keeps what the user chose.
        """
        key = self.unit_type.currentData()
        form = self.selected_form()
        if self._syncing or key is None or key == OTHER_UNIT or form is None:
            return
        wanted = Audience.COUNCIL if key in COUNCIL_UNITS else Audience.ADMINISTRATION
        if form.audience in (wanted, Audience.ANY):
            return
        index = next((i for i, f in enumerate(self.forms) if f.audience is wanted), None)
        if index is not None:
            self._syncing = True
            self.form.setCurrentIndex(self.form.findData(self.forms[index].id))
            self._syncing = False

    def _form_chosen(self) -> None:
        """The council form for a council unit type; the administration form for the others."""
        key = self.unit_type.currentData()
        form = self.selected_form()
        if self._syncing or form is None or form.audience is Audience.ANY:
            return
        council = key in COUNCIL_UNITS
        if form.audience is Audience.COUNCIL and not council:
            wanted = "dome"
        elif form.audience is Audience.ADMINISTRATION and council:
            wanted = "administracija"
        else:
            return
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
        for mode, button in self.mode_buttons.items():
            if button.isChecked():
                return mode
        return Mode.SINGLE

    def set_mode(self, mode: Mode) -> None:
        self.mode_buttons[mode].setChecked(True)

    def _update_respondents(self) -> None:
        mode = self.mode()
        self.respondent_box.setVisible(mode is not Mode.SINGLE)
        if mode is Mode.CONSENSUS:
            self.respondent_hint.setText(
                t(
                    "The group's agreed answer is recorded for every question. You may also "
                    "list the participants to record their individual answers beside it."
                )
            )
        else:
            self.respondent_hint.setText(
                t("List everyone who answers. Names or pseudonyms such as “Councillor 1” are fine.")
            )
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
        problem = ""
        if self.mode() is Mode.INDIVIDUAL and not any(labels):
            problem = t("Individual answers need at least one respondent.")
        elif any(not label for label in labels) and self.mode() is not Mode.SINGLE:
            problem = t("Every respondent needs a name or pseudonym (or remove the empty row).")
        elif self.mode() is not Mode.SINGLE and len(set(labels)) != len(labels):
            problem = t("Two respondents have the same name; make them different.")
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
            mode=mode,
            respondents=people,
            prepared_by=self.prepared_by.text().strip(),
            core_only=form.has_core and self.core_only.isChecked(),
        )
