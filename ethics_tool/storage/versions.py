"""Several computers on one database: row versions, assessment revisions, what this one has seen.

* ``answer.version`` and ``action_item.version`` are SQLAlchemy version counters: every UPDATE
  checks the version it read and increments it, so two transactions never overwrite each other
  unseen (the loser gets ``StaleDataError``).
* :class:`Seen` remembers the versions a program last *showed* the user (answers per respondent,
  action-plan rows). A save whose row has moved on since then is refused with :class:`Stale`
  before anything is written: the user decided on something that is no longer there.
* ``assessment.revision`` grows with every flush that changes an assessment, its respondents,
  answers or action plan (:func:`track`, one event hook on the session factory, so no use case
  can forget it). The revisions a program produced itself are remembered per database
  (:class:`OwnRevisions`), so it can tell a change made on another computer from its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, select, update
from sqlalchemy.orm import Session, sessionmaker

from ethics_tool.storage import core_tables
from ethics_tool.storage.tables import ActionItem, Answer, Assessment, Respondent

PENDING = "ethics_tool.pending_revisions"
BUMPED = "ethics_tool.bumped_assessments"
OWN = "ethics_tool.own_revisions"


class Stale(Exception):
    """Rows changed elsewhere since this program showed them: ``items`` names them."""

    def __init__(self, items: Iterable[str]) -> None:
        self.items = list(items)
        super().__init__(", ".join(self.items))


# -- what this program has shown --------------------------------------------------------------------
@dataclass
class Seen:
    """The row versions this program last showed (per program, i.e. per computer)."""

    # respondent ID -> question ID -> version; a respondent present here was shown, and a
    # question missing for it had no row then.
    answers: dict[int, dict[str, int]] = field(default_factory=dict)
    actions: dict[int, int] = field(default_factory=dict)  # action ID -> version

    def remember_answers(self, session: Session, respondent_ids: Iterable[int]) -> None:
        ids = list(respondent_ids)
        seen: dict[int, dict[str, int]] = {rid: {} for rid in ids}
        if ids:
            rows = session.execute(
                select(Answer.respondent_id, Answer.question_id, Answer.version).where(
                    Answer.respondent_id.in_(ids)
                )
            )
            for rid, qid, version in rows:
                seen[rid][qid] = version
        self.answers.update(seen)

    def expected(self, respondent_id: int) -> Mapping[str, int] | None:
        """The versions shown for this respondent (None: never shown, nothing to compare)."""
        return self.answers.get(respondent_id)

    def answers_saved(self, respondent_id: int, rows: Iterable[Answer]) -> None:
        shown = self.answers.get(respondent_id)
        if shown is not None:
            for row in rows:
                shown[row.question_id] = row.version

    def forget_respondent(self, respondent_id: int) -> None:
        self.answers.pop(respondent_id, None)

    def remember_actions(self, rows: Iterable[ActionItem]) -> None:
        self.actions.update({row.id: row.version for row in rows})

    def check_action(self, action_id: int, row: ActionItem | None, text: str) -> None:
        """Raise :class:`Stale` when the row shown here was changed or deleted elsewhere since."""
        shown = self.actions.get(action_id)
        if shown is None:
            return
        if row is None or row.version != shown:
            raise Stale([text])

    def action_saved(self, row: ActionItem) -> None:
        self.actions[row.id] = row.version

    def forget_action(self, action_id: int) -> None:
        self.actions.pop(action_id, None)


def check_answers(
    expected: Mapping[str, int] | None, existing: Mapping[str, Answer], questions: Iterable[str]
) -> None:
    """Raise :class:`Stale` for every question whose stored row moved on since it was shown."""
    if expected is None:
        return
    changed = [
        qid
        for qid in questions
        if (existing[qid].version if qid in existing else 0) != expected.get(qid, 0)
    ]
    if changed:
        raise Stale(changed)


# -- assessment revisions ---------------------------------------------------------------------------
@dataclass
class OwnRevisions:
    """The assessment revisions this program's own commits produced."""

    by_assessment: dict[int, set[int]] = field(default_factory=dict)

    def add(self, pairs: Iterable[tuple[int, int]]) -> None:
        for assessment_id, revision in pairs:
            self.by_assessment.setdefault(assessment_id, set()).add(revision)

    def changed_elsewhere(self, assessment_id: int, since: int, current: int | None) -> bool:
        """Whether a revision after ``since`` up to ``current`` was not produced here."""
        if current is None:  # deleted
            return True
        own = self.by_assessment.get(assessment_id, set())
        return current < since or any(r not in own for r in range(since + 1, current + 1))


def own_revisions(sessions: sessionmaker[Session]) -> OwnRevisions:
    own = sessions.kw.get("info", {}).get(OWN)
    if not isinstance(own, OwnRevisions):
        raise RuntimeError("the session factory is not tracked (versions.track)")
    return own


def revision(session: Session, assessment_id: int) -> int | None:
    value = session.scalar(select(Assessment.revision).where(Assessment.id == assessment_id))
    return None if value is None else int(value)


def _assessment_of(obj: object) -> int | None:
    """The assessment an object belongs to, when it is known without a query."""
    if isinstance(obj, Assessment):
        return obj.id
    if isinstance(obj, Respondent | ActionItem):
        if obj.assessment_id is not None:
            return obj.assessment_id
        parent = obj.__dict__.get("assessment")
        return parent.id if isinstance(parent, Assessment) else None
    return None


def _changed_assessments(session: Session) -> set[int]:
    ids: set[int] = set()
    respondent_ids: set[int] = set()
    removed = {obj.id for obj in session.deleted if isinstance(obj, Assessment)}
    changed = [
        *session.new,
        *session.deleted,
        *(obj for obj in session.dirty if session.is_modified(obj)),
    ]
    for obj in changed:
        if isinstance(obj, Answer):
            if obj.respondent_id is not None:
                respondent_ids.add(obj.respondent_id)
            else:
                person = obj.__dict__.get("respondent")
                found = _assessment_of(person) if person is not None else None
                if found is not None:
                    ids.add(found)
            continue
        if isinstance(obj, Assessment) and obj in session.new:
            continue  # a new assessment starts at revision 0
        found = _assessment_of(obj)
        if found is not None:
            ids.add(found)
    if respondent_ids:
        ids.update(
            session.connection().scalars(
                select(Respondent.assessment_id).where(Respondent.id.in_(respondent_ids))
            )
        )
    return {i for i in ids if i is not None} - removed


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    # One step per transaction, however many flushes it makes: fewer writes, and on SQLite the
    # row (with its large form snapshot) is rewritten in place as long as its size stays.
    bumped: set[int] = session.info.setdefault(BUMPED, set())
    ids = _changed_assessments(session) - bumped
    if not ids:
        return
    bumped.update(ids)
    rows = session.connection().execute(
        update(core_tables.assessment)
        .where(core_tables.assessment.c.id.in_(sorted(ids)))
        .values(revision=core_tables.assessment.c.revision + 1)
        .returning(core_tables.assessment.c.id, core_tables.assessment.c.revision)
    )
    session.info.setdefault(PENDING, []).extend((int(a), int(r)) for a, r in rows)


def _after_commit(session: Session) -> None:
    session.info.pop(BUMPED, None)
    pending = session.info.pop(PENDING, None)
    own = session.info.get(OWN)
    if pending and isinstance(own, OwnRevisions):
        own.add(pending)


def _after_rollback(session: Session) -> None:
    session.info.pop(PENDING, None)
    session.info.pop(BUMPED, None)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """The session factory of a database: objects stay readable after a commit; :func:`track`."""
    return track(sessionmaker(engine, expire_on_commit=False))


def track(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Count assessment revisions in every session of ``sessions`` (returns it, for chaining)."""
    info = sessions.kw.setdefault("info", {})
    if OWN in info:
        return sessions
    info[OWN] = OwnRevisions()
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_commit", _after_commit)
    event.listen(sessions, "after_rollback", _after_rollback)
    return sessions
