"""The benchmark file format: anonymous submissions and published references, with a checksum.

A file is a JSON envelope::

    {"format": "ethics-tool-benchmark", "format_version": 1, "app_version": "…",
     "created": "2026-12-01T14:30:00", "payload": {…}, "checksum": "sha256:…"}

The checksum is the SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8) of ``format``,
``format_version`` and ``payload``. It detects a file changed by hand or damaged on the way; it is not
a signature (anyone with the program could write a new file). Validation refuses unknown fields, so
nothing can be slipped into a file that the user did not see.

A **submission** (``kind: submission``) is what one municipality sends: the form's id, version and
hash, the year, the municipality type and size class, the unit type, mode and number of respondents,
the overall and per-theme scores, band and coverage. Question-level scores and the municipality's
name are included only when the user chooses them. Never names of people, comments or answers.

A **reference** (``kind: reference``) is what the collector publishes: quartiles per theme and overall
for every group of at least :data:`MIN_GROUP` municipalities, and nothing about a single one.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ethics_tool import __version__
from ethics_tool.atomic_write import write_text_atomically
from ethics_tool.domain.answers import Mode
from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.domain.checks import json_syntax_problem
from ethics_tool.domain.questionnaire import Text
from ethics_tool.errors import UserError
from ethics_tool.i18n import N_, current_language, t, translations
from ethics_tool.scoring import Results

FORMAT = "ethics-tool-benchmark"
FORMAT_VERSION = 1
MIN_GROUP = 5  # the smallest group whose aggregates are shown or published
SUFFIX = ".etbench"
from ethics_tool.benchmark import MUNICIPALITY_TYPES as MUNICIPALITY_TYPES  # noqa: E402
from ethics_tool.benchmark import SIZE_CLASSES as SIZE_CLASSES  # noqa: E402

MUNICIPALITY_TYPE_LABELS = {"valstspilseta": N_("State city"), "novads": N_("Novads")}
SIZE_CLASS_LABELS = {
    "lt20k": N_("under 20 000 residents"),
    "20k-50k": N_("20 000–49 999 residents"),
    "50k+": N_("50 000 residents or more"),
}

Percent = Annotated[float, Field(ge=0, le=100)]
Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{32,64}$")]


class BenchmarkError(UserError):
    """A benchmark file that cannot be written, read or used; the message names file and field."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ThemeScore(_Model):
    score: Percent | None
    climate: Percent | None = None
    coverage: Percent


class QuestionScore(_Model):
    score: Percent | None
    mean_level: Annotated[float, Field(ge=0, le=5)] | None
    n_level: Annotated[int, Field(ge=0)]
    n_na: Annotated[int, Field(ge=0)]
    n_unknown: Annotated[int, Field(ge=0)]


class Submission(_Model):
    kind: Literal["submission"]
    submission_id: Hex
    form_id: Annotated[str, Field(min_length=1, max_length=64)]
    form_version: Annotated[str, Field(min_length=1, max_length=20)]
    form_hash: Hex
    year: Annotated[int, Field(ge=2000, le=2100)]
    municipality_type: Literal["valstspilseta", "novads"]
    size_class: Literal["lt20k", "20k-50k", "50k+"]
    unit_type: Annotated[str, Field(min_length=1, max_length=60)]
    mode: Mode
    n_respondents: Annotated[int, Field(ge=1)]
    overall: Percent | None
    band_index: Annotated[int, Field(ge=0)] | None
    coverage: Percent
    themes: Annotated[dict[str, ThemeScore], Field(min_length=1)]
    questions: dict[str, QuestionScore] | None = None
    municipality: Annotated[str, Field(min_length=1, max_length=200)] | None = None


class Stats(_Model):
    n: Annotated[int, Field(ge=MIN_GROUP)]
    q1: Percent
    median: Percent
    q3: Percent

    @model_validator(mode="after")
    def _ordered(self) -> Stats:
        if not self.q1 <= self.median <= self.q3:
            raise ValueError("quartiles out of order (q1 ≤ median ≤ q3)")
        return self


class Group(_Model):
    key: Annotated[str, Field(pattern=r"^(all|type:[a-z0-9+-]+|size:[a-z0-9+-]+)$")]
    overall: Stats | None = None
    themes: dict[str, Stats] = Field(default_factory=dict)


class Reference(_Model):
    kind: Literal["reference"]
    form_id: Annotated[str, Field(min_length=1, max_length=64)]
    form_version: Annotated[str, Field(min_length=1, max_length=20)]
    form_hash: Hex
    year: Annotated[int, Field(ge=2000, le=2100)]
    publisher: str = ""
    min_group: Annotated[int, Field(ge=MIN_GROUP)] = MIN_GROUP
    themes: dict[str, Text]  # theme id -> title, to show and to map by id
    groups: list[Group]

    def group(self, key: str) -> Group | None:
        return next((g for g in self.groups if g.key == key), None)


Document = Submission | Reference


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def checksum(format_version: int, payload: dict[str, Any]) -> str:
    body = {"format": FORMAT, "format_version": format_version, "payload": payload}
    return "sha256:" + hashlib.sha256(canonical(body)).hexdigest()


def envelope(document: Document) -> dict[str, Any]:
    payload = document.model_dump(mode="json", exclude_none=False)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created": datetime.now().replace(microsecond=0).isoformat(),
        "payload": payload,
        "checksum": checksum(FORMAT_VERSION, payload),
    }


def file_text(document: Document) -> str:
    """The exact text written to the file (what the user is shown before saving)."""
    return json.dumps(envelope(document), ensure_ascii=False, indent=2) + "\n"


def write_document(document: Document, path: Path, text: str | None = None) -> None:
    """Write ``text`` (default: :func:`file_text`) atomically: temporary file, then rename."""
    write_text_atomically(path, file_text(document) if text is None else text, BenchmarkError)


def _where(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_text(text: str, path: Path | str) -> tuple[Document, str]:
    """Validate a benchmark file's text; returns the document and its checksum."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BenchmarkError(json_syntax_problem(path, exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BenchmarkError(t("{path}: not a benchmark file (no “format” field)", path=path))
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or not version >= 1:
        raise BenchmarkError(t("{path}: the format version is missing or wrong", path=path))
    if version > FORMAT_VERSION:
        raise BenchmarkError(
            t(
                "{path}: format_version {version} is not supported by this version "
                "(supports up to {supported}); please update the program",
                path=path,
                version=version,
                supported=FORMAT_VERSION,
            )
        )
    payload = data.get("payload")
    stated = data.get("checksum")
    if not isinstance(payload, dict) or not isinstance(stated, str):
        raise BenchmarkError(t("{path}: the payload or the checksum is missing", path=path))
    if checksum(version, payload) != stated:
        raise BenchmarkError(
            t(
                "{path}: the checksum does not match: the file was changed after it was written "
                "or is damaged; ask for a new file",
                path=path,
            )
        )
    model: type[Submission] | type[Reference]
    if payload.get("kind") == "submission":
        model = Submission
    elif payload.get("kind") == "reference":
        model = Reference
    else:
        raise BenchmarkError(
            t("{path}: payload.kind must be “submission” or “reference”", path=path)
        )
    try:
        document: Document = model.model_validate(payload)
    except ValidationError as exc:
        errors = exc.errors()
        details = [f"payload.{_where(tuple(e['loc']))}: {e['msg']}" for e in errors]
        raise BenchmarkError(
            t(
                "{path}: {where}: {problem}",
                path=path,
                where=details[0].split(": ")[0],
                problem=errors[0]["msg"],
            ),
            details[1:],
        ) from None
    if isinstance(document, Reference):
        _check_reference(document, path)
    return document, stated


def _check_reference(reference: Reference, path: Path | str) -> None:
    for index, group in enumerate(reference.groups):
        unknown = set(group.themes) - set(reference.themes)
        if unknown:
            raise BenchmarkError(
                t(
                    "{path}: payload.groups[{index}]: unknown theme(s) {themes}",
                    path=path,
                    index=index,
                    themes=", ".join(sorted(unknown)),
                )
            )


def read_document(path: Path) -> tuple[Document, str]:
    """Read and validate a benchmark file; raise :class:`BenchmarkError` naming the problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BenchmarkError(t("cannot read {path}: file not found", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else t("not UTF-8 text")
        raise BenchmarkError(t("cannot read {path}: {reason}", path=path, reason=reason)) from None
    return parse_text(text, path)


def submission_id(assessment_uuid: str) -> str:
    """A stable, anonymous id: a re-sent file of the same assessment replaces the earlier one."""
    return hashlib.sha256(f"ethics-tool-benchmark:{assessment_uuid}".encode()).hexdigest()[:32]


def make_submission(
    data: AssessmentData,
    results: Results,
    *,
    municipality_type: str,
    size_class: str,
    include_questions: bool = False,
    include_name: bool = False,
) -> Submission:
    """The anonymous submission of one assessment (refused for demo data)."""
    if data.info.is_demo:
        raise BenchmarkError(t("demo data cannot be sent to a benchmark"))
    if municipality_type not in MUNICIPALITY_TYPES:
        raise BenchmarkError(
            t(
                "unknown municipality type “{value}” (use {choices})",
                value=municipality_type,
                choices=", ".join(MUNICIPALITY_TYPES),
            )
        )
    if size_class not in SIZE_CLASSES:
        raise BenchmarkError(
            t(
                "unknown size class “{value}” (use {choices})",
                value=size_class,
                choices=", ".join(SIZE_CLASSES),
            )
        )
    if results.overall is None:
        raise BenchmarkError(t("the assessment has no score yet: answer some questions first"))
    questions = None
    if include_questions:
        questions = {
            qid: QuestionScore(
                score=q.score,
                mean_level=q.mean_level,
                n_level=q.n_level,
                n_na=q.n_na,
                n_unknown=q.n_unknown,
            )
            for qid, q in results.questions.items()
        }
    return Submission(
        kind="submission",
        submission_id=submission_id(data.info.uuid),
        form_id=data.form.id,
        form_version=data.form.version,
        form_hash=data.info.form_hash,
        year=data.info.assessed_on.year,
        municipality_type=municipality_type,
        size_class=size_class,
        unit_type=data.info.unit_type,
        mode=data.info.mode,
        n_respondents=max(1, results.n_respondents),
        overall=results.overall,
        band_index=results.band_index,
        coverage=results.coverage,
        themes={
            tid: ThemeScore(score=r.score, climate=r.climate, coverage=r.coverage)
            for tid, r in results.themes.items()
        },
        questions=questions,
        municipality=data.info.municipality if include_name else None,
    )


def municipality_type_of(name: str) -> str | None:
    """``valstspilseta`` or ``novads`` for a name in the reference list; None when unknown."""
    from ethics_tool.domain.municipalities import find_municipality

    entry = find_municipality(name)
    if entry is not None:
        return entry.type if entry.type in MUNICIPALITY_TYPES else None
    if name.strip().casefold().endswith(" novads"):
        return "novads"
    return None


def _tr(source: str, lang: str | None = None) -> str:
    """Translate a table entry marked with ``N_``."""
    return translations(lang or current_language()).gettext(source)


def type_label(key: str, lang: str | None = None) -> str:
    return _tr(MUNICIPALITY_TYPE_LABELS[key], lang) if key in MUNICIPALITY_TYPE_LABELS else key


def size_label(key: str, lang: str | None = None) -> str:
    return _tr(SIZE_CLASS_LABELS[key], lang) if key in SIZE_CLASS_LABELS else key


def group_label(key: str, lang: str | None = None) -> str:
    """“All municipalities”, “Novads”, “under 20 000 residents” … for a group key."""
    if key == "all":
        return t("All municipalities", lang)
    dimension, _, category = key.partition(":")
    return type_label(category, lang) if dimension == "type" else size_label(category, lang)
