"""What the list of assessments shows of a stored form snapshot, read without the pydantic model.

Every assessment keeps the form it is answered with as a JSON snapshot
(:func:`~ethics_tool.domain.loader.form_to_json` of a validated
:class:`~ethics_tool.domain.questionnaire.Questionnaire`). The home list and ``ethics-tool list``
need only its title and its number of questions. Reading those two from the JSON is a few
milliseconds and needs neither pydantic nor the questionnaire model, so the desktop program can
fill its list before that model is imported (docs/startup.md). The snapshot was validated when it
was written; :func:`summarize` checks only the shape of what it reads and says which part is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ethics_tool.errors import UserError
from ethics_tool.i18n import t


class SnapshotError(UserError):
    """A stored form snapshot that is not the JSON of a questionnaire (a damaged row)."""


@dataclass(frozen=True)
class FormSummary:
    """A questionnaire's titles and its number of questions (as ``Questionnaire.question_count``)."""

    title_lv: str
    title_en: str
    question_count: int


def summarize(snapshot: str) -> FormSummary:
    """The titles and the question count of a form snapshot."""
    try:
        data: Any = json.loads(snapshot)
        title = data["title"]
        count = sum(len(theme["questions"]) for theme in data["themes"])
        return FormSummary(str(title["lv"]), str(title["en"]), count)
    except (ValueError, TypeError, KeyError) as exc:
        raise SnapshotError(
            t(
                "a stored questionnaire is damaged ({problem})",
                problem=f"{type(exc).__name__}: {exc}",
            )
        ) from None


_SUMMARIES: dict[str, FormSummary] = {}


def summary_of(snapshot_hash: str, snapshot: str) -> FormSummary:
    """:func:`summarize`, remembered per snapshot hash (a snapshot never changes under its hash)."""
    summary = _SUMMARIES.get(snapshot_hash)
    if summary is None:
        summary = _SUMMARIES[snapshot_hash] = summarize(snapshot)
    return summary
