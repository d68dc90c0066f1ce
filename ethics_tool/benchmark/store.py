"""The collector's benchmark set and the loaded references, in the application's database.

Functions take an open session; the caller (services) owns the transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ethics_tool.storage.tables import BenchReference, BenchSubmission, BenchThemeScore

from .aggregate import SetKey
from .format import Reference, Submission


@dataclass
class ImportReport:
    """What importing a batch of benchmark files did, file by file."""

    added: list[Path] = field(default_factory=list)
    replaced: list[Path] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)


@dataclass(frozen=True)
class SetInfo:
    key: SetKey
    count: int


def add_submission(session: Session, submission: Submission, checksum: str) -> str:
    """Store one submission; returns "added", "replaced" (a re-sent, changed file) or "duplicate"."""
    existing = session.scalar(
        select(BenchSubmission).where(BenchSubmission.submission_id == submission.submission_id)
    )
    if existing is not None and existing.checksum == checksum:
        return "duplicate"
    outcome = "added"
    if existing is not None:
        session.delete(existing)
        session.flush()
        outcome = "replaced"
    row = BenchSubmission(
        submission_id=submission.submission_id,
        checksum=checksum,
        form_id=submission.form_id,
        form_version=submission.form_version,
        form_hash=submission.form_hash,
        year=submission.year,
        municipality_type=submission.municipality_type,
        size_class=submission.size_class,
        unit_type=submission.unit_type,
        overall=submission.overall,
        coverage=submission.coverage,
        payload=submission.model_dump_json(),
    )
    row.themes.extend(
        BenchThemeScore(theme_id=tid, score=s.score, climate=s.climate, coverage=s.coverage)
        for tid, s in submission.themes.items()
    )
    session.add(row)
    session.flush()
    return outcome


def submissions(session: Session, key: SetKey | None = None) -> list[Submission]:
    query = select(BenchSubmission.payload).order_by(BenchSubmission.id)
    if key is not None:
        query = query.where(
            BenchSubmission.form_id == key.form_id,
            BenchSubmission.form_hash == key.form_hash,
            BenchSubmission.year == key.year,
        )
    return [Submission.model_validate_json(text) for text in session.scalars(query)]


def sets(session: Session) -> list[SetInfo]:
    """The comparable parts of the set (form version and year), largest first."""
    rows = session.execute(
        select(
            BenchSubmission.form_id,
            BenchSubmission.form_version,
            BenchSubmission.form_hash,
            BenchSubmission.year,
            func.count(BenchSubmission.id),
        ).group_by(
            BenchSubmission.form_id,
            BenchSubmission.form_version,
            BenchSubmission.form_hash,
            BenchSubmission.year,
        )
    ).all()
    out = [SetInfo(SetKey(f, v, h, y), n) for f, v, h, y, n in rows]
    out.sort(key=lambda s: (-s.key.year, -s.count, s.key.form_id))
    return out


def clear(session: Session) -> int:
    rows = session.scalars(select(BenchSubmission)).all()
    for row in rows:
        session.delete(row)
    return len(rows)


def save_reference(session: Session, reference: Reference, checksum: str) -> bool:
    """Keep a loaded reference; False when the same file was loaded before."""
    if session.scalar(select(BenchReference.id).where(BenchReference.checksum == checksum)):
        return False
    session.add(
        BenchReference(
            checksum=checksum,
            form_id=reference.form_id,
            form_version=reference.form_version,
            year=reference.year,
            payload=reference.model_dump_json(),
        )
    )
    session.flush()
    return True


def references(session: Session, form_id: str) -> list[Reference]:
    """Loaded references for a questionnaire, newest year (then newest loaded) first."""
    rows = session.scalars(
        select(BenchReference.payload)
        .where(BenchReference.form_id == form_id)
        .order_by(BenchReference.year.desc(), BenchReference.id.desc())
    )
    return [Reference.model_validate(json.loads(text)) for text in rows]
