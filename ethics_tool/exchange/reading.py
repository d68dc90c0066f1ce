"""Reading an export file: strict JSON within the size limits, the format's models, then the same
answer rules as in the program; the result is a plain :class:`TransferredAssessment`. A bad file is
refused with a message naming the field; nothing is written anywhere."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, Role
from ethics_tool.domain.assessment import ActionData
from ethics_tool.domain.checks import (
    MAX_DEPTH,
    MAX_EXPORT_FILE_BYTES,
    format_loc,
    json_syntax_problem,
    pydantic_message,
    shape_problem,
)
from ethics_tool.domain.merge import EPOCH, AnswerRecord, RespondentRecord, TransferredAssessment
from ethics_tool.exchange.schema import FORMAT_VERSION, ExchangeError, ExportFile
from ethics_tool.i18n import t


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
        raise ExchangeError(json_syntax_problem(path, exc)) from None
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
        round_label=meta.round_label,
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
