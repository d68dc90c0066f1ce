"""Dilemmas page: browse the deck by theme, search it, read a card, put it on the projector, print.

The list on the left shows the cards that match the theme, audience and search; the right shows the
selected card as the facilitator sees it (situation, options, the four questions, the note with the
rules, earlier sessions). "Discuss" on the results page opens this page with the cards of the
weakest themes (:meth:`DilemmasPage.suggest_for_themes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.citations import reference_text
from ethics_tool.domain.dilemmas import Audience, Dilemma, discussion_questions
from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.widgets.flow import FlowRow
from ethics_tool.i18n import current_language, format_date, t

if TYPE_CHECKING:
    from ethics_tool.seminar import SeminarService, SessionRecord
    from ethics_tool.services import Services

OPTION_LETTERS = "ABCD"


def theme_titles(services: Services, lang: str | None = None) -> dict[str, str]:
    """Short theme titles (T1 … T12) from the quick check, else from any form."""
    lang = lang or current_language()
    forms = services.catalog.forms
    form = forms.get("quick") or next(iter(forms.values()), None)
    if form is None:
        return {}
    return {theme.id: theme.title.get(lang) for theme in form.themes}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def card_html(
    number: int,
    card: Dilemma,
    lang: str,
    themes: dict[str, str],
    sessions: Sequence[SessionRecord] = (),
) -> str:
    """The card as rich text for the detail view."""
    theme_text = ", ".join(f"{tid} {themes.get(tid, '')}".strip() for tid in card.themes)
    roles = "; ".join(role.get(lang) for role in card.roles)
    options = "".join(
        f"<p><b>{letter}</b>&nbsp;&nbsp;{_esc(option.get(lang))}</p>"
        for letter, option in zip(OPTION_LETTERS, card.options, strict=False)
    )
    questions = "".join(f"<li>{_esc(q)}</li>" for q in discussion_questions(lang))
    refs = "".join(f"<li>{_esc(reference_text(ref))}</li>" for ref in card.references)
    header = t("Dilemma {number}", number=number)
    involved = t("Involved")
    what = t("What could be done?")
    discuss = t("Discuss")
    facilitator = t("For the facilitator")
    parts = [
        f"<p style='color:palette(mid)'>{_esc(header)} · {_esc(theme_text)}</p>",
        f"<h2>{_esc(card.title.get(lang))}</h2>",
        f"<p><b>{_esc(involved)}:</b> {_esc(roles)}</p>",
        f"<p>{_esc(card.situation.get(lang))}</p>",
        f"<h3>{_esc(what)}</h3>{options}",
        f"<h3>{_esc(discuss)}</h3><ol>{questions}</ol>",
        f"<h3>{_esc(facilitator)}</h3><p>{_esc(card.note.get(lang))}</p>",
        f"<ul>{refs}</ul>",
    ]
    if sessions:
        rows = []
        for record in sessions:
            counts = ", ".join(
                f"{letter} {count}"
                for letter, count in zip(OPTION_LETTERS, record.tallies, strict=False)
            )
            minutes = t("{minutes} min", minutes=round(record.discussion_seconds / 60))
            rows.append(
                f"<li>{_esc(format_date(record.held_at.date()))}: {_esc(counts)} · "
                f"{_esc(minutes)}"
                + (f"<br/><i>{_esc(record.notes)}</i>" if record.notes else "")
                + "</li>"
            )
        earlier = t("Earlier sessions")
        parts.append(f"<h3>{_esc(earlier)}</h3><ul>{''.join(rows)}</ul>")
    return "".join(parts)


class DilemmasPage(QWidget):
    """The deck: filters on top, the list left, the selected card right."""

    present_requested = Signal(str)  # a card id: show it full screen
    print_requested = Signal(list)  # card ids to print

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dilemmasPage")
        self.services = services
        self.seminar: SeminarService = services.seminar
        self._suggested: list[str] | None = None  # card ids of a "discuss" request

        self.title = ScaledLabel(1.3, bold=True)
        self.title.setObjectName("dilemmasTitle")
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("dilemmasSuggestion")
        self.suggestion.setWordWrap(True)
        self.show_all_button = QPushButton()
        self.show_all_button.setObjectName("dilemmasShowAll")
        self.show_all_button.clicked.connect(self.show_all)

        self.theme = QComboBox()
        self.theme.setObjectName("dilemmaTheme")
        self.theme_label = QLabel()
        self.theme_label.setBuddy(self.theme)
        self.audience = QComboBox()
        self.audience.setObjectName("dilemmaAudience")
        self.audience_label = QLabel()
        self.audience_label.setBuddy(self.audience)
        self.search = QLineEdit()
        self.search.setObjectName("dilemmaSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.theme.currentIndexChanged.connect(lambda _i: self.refresh())
        self.audience.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(lambda _t: self.refresh())

        self.list = QListWidget()
        self.list.setObjectName("dilemmaList")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda _c, _p: self._show_selected())
        self.list.itemActivated.connect(lambda _item: self._present())
        self.detail = QTextBrowser()
        self.detail.setObjectName("dilemmaDetail")
        self.detail.setOpenLinks(False)
        self.count = QLabel()
        self.count.setObjectName("dilemmaCount")

        self.present_button = QPushButton()
        self.present_button.setObjectName("presentDilemma")
        self.present_button.clicked.connect(self._present)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printDilemmas")
        self.print_button.clicked.connect(self._print)

        pairs: list[QWidget] = []
        for label, widget in (
            (self.theme_label, self.theme),
            (self.audience_label, self.audience),
            (self.search_label, self.search),
        ):
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(label)
            pair_layout.addWidget(widget, 1)
            pairs.append(pair)
        self.search.setMinimumWidth(220)
        # the filters wrap onto a second line rather than widen the window (large text)
        filters = FlowRow(pairs)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion, 1)
        suggestion_row.addWidget(self.show_all_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("dilemmaSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.present_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(suggestion_row)
        layout.addWidget(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(t("Ethics dilemmas"))
        deck = self.seminar.deck
        self.intro.setText(
            t(
                "Situations from municipal life to discuss in a seminar: read the situation, "
                "reveal the options, count a show of hands, then discuss the four questions."
            )
        )
        if deck.errors:
            self.intro.setText(
                self.intro.text()
                + "\n"
                + t("Cards not loaded: {files}", files="; ".join(e.first_line for e in deck.errors))
            )
        self.theme_label.setText(t("&Theme:"))
        self.audience_label.setText(t("&For:"))
        self.search_label.setText(t("&Search:"))
        self.search.setPlaceholderText(t("a word in the title or situation"))
        self.show_all_button.setText(t("Show all cards"))
        self.present_button.setText(t("Show on the projector"))
        self.present_button.setToolTip(t("The selected card full screen, step by step (Enter)"))
        self.print_button.setText(t("Print cards (PDF)…"))
        self.print_button.setToolTip(
            t("The cards in the list, four to a page, with the facilitator's notes")
        )
        self._fill_filters()
        self.refresh()

    def _fill_filters(self) -> None:
        theme = self.theme.currentData()
        audience = self.audience.currentData()
        titles = theme_titles(self.services)
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(t("All themes"), "")
        covered = self.seminar.deck.themes_covered()
        for tid, title in titles.items():
            if tid in covered:
                self.theme.addItem(f"{tid}. {title}", tid)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme or "")))
        self.theme.blockSignals(False)
        self.audience.blockSignals(True)
        self.audience.clear()
        self.audience.addItem(t("Everyone"), "")
        self.audience.addItem(t("Councillors"), Audience.COUNCIL.value)
        self.audience.addItem(t("Staff"), Audience.ADMINISTRATION.value)
        self.audience.setCurrentIndex(max(0, self.audience.findData(audience or "")))
        self.audience.blockSignals(False)

    # -- the list -----------------------------------------------------------------------------
    def numbers(self) -> dict[str, int]:
        return {card.id: n for n, card in enumerate(self.seminar.deck.ordered(), start=1)}

    def visible_cards(self) -> list[Dilemma]:
        lang = current_language()
        deck = self.seminar.deck
        if self._suggested is not None:
            cards = [deck.get(cid) for cid in self._suggested if cid in deck.cards]
        else:
            cards = deck.search(self.search.text(), str(self.theme.currentData() or ""), lang)
        audience = str(self.audience.currentData() or "")
        if audience:
            cards = [c for c in cards if c.audience in (Audience(audience), Audience.ANY)]
        if self._suggested is not None and self.search.text().strip():
            cards = [c for c in cards if c.matches(self.search.text(), lang)]
        return cards

    def refresh(self) -> None:
        lang = current_language()
        selected = self.selected_id()
        numbers = self.numbers()
        titles = theme_titles(self.services)
        self.list.blockSignals(True)
        self.list.clear()
        for card in self.visible_cards():
            themes = ", ".join(card.themes)
            item = QListWidgetItem(f"{numbers[card.id]}. {card.title.get(lang)}\n{themes}")
            item.setData(Qt.ItemDataRole.UserRole, card.id)
            item.setToolTip(", ".join(titles.get(tid, tid) for tid in card.themes))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.count.setText(
            t("{shown} of {total} cards", shown=self.list.count(), total=len(self.seminar.deck))
        )
        self.suggestion.setVisible(self._suggested is not None)
        self.show_all_button.setVisible(self._suggested is not None)
        row = next((i for i in range(self.list.count()) if self._item_id(i) == selected), 0)
        if self.list.count():
            self.list.setCurrentRow(row)
        self._show_selected()
        has = self.list.count() > 0
        self.present_button.setEnabled(has)
        self.print_button.setEnabled(has)

    def _item_id(self, row: int) -> str:
        item = self.list.item(row)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def selected_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select(self, card_id: str) -> bool:
        for row in range(self.list.count()):
            if self._item_id(row) == card_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def _show_selected(self) -> None:
        card_id = self.selected_id()
        if not card_id:
            empty = t("No card matches the filter.")
            self.detail.setHtml(f"<p>{_esc(empty)}</p>")
            return
        card = self.seminar.deck.get(card_id)
        sessions = self.seminar.sessions(dilemma_id=card_id)
        self.detail.setHtml(
            card_html(
                self.numbers()[card_id],
                card,
                current_language(),
                theme_titles(self.services),
                sessions,
            )
        )

    # -- "discuss" from the results page ------------------------------------------------------
    def suggest_for_themes(self, theme_ids: Sequence[str], names: Sequence[str]) -> int:
        """Show only the cards of ``theme_ids`` (weakest first); returns how many there are."""
        cards = self.seminar.deck.for_themes(theme_ids, limit=8)
        self._suggested = [card.id for card in cards]
        self.suggestion.setText(
            t("Cards for the weakest themes: {themes}", themes="; ".join(names))
        )
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh()
        return len(cards)

    def show_all(self) -> None:
        self._suggested = None
        self.refresh()

    # -- actions ------------------------------------------------------------------------------
    def _present(self) -> None:
        card_id = self.selected_id()
        if card_id:
            self.present_requested.emit(card_id)

    def _print(self) -> None:
        self.print_requested.emit([card.id for card in self.visible_cards()])
