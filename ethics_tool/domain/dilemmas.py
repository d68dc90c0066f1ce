"""Dilemma cards for seminars: what a file in ``forms/dilemmas/`` may contain.

One card per file. A card is a short municipal situation with no obvious answer, discussed with the
same four questions on every card (the KS Norway method): which values are at stake, who is
affected, how could it be handled, how is it handled here. Cards are data, parsed once into these
frozen models and validated like the questionnaires (see :mod:`ethics_tool.domain.dilemma_loader`).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ethics_tool.domain.questionnaire import ID_PATTERN, Reference, Text
from ethics_tool.i18n import t

# The twelve themes shared by every questionnaire (T1 leadership … T12 roles and public funds).
THEME_IDS = tuple(f"T{n}" for n in range(1, 13))
_THEME = re.compile(r"^T([1-9]|1[0-2])$")
MIN_OPTIONS = 3
MAX_OPTIONS = 4


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Audience(StrEnum):
    """Who the dilemma is mainly for: councillors, staff of the administration, or both."""

    COUNCIL = "council"
    ADMINISTRATION = "administration"
    ANY = "any"


class Dilemma(_Model):
    """One dilemma card."""

    format: Literal[1] = 1
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    title: Text
    audience: Audience = Audience.ANY
    themes: Annotated[list[str], Field(min_length=1, max_length=4)]
    roles: Annotated[list[Text], Field(min_length=1, max_length=6)]
    situation: Text
    options: Annotated[list[Text], Field(min_length=MIN_OPTIONS, max_length=MAX_OPTIONS)]
    note: Text  # the facilitator's note: the rules that apply and good practice
    references: Annotated[list[Reference], Field(min_length=1)]

    @field_validator("themes")
    @classmethod
    def _known_themes(cls, themes: list[str]) -> list[str]:
        bad = [theme for theme in themes if not _THEME.match(theme)]
        if bad:
            raise ValueError(
                f"unknown theme id(s) {', '.join(map(repr, bad))}; use T1 … T12 as in the forms"
            )
        if len(set(themes)) != len(themes):
            raise ValueError("a theme is listed twice")
        return themes

    def matches(self, needle: str, lang: str) -> bool:
        """True when ``needle`` (case-insensitive) is in the card's title, situation or roles."""
        needle = needle.strip().casefold()
        if not needle:
            return True
        texts = [self.title, self.situation, *self.roles, *self.options]
        return any(
            needle in text.get(lang).casefold() or needle in text.get("lv").casefold()
            for text in texts
        )


def discussion_questions(lang: str | None = None) -> list[str]:
    """The four questions asked about every card, in ``lang``."""
    return [
        t("Which values are at stake?", lang),
        t("Who is affected, and how?", lang),
        t("How could it be handled?", lang),
        t("How is it handled here, in our municipality?", lang),
    ]
