"""Home page: every assessment in a sortable, searchable table, and what can be done with them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.assessment import Status
from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.assessment_model import (
    ID_ROLE,
    SORT_ROLE,
    AssessmentTableModel,
)
from ethics_tool.gui.files.jobs import Job
from ethics_tool.gui.pages.home import intents
from ethics_tool.gui.pages.home.actions import HomeActions, tool_button
from ethics_tool.gui.pages.home.table import (
    AssessmentFilter,
    assessment_table,
    fit_date_column,
)
from ethics_tool.gui.widgets.flow import FlowRow
from ethics_tool.i18n import nt, t

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentSummary
    from ethics_tool.gui.core_access import CoreAccess
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.dialogs.new_assessment import NewAssessmentDialog
    from ethics_tool.gui.files.work import FileWork
    from ethics_tool.services import Services


class HomePage(QWidget):
    """The list of assessments with new, open, new round, duplicate, archive, delete and demo data."""

    open_requested = Signal(int, str)  # assessment id, page name
    status_message = Signal(str)
    changed = Signal()  # assessments were added, removed or changed
    imported = Signal(int)
    blank_requested = Signal(str, str)  # form id, municipality: a blank questionnaire as PDF

    def __init__(
        self,
        core: CoreAccess,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        # The list is read from the open database; the services (every action but the list) may
        # still be loading when the page is shown: ``services`` then waits for them.
        self.core = core
        self.dialogs = dialogs
        self._files: FileWork | None = None

        self.title = ScaledLabel(1.6, bold=True)
        self.title.setObjectName("homeTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form_errors = QLabel()
        self.form_errors.setObjectName("formErrors")
        self.form_errors.setWordWrap(True)
        self.form_errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_errors.setStyleSheet(
            "QLabel { background: #fff4d6; color: #5a4300; border: 1px solid #e0b64a;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.form_errors.hide()

        self.search = QLineEdit()
        self.search.setObjectName("searchField")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.show_archived = QCheckBox()
        self.show_archived.setObjectName("showArchived")
        self.show_archived.setChecked(True)
        self.show_archived.toggled.connect(lambda _checked: self.refresh())

        self.model = AssessmentTableModel(self)
        self.proxy = AssessmentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.model.modelReset.connect(self.proxy.clear_cache)

        self.table = assessment_table(self.proxy)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        self._make_actions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.form_errors)
        # rows of buttons wrap instead of widening the window (large text on a 1024×768 projector)
        main_buttons = [
            tool_button(action, prominent=action is self.action_new)
            for action in (self.action_new, self.action_open, self.action_results)
        ]
        more_buttons = [
            tool_button(action)
            for action in (self.action_demo, self.action_remove_demo, self.action_import)
        ]
        primary = QHBoxLayout()
        primary.addWidget(FlowRow(main_buttons), 1)
        primary.addWidget(FlowRow(more_buttons, align_right=True), 1)
        layout.addLayout(primary)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.show_archived)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        secondary = QHBoxLayout()
        row_buttons = [
            tool_button(action)
            for action in (
                self.action_new_round,
                self.action_finish,
                self.action_duplicate,
                self.action_archive,
                self.action_delete,
            )
        ]
        secondary.addWidget(FlowRow(row_buttons), 1)
        secondary.addWidget(self.count_label)
        layout.addLayout(secondary)

        self.retranslate()
        # The same actions on a right click on the list.
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        acts = self.home_actions
        self.table.addActions(
            [
                acts.open,
                acts.results,
                acts.new_round,
                acts.finish,
                acts.duplicate,
                acts.archive,
                acts.delete,
            ]
        )
        self._update_actions()

    @property
    def services(self) -> Services:
        """The services (waiting for them, with the wait cursor, while they are being loaded)."""
        return self.core.services

    @property
    def files(self) -> FileWork:
        """Imports and exports, handed over with the services (:meth:`attach_files`)."""
        if self._files is None:  # wait until the window has attached the services
            self.core.services  # noqa: B018
        assert self._files is not None
        return self._files

    def attach_files(self, files: FileWork) -> None:
        self._files = files
        files.finished.connect(self._file_job_finished)

    # -- construction -----------------------------------------------------------------------
    def _make_actions(self) -> None:
        actions = self.home_actions = HomeActions(self)
        for action, slot in (
            (actions.new, self.new_assessment),
            (actions.open, lambda: self._open_selected("questionnaire")),
            (actions.results, lambda: self._open_selected("results")),
            (actions.new_round, self.new_round),
            (actions.finish, self.toggle_finish),
            (actions.duplicate, self.duplicate),
            (actions.archive, self.toggle_archive),
            (actions.delete, self.delete_selected),
            (actions.demo, self.create_demo),
            (actions.remove_demo, self.remove_demo),
            (actions.import_json, self.import_json),
            (actions.merge, self.merge_json),
        ):
            action.triggered.connect(slot)
        # The names the main window (File menu) and the tests know them by.
        self.action_new = actions.new
        self.action_open = actions.open
        self.action_results = actions.results
        self.action_new_round = actions.new_round
        self.action_finish = actions.finish
        self.action_duplicate = actions.duplicate
        self.action_archive = actions.archive
        self.action_delete = actions.delete
        self.action_demo = actions.demo
        self.action_remove_demo = actions.remove_demo
        self.action_import = actions.import_json
        self.action_merge = actions.merge

    def retranslate(self) -> None:
        self.title.setText(t("Assessments"))
        self.intro.setText(
            t(
                "Each row is one assessment round of one unit. Open it to answer the questions, "
                "or look at its results. Everything is saved as you go."
            )
        )
        self.search.setPlaceholderText(t("Search by municipality, unit, questionnaire, status…"))
        self.search.setAccessibleName(t("Search assessments"))
        self.show_archived.setText(t("Show archived"))
        self.table.setAccessibleName(t("Assessments"))
        self.empty.setText(
            t(
                "No assessments yet. Start a new assessment, or create demo data to see "
                "how the tool works."
            )
        )
        self.home_actions.retranslate()
        self._update_actions()
        self.model.retranslate()
        self._update_count()

    # -- data -----------------------------------------------------------------------------------
    def refresh(
        self, select_id: int | None = None, rows: list[AssessmentSummary] | None = None
    ) -> None:
        """Re-read the list; ``rows`` (every assessment) when they were read off the GUI thread."""
        keep = select_id if select_id is not None else self.selected_id()
        archived = self.show_archived.isChecked()
        if rows is None:
            rows = self.core.list_assessments(include_archived=archived)
        elif not archived:
            rows = [row for row in rows if row.info.status is not Status.ARCHIVED]
        self.model.set_rows(rows)
        fit_date_column(self.table, rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if keep is not None:
            self.select(keep)
        if self.selected_id() is None and self.proxy.rowCount():
            self.table.selectRow(0)  # something is always ready to open
        self._update_count()
        self._update_actions()

    def select(self, assessment_id: int) -> None:
        row = self.model.row_of(assessment_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return int(value) if value is not None else None

    def set_form_errors(self, messages: list[str]) -> None:
        if not messages:
            self.form_errors.hide()
            return
        self._form_error_messages = messages
        self.form_errors.setText(
            t("Some questionnaire files could not be loaded and are not offered:")
            + "\n"
            + "\n".join(f"• {m}" for m in messages)
        )
        self.form_errors.show()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if shown == total:
            self.count_label.setText(nt("{count} assessment", "{count} assessments", total))
        else:
            self.count_label.setText(
                nt(
                    "{shown} of {count} assessment",
                    "{shown} of {count} assessments",
                    total,
                    shown=shown,
                )
            )

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        self._update_actions()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        selected = self.selected_id()
        status = None
        if selected is not None:
            row = self.model.row_of(selected)
            status = self.model.summary(row).info.status if row is not None else None
        self.home_actions.update(
            selected is not None, status is Status.ARCHIVED, status is Status.COMPLETED
        )

    # -- intents --------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if value is not None:
            self.open_requested.emit(int(value), "questionnaire")

    def _open_selected(self, page: str) -> None:
        selected = self.selected_id()
        if selected is not None:
            self.open_requested.emit(selected, page)

    def new_assessment(self) -> NewAssessmentDialog:
        """Show the set-up dialog (window-modal, not blocking); the assessment is created on OK."""
        from ethics_tool.gui.dialogs.new_assessment import NewAssessmentDialog  # needs pydantic

        dialog = NewAssessmentDialog(self.services.forms(), self.window())
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.blank_requested.connect(self.blank_requested)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _create(self, dialog: NewAssessmentDialog) -> None:
        from ethics_tool.services import ServiceError

        request = dialog.request()
        try:
            new_id = self.services.create_assessment(**request)
        except ServiceError as exc:
            self.dialogs.error(t("The assessment could not be created"), str(exc))
            return
        self.refresh(select_id=new_id)
        self.changed.emit()
        self.status_message.emit(t("Assessment created"))
        self.open_requested.emit(new_id, "questionnaire")

    def new_round(self) -> None:
        """Ask for the new round's date and label (gui/round_flow.py), then open it."""
        intents.new_round(self)

    def duplicate(self) -> None:
        intents.duplicate(self)

    def toggle_finish(self) -> None:
        """Finish (listing what is missing first) or reopen the selected assessment."""
        intents.toggle_finish(self)

    def toggle_archive(self) -> None:
        intents.toggle_archive(self)

    def delete_selected(self) -> None:
        intents.delete_selected(self)

    def create_demo(self) -> None:
        intents.create_demo(self)

    def remove_demo(self) -> None:
        intents.remove_demo(self)

    def import_json(self) -> None:
        self.files.import_file(merge_into=None)

    def merge_json(self) -> None:
        """Answers given on another computer: add that file's respondents to the selected one."""
        selected = self.selected_id()
        if selected is not None:
            self.files.import_file(merge_into=selected)

    def _file_job_finished(self, kind: str, result: object) -> None:
        if kind != Job.IMPORT:
            return
        assessment_id = int(str(result))
        self.refresh(select_id=assessment_id)
        self.changed.emit()
        self.imported.emit(assessment_id)  # the main window reloads every page showing it
