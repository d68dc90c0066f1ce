"""The seminar kit inside the main window: the Dilemmas and Facilitator pages, their menu and hooks.

The main window calls :func:`install` when it attaches to the database. Everything the seminar kit
adds (two pages, a Seminar menu, "Discuss" on the results page, printing cards, the full-screen card)
is wired here, so the main window and the results page carry only one-line hooks. The two pages are
registered with the window's lazy pages and built the first time they are shown; their modules are
imported then too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ethics_tool.domain.answers import Mode
from ethics_tool.gui.files.jobs import Job
from ethics_tool.gui.window.actions import icon
from ethics_tool.i18n import current_language, t

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ethics_tool.gui.card_view import CardView
    from ethics_tool.gui.main_window import MainWindow
    from ethics_tool.gui.pages.dilemmas import DilemmasPage
    from ethics_tool.gui.pages.facilitator import FacilitatorPage

SEMINAR_PAGES = ("dilemmas", "facilitator")
WEAKEST = 3  # themes offered by "Discuss"


class SeminarKit(QObject):
    """Owns the seminar pages and actions of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        assert window.services is not None
        self.window = window
        self.services = window.services
        self.card_view: CardView | None = None
        window.pages.register("dilemmas", self._make_dilemmas)
        window.pages.register("facilitator", self._make_facilitator)

        for name in SEMINAR_PAGES:
            action = QAction(icon(name), "", window)
            action.setObjectName(f"actionPage_{name}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, n=name: window.show_page(n))
            window.page_group.addAction(action)
            window.page_actions[name] = action
        window.page_actions["dilemmas"].setShortcut(QKeySequence("Ctrl+7"))
        window.page_actions["facilitator"].setShortcut(QKeySequence("Ctrl+8"))
        self.action_print = QAction(window)
        self.action_print.setObjectName("actionPrintDilemmas")
        self.action_print.triggered.connect(lambda _checked=False: self.print_cards())
        self.menu = QMenu(window)
        self.menu.setObjectName("seminarMenu")
        self.menu.addAction(window.page_actions["facilitator"])
        self.menu.addAction(window.page_actions["dilemmas"])
        self.menu.addSeparator()
        self.menu.addAction(self.action_print)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        window.toolbar.insertAction(
            window.page_actions["settings"], window.page_actions["facilitator"]
        )

        assert window.files is not None  # the cards are written by the window's file work
        window.files.started.connect(lambda kind: self._file_work(kind, True))
        window.files.finished.connect(lambda kind, _result: self._file_work(kind, False))
        window.files.failed.connect(lambda kind, _message: self._file_work(kind, False))
        # "Discuss" on the results page is wired where that page is built (window.page_factory).
        self.retranslate()

    @property
    def dilemmas(self) -> DilemmasPage:
        return cast("DilemmasPage", self.window.pages["dilemmas"])

    @property
    def facilitator(self) -> FacilitatorPage:
        return cast("FacilitatorPage", self.window.pages["facilitator"])

    def _make_dilemmas(self) -> QWidget:
        from ethics_tool.gui.pages.dilemmas import DilemmasPage

        page = DilemmasPage(self.services)
        page.present_requested.connect(self.present)
        page.print_requested.connect(self.print_cards)
        return page

    def _make_facilitator(self) -> QWidget:
        from ethics_tool.gui.pages.facilitator import FacilitatorPage

        page = FacilitatorPage()
        page.action_requested.connect(self._facilitator_action)
        # through the window: the home page may be made later than this one
        page.demo_requested.connect(lambda: self.window.home.create_demo())
        page.remove_demo_requested.connect(lambda: self.window.home.remove_demo())
        return page

    def retranslate(self) -> None:
        w = self.window
        w.page_actions["dilemmas"].setText(t("Dilemmas"))
        w.page_actions["dilemmas"].setToolTip(t("Ethics dilemmas to discuss in a seminar"))
        w.page_actions["dilemmas"].setStatusTip(t("Ethics dilemmas to discuss in a seminar"))
        w.page_actions["facilitator"].setText(t("Seminar"))
        w.page_actions["facilitator"].setToolTip(
            t("Facilitator mode: the seminar plan with a clock")
        )
        w.page_actions["facilitator"].setStatusTip(
            t("Facilitator mode: the seminar plan with a clock")
        )
        self.action_print.setText(t("Print dilemma &cards (PDF)…"))
        self.menu.setTitle(t("&Seminar"))

    # -- dilemmas -------------------------------------------------------------------------------
    def discuss(self, theme_ids: list[str]) -> None:
        """Open the Dilemmas page with the cards of ``theme_ids`` (weakest first)."""
        from ethics_tool.gui.pages.dilemmas import theme_titles

        titles = theme_titles(self.services)
        names = [f"{tid} {titles.get(tid, '')}".strip() for tid in theme_ids]
        self.window.show_page("dilemmas")
        count = self.dilemmas.suggest_for_themes(theme_ids, names)
        if not count:
            self.dilemmas.show_all()

    def present(self, card_id: str) -> CardView:
        from ethics_tool.gui.card_view import CardView

        deck = self.services.seminar.deck
        card = deck.get(card_id)
        number = self.dilemmas.numbers()[card_id]
        view = CardView(
            card,
            number,
            self.services.seminar,
            self.services.list_assessments(include_archived=False),
            self.window.current_id,
            self.window,
        )
        view.saved.connect(lambda _id: self.dilemmas.refresh())
        view.finished.connect(view.deleteLater)
        view.finished.connect(self._card_closed)
        self.card_view = view
        view.showFullScreen()
        return view

    def _card_closed(self) -> None:
        self.card_view = None

    def print_cards(self, card_ids: list[str] | None = None) -> bool:
        """Ask for a file and write the cards (all, or ``card_ids``) as a PDF off the GUI thread."""
        files = self.window.files
        if files is None or files.running(Job.CARDS):
            return False
        deck = self.services.seminar.deck
        numbers = {card.id: n for n, card in enumerate(deck.ordered(), start=1)}
        ids = card_ids if card_ids else list(numbers)
        cards = [deck.get(cid) for cid in ids if cid in deck.cards]
        if not cards:
            return False
        from ethics_tool.gui.pages.dilemmas import theme_titles

        lang = current_language()
        titles = theme_titles(self.services, lang)
        card_numbers = [numbers[card.id] for card in cards]

        def build(target: Path) -> None:
            from ethics_tool.report.cards import build_dilemma_cards

            build_dilemma_cards(cards, target, lang=lang, theme_titles=titles, numbers=card_numbers)

        return files.dilemma_cards(build)

    def _file_work(self, kind: str, running: bool) -> None:
        """Printing is offered again once the cards are written (or could not be)."""
        if kind == Job.CARDS:
            self.action_print.setEnabled(not running)

    # -- facilitator ----------------------------------------------------------------------------
    def _facilitator_action(self, action: str) -> None:
        w = self.window
        if action == "new_consensus":
            dialog = w.home.new_assessment()
            index = dialog.form.findData("quick")
            if index >= 0:
                dialog.form.setCurrentIndex(index)
            dialog.set_mode(Mode.CONSENSUS)
        elif action == "dilemmas":
            if w.current_id is not None:
                self.discuss(self.weakest_themes(w.current_id))
            else:
                w.show_page("dilemmas")
        elif action in ("results", "action_plan"):
            if w.current_id is None:
                w.show_message(t("Open an assessment on the home page first."))
                return
            w.show_page("results")
            if action == "action_plan":
                w.results.tabs.setCurrentIndex(w.results.tabs.count() - 1)

    def weakest_themes(self, assessment_id: int) -> list[str]:
        results = self.services.results(assessment_id)
        scored = [
            (theme.score, theme_id)
            for theme_id, theme in results.themes.items()
            if theme.score is not None
        ]
        return [theme_id for _score, theme_id in sorted(scored)[:WEAKEST]]


def install(window: MainWindow) -> SeminarKit:
    kit = SeminarKit(window)
    window.seminar = kit
    return kit
