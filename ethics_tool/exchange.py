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
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

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
from ethics_tool.domain.loader import form_to_json
from ethics_tool.domain.merge import (
    EPOCH,
    AnswerRecord,
    RespondentRecord,
    TransferredAssessment,
)
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.errors import UserError
from ethics_tool.i18n import t
from ethics_tool.scoring import Results

# 2: assessment lineage; per answer updated_at, installation and clock; comments without an answer.
FORMAT_VERSION = 2


class ExchangeError(UserError):
    """A file that cannot be imported or written; the message names the file and the problem."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ExportedAnswer(_Strict):
    question_id: Annotated[str, Field(min_length=1, max_length=64)]
    kind: AnswerKind | None  # None (version 2): a comment without an answer
    value: Annotated[int, Field(strict=True)] | None = None
    comment: str = ""
    updated_at: datetime | None = None
    installation: Annotated[str, Field(max_length=36)] = ""
    clock: dict[str, Annotated[int, Field(ge=1)]] = Field(default_factory=dict)


class ExportedRespondent(_Strict):
    uuid: Annotated[str, Field(min_length=1, max_length=36)]
    label: Annotated[str, Field(min_length=1, max_length=200)]
    role: Role
    answers: list[ExportedAnswer]


class ExportedAction(_Strict):
    question_id: Annotated[str, Field(max_length=64)] | None = None
    text: Annotated[str, Field(min_length=1)]
    responsible: Annotated[str, Field(max_length=200)] = ""
    deadline: date | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED


class ExportedAssessment(_Strict):
    # Lengths as the database columns (storage/tables.py), which PostgreSQL enforces.
    uuid: Annotated[str, Field(min_length=1, max_length=36)]
    lineage: Annotated[str, Field(min_length=1, max_length=36)] | None = None  # v1: the UUID
    municipality: Annotated[str, Field(min_length=1, max_length=200)]
    unit_type: Annotated[str, Field(max_length=60)]
    unit_name: Annotated[str, Field(max_length=200)] = ""
    assessed_on: date
    prepared_by: Annotated[str, Field(max_length=200)] = ""
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
    """The export as a JSON-ready dict (``data.records`` carries the answers with their history)."""
    info = data.info
    return {
        "format": "ethics-tool-assessment",
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "assessment": {
            "uuid": info.uuid,
            "lineage": info.lineage,
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
                "answers": [_answer_json(record) for record in records],
            }
            for person, records in zip(data.respondents, _records(data), strict=True)
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


def _records(data: AssessmentData) -> list[tuple[AnswerRecord, ...]]:
    if data.records is not None:
        return list(data.records)
    # Plain answers without history (e.g. built in memory): no clock, no installation.
    return [
        tuple(
            AnswerRecord(qid, answer.kind, answer.value, answer.comment)
            for qid, answer in given.answers.items()
        )
        + tuple(AnswerRecord(qid, None, None, text) for qid, text in given.notes.items())
        for given in data.answers
    ]


def _answer_json(record: AnswerRecord) -> dict[str, Any]:
    return {
        "question_id": record.question_id,
        "kind": record.kind.value if record.kind is not None else None,
        "value": record.value,
        "comment": record.comment,
        "updated_at": record.updated_at.isoformat() if record.updated_at != EPOCH else None,
        "installation": record.installation,
        "clock": dict(sorted(record.clock.items())),
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
            if answer.kind is None:  # a comment without an answer: only the question is checked
                if answer.question_id not in form.questions_by_id:
                    return f"{here}.question_id: " + t(
                        "question “{question}” is not in questionnaire “{form}”",
                        question=answer.question_id,
                        form=form.id,
                    )
                continue
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


def transfer_of(export: ExportFile) -> TransferredAssessment:
    """The plain domain view of a validated export (version 1 files: no history, UUID = lineage)."""
    meta = export.assessment
    return TransferredAssessment(
        uuid=meta.uuid,
        lineage=meta.lineage or meta.uuid,
        municipality=meta.municipality,
        unit_type=meta.unit_type,
        unit_name=meta.unit_name,
        assessed_on=meta.assessed_on,
        prepared_by=meta.prepared_by,
        mode=meta.mode,
        status=meta.status,
        is_demo=meta.is_demo,
        form=export.form,
        respondents=tuple(
            RespondentRecord(
                uuid=person.uuid,
                label=person.label,
                role=person.role,
                answers=tuple(
                    AnswerRecord(
                        question_id=a.question_id,
                        kind=a.kind,
                        value=a.value if a.kind is AnswerKind.LEVEL else None,
                        comment=a.comment,
                        updated_at=_naive_utc(a.updated_at) if a.updated_at else EPOCH,
                        installation=a.installation,
                        clock=dict(a.clock),
                    )
                    for a in person.answers
                ),
            )
            for person in export.respondents
        ),
        actions=tuple(
            ActionData(None, a.question_id, a.text, a.responsible, a.deadline, a.status, i)
            for i, a in enumerate(export.actions)
        ),
        format_version=export.format_version,
    )


def _naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    from datetime import UTC

    return moment.astimezone(UTC).replace(tzinfo=None)


def read_transfer(path: Path) -> TransferredAssessment:
    """Read, validate and convert an export file."""
    return transfer_of(read_export(path))
