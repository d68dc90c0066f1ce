"""Seminar use cases: the dilemma deck and the record of each dilemma discussed in a seminar.

A *dilemma session* is one card discussed with a group: the show-of-hands count per option, the
length of the discussion and the facilitator's notes. It can be attached to an assessment (the
seminar in which the municipality looked at its results). Like :mod:`ethics_tool.services`, every
method is one unit of work and takes and returns plain objects, never ORM rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ethics_tool.domain.dilemma_loader import Deck, deck_dirs, load_deck
from ethics_tool.domain.dilemmas import MAX_OPTIONS
from ethics_tool.errors import UserError
from ethics_tool.i18n import t
from ethics_tool.storage.db import Database
from ethics_tool.storage.tables import Assessment, DilemmaSession

MAX_COUNT = 100_000  # a show of hands; anything larger is a typing slip


class SeminarError(UserError):
    """A dilemma session that cannot be saved as asked."""


@dataclass(frozen=True)
class SessionRecord:
    """One discussed dilemma: counts per option (A, B, C, D), notes, minutes, the assessment."""

    dilemma_id: str
    dilemma_title: str = ""
    tallies: tuple[int, ...] = ()
    notes: str = ""
    discussion_seconds: int = 0
    assessment_id: int | None = None
    held_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    is_demo: bool = False
    id: int | None = None
    uuid: str = ""

    @property
    def votes(self) -> int:
        return sum(self.tallies)


@cache
def builtin_deck() -> Deck:
    """The built-in cards plus any in the user's ``forms/dilemmas`` folders (loaded once)."""
    from ethics_tool import paths

    return load_deck(deck_dirs(paths.forms_dirs()))


def _record_of(row: DilemmaSession) -> SessionRecord:
    try:
        tallies = tuple(int(v) for v in json.loads(row.tallies or "[]"))
    except (ValueError, TypeError):  # a hand-edited row: keep the rest readable
        tallies = ()
    return SessionRecord(
        id=row.id,
        uuid=row.uuid,
        dilemma_id=row.dilemma_id,
        dilemma_title=row.dilemma_title,
        tallies=tallies,
        notes=row.notes,
        discussion_seconds=row.discussion_seconds,
        assessment_id=row.assessment_id,
        held_at=row.held_at,
        is_demo=row.is_demo,
    )


def _check(record: SessionRecord) -> None:
    if not record.dilemma_id.strip():
        raise SeminarError(t("a dilemma session needs the card it is about"))
    if len(record.tallies) > MAX_OPTIONS:
        raise SeminarError(
            t(
                "a card has at most {n} options, got {count} counts",
                n=MAX_OPTIONS,
                count=len(record.tallies),
            )
        )
    for count in record.tallies:
        if not 0 <= count <= MAX_COUNT:
            raise SeminarError(
                t(
                    "a count of hands must be between 0 and {max}, got {count}",
                    max=MAX_COUNT,
                    count=count,
                )
            )
    if record.discussion_seconds < 0:
        raise SeminarError(t("the discussion time cannot be negative"))


class SeminarService:
    """Dilemma sessions over one database; the deck is loaded on first use."""

    def __init__(self, db: Database, deck: Deck | None = None) -> None:
        self.db = db
        self._deck = deck

    @property
    def deck(self) -> Deck:
        if self._deck is None:
            self._deck = builtin_deck()
        return self._deck

    def _session(self) -> Session:
        return self.db.sessions()

    @staticmethod
    def _assessment_exists(session: Session, assessment_id: int | None) -> None:
        if assessment_id is not None and session.get(Assessment, assessment_id) is None:
            raise SeminarError(t("no assessment with ID {id}", id=assessment_id))

    def save(self, record: SessionRecord) -> int:
        """Store a new session, or update the one with ``record.id``; returns its ID."""
        _check(record)
        with self._session() as session, session.begin():
            self._assessment_exists(session, record.assessment_id)
            if record.id is None:
                row = DilemmaSession(dilemma_id=record.dilemma_id)
                session.add(row)
            else:
                found = session.get(DilemmaSession, record.id)
                if found is None:
                    raise SeminarError(t("no dilemma session with ID {id}", id=record.id))
                row = found
            row.dilemma_id = record.dilemma_id
            row.dilemma_title = record.dilemma_title[:200]
            row.tallies = json.dumps(list(record.tallies))
            row.notes = record.notes
            row.discussion_seconds = int(record.discussion_seconds)
            row.assessment_id = record.assessment_id
            row.held_at = record.held_at
            row.is_demo = record.is_demo
            session.flush()
            return row.id

    def save_many(self, records: Iterable[SessionRecord]) -> list[int]:
        """Store several new sessions in one transaction (the demo story)."""
        items = list(records)
        for record in items:
            _check(record)
        with self._session() as session, session.begin():
            rows = []
            for record in items:
                self._assessment_exists(session, record.assessment_id)
                row = DilemmaSession(
                    dilemma_id=record.dilemma_id,
                    dilemma_title=record.dilemma_title[:200],
                    tallies=json.dumps(list(record.tallies)),
                    notes=record.notes,
                    discussion_seconds=record.discussion_seconds,
                    assessment_id=record.assessment_id,
                    held_at=record.held_at,
                    is_demo=record.is_demo,
                )
                session.add(row)
                rows.append(row)
            session.flush()
            return [row.id for row in rows]

    def get(self, session_id: int) -> SessionRecord:
        with self._session() as session:
            row = session.get(DilemmaSession, session_id)
            if row is None:
                raise SeminarError(t("no dilemma session with ID {id}", id=session_id))
            return _record_of(row)

    def sessions(
        self, assessment_id: int | None = None, dilemma_id: str | None = None
    ) -> list[SessionRecord]:
        """Sessions, newest first; only those of an assessment or a card when given."""
        query = select(DilemmaSession).order_by(
            DilemmaSession.held_at.desc(), DilemmaSession.id.desc()
        )
        if assessment_id is not None:
            query = query.where(DilemmaSession.assessment_id == assessment_id)
        if dilemma_id is not None:
            query = query.where(DilemmaSession.dilemma_id == dilemma_id)
        with self._session() as session:
            return [_record_of(row) for row in session.scalars(query)]

    def attach(self, session_id: int, assessment_id: int | None) -> None:
        """Attach a session to an assessment (``None`` detaches it)."""
        with self._session() as session, session.begin():
            row = session.get(DilemmaSession, session_id)
            if row is None:
                raise SeminarError(t("no dilemma session with ID {id}", id=session_id))
            self._assessment_exists(session, assessment_id)
            row.assessment_id = assessment_id

    def delete(self, session_id: int) -> None:
        with self._session() as session, session.begin():
            row = session.get(DilemmaSession, session_id)
            if row is None:
                raise SeminarError(t("no dilemma session with ID {id}", id=session_id))
            session.delete(row)

    def delete_demo(self) -> int:
        with self._session() as session, session.begin():
            result = session.execute(delete(DilemmaSession).where(DilemmaSession.is_demo.is_(True)))
            return int(getattr(result, "rowcount", 0) or 0)
