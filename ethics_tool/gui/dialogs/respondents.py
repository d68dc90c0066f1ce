"""Add, rename and remove the respondents of an existing assessment (reached from the questions).

Ctrl+Z / Ctrl+Shift+Z and the Undo and Redo buttons work inside the dialog on the questionnaire
page's undo stack (one history with the answers); the list follows every step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.answers import Role
from ethics_tool.gui.dialogs.respondent_undo import state_of
from ethics_tool.gui.dialogs.sizing import keep_minimum
from ethics_tool.gui.labels import individual_roles, role_label
from ethics_tool.i18n import nt, t

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentData, RespondentInfo
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.services import Services


def respondent_name(person: RespondentInfo) -> str:
    """How a respondent is named in the switcher and the dialog."""
    if person.role is Role.GROUP:
        return role_label(Role.GROUP)
    if person.role is Role.OTHER:
        return person.label
    return f"{person.label} ({role_label(person.role)})"


def progress_text(answered: int, total: int) -> str:
    return t("{answered}/{total} answered", answered=answered, total=total)


class RespondentsDialog(QDialog):
    """The respondents of one assessment with their progress; every change is saved at once."""

    changed = Signal()  # a respondent was added, renamed or removed
    # An undo step: the respondent's ID, what was done, its state before and after (None: absent).
    step = Signal(str, str, object, object)

    def __init__(
        self,
        services: Services,
        dialogs: Dialogs,
        assessment_id: int,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("respondentsDialog")
        self.services = services
        self.dialogs = dialogs
        self.assessment_id = assessment_id
        self.data: AssessmentData | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.people = QListWidget()
        self.people.setObjectName("respondentList")
        self.people.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("respondentLabel")
        self.label_edit.textChanged.connect(lambda _text: self._update_buttons())
        self.role = QComboBox()
        self.role.setObjectName("respondentRole")
        self.label_caption = QLabel()
        self.label_caption.setBuddy(self.label_edit)
        self.role_caption = QLabel()
        self.role_caption.setBuddy(self.role)

        self.add_button = QPushButton()
        self.add_button.setObjectName("addRespondentButton")
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton()
        self.rename_button.setObjectName("renameRespondentButton")
        self.rename_button.clicked.connect(self.rename)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeRespondentButton")
        self.remove_button.clicked.connect(self.remove)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeRespondentsButton")

        self._make_undo(undo_stack)

        form = QFormLayout()
        form.addRow(self.label_caption, self.label_edit)
        form.addRow(self.role_caption, self.role)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.rename_button)
        actions.addStretch(1)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.redo_button)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.people, 1)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.buttons)

        self.retranslate()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_minimum(self, 520, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(t("Respondents"))
        self.intro.setText(
            t(
                "Add the people who answer, correct a name or a role, or remove someone. "
                "Every change is saved at once."
            )
        )
        self.people.setAccessibleName(t("Respondents"))
        self.label_caption.setText(t("&Name or label:"))
        self.label_edit.setAccessibleName(t("Name or label"))
        self.label_edit.setPlaceholderText(t("e.g. Councillor 1"))
        self.role_caption.setText(t("R&ole:"))
        self.role.setAccessibleName(t("Role"))
        self.add_button.setText(t("&Add as new"))
        self.add_button.setAccessibleName(t("Add as new respondent"))
        self.rename_button.setText(t("&Save name and role"))
        self.rename_button.setAccessibleName(t("Save the name and role of the selected respondent"))
        self.remove_button.setText(t("&Remove…"))
        self.remove_button.setAccessibleName(t("Remove the selected respondent"))
        self.undo_button.setText(t("Undo"))
        self.redo_button.setText(t("Redo"))
        self._undo_state()
        current = self.role.currentData()
        self.role.clear()
        for role in individual_roles():
            self.role.addItem(role_label(role), role.value)
        if current is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(current)))
        keep_minimum(self, 520, 420)
        if self.data is not None:
            self._fill()

    # -- undo ---------------------------------------------------------------------------------
    def _make_undo(self, stack: QUndoStack | None) -> None:
        """The page's undo stack, reached from inside the dialog (a window of its own)."""
        self.undo_stack = stack
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoRespondentButton")
        self.redo_button = QPushButton()
        self.redo_button.setObjectName("redoRespondentButton")
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo = [QKeySequence("Ctrl+Shift+Z")]
        redo += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo
        ]
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts(redo)
        self.addActions([self.undo_action, self.redo_action])
        if stack is None:
            self.undo_button.hide()
            self.redo_button.hide()
            return
        for action, button, move in (
            (self.undo_action, self.undo_button, stack.undo),
            (self.redo_action, self.redo_button, stack.redo),
        ):
            action.triggered.connect(move)
            button.clicked.connect(move)
        stack.indexChanged.connect(self._stack_moved)
        # Ctrl+Z in the name field undoes the typing while there is some, then the last step.
        self.label_edit.installEventFilter(self)

    def _stack_moved(self, _index: int) -> None:
        """A step was undone or redone (here or on the page): the list shows it."""
        self.reload()
        self._undo_state()

    def _undo_state(self) -> None:
        stack = self.undo_stack
        if stack is None:
            return
        for button, can, what, plain in (
            (self.undo_button, stack.canUndo(), stack.undoText(), t("Undo")),
            (self.redo_button, stack.canRedo(), stack.redoText(), t("Redo")),
        ):
            button.setEnabled(can)
            tip = t("{action}: {what}", action=plain, what=what) if what else plain
            button.setToolTip(tip)
            button.setAccessibleName(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label_edit and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            edit = self.label_edit
            pressed = QKeySequence(event.keyCombination())
            undo = pressed == self.undo_action.shortcut() and not edit.isUndoAvailable()
            redo = pressed in self.redo_action.shortcuts() and not edit.isRedoAvailable()
            if undo or redo:
                return True  # nothing of its own to undo: the dialog's shortcut takes the key
        return super().eventFilter(watched, event)

    # -- data ---------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        self.data = self.services.load(self.assessment_id)
        self._fill(keep)

    def _fill(self, select_id: int | None = None) -> None:
        assert self.data is not None
        keep = select_id if select_id is not None else self.selected_id()
        total = sum(1 for _ in self.data.form.iter_questions())
        self.people.blockSignals(True)
        self.people.clear()
        for person, given in zip(self.data.respondents, self.data.answers, strict=True):
            text = f"{respondent_name(person)} — {progress_text(len(given.answers), total)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people.addItem(item)
            if person.id == keep:
                self.people.setCurrentItem(item)
        if self.people.currentItem() is None and self.people.count():
            self.people.setCurrentRow(0)
        self.people.blockSignals(False)
        self._selection_changed()

    def selected_id(self) -> int | None:
        item = self.people.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def selected(self) -> RespondentInfo | None:
        chosen = self.selected_id()
        if self.data is None or chosen is None:
            return None
        return next((p for p in self.data.respondents if p.id == chosen), None)

    def _selection_changed(self) -> None:
        person = self.selected()
        if person is not None:
            self.label_edit.setText(person.label)
            index = self.role.findData(person.role.value)
            if index >= 0:
                self.role.setCurrentIndex(index)
        self._update_buttons()

    def _update_buttons(self) -> None:
        person = self.selected()
        has_text = bool(self.label_edit.text().strip())
        group = person is not None and person.role is Role.GROUP
        self.add_button.setEnabled(has_text)
        self.rename_button.setEnabled(person is not None and has_text)
        self.remove_button.setEnabled(person is not None and not group)
        self.role.setEnabled(not group)

    def _role(self) -> Role:
        value = self.role.currentData()
        return Role(str(value)) if value is not None else Role.OTHER

    # -- intents --------------------------------------------------------------------------------
    def add(self) -> None:
        from ethics_tool.services import ServiceError

        name = self.label_edit.text().strip()
        same = [
            person
            for person in (self.data.respondents if self.data is not None else [])
            if person.label.strip().casefold() == name.casefold()
        ]
        if same and not self.dialogs.confirm(
            t("Add respondent"),
            t(
                "{name} is already a respondent of this assessment. Add another respondent "
                "with the same name?",
                name=respondent_name(same[0]),
            ),
            t("Add anyway"),
        ):
            return
        try:
            new_id = self.services.add_respondent(
                self.assessment_id, self.label_edit.text(), self._role()
            )
        except ServiceError as exc:
            self.dialogs.error(t("The respondent could not be added"), str(exc))
            return
        self.reload(select_id=new_id)
        added = state_of(self.services, new_id, with_answers=False)
        self.step.emit(
            added.record.uuid,
            t("adding {name}", name=self.label_edit.text().strip()),
            None,
            added,
        )
        self.changed.emit()

    def rename(self) -> None:
        from ethics_tool.services import ServiceError

        person = self.selected()
        if person is None:
            return
        role = person.role if person.role is Role.GROUP else self._role()
        before = state_of(self.services, person.id, with_answers=False)
        try:
            self.services.update_respondent(person.id, self.label_edit.text(), role)
        except ServiceError as exc:
            self.dialogs.error(t("The respondent could not be changed"), str(exc))
            return
        after = state_of(self.services, person.id, with_answers=False)
        self.reload(select_id=person.id)
        if after != before:
            self.step.emit(
                person.uuid, t("changing {name}", name=respondent_name(person)), before, after
            )
        self.changed.emit()

    def remove(self) -> None:
        from ethics_tool.services import ServiceError

        chosen = self.selected_id()
        if chosen is None:
            return
        self.reload(select_id=chosen)  # count the answers as they are now
        person = self.selected()
        if person is None or self.data is None:
            return
        index = self.data.respondents.index(person)
        answered = len(self.data.answers[index].answers)
        question = nt(
            "Remove {name}? Their {count} answer is removed too (Edit → Undo brings it back).",
            "Remove {name}? Their {count} answers are removed too (Edit → Undo brings them back).",
            answered,
            name=respondent_name(person),
        )
        if not self.dialogs.confirm(t("Remove respondent"), question, t("Remove")):
            return
        before = state_of(self.services, person.id, with_answers=True)
        try:
            self.services.remove_respondent(person.id)
        except ServiceError as exc:
            self.dialogs.error(t("The respondent could not be removed"), str(exc))
            return
        self.reload()
        self.step.emit(
            person.uuid, t("removing {name}", name=respondent_name(person)), before, None
        )
        self.changed.emit()
