"""The export document of one assessment (form snapshot, metadata, answers with their history,
action plan and, for readers, the computed results), written atomically."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ethics_tool import __version__
from ethics_tool.atomic_write import write_text_atomically
from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.domain.loader import form_to_json
from ethics_tool.domain.merge import EPOCH, AnswerRecord
from ethics_tool.exchange.schema import FORMAT_VERSION, ExchangeError
from ethics_tool.scoring import Results


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
            "round_label": info.round_label,
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
    write_text_atomically(path, text, ExchangeError)
