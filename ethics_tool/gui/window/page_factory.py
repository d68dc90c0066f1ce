"""How each page of the main window is built and wired to the window, on its first use.

:func:`register_pages` gives the window's :class:`~ethics_tool.gui.window.pages.LazyPages` one
factory per page. A factory imports the page's module, builds the page over the open services, and
connects its signals to the window (and the window's undo group, seminar kit and file work). The
page modules are imported here and not at the top, so a page nobody opens costs nothing.

Wiring between two pages goes through the window: a page's signal calls a window method, never
another page directly, so one page can exist while the other does not yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ethics_tool.gui.core_access import CoreAccess
    from ethics_tool.gui.main_window import MainWindow
    from ethics_tool.services import Services


def register_home(window: MainWindow, core: CoreAccess) -> None:
    """The home page's factory: it needs only the open database (the services follow)."""
    window.pages.register("home", _with_undo(window, lambda: _home(window, core)))


def register_pages(window: MainWindow, services: Services) -> None:
    """One factory per other page of the main window (the seminar kit registers its own two)."""
    factories: dict[str, Callable[[], QWidget]] = {
        "questionnaire": lambda: _questionnaire(window, services),
        "results": lambda: _results(window, services),
        "compare": lambda: _compare(services),
        "settings": lambda: _settings(window, services),
        "about": lambda: _about(window),
    }
    for name, factory in factories.items():
        window.pages.register(name, _with_undo(window, factory))


def _with_undo(window: MainWindow, factory: Callable[[], QWidget]) -> Callable[[], QWidget]:
    """A page that keeps undo steps (an ``undo_stack``) has them in the window's undo group."""

    def build() -> QWidget:
        from ethics_tool.gui.window.navigation import undo_stack_of

        page = factory()
        stack = undo_stack_of(page)
        if stack is not None:
            window.window_actions.undo_group.addStack(stack)
        return page

    return build


def _home(window: MainWindow, core: CoreAccess) -> QWidget:
    from ethics_tool.gui.pages.home import HomePage

    home = HomePage(core, window.dialogs)
    home.open_requested.connect(window.open_assessment)
    home.status_message.connect(window.show_message)
    home.changed.connect(window.assessments_changed)
    home.imported.connect(window.reload_assessment)
    home.blank_requested.connect(window.blank_questionnaire)
    return home


def _questionnaire(window: MainWindow, services: Services) -> QWidget:
    from ethics_tool.gui.pages.questionnaire import QuestionnairePage

    page = QuestionnairePage(services, window.dialogs)
    page.saved.connect(window.saved)
    page.results_requested.connect(lambda aid: window.open_assessment(aid, "results"))
    return page


def _results(window: MainWindow, services: Services) -> QWidget:
    from ethics_tool.gui.pages.results import ResultsPage

    assert window.files is not None
    page = ResultsPage(services, window.dialogs, window.files)
    page.status_message.connect(window.saved)
    page.compare_requested.connect(lambda aid: window.open_assessment(aid, "compare"))
    if window.seminar is not None:  # "Discuss" opens the dilemmas of the weakest themes
        page.discuss_requested.connect(window.seminar.discuss)
    return page


def _compare(services: Services) -> QWidget:
    from ethics_tool.gui.pages.compare import ComparePage

    return ComparePage(services)


def _settings(window: MainWindow, services: Services) -> QWidget:
    from ethics_tool.gui.dialogs import server
    from ethics_tool.gui.pages.backups_section import BackupsSection
    from ethics_tool.gui.pages.settings_page import SettingsPage
    from ethics_tool.paths import user_data_dir, user_log_dir

    page = SettingsPage(window.db_path, user_log_dir(), user_data_dir() / "forms")
    page.language_selected.connect(window.set_language)
    page.appearance_changed.connect(window.appearance_from_page)
    settings = window.settings
    page.set_appearance(settings.large_fonts, settings.full_screen, settings.high_contrast)
    window.backups_section = BackupsSection(services, window.dialogs)
    window.backups_section.restored.connect(window.backup_restored)
    page.add_section(window.backups_section)
    server.add_to_settings(window, services, page)  # "Connect to a server…"
    return page


def _about(window: MainWindow) -> QWidget:
    from ethics_tool.gui.pages.about import AboutPage

    return AboutPage(window.db_path)
