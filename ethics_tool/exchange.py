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
from ethics_tool.domain.checks import (
    MAX_DEPTH,
    MAX_EXPORT_FILE_BYTES,
    format_loc,
    pydantic_message,
    shape_problem,
)
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
    value: Annotated[int, Field(strict=True)] | None = None
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


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _BadConstant(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKey(key)
        data[key] = value
    return data


def _refuse_constant(name: str) -> Any:
    raise _BadConstant(name)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _parse_json(path: Path) -> Any:
    """The file's JSON, after the size, encoding and syntax checks; names the problem."""
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_FILE_BYTES:
            raise ExchangeError(
                t(
                    "{path}: the file is too large ({size} MB; an export may have at most "
                    "{limit} MB)",
                    path=path,
                    size=_mb(size),
                    limit=_mb(MAX_EXPORT_FILE_BYTES),
                )
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(
            t("cannot read {path}: {reason}", path=path, reason=exc.strerror or str(exc))
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(
            t(
                "{path}: not UTF-8 text (byte {position})",
                path=path,
                position=exc.start + 1,
            )
        ) from None
    try:
        return json.loads(
            text, object_pairs_hook=_object_without_duplicates, parse_constant=_refuse_constant
        )
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
    except _DuplicateKey as exc:
        raise ExchangeError(
            t("{path}: the key “{key}” appears twice in one object", path=path, key=exc.key)
        ) from None
    except _BadConstant as exc:
        raise ExchangeError(
            t("{path}: “{value}” is not a number JSON allows", path=path, value=exc.name)
        ) from None
    except RecursionError:
        raise ExchangeError(
            t("{path}: nested more than {limit} levels deep", path=path, limit=MAX_DEPTH)
        ) from None
    except ValueError:
        # The only other ValueError json raises: an integer with thousands of digits.
        raise ExchangeError(t("{path}: a number is too long", path=path)) from None


def read_export(path: Path) -> ExportFile:
    """Read and validate an export file; raise :class:`ExchangeError` naming the problem.

    The file must pass the same rules as answers typed in the program (``Questionnaire.answer_problem``)
    and the size limits of :mod:`ethics_tool.domain.checks`; nothing is written anywhere.
    """
    path = Path(path)
    data = _parse_json(path)
    if not isinstance(data, dict) or data.get("format") != "ethics-tool-assessment":
        raise ExchangeError(
            t("{path}: not an ethics self-assessment export (no “format” field)", path=path)
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise ExchangeError(
            t(
                "{path}: format_version {version} is not supported by this version "
                "(supports up to {supported}); please update the program",
                path=path,
                version=version,
                supported=FORMAT_VERSION,
            )
        )
    shape = shape_problem(data)
    if shape is not None:
        where, reason = shape
        raise ExchangeError(f"{path}: {where or '(file)'}: {reason}")
    try:
        export = ExportFile.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        lines = [f"{format_loc(e['loc']) or '(file)'}: {pydantic_message(e)}" for e in errors]
        more = " " + t("(and {count} more)", count=len(lines) - 1) if len(lines) > 1 else ""
        raise ExchangeError(f"{path}: {lines[0]}{more}", lines[1:10]) from None
    problem = export_problem(export)
    if problem is not None:
        raise ExchangeError(f"{path}: {problem}")
    return export


def export_problem(export: ExportFile) -> str | None:
    """The first rule an export breaks as ``"<path inside the file>: <reason>"``, or ``None``.

    Answers get exactly the checks the program applies when a person answers
    (:meth:`Questionnaire.answer_problem`); respondents and actions the rules of the services.
    """
    form = export.form
    meta = export.assessment
    if not meta.municipality.strip():
        return "assessment.municipality: " + t("the municipality must not be empty")
    seen: set[str] = set()
    groups = 0
    for ri, person in enumerate(export.respondents):
        where = f"respondents[{ri}]"
        if person.uuid in seen:
            return f"{where}.uuid: " + t("respondent “{label}” appears twice", label=person.label)
        seen.add(person.uuid)
        if not person.label.strip():
            return f"{where}.label: " + t("a respondent needs a label (e.g. “Deputāts 1”)")
        if person.role is Role.GROUP:
            groups += 1
            if meta.mode is not Mode.CONSENSUS:
                return f"{where}.role: " + t(
                    "the group's agreed answers belong to a consensus assessment only"
                )
            if groups > 1:
                return f"{where}.role: " + t("the group's agreed answers appear twice")
        answered: dict[str, int] = {}
        for ai, answer in enumerate(person.answers):
            here = f"{where}.answers[{ai}]"
            if answer.question_id in answered:
                return (
                    here
                    + ": "
                    + t(
                        "question “{question}” is answered twice by this respondent "
                        "(first in answers[{first}])",
                        question=answer.question_id,
                        first=answered[answer.question_id],
                    )
                )
            answered[answer.question_id] = ai
            problem = form.answer_problem(
                answer.question_id, AnswerValue(answer.kind, answer.value, answer.comment)
            )
            if problem is not None:
                return f"{here}: {problem}"
    if meta.mode is Mode.CONSENSUS and groups == 0:
        return "respondents: " + t("a consensus assessment needs the group's agreed answers")
    for ai, action in enumerate(export.actions):
        if action.question_id is not None and action.question_id not in form.questions_by_id:
            return f"actions[{ai}].question_id: " + t(
                "question “{question}” is not in questionnaire “{form}”",
                question=action.question_id,
                form=form.id,
            )
        if not action.text.strip():
            return f"actions[{ai}].text: " + t("must not be empty")
    return None


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
