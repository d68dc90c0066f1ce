"""Assessments between computers: JSON export, import as new, merge answer by answer; the
backup taken before a merge; the lines that tell the user what an import or merge did."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ethics_tool.domain.answers import AnswerKind, Role
from ethics_tool.domain.loader import form_hash, form_to_json
from ethics_tool.domain.merge import AnswerRecord, MergeSummary, TransferredAssessment
from ethics_tool.i18n import t
from ethics_tool.services.base import ServiceError
from ethics_tool.services.results import ResultUseCases
from ethics_tool.services.sharing import changed_meanwhile
from ethics_tool.storage import repository as repo
from ethics_tool.storage.tables import Assessment

log = logging.getLogger(__name__)


class TransferUseCases(ResultUseCases):
    """Export to JSON, import or merge a JSON file, back up the database file."""

    def export_json(self, assessment_id: int, path: Path) -> None:
        from ethics_tool import exchange

        data = self.load(assessment_id, with_history=True)
        exchange.write_export(data, self.score(data), path)
        log.info("exported assessment %s to %s", assessment_id, path)

    def import_json(self, path: Path, merge_into: int | None = None) -> MergeSummary:
        """Import an export as a new assessment, or merge it answer by answer into ``merge_into``.

        The whole file is validated first; the import is one transaction. A merge never deletes an
        answer; see :mod:`ethics_tool.domain.merge` for how both-sides changes are settled.
        """
        from ethics_tool import exchange

        transfer = exchange.read_transfer(path)
        if merge_into is None:
            summary = self._import_new(path, transfer)
            log.info(
                "imported %s as assessment %s (%d respondents, %d answers)",
                path,
                summary.assessment_id,
                len(summary.respondents_added),
                summary.added,
            )
        else:
            summary = self._merge(path, transfer, merge_into)
            log.info(
                "merged %s into assessment %s: %d respondents added, %d answers added, "
                "%d updated, %d unchanged, %d conflicts",
                path,
                merge_into,
                len(summary.respondents_added),
                summary.added,
                summary.updated,
                summary.unchanged,
                len(summary.conflicts),
            )
            for conflict in summary.conflicts:
                log.info(
                    "conflict %s / %s: kept %s (%s), set aside %s (%s)",
                    conflict.respondent,
                    conflict.question_id,
                    conflict.kept.content,
                    conflict.kept.updated_at,
                    conflict.other.content,
                    conflict.other.updated_at,
                )
        return summary

    def _import_new(self, path: Path, transfer: TransferredAssessment) -> MergeSummary:
        with self._session() as session, session.begin():
            existing = session.scalars(
                select(Assessment).where(Assessment.uuid == transfer.uuid)
            ).one_or_none()
            if existing is not None:
                raise ServiceError(
                    t(
                        "{path}: this assessment is already in the database (ID {id}); "
                        "delete it first or merge the file into it",
                        path=path,
                        id=existing.id,
                    )
                )
            row = repo.assessment_from_transfer(transfer)
            session.add(row)
            session.flush()
            summary = MergeSummary(assessment_id=row.id, created=True)
            summary.respondents_added = [person.label for person in transfer.respondents]
            summary.added = sum(len(person.answers) for person in transfer.respondents)
            return summary

    def _merge(self, path: Path, transfer: TransferredAssessment, merge_into: int) -> MergeSummary:
        snapshot_hash = form_hash(form_to_json(transfer.form))
        with self._session() as session:
            # A missing or finished assessment is reported before anything is written (a file
            # of another assessment is told as that: reopening would not help).
            target = self._get(session, merge_into)
            if target.lineage == transfer.lineage:
                self._refuse_if_finished(target)
        self.backup_now("before-merge")
        meanwhile = t(
            "{path}: someone changed the same answers on another computer while the file was "
            "being merged; nothing was merged. Merge the file again.",
            path=path,
        )
        with changed_meanwhile(meanwhile), self._session() as session, session.begin():
            target = self._get(session, merge_into)
            if target.lineage != transfer.lineage:
                raise ServiceError(
                    t(
                        "{path} belongs to another assessment: {source}. It can only be merged "
                        "into that assessment, not into {target}",
                        path=path,
                        source=transfer.describe(),
                        target=_describe(target),
                    ),
                    details=self._lineage_hint(session, transfer),
                )
            same_edition = (transfer.form.id, transfer.form.version) == (
                target.form_id,
                target.form_version,
            )
            if target.form_hash != snapshot_hash and same_edition:
                raise ServiceError(
                    t(
                        "{path}: the text of questionnaire {form} in the file differs from the "
                        "one assessment {id} was answered with",
                        path=path,
                        form=f"{transfer.form.id} {transfer.form.version}",
                        id=merge_into,
                    ),
                    details=[
                        t(
                            "The questionnaire file was changed on one of the computers without "
                            "a new version number. Merge only files answered with the same "
                            "questionnaire text, or import the file as a new assessment."
                        )
                    ],
                )
            if target.form_hash != snapshot_hash:
                raise ServiceError(
                    t(
                        "{path}: answered with a different questionnaire ({form}) "
                        "than assessment {id} ({target})",
                        path=path,
                        form=f"{transfer.form.id} {transfer.form.version}",
                        id=merge_into,
                        target=f"{target.form_id} {target.form_version}",
                    )
                )
            group = next((r for r in target.respondents if r.role == Role.GROUP.value), None)
            for person in transfer.respondents:
                if person.role is Role.GROUP and group is not None and group.uuid != person.uuid:
                    raise ServiceError(
                        t(
                            "{path}: the assessment already has the group's agreed answers",
                            path=path,
                        )
                    )
            self._refuse_if_finished(target)  # finished meanwhile
            summary = repo.merge_transfer(session, target, transfer)
            if summary.changed:
                target.updated_at = func.current_timestamp()
            return summary

    @staticmethod
    def _lineage_hint(session: Session, transfer: TransferredAssessment) -> list[str]:
        same = session.scalars(
            select(Assessment).where(Assessment.lineage == transfer.lineage)
        ).first()
        if same is not None:
            return [t("In this database that is assessment {id}.", id=same.id)]
        return [
            t(
                "Import the file as a new assessment, or merge only files exported from a copy "
                "of this assessment."
            )
        ]

    def backup_now(self, reason: str = "manual") -> Path | None:
        """A consistent copy of the database file into its backup folder (None for a server)."""
        if self.db.path is None or self.db.read_only:
            return None
        from ethics_tool.storage.backup import create_backup

        return create_backup(self.db.path, reason)


def _describe(row: Assessment) -> str:
    unit = row.unit_name or row.unit_type
    return (
        f"{row.municipality} — {unit}, {row.assessed_on.isoformat()} ({row.form_id}, ID {row.id})"
    )


def record_text(record: AnswerRecord) -> str:
    """One side of a merge conflict for the user: the answer, its comment and when it changed."""
    if record.kind is None:
        answer = t("no answer")
    elif record.kind is AnswerKind.NA:
        answer = t("Not applicable")
    elif record.kind is AnswerKind.UNKNOWN:
        answer = t("Don't know")
    else:
        answer = str(record.value)
    if record.comment:
        comment = record.comment if len(record.comment) <= 60 else record.comment[:59] + "…"
        answer += f" “{comment}”"
    if record.updated_at.year > 1970:
        answer += " " + t("(changed {time} UTC)", time=record.updated_at.strftime("%Y-%m-%d %H:%M"))
    return answer


def summary_lines(summary: MergeSummary) -> list[str]:
    """What an import or merge did, one line each (the CLI prints them, the GUI shows them)."""
    lines = []
    if summary.created:
        lines.append(t("Imported as assessment {id}", id=summary.assessment_id))
    else:
        lines.append(t("Merged into assessment {id}", id=summary.assessment_id))
    names = ", ".join(summary.respondents_added) if summary.respondents_added else "—"
    lines.append(
        t(
            "Respondents added: {count} ({names})",
            count=len(summary.respondents_added),
            names=names,
        )
    )
    lines.append(
        t(
            "Answers added: {added}, updated: {updated}, unchanged: {unchanged}, "
            "conflicts: {conflicts}",
            added=summary.added,
            updated=summary.updated,
            unchanged=summary.unchanged,
            conflicts=len(summary.conflicts),
        )
    )
    for conflict in summary.conflicts:
        lines.append(
            t(
                "Conflict {respondent} / {question}: kept {kept}; set aside {other}",
                respondent=conflict.respondent,
                question=conflict.question_id,
                kept=record_text(conflict.kept),
                other=record_text(conflict.other),
            )
        )
    return lines
