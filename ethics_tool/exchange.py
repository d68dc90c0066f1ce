"""Versioned JSON export and import of one assessment (for archives and merging several computers).

The export holds the form snapshot, the metadata, every respondent's answers and comments, the action
plan and, for readers, the computed results. Import validates the whole file before it touches the
database and refuses a bad file with a message naming the field.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ethics_tool import __version__
from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus, AssessmentData, Status
from ethics_tool.domain.loader import form_hash, form_to_json
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.errors import UserError
from ethics_tool.i18n import t
from ethics_tool.scoring import Results

if TYPE_CHECKING:
    from ethics_tool.services import Services

FORMAT_VERSION = 1


class ExchangeError(UserError):
    """A file that cannot be imported or written; the message names the file and the problem."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ExportedAnswer(_Strict):
    question_id: Annotated[str, Field(min_length=1)]
    kind: AnswerKind
    value: int | None = None
    comment: str = ""


class ExportedRespondent(_Strict):
    uuid: Annotated[str, Field(min_length=1)]
    label: Annotated[str, Field(min_length=1)]
    role: Role
    answers: list[ExportedAnswer]


class ExportedAction(_Strict):
    question_id: str | None = None
    text: Annotated[str, Field(min_length=1)]
    responsible: str = ""
    deadline: date | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED


class ExportedAssessment(_Strict):
    uuid: Annotated[str, Field(min_length=1)]
    municipality: Annotated[str, Field(min_length=1)]
    unit_type: str
    unit_name: str = ""
    assessed_on: date
    prepared_by: str = ""
    mode: Mode
    status: Status = Status.IN_PROGRESS
    is_demo: bool = False


class ExportFile(_Strict):
    format: Literal["ethics-tool-assessment"]
    format_version: int
    app_version: str = ""
    assessment: ExportedAssessment
    form: Questionnaire
    respondents: list[ExportedRespondent]
    actions: list[ExportedAction] = Field(default_factory=list)


def _results_json(results: Results) -> dict[str, Any]:
    data = asdict(results)
    data["mode"] = results.mode.value
    for question in data["questions"].values():
        question["item_type"] = str(question["item_type"])
    for priority in data["priorities"]:
        priority["recommendations"] = [
            rec.model_dump(mode="json") for rec in priority["recommendations"]
        ]
    return data


def export_document(data: AssessmentData, results: Results) -> dict[str, Any]:
    """The export as a JSON-ready dict."""
    info = data.info
    return {
        "format": "ethics-tool-assessment",
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "assessment": {
            "uuid": info.uuid,
            "municipality": info.municipality,
            "unit_type": info.unit_type,
            "unit_name": info.unit_name,
            "assessed_on": info.assessed_on.isoformat(),
            "prepared_by": info.prepared_by,
            "mode": info.mode.value,
            "status": info.status.value,
            "is_demo": info.is_demo,
            "form_id": info.form_id,
            "form_version": info.form_version,
            "form_hash": info.form_hash,
        },
        "form": json.loads(form_to_json(data.form)),
        "respondents": [
            {
                "uuid": person.uuid,
                "label": person.label,
                "role": person.role.value,
                "answers": [
                    {
                        "question_id": qid,
                        "kind": answer.kind.value,
                        "value": answer.value,
                        "comment": answer.comment,
                    }
                    for qid, answer in answers.answers.items()
                ],
            }
            for person, answers in zip(data.respondents, data.answers, strict=True)
        ],
        "actions": [
            {
                "question_id": action.question_id,
                "text": action.text,
                "responsible": action.responsible,
                "deadline": action.deadline.isoformat() if action.deadline else None,
                "status": action.status.value,
            }
            for action in data.actions
        ],
        "results": _results_json(results),
    }


def write_export(data: AssessmentData, results: Results, path: Path) -> None:
    """Write the JSON export atomically (temporary file, then rename)."""
    text = json.dumps(export_document(data, results), ensure_ascii=False, indent=2)
    _write_atomic(path, text)


def _write_atomic(path: Path, text: str) -> None:
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise ExchangeError(
            t("cannot write {path}: {reason}", path=path, reason=exc.strerror)
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExchangeError(
            t("cannot write {path}: {reason}", path=path, reason=exc.strerror)
        ) from None


def _format_loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_export(path: Path) -> ExportFile:
    """Read and validate an export file; raise :class:`ExchangeError` naming the problem."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else t("not UTF-8 text")
        raise ExchangeError(t("cannot read {path}: {reason}", path=path, reason=reason)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            t(
                "{path}: not valid JSON (line {line}, column {column}: {reason})",
                path=path,
                line=exc.lineno,
                column=exc.colno,
                reason=exc.msg,
            )
        ) from None
    if not isinstance(data, dict) or data.get("format") != "ethics-tool-assessment":
        raise ExchangeError(
            t("{path}: not an ethics self-assessment export (no “format” field)", path=path)
        )
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ExchangeError(
            t(
                "{path}: format_version {version} is not supported by this version "
                "(supports up to {supported}); please update the program",
                path=path,
                version=version,
                supported=FORMAT_VERSION,
            )
        )
    try:
        export = ExportFile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = _format_loc(tuple(error["loc"]))
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise ExchangeError(f"{path}: {where}: {error['msg']}{more}") from None
    _check_answers(path, export)
    return export


def _check_answers(path: Path, export: ExportFile) -> None:
    form = export.form
    ids = {q.id for _, q in form.iter_questions()}
    seen: set[str] = set()
    for ri, person in enumerate(export.respondents):
        if person.uuid in seen:
            raise ExchangeError(
                t(
                    "{path}: respondents[{index}]: respondent “{label}” appears twice",
                    path=path,
                    index=ri,
                    label=person.label,
                )
            )
        seen.add(person.uuid)
        for ai, answer in enumerate(person.answers):
            where = f"{path}: respondents[{ri}].answers[{ai}]"
            if answer.question_id not in ids:
                raise ExchangeError(
                    t(
                        "{where}: unknown question “{question}”",
                        where=where,
                        question=answer.question_id,
                    )
                )
            question = form.question(answer.question_id)
            if answer.kind is AnswerKind.LEVEL:
                scale = form.scale.levels if question.type == "maturity" else form.scale.agreement
                if answer.value not in [level.value for level in scale]:
                    raise ExchangeError(
                        t(
                            "{where}: level {level} is not on the scale",
                            where=where,
                            level=answer.value,
                        )
                    )


def import_file(services: Services, path: Path, merge_into: int | None = None) -> int:
    """Import an export as a new assessment, or merge its respondents into an existing one.

    Merging (answers from several computers) adds each respondent; a respondent already present
    (same UUID) is replaced, never doubled. The whole import is one transaction.
    """
    export = read_export(path)
    from ethics_tool.storage import repository as repo
    from ethics_tool.storage.tables import Assessment, Respondent

    snapshot = form_to_json(export.form)
    with services.db.sessions() as session, session.begin():
        if merge_into is not None:
            target = session.get(Assessment, merge_into)
            if target is None:
                raise ExchangeError(t("no assessment with ID {id}", id=merge_into))
            if target.form_hash != form_hash(snapshot):
                raise ExchangeError(
                    t(
                        "{path}: answered with a different questionnaire ({form}) "
                        "than assessment {id} ({target})",
                        path=path,
                        form=f"{export.form.id} {export.form.version}",
                        id=merge_into,
                        target=f"{target.form_id} {target.form_version}",
                    )
                )
        else:
            existing = (
                session.query(Assessment).filter_by(uuid=export.assessment.uuid).one_or_none()
            )
            if existing is not None:
                raise ExchangeError(
                    t(
                        "{path}: this assessment is already in the database (ID {id}); "
                        "delete it first or merge the file into it",
                        path=path,
                        id=existing.id,
                    )
                )
            meta = export.assessment
            target = Assessment(
                uuid=meta.uuid,
                municipality=meta.municipality,
                unit_type=meta.unit_type,
                unit_name=meta.unit_name,
                assessed_on=meta.assessed_on,
                prepared_by=meta.prepared_by,
                form_id=export.form.id,
                form_version=export.form.version,
                form_hash=form_hash(snapshot),
                form_snapshot=snapshot,
                mode=meta.mode.value,
                status=meta.status.value,
                is_demo=meta.is_demo,
            )
            session.add(target)
            target.actions.extend(
                repo.action_row(
                    ActionData(None, a.question_id, a.text, a.responsible, a.deadline, a.status), i
                )
                for i, a in enumerate(export.actions)
            )
        by_uuid = {r.uuid: r for r in target.respondents}
        position = max((r.position for r in target.respondents), default=-1) + 1
        for person in export.respondents:
            if person.role is Role.GROUP and merge_into is not None:
                group = next((r for r in target.respondents if r.role == Role.GROUP.value), None)
                if group is not None and group.uuid != person.uuid:
                    raise ExchangeError(
                        t(
                            "{path}: the assessment already has the group's agreed answers",
                            path=path,
                        )
                    )
            old = by_uuid.get(person.uuid)
            if old is not None:
                target.respondents.remove(old)
                session.flush()
            respondent = Respondent(
                uuid=person.uuid, label=person.label, role=person.role.value, position=position
            )
            position += 1
            respondent.answers.extend(
                repo.answer_row(a.question_id, AnswerValue(a.kind, a.value, a.comment))
                for a in person.answers
            )
            target.respondents.append(respondent)
        if merge_into is not None and Mode(target.mode) is Mode.SINGLE:
            individuals = [r for r in target.respondents if r.role != Role.GROUP.value]
            if len(individuals) > 1:
                target.mode = Mode.INDIVIDUAL.value
        session.flush()
        return target.id
