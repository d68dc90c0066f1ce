"""Several computers on one database: a conflict message instead of a silent overwrite.

Each program remembers the versions of the answers and action-plan rows it showed
(``ServiceBase.seen``, see :mod:`ethics_tool.storage.versions`). A save of something that was
changed on another computer after it was shown here is refused with :class:`ConflictError`, and
so is a save that loses a race at the database (two computers writing the same row at the same
moment). Respondents answering the same assessment on several computers write separate rows and
never meet here.

The assessment's revision counts every change; :meth:`SharingUseCases.changed_elsewhere` tells a
change made elsewhere from this program's own, for the GUI's "changed on another computer" bar.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ethics_tool.i18n import t
from ethics_tool.services.base import ConflictError, ServiceBase
from ethics_tool.storage import versions

__all__ = [
    "ConflictError",
    "SharingUseCases",
    "action_clashes",
    "answer_clashes",
    "changed_meanwhile",
]


def _is_answer_clash(exc: IntegrityError) -> bool:
    """Two computers inserted the same respondent's answer to the same question at once."""
    text = str(exc.orig)
    return "uq_answer_respondent_id" in text or "answer.respondent_id, answer.question_id" in text


def answer_conflict(questions: Iterable[str]) -> ConflictError:
    return ConflictError(
        t(
            "{questions}: someone else changed this answer on another computer after it was "
            "shown here; your choice was not saved. Reload to see their answer, then choose "
            "again.",
            questions=", ".join(questions),
        )
    )


def action_conflict(text: str) -> ConflictError:
    return ConflictError(
        t(
            "“{action}”: someone else changed this action on another computer after it was "
            "shown here; your change was not saved. Reload to see theirs, then change it "
            "again.",
            action=text.strip()[:80],
        )
    )


@contextmanager
def answer_clashes(questions: Iterable[str]) -> Iterator[None]:
    """Turn a stale or clashing answer write inside the block into :class:`ConflictError`."""
    asked = list(questions)
    try:
        yield
    except versions.Stale as exc:
        raise answer_conflict(exc.items) from None
    except StaleDataError:
        raise answer_conflict(asked) from None
    except IntegrityError as exc:
        if not _is_answer_clash(exc):
            raise
        raise answer_conflict(asked) from None


@contextmanager
def action_clashes(text: str) -> Iterator[None]:
    """Turn a stale action-plan write inside the block into :class:`ConflictError`."""
    try:
        yield
    except (versions.Stale, StaleDataError):
        raise action_conflict(text) from None


@contextmanager
def changed_meanwhile(message: str) -> Iterator[None]:
    """A whole-assessment write (a merge, a plan import) that met a change made meanwhile."""
    try:
        yield
    except (versions.Stale, StaleDataError):
        raise ConflictError(message) from None
    except IntegrityError as exc:
        if not _is_answer_clash(exc):
            raise
        raise ConflictError(message) from None


class SharingUseCases(ServiceBase):
    """Whether the assessment on screen was changed on another computer."""

    def revision(self, assessment_id: int) -> int | None:
        """The assessment's change counter (``None`` once it was deleted)."""
        with self._session() as session:
            return versions.revision(session, assessment_id)

    def changed_elsewhere(self, assessment_id: int, since: int) -> bool:
        """Whether someone else changed the assessment after its revision ``since``."""
        own = versions.own_revisions(self.db.sessions)
        return own.changed_elsewhere(assessment_id, since, self.revision(assessment_id))
