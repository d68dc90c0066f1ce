"""Load the dilemma deck: every ``*.yaml`` in ``forms/dilemmas/``, one card per file.

Problems are reported the way the questionnaire loader reports them (file, line, field path,
reason). A broken card is skipped and listed in :attr:`Deck.errors`; the rest of the deck loads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from ethics_tool.domain.dilemmas import THEME_IDS, Dilemma
from ethics_tool.domain.loader import (
    FormError,
    Problem,
    _format_loc,
    load_folders,
)
from ethics_tool.domain.yaml_nodes import DuplicateKeyLoader, SafeLoader, line_of

DILEMMA_FOLDER = "dilemmas"


class DilemmaError(FormError):
    """A dilemma file that cannot be used; ``str()`` lists every problem with its line."""


@dataclass
class Deck:
    """The cards that loaded, in file order, and the files that did not."""

    cards: dict[str, Dilemma] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    errors: list[DilemmaError] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.cards)

    def get(self, card_id: str) -> Dilemma:
        return self.cards[card_id]

    def ordered(self) -> list[Dilemma]:
        return list(self.cards.values())

    def by_theme(self, theme_id: str) -> list[Dilemma]:
        return [card for card in self.cards.values() if theme_id in card.themes]

    def search(self, text: str = "", theme_id: str = "", lang: str = "lv") -> list[Dilemma]:
        """Cards of ``theme_id`` (any theme when empty) whose texts contain ``text``."""
        return [
            card
            for card in self.cards.values()
            if (not theme_id or theme_id in card.themes) and card.matches(text, lang)
        ]

    def for_themes(self, theme_ids: Iterable[str], limit: int = 6) -> list[Dilemma]:
        """Cards for the given themes, best first: a card about the first theme comes first."""
        order = {theme: rank for rank, theme in enumerate(theme_ids)}
        scored = []
        for position, card in enumerate(self.cards.values()):
            ranks = [order[theme] for theme in card.themes if theme in order]
            if ranks:
                scored.append((min(ranks), -len(ranks), position, card))
        scored.sort(key=lambda item: item[:3])
        return [item[3] for item in scored[:limit]]

    def themes_covered(self) -> set[str]:
        return {theme for card in self.cards.values() for theme in card.themes}


def parse_dilemma(text: str, source: str = "<dilemma>") -> Dilemma:
    """Parse and validate one card given as YAML text; raise :class:`DilemmaError`."""
    try:
        data = yaml.load(text, Loader=DuplicateKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise DilemmaError(source, [Problem("", f"invalid YAML: {reason}", line)]) from None
    if not isinstance(data, dict):
        raise DilemmaError(
            source,
            [Problem("", "the file must contain a mapping (id, title, situation, options…)")],
        )
    try:
        return Dilemma.model_validate(data)
    except ValidationError as exc:
        root = yaml.compose(text, Loader=SafeLoader)
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            message = str(error["msg"])
            if message.startswith("Value error, "):
                message = message[len("Value error, ") :]
            if error["type"] == "missing":
                message = "required field is missing"
            elif error["type"] == "extra_forbidden":
                message = "unknown field (check the spelling against forms/dilemmas/README.md)"
            elif error["type"] == "too_short" and loc and loc[0] == "options":
                message = "a card needs 3 or 4 options"
            elif error["type"] == "too_long" and loc and loc[0] == "options":
                message = "a card has at most 4 options"
            problems.append(Problem(_format_loc(loc), message, line_of(root, loc)))
        raise DilemmaError(source, problems) from None


def load_dilemma(path: Path) -> Dilemma:
    """Load one card file; the error names the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DilemmaError(str(path), [Problem("", f"not UTF-8 text ({exc.reason})")]) from None
    except OSError as exc:
        raise DilemmaError(str(path), [Problem("", f"cannot read file: {exc.strerror}")]) from None
    return parse_dilemma(text, str(path))


def load_deck(directories: Iterable[Path]) -> Deck:
    """Every card in ``directories`` (each a ``dilemmas`` folder); bad files are collected."""
    deck = Deck()
    load_folders(
        directories,
        load_dilemma,
        DilemmaError,
        deck.cards,
        deck.sources,
        deck.errors,
        lambda card_id, other: f"card id {card_id!r} already used by {other}",
    )
    return deck


def deck_dirs(forms_dirs: Iterable[Path]) -> list[Path]:
    """The ``dilemmas`` folder inside each forms folder (built-in, extra, the user's)."""
    return [directory / DILEMMA_FOLDER for directory in forms_dirs]


__all__ = ["THEME_IDS", "Deck", "DilemmaError", "deck_dirs", "load_deck", "parse_dilemma"]
