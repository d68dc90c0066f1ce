"""Going from page to page and from assessment to assessment in the main window.

:class:`NavigationMixin` is part of :class:`~ethics_tool.gui.main_window.MainWindow`. It keeps
which assessment is open (``current_id``) and which page is in front, builds a page the first time
it is shown (through the window's lazy pages), has the page show the open assessment, and keeps
the page actions, exports and undo in step with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QStackedWidget

    from ethics_tool.gui.benchmark_actions import BenchmarkActions
    from ethics_tool.gui.change_watch import ChangeWatcher
    from ethics_tool.gui.pages.compare import ComparePage
    from ethics_tool.gui.pages.home import HomePage
    from ethics_tool.gui.pages.questionnaire import QuestionnairePage
    from ethics_tool.gui.pages.results import ResultsPage
    from ethics_tool.gui.settings import AppSettings
    from ethics_tool.gui.spreadsheet_actions import SpreadsheetActions
    from ethics_tool.gui.window.actions import WindowActions
    from ethics_tool.gui.window.pages import LazyPages
    from ethics_tool.services import Services

    _Base = QMainWindow
else:
    _Base = object

NEEDS_ASSESSMENT = {"questionnaire", "results", "compare"}


def undo_stack_of(page: QWidget) -> QUndoStack | None:
    """The page's own undo steps (its ``undo_stack`` attribute), if it keeps any."""
    stack = getattr(page, "undo_stack", None)
    return stack if isinstance(stack, QUndoStack) else None


class NavigationMixin(_Base):
    """Pages and the open assessment (see the module's docstring)."""

    if TYPE_CHECKING:  # provided by MainWindow
        services: Services | None
        settings: AppSettings
        current_id: int | None
        _questionnaire_id: int | None
        pages: LazyPages
        stack: QStackedWidget
        window_actions: WindowActions
        page_actions: dict[str, QAction]
        action_export_pdf: QAction
        action_export_json: QAction
        spreadsheets: SpreadsheetActions
        benchmark: BenchmarkActions
        change_watcher: ChangeWatcher | None

        @property
        def home(self) -> HomePage: ...

        @property
        def questionnaire(self) -> QuestionnairePage: ...

        @property
        def results(self) -> ResultsPage: ...

        @property
        def compare(self) -> ComparePage: ...

        def show_message(self, message: str) -> None: ...

    def _restore_page(self) -> None:
        page = self.settings.last_page if self.settings.last_page in self.pages else "home"
        last = self.settings.last_assessment
        if page in NEEDS_ASSESSMENT:
            if last is not None and self.home.model.row_of(last) is not None:
                self.open_assessment(last, page)
                return
            page = "home"
        if last is not None and self.home.model.row_of(last) is not None:
            self.current_id = last
            self.home.select(last)
        self.show_page(page, refresh=False)  # the home list was just filled

    def show_page(self, name: str, refresh: bool = True) -> None:
        if self.services is None or name not in self.pages:
            return
        if name in NEEDS_ASSESSMENT and self.current_id is None:
            self.show_message(t("Open an assessment on the home page first."))
            self.page_actions[self._current_page_name()].setChecked(True)
            return
        self._leave_questionnaire()
        if self.current_id is not None:
            if name == "questionnaire" and self._questionnaire_id != self.current_id:
                self.questionnaire.show_assessment(self.current_id)
                self._questionnaire_id = self.current_id
            elif name == "results":
                self.results.show_assessment(self.current_id)
            elif name == "compare":
                self.compare.show_assessment(self.current_id)
        if name == "home" and refresh:
            self.home.refresh(select_id=self.current_id)
        self.stack.setCurrentWidget(self.pages[name])
        # Undo acts on the steps of the page in front, if it keeps any (an ``undo_stack``, added
        # to the group as the page was built); elsewhere Undo is off (Qt takes None here, the
        # stubs do not say so).
        self.window_actions.undo_group.setActiveStack(
            undo_stack_of(self.pages[name])  # type: ignore[arg-type]
        )
        self.page_actions[name].setChecked(True)
        self.settings.last_page = name
        self._update_actions()
        self.pages[name].setFocus()
        if name == "questionnaire":
            self.questionnaire.card.setFocus()

    def _current_page_name(self) -> str:
        return self.pages.name_of(self.stack.currentWidget()) or "home"

    def current_page(self) -> str:
        return self._current_page_name()

    def _leave_questionnaire(self) -> None:
        """The questionnaire in front keeps a pending comment and its place before it is left."""
        if self._current_page_name() == "questionnaire":
            self.questionnaire.leave()

    def _refresh_results(self) -> None:
        """Spreadsheet or benchmark data changed: the results page (if it was made) shows it."""
        if self.current_id is not None and self.pages.is_built("results"):
            self.results.refresh()

    def open_assessment(self, assessment_id: int, page: str = "questionnaire") -> None:
        self._leave_questionnaire()
        self.current_id = assessment_id
        self._questionnaire_id = None
        self.settings.last_assessment = assessment_id
        self.show_page(page)
        if self.change_watcher is not None:
            self.change_watcher.check()  # changes from now on count as made elsewhere

    def reload_assessment(self, assessment_id: int) -> None:
        """The assessment changed behind the pages' backs (a merge): every page showing it reloads."""
        if self._questionnaire_id == assessment_id:
            self._questionnaire_id = None
        if self.current_id != assessment_id:
            return
        page = self._current_page_name()
        if page in NEEDS_ASSESSMENT:
            self.show_page(page)

    def assessments_changed(self) -> None:
        if self.current_id is not None and self.home.model.row_of(self.current_id) is None:
            self.current_id = None
            self._questionnaire_id = None
            self.settings.last_assessment = None
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.current_id is not None
        for name in NEEDS_ASSESSMENT:
            self.page_actions[name].setEnabled(has)
        self.action_export_pdf.setEnabled(has)
        self.action_export_json.setEnabled(has)
        self.spreadsheets.set_enabled(has)
        self.benchmark.set_enabled(has)
