"""What to do with an exchange file opened from outside (``ethics-tool FILE``, a double click).

The dialog names the file and what it holds (municipality, unit, date, questionnaire, respondents)
and offers the two things a user can do with it: add its answers to the matching assessment that is
already here (the same assessment, exported on another computer), or import it as a new assessment.
Reading the header is cheap and forgiving; the import itself validates the whole file and refuses a
bad one with a precise message.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.i18n import format_date, t, unit_type_label

# A header is read only from files of a sensible size; the import applies its own limits.
MAX_HEADER_BYTES = 50 * 1024 * 1024


class Choice(Enum):
    CANCEL = "cancel"
    IMPORT = "import"
    MERGE = "merge"


@dataclass(frozen=True)
class FileSummary:
    """The few facts of an export file the user needs to decide what to do with it."""

    uuid: str
    municipality: str
    unit: str
    assessed_on: str
    form: str
    respondents: int


def read_summary(path: Path) -> FileSummary:
    """The file's header; raises ``ValueError`` with a message for the user when it is not one."""
    try:
        if path.stat().st_size > MAX_HEADER_BYTES:
            raise ValueError(t("{path}: the file is too large to be an assessment", path=path))
        data: Any = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ValueError(
            t("cannot read {path}: {reason}", path=path, reason=exc.strerror)
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ValueError(
            t("{path}: not an ethics self-assessment export (no “format” field)", path=path)
        ) from None
    if not isinstance(data, dict) or data.get("format") != "ethics-tool-assessment":
        raise ValueError(
            t("{path}: not an ethics self-assessment export (no “format” field)", path=path)
        )
    meta = _mapping(data.get("assessment"))
    form = _mapping(data.get("form"))
    title = _mapping(form.get("title"))
    people = data.get("respondents")
    unit_type = str(meta.get("unit_type", ""))
    unit = " ".join(
        part
        for part in (unit_type_label(unit_type) if unit_type else "", meta.get("unit_name"))
        if part
    )
    assessed_on = str(meta.get("assessed_on", ""))
    with contextlib.suppress(ValueError):  # else shown as written; the import names the field
        assessed_on = format_date(date.fromisoformat(assessed_on))
    form_title = str(title.get("lv") or title.get("en") or form.get("id") or "")
    version = form.get("version")
    return FileSummary(
        uuid=str(meta.get("uuid", "")),
        municipality=str(meta.get("municipality", "")),
        unit=unit,
        assessed_on=assessed_on,
        form=f"{form_title} {version}".strip() if version else form_title,
        respondents=len(people) if isinstance(people, list) else 0,
    )


class OpenFileDialog(QDialog):
    """Import the file as a new assessment, or add its answers to ``match`` (same assessment)."""

    def __init__(
        self,
        path: Path,
        summary: FileSummary,
        match_label: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("openFileDialog")
        self.setWindowTitle(t("Open {name}", name=path.name))
        self.choice = Choice.CANCEL
        layout = QVBoxLayout(self)
        facts = [
            (t("File"), str(path)),
            (t("Municipality"), summary.municipality),
            (t("Unit"), summary.unit),
            (t("Date"), summary.assessed_on),
            (t("Questionnaire"), summary.form),
            (t("Respondents"), str(summary.respondents)),
        ]
        text = QLabel(
            "<br>".join(
                f"<b>{_escape(label)}:</b> {_escape(value)}" for label, value in facts if value
            )
        )
        text.setObjectName("openFileFacts")
        text.setWordWrap(True)
        layout.addWidget(text)
        if match_label is not None:
            hint = t(
                "This assessment is already here as “{name}”. Adding the file's answers keeps every "
                "answer given on this computer.",
                name=match_label,
            )
        else:
            hint = t("This assessment is not here yet: it will be imported as a new assessment.")
        explanation = QLabel(hint)
        explanation.setObjectName("openFileHint")
        explanation.setWordWrap(True)
        layout.addWidget(explanation)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        if match_label is not None:
            merge = QPushButton(t("Add the answers"))
            merge.setObjectName("openFileMerge")
            merge.clicked.connect(lambda: self._choose(Choice.MERGE))
            buttons.addButton(merge, QDialogButtonBox.ButtonRole.AcceptRole)
            merge.setDefault(True)
        else:
            new = QPushButton(t("Import as a new assessment"))
            new.setObjectName("openFileImport")
            new.clicked.connect(lambda: self._choose(Choice.IMPORT))
            buttons.addButton(new, QDialogButtonBox.ButtonRole.AcceptRole)
            new.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
