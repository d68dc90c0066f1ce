"""Results and the action plan as spreadsheets: XLSX (openpyxl) and CSV for Latvian Excel.

The XLSX workbook has one sheet per table: a summary, the themes, the questions, the priorities, the
compliance and knowledge gaps and the action plan. Numbers are stored unrounded (a number format
shows one decimal), so they equal the JSON export's. The action-plan sheet is an editable table with
a status list and date cells; :func:`read_action_plan` reads it back after the council has edited it
and :func:`plan_changes` compares it with the stored plan. A hidden sheet ties the workbook to its
assessment, so a plan is never imported into the wrong one.

CSV is one UTF-8 file with a byte-order mark and ``;`` as the separator (what Excel set to Latvian
expects); the same tables follow one another, each under its title, with decimal commas in Latvian.

Over 400 lines because the workbook's sheets, their number formats and the action-plan reader that
checks an edited workbook belong together (one file format); lane bench may split the reader out.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ethics_tool import __version__
from ethics_tool.atomic_write import write_atomically
from ethics_tool.domain.assessment import ActionData, ActionStatus, AssessmentData
from ethics_tool.domain.questionnaire import ItemType
from ethics_tool.errors import UserError
from ethics_tool.i18n import (
    ACTION_STATUS_LABELS,
    N_,
    action_status_label,
    current_language,
    format_date,
    mode_label,
    t,
    translations,
    unit_type_label,
)
from ethics_tool.scoring import Results

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SPREADSHEET_SUFFIXES = (".xlsx", ".csv")
META_SHEET = "_meta"
META_FORMAT = "ethics-tool-workbook"
META_VERSION = 1
PLAN_SHEET_NAMES = {"lv": "Rīcības plāns", "en": "Action plan"}
# The plan's columns: key, English header (translated in the file), width.
PLAN_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("id", N_("ID"), 8),
    ("question", N_("Question"), 12),
    ("text", N_("Action"), 60),
    ("responsible", N_("Responsible"), 24),
    ("deadline", N_("Deadline"), 14),
    ("status", N_("Status"), 16),
)


def _tr(source: str, lang: str | None = None) -> str:
    """Translate a text marked with ``N_`` (a table entry, so not a literal at the call)."""
    return translations(lang or current_language()).gettext(source)


class SpreadsheetError(UserError):
    """A spreadsheet that cannot be written or read; the message names sheet, row and column."""


# -- the tables, shared by XLSX and CSV -------------------------------------------------------------
@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    widths: list[int]
    number_columns: frozenset[int] = frozenset()  # 0-based indexes shown with one decimal


def _theme_title(data: AssessmentData, theme_id: str, lang: str) -> str:
    for theme in data.form.themes:
        if theme.id == theme_id:
            return theme.title.get(lang)
    return theme_id


def _question_numbers(data: AssessmentData) -> dict[str, str]:
    out: dict[str, str] = {}
    for ti, theme in enumerate(data.form.themes, start=1):
        for qi, question in enumerate(theme.questions, start=1):
            out[question.id] = f"{ti}.{qi}"
    return out


def _yes(value: bool, lang: str) -> str:
    return t("yes", lang) if value else ""


def build_tables(data: AssessmentData, results: Results, lang: str) -> list[Table]:
    """Every table of the workbook, in order, with texts in ``lang``."""
    form = data.form
    info = data.info
    numbers = _question_numbers(data)
    band = form.bands[results.band_index].label.get(lang) if results.band_index is not None else ""
    summary = Table(
        "summary",
        t("Summary", lang),
        [t("Field", lang), t("Value", lang)],
        [
            [t("Municipality", lang), info.municipality],
            [t("Unit", lang), info.unit_name or unit_type_label(info.unit_type, lang)],
            [t("Questionnaire", lang), f"{form.title.get(lang)} ({form.id} {form.version})"],
            [t("Date", lang), info.assessed_on],
            [t("Round", lang), info.round_label],
            [t("Mode", lang), mode_label(info.mode, lang)],
            [t("Respondents", lang), results.n_respondents],
            [t("Overall index (%)", lang), results.overall],
            [t("Band", lang), band],
            [t("Coverage (%)", lang), results.coverage],
            [t("Compliance gaps", lang), len(results.compliance_gaps)],
            [t("Knowledge gaps", lang), len(results.knowledge_gaps)],
            [t("Prepared by", lang), info.prepared_by],
            [t("Exported", lang), datetime.now().replace(microsecond=0)],
        ],
        [28, 60],
        frozenset({1}),
    )
    themes = Table(
        "themes",
        t("Themes", lang),
        [
            t("No.", lang),
            t("Theme ID", lang),
            t("Theme", lang),
            t("Weight", lang),
            t("Score (%)", lang),
            t("Climate (%)", lang),
            t("Coverage (%)", lang),
            t("Questions", lang),
            t("Answered", lang),
        ],
        [
            [
                index,
                theme.id,
                theme.title.get(lang),
                theme.weight,
                results.themes[theme.id].score,
                results.themes[theme.id].climate,
                results.themes[theme.id].coverage,
                results.themes[theme.id].n_questions,
                results.themes[theme.id].n_answered,
            ]
            for index, theme in enumerate(form.themes, start=1)
        ],
        [6, 16, 48, 8, 11, 11, 12, 11, 11],
        frozenset({3, 4, 5, 6}),
    )
    question_rows: list[list[Any]] = []
    for theme, question in form.iter_questions():
        r = results.questions[question.id]
        question_rows.append(
            [
                numbers[question.id],
                question.id,
                theme.title.get(lang),
                question.text.get(lang),
                t("perception", lang)
                if question.type is ItemType.PERCEPTION
                else t("maturity", lang),
                question.weight,
                _yes(question.is_legal, lang),
                r.mean_level,
                r.median_level,
                r.score,
                r.n_level,
                r.n_na,
                r.n_unknown,
                r.n_missing,
                r.spread,
                _yes(r.compliance_gap, lang),
                _yes(r.n_unknown > 0, lang),
                _yes(r.discussion_point, lang),
            ]
        )
    questions = Table(
        "questions",
        t("Questions", lang),
        [
            t("No.", lang),
            t("Question ID", lang),
            t("Theme", lang),
            t("Question", lang),
            t("Type", lang),
            t("Weight", lang),
            t("Legal requirement", lang),
            t("Mean level", lang),
            t("Median level", lang),
            t("Score (%)", lang),
            t("Level answers", lang),
            t("Not applicable", lang),
            t("Don't know", lang),
            t("Missing", lang),
            t("Spread", lang),
            t("Compliance gap", lang),
            t("Knowledge gap", lang),
            t("Discussion point", lang),
        ],
        question_rows,
        [7, 14, 28, 60, 11, 8, 10, 10, 10, 10, 9, 9, 9, 9, 8, 10, 10, 10],
        frozenset({5, 7, 8, 9}),
    )
    priorities = Table(
        "priorities",
        t("Priorities", lang),
        [
            t("Rank", lang),
            t("No.", lang),
            t("Question ID", lang),
            t("Theme", lang),
            t("Question", lang),
            t("Level (0–4)", lang),
            t("Gap", lang),
            t("Priority", lang),
            t("Compliance gap", lang),
            t("Recommendations", lang),
        ],
        [
            [
                rank,
                numbers[p.question_id],
                p.question_id,
                _theme_title(data, p.theme_id, lang),
                form.question(p.question_id).text.get(lang),
                p.level,
                p.gap,
                p.priority,
                _yes(p.compliance_gap, lang),
                "\n".join(rec.text.get(lang) for rec in p.recommendations),
            ]
            for rank, p in enumerate(results.priorities, start=1)
        ],
        [6, 7, 14, 28, 60, 10, 8, 9, 10, 60],
        frozenset({5, 6, 7}),
    )
    gap_rows: list[list[Any]] = []
    for qid in results.compliance_gaps:
        question = form.question(qid)
        law = f"{question.legal.law.get(lang)} {question.legal.article}" if question.legal else ""
        gap_rows.append(
            [
                t("Compliance gap", lang),
                numbers[qid],
                qid,
                question.text.get(lang),
                results.questions[qid].mean_level,
                results.questions[qid].n_unknown,
                law,
            ]
        )
    for qid in results.knowledge_gaps:
        question = form.question(qid)
        gap_rows.append(
            [
                t("Knowledge gap", lang),
                numbers[qid],
                qid,
                question.text.get(lang),
                results.questions[qid].mean_level,
                results.questions[qid].n_unknown,
                "",
            ]
        )
    gaps = Table(
        "gaps",
        t("Gaps", lang),
        [
            t("Kind", lang),
            t("No.", lang),
            t("Question ID", lang),
            t("Question", lang),
            t("Mean level", lang),
            t("Don't know", lang),
            t("Legal requirement", lang),
        ],
        gap_rows,
        [18, 7, 14, 60, 10, 10, 40],
        frozenset({4}),
    )
    plan = Table(
        "plan",
        PLAN_SHEET_NAMES["lv" if lang == "lv" else "en"],
        [_tr(header, lang) for _, header, _ in PLAN_COLUMNS],
        [
            [
                action.id,
                action.question_id or "",
                action.text,
                action.responsible,
                action.deadline,
                action_status_label(action.status, lang),
            ]
            for action in sorted(data.actions, key=lambda a: a.position)
        ],
        [width for _, _, width in PLAN_COLUMNS],
    )
    return [summary, themes, questions, priorities, gaps, plan]


# -- writing ------------------------------------------------------------------------------------------
def write_spreadsheet(data: AssessmentData, results: Results, path: Path, lang: str = "lv") -> None:
    """Write XLSX or CSV, chosen by the file's extension; atomically (temporary file, rename)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        writer: Callable[[Path], None] = lambda tmp: _write_xlsx(data, results, tmp, lang)  # noqa: E731
    elif suffix == ".csv":
        writer = lambda tmp: _write_csv(data, results, tmp, lang)  # noqa: E731
    else:
        raise SpreadsheetError(
            t(
                "{path}: unknown spreadsheet type “{suffix}” (use .xlsx or .csv)",
                path=path,
                suffix=path.suffix or "—",
            )
        )
    write_atomically(path, writer, SpreadsheetError)


def _write_xlsx(data: AssessmentData, results: Results, path: Path, lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table as XlTable
    from openpyxl.worksheet.table import TableStyleInfo

    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor="1F4E79")
    wrap = Alignment(wrap_text=True, vertical="top")
    for table in build_tables(data, results, lang):
        sheet = workbook.create_sheet(_sheet_title(table.title))
        sheet.append(table.headers)
        for row in table.rows:
            sheet.append([_xlsx_value(value) for value in row])
        for col, width in enumerate(table.widths, start=1):
            sheet.column_dimensions[get_column_letter(col)].width = width
        for cell in sheet[1]:
            cell.font = head_font
            cell.fill = head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.freeze_panes = "A2"
        for row_cells in sheet.iter_rows(min_row=2):
            for index, cell in enumerate(row_cells):
                if index in table.number_columns and isinstance(cell.value, float):
                    cell.number_format = "0.0"
                elif isinstance(cell.value, date | datetime):
                    cell.number_format = "DD.MM.YYYY" if lang == "lv" else "YYYY-MM-DD"
                if isinstance(cell.value, str) and len(cell.value) > 40:
                    cell.alignment = wrap
        if table.key == "plan":
            _plan_sheet(sheet, table, lang, DataValidation, XlTable, TableStyleInfo)
        elif table.rows:
            sheet.auto_filter.ref = sheet.dimensions
    meta = workbook.create_sheet(META_SHEET)
    meta.append(["format", META_FORMAT])
    meta.append(["format_version", META_VERSION])
    meta.append(["app_version", __version__])
    meta.append(["assessment_uuid", data.info.uuid])
    meta.append(["form", f"{data.form.id} {data.form.version}"])
    meta.append(["language", lang])
    meta.sheet_state = "hidden"
    workbook.properties.title = t("Self-assessment results", lang)
    workbook.properties.creator = f"ethics-tool {__version__}"
    workbook.save(path)


def _plan_sheet(
    sheet: Worksheet,
    table: Table,
    lang: str,
    validation_cls: Any,
    table_cls: Any,
    style_cls: Any,
) -> None:
    """Make the action plan an Excel table with a status list, date cells and room to add rows."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    spare = 50  # empty rows already formatted for new actions
    last_row = len(table.rows) + 1 + spare
    statuses = [action_status_label(s, lang) for s in ActionStatus]
    status_col = get_column_letter(len(PLAN_COLUMNS))
    deadline_col = get_column_letter(5)
    status_rule = validation_cls(
        type="list",
        formula1='"' + ",".join(statuses) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t("Status", lang),
        error=t("Choose one of: {choices}", lang, choices=", ".join(statuses)),
    )
    status_rule.add(f"{status_col}2:{status_col}{last_row}")
    date_rule = validation_cls(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=t("Deadline", lang),
        error=t("Enter a date", lang),
    )
    date_rule.add(f"{deadline_col}2:{deadline_col}{last_row}")
    sheet.add_data_validation(status_rule)
    sheet.add_data_validation(date_rule)
    for row in range(2, last_row + 1):
        sheet[f"{deadline_col}{row}"].number_format = "DD.MM.YYYY" if lang == "lv" else "YYYY-MM-DD"
        sheet[f"C{row}"].alignment = Alignment(wrap_text=True, vertical="top")
    ref = f"A1:{status_col}{max(2, len(table.rows) + 1)}"
    xl_table = table_cls(displayName="ActionPlan", ref=ref)
    xl_table.tableStyleInfo = style_cls(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(xl_table)
    note_col = get_column_letter(len(PLAN_COLUMNS) + 2)
    sheet[f"{note_col}1"] = t(
        "Edit the rows, add new ones below (leave the ID empty) or delete rows; then import the "
        "file into the assessment's action plan.",
        lang,
    )
    sheet.column_dimensions[note_col].width = 70
    sheet[f"{note_col}1"].alignment = Alignment(wrap_text=True, vertical="top")


def _sheet_title(title: str) -> str:
    bad = set("[]:*?/\\")
    return "".join("-" if ch in bad else ch for ch in title)[:31]


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime | date | int | float | str) or value is None:
        return value
    return str(value)


def _csv_value(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _yes(value, lang)
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
        return text.replace(".", ",") if lang == "lv" else text
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if lang != "lv" else value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return format_date(value, lang).rstrip(".") if lang == "lv" else value.isoformat()
    return str(value)


def csv_text(data: AssessmentData, results: Results, lang: str = "lv") -> str:
    """The CSV document (without the byte-order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for index, table in enumerate(build_tables(data, results, lang)):
        if index:
            writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow([_csv_value(value, lang) for value in row])
    return out.getvalue()


def _write_csv(data: AssessmentData, results: Results, path: Path, lang: str) -> None:
    # utf-8-sig writes the byte-order mark Excel needs to read UTF-8 (ā, č, ē … intact).
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        fh.write(csv_text(data, results, lang))


# -- reading the action plan back ----------------------------------------------------------------------
@dataclass(frozen=True)
class PlanRow:
    """One action read from the sheet; ``row`` is the spreadsheet row number."""

    row: int
    id: int | None
    question_id: str | None
    text: str
    responsible: str
    deadline: date | None
    status: ActionStatus


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass
class PlanChanges:
    """What importing an edited action plan would do."""

    added: list[PlanRow] = field(default_factory=list)
    changed: list[tuple[ActionData, PlanRow, list[FieldChange]]] = field(default_factory=list)
    removed: list[ActionData] = field(default_factory=list)
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def summary(self, lang: str | None = None) -> list[str]:
        """Lines for the user: one headline, then one per added, changed or removed action."""
        lines = [
            t(
                "{added} added, {changed} changed, {removed} removed, {same} unchanged",
                lang,
                added=len(self.added),
                changed=len(self.changed),
                removed=len(self.removed),
                same=self.unchanged,
            )
        ]
        for row in self.added:
            lines.append(t("added (row {row}): {text}", lang, row=row.row, text=_short(row.text)))
        for old, row, fields in self.changed:
            what = "; ".join(
                f"{_tr(change.field, lang)}: “{_short(change.before, 30)}” → “{_short(change.after, 30)}”"
                for change in fields
            )
            lines.append(
                t(
                    "changed (row {row}): {text}: {what}",
                    lang,
                    row=row.row,
                    text=_short(old.text),
                    what=what,
                )
            )
        for old in self.removed:
            lines.append(t("removed: {text}", lang, text=_short(old.text)))
        return lines


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _status_names() -> dict[str, ActionStatus]:
    names: dict[str, ActionStatus] = {}
    for status in ActionStatus:
        names[status.value.casefold()] = status
        for lang in ("lv", "en"):
            names[_tr(ACTION_STATUS_LABELS[status.value], lang).casefold()] = status
    return names


def _header_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for key, header, _ in PLAN_COLUMNS:
        for lang in ("lv", "en"):
            keys[_tr(header, lang).casefold()] = key
        keys[key] = key
    return keys


def _parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip().rstrip(".")
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def read_action_plan(
    path: Path, assessment_uuid: str, question_ids: Iterable[str]
) -> list[PlanRow]:
    """Read the action-plan sheet of a workbook written by :func:`write_spreadsheet`.

    Every problem is collected; a file with any problem raises :class:`SpreadsheetError` whose
    details name the sheet, row and column, and nothing is imported.
    """
    path = Path(path)
    workbook, meta = _exported_workbook(path)
    if meta.get("assessment_uuid") != assessment_uuid:
        raise SpreadsheetError(
            t(
                "{path}: this workbook belongs to another assessment; export the plan of this "
                "assessment and edit that file",
                path=path,
            )
        )
    sheet_name = next((n for n in PLAN_SHEET_NAMES.values() if n in workbook.sheetnames), None)
    if sheet_name is None:
        raise SpreadsheetError(
            t(
                "{path}: no sheet “{lv}” or “{en}”",
                path=path,
                lv=PLAN_SHEET_NAMES["lv"],
                en=PLAN_SHEET_NAMES["en"],
            )
        )
    sheet = workbook[sheet_name]
    return _plan_rows(path, sheet_name, sheet, set(question_ids))


def workbook_assessment(path: Path) -> str:
    """The uuid of the assessment a workbook exported by this program belongs to.

    Raises :class:`SpreadsheetError` (which file, what is wrong) for anything else.
    """
    _workbook, meta = _exported_workbook(Path(path))
    return str(meta.get("assessment_uuid") or "")


def _exported_workbook(path: Path) -> tuple[Any, dict[str, Any]]:
    """The workbook at ``path`` and its hidden ``_meta`` sheet, checked to be one of ours."""
    if path.suffix.lower() != ".xlsx":
        raise SpreadsheetError(
            t("{path}: the action plan is imported from an .xlsx workbook", path=path)
        )
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise SpreadsheetError(t("cannot read {path}: file not found", path=path)) from None
    except OSError as exc:
        raise SpreadsheetError(
            t("cannot read {path}: {reason}", path=path, reason=exc.strerror)
        ) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError):
        raise SpreadsheetError(t("{path}: not an Excel workbook (.xlsx)", path=path)) from None
    meta: dict[str, Any] = {}
    if META_SHEET in workbook.sheetnames:
        for key, value, *_ in workbook[META_SHEET].iter_rows(values_only=True):
            meta[str(key)] = value
    if meta.get("format") != META_FORMAT:
        raise SpreadsheetError(
            t(
                "{path}: not a workbook exported by this program (the hidden sheet “{sheet}” "
                "is missing)",
                path=path,
                sheet=META_SHEET,
            )
        )
    return workbook, meta


def _plan_rows(path: Path, sheet_name: str, sheet: Worksheet, questions: set[str]) -> list[PlanRow]:
    from openpyxl.utils import get_column_letter

    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        raise SpreadsheetError(t("{path}: sheet “{sheet}” is empty", path=path, sheet=sheet_name))
    keys = _header_keys()
    columns: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        key = keys.get(str(header).strip().casefold()) if header is not None else None
        if key is not None and key not in columns:
            columns[key] = index
    missing = [header for key, header, _ in PLAN_COLUMNS if key not in columns]
    if missing:
        raise SpreadsheetError(
            t(
                "{path}: sheet “{sheet}”, row 1: missing column(s) {columns}",
                path=path,
                sheet=sheet_name,
                columns=", ".join(f"“{_tr(h)}”" for h in missing),
            )
        )
    statuses = _status_names()
    problems: list[str] = []
    out: list[PlanRow] = []
    seen_ids: dict[int, int] = {}

    def where(row: int, key: str) -> str:
        letter = get_column_letter(columns[key] + 1)
        return t(
            "sheet “{sheet}”, cell {cell} ({column})",
            sheet=sheet_name,
            cell=f"{letter}{row}",
            column=_tr(dict((k, h) for k, h, _ in PLAN_COLUMNS)[key]),
        )

    for number, values in enumerate(rows[1:], start=2):

        def get(key: str, values: tuple[Any, ...] = values) -> Any:
            index = columns[key]
            value = values[index] if index < len(values) else None
            return value.strip() if isinstance(value, str) else value

        cells = {key: get(key) for key in columns}
        if all(value in (None, "") for value in cells.values()):
            continue
        row_problems = len(problems)
        action_id: int | None = None
        raw_id = cells["id"]
        if raw_id not in (None, ""):
            try:
                if isinstance(raw_id, float) and not raw_id.is_integer():
                    raise ValueError
                action_id = int(raw_id)
            except (TypeError, ValueError):
                problems.append(
                    t("{where}: “{value}” is not an ID", where=where(number, "id"), value=raw_id)
                )
            else:
                if action_id in seen_ids:
                    problems.append(
                        t(
                            "{where}: ID {id} appears twice (also in row {other})",
                            where=where(number, "id"),
                            id=action_id,
                            other=seen_ids[action_id],
                        )
                    )
                seen_ids[action_id] = number
        text = str(cells["text"] or "").strip()
        if not text:
            problems.append(t("{where}: the action is empty", where=where(number, "text")))
        question = str(cells["question"] or "").strip() or None
        if question is not None and question not in questions:
            problems.append(
                t(
                    "{where}: “{value}” is not a question of this questionnaire",
                    where=where(number, "question"),
                    value=question,
                )
            )
        try:
            deadline = _parse_date(cells["deadline"])
        except ValueError:
            deadline = None
            problems.append(
                t(
                    "{where}: “{value}” is not a date (use 31.12.2026)",
                    where=where(number, "deadline"),
                    value=cells["deadline"],
                )
            )
        raw_status = str(cells["status"] or "").strip()
        status = statuses.get(raw_status.casefold()) if raw_status else ActionStatus.NOT_STARTED
        if status is None:
            problems.append(
                t(
                    "{where}: unknown status “{value}” (use {choices})",
                    where=where(number, "status"),
                    value=raw_status,
                    choices=", ".join(action_status_label(s) for s in ActionStatus),
                )
            )
        if len(problems) == row_problems and status is not None:
            out.append(
                PlanRow(
                    row=number,
                    id=action_id,
                    question_id=question,
                    text=text,
                    responsible=str(cells["responsible"] or "").strip(),
                    deadline=deadline,
                    status=status,
                )
            )
    if problems:
        raise SpreadsheetError(
            t(
                "{path}: the action plan was not imported ({count} problem(s)); nothing was changed",
                path=path,
                count=len(problems),
            ),
            problems,
        )
    return out


def plan_changes(current: Sequence[ActionData], rows: Sequence[PlanRow], path: Path) -> PlanChanges:
    """Compare the stored plan with the rows read from the sheet (unknown IDs are refused)."""
    by_id = {action.id: action for action in current if action.id is not None}
    unknown = [row for row in rows if row.id is not None and row.id not in by_id]
    if unknown:
        raise SpreadsheetError(
            t(
                "{path}: the action plan was not imported ({count} problem(s)); nothing was changed",
                path=path,
                count=len(unknown),
            ),
            [
                t(
                    "row {row}: there is no action with ID {id} in this assessment (leave the ID "
                    "empty for a new action)",
                    row=row.row,
                    id=row.id,
                )
                for row in unknown
            ],
        )
    changes = PlanChanges()
    kept: set[int] = set()
    for row in rows:
        if row.id is None:
            changes.added.append(row)
            continue
        kept.add(row.id)
        old = by_id[row.id]
        fields = _differences(old, row)
        if fields:
            changes.changed.append((old, row, fields))
        else:
            changes.unchanged += 1
    changes.removed = [a for a in current if a.id is not None and a.id not in kept]
    return changes


def _differences(old: ActionData, row: PlanRow) -> list[FieldChange]:
    out: list[FieldChange] = []
    pairs = (
        (N_("Action"), old.text, row.text),
        (N_("Responsible"), old.responsible, row.responsible),
        (N_("Question"), old.question_id or "", row.question_id or ""),
        (
            N_("Deadline"),
            format_date(old.deadline) if old.deadline else "",
            format_date(row.deadline) if row.deadline else "",
        ),
        (N_("Status"), action_status_label(old.status), action_status_label(row.status)),
    )
    for name, before, after in pairs:
        if before != after:
            out.append(FieldChange(name, before, after))
    return out
