"""The list of assessments (the home page, ``ethics-tool list``), read with SQLAlchemy's core only.

This is the one implementation of the list: :meth:`Services.list_assessments
<ethics_tool.services.assessments.AssessmentUseCases.list_assessments>` calls it, and the desktop
program calls it before the services (and ``sqlalchemy.orm``, pydantic and the questionnaire model)
are imported, to fill its home list as early as it can (docs/startup.md). It therefore imports
only the Core tables, the plain domain views and :mod:`ethics_tool.domain.form_summary`.

Four queries whatever the number of rows: the assessments without their large form snapshots,
one snapshot per form not summarised yet in this process, the answers given and the respondents
per assessment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, case, func, select

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.assessment import AssessmentInfo, AssessmentSummary, Status
from ethics_tool.domain.form_summary import FormSummary, summary_of
from ethics_tool.storage.core_tables import answer, assessment, respondent

if TYPE_CHECKING:
    from sqlalchemy import Row

    from ethics_tool.storage.tables import Assessment

# Every column of an assessment but its form snapshot.
_INFO_COLUMNS = [column for column in assessment.c if column.name != "form_snapshot"]


def info_of(row: Assessment | Row[Any]) -> AssessmentInfo:
    """The plain view of an assessment: from a mapped ``Assessment`` or a Core row of its table."""
    return AssessmentInfo(
        id=row.id,
        uuid=row.uuid,
        municipality=row.municipality,
        unit_type=row.unit_type,
        unit_name=row.unit_name,
        assessed_on=row.assessed_on,
        prepared_by=row.prepared_by,
        form_id=row.form_id,
        form_version=row.form_version,
        form_hash=row.form_hash,
        mode=Mode(row.mode),
        status=Status(row.status),
        is_demo=row.is_demo,
        previous_id=row.previous_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        lineage=row.lineage,
        round_label=row.round_label,
    )


def list_assessments(engine: Engine, include_archived: bool = True) -> list[AssessmentSummary]:
    """All assessments, newest first, with their form's title and their progress."""
    query = select(*_INFO_COLUMNS).order_by(assessment.c.assessed_on.desc(), assessment.c.id.desc())
    if not include_archived:
        query = query.where(assessment.c.status != Status.ARCHIVED.value)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        forms = _forms(conn, {row.form_hash for row in rows})
        counts = answer_counts(conn)
        people = respondent_counts(conn)
    out = []
    for row in rows:
        form = forms[row.form_hash]
        individual, group = people.get(row.id, (0, 0))
        mode = Mode(row.mode)
        scoring_people = group if mode is Mode.CONSENSUS else individual
        individual_answers, group_answers = counts.get(row.id, (0, 0))
        given = group_answers if mode is Mode.CONSENSUS else individual_answers
        expected = form.question_count * max(1, scoring_people)
        out.append(
            AssessmentSummary(
                info=info_of(row),
                form_title_lv=form.title_lv,
                form_title_en=form.title_en,
                n_respondents=individual,
                progress=min(100.0, 100.0 * given / expected) if expected else 0.0,
            )
        )
    return out


def _forms(conn: Connection, hashes: set[str]) -> dict[str, FormSummary]:
    """The summary of each form snapshot; a snapshot is read only once per process."""
    out: dict[str, FormSummary] = {}
    for form_hash in hashes:
        snapshot = conn.scalar(
            select(assessment.c.form_snapshot).where(assessment.c.form_hash == form_hash).limit(1)
        )
        out[form_hash] = summary_of(form_hash, snapshot or "")
    return out


def answer_counts(conn: Connection) -> dict[int, tuple[int, int]]:
    """(answers of individual respondents, answers of the group) per assessment, for progress."""
    is_group = case((respondent.c.role == Role.GROUP.value, 1), else_=0)
    rows = conn.execute(
        select(respondent.c.assessment_id, is_group, func.count(answer.c.id))
        .join(answer, answer.c.respondent_id == respondent.c.id)
        .where(answer.c.kind.is_not(None))
        .group_by(respondent.c.assessment_id, is_group)
    )
    out: dict[int, tuple[int, int]] = {}
    for aid, group, count in rows:
        individual, grp = out.get(aid, (0, 0))
        out[aid] = (individual, grp + count) if group else (individual + count, grp)
    return out


def respondent_counts(conn: Connection) -> dict[int, tuple[int, int]]:
    """(individual respondents, group respondents) per assessment."""
    rows = conn.execute(
        select(respondent.c.assessment_id, respondent.c.role, func.count(respondent.c.id)).group_by(
            respondent.c.assessment_id, respondent.c.role
        )
    )
    out: dict[int, tuple[int, int]] = {}
    for aid, role, count in rows:
        individual, group = out.get(aid, (0, 0))
        if role == Role.GROUP.value:
            group += count
        else:
            individual += count
        out[aid] = (individual, group)
    return out
