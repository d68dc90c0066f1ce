"""Results and action plan as XLSX and CSV: read back with openpyxl and the csv module."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ethics_tool import exchange, i18n
from ethics_tool.domain.assessment import ActionData, ActionStatus
from ethics_tool.services import Services
from ethics_tool.spreadsheets import PLAN_SHEET_NAMES, SpreadsheetError


@pytest.fixture
def demo_id(services: Services) -> int:
    return services.create_demo()


def _json_results(services: Services, assessment_id: int, tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "export.json"
    services.export_json(assessment_id, path)
    return json.loads(path.read_text(encoding="utf-8"))["results"]  # type: ignore[no-any-return]


def same(value: object, expected: object) -> bool:
    """Equal within Excel's 15 significant digits (the precision a workbook stores)."""
    if expected is None:
        return value is None
    return value == pytest.approx(expected, rel=1e-13)


def _header_index(sheet: object, name: str) -> int:
    headers = [c.value for c in sheet[1]]  # type: ignore[index]
    return headers.index(name)


def test_xlsx_numbers_equal_the_json_export(
    services: Services, demo_id: int, tmp_path: Path
) -> None:
    results = _json_results(services, demo_id, tmp_path)
    path = tmp_path / "results.xlsx"
    services.export_spreadsheet(demo_id, path, lang="lv")
    book = load_workbook(path)
    assert book.sheetnames[:6] == [
        "Kopsavilkums",
        "Jomas",
        "Jautājumi",
        "Prioritātes",
        "Nepilnības",
        PLAN_SHEET_NAMES["lv"],
    ]
    themes = book["Jomas"]
    id_col = _header_index(themes, "Jomas ID")
    score_col = _header_index(themes, "Rezultāts (%)")
    rows = {r[id_col]: r for r in themes.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == set(results["themes"])  # type: ignore[arg-type]
    for theme_id, theme in results["themes"].items():  # type: ignore[attr-defined]
        assert same(rows[theme_id][score_col], theme["score"])
    questions = book["Jautājumi"]
    qid_col = _header_index(questions, "Jautājuma ID")
    mean_col = _header_index(questions, "Vidējais līmenis")
    qrows = {r[qid_col]: r for r in questions.iter_rows(min_row=2, values_only=True)}
    assert len(qrows) == len(results["questions"])  # type: ignore[arg-type]
    for qid, question in results["questions"].items():  # type: ignore[attr-defined]
        assert same(qrows[qid][mean_col], question["mean_level"])
    summary = {r[0]: r[1] for r in book["Kopsavilkums"].iter_rows(min_row=2, values_only=True)}
    assert same(summary["Kopējais indekss (%)"], results["overall"])
    assert summary["Pašvaldība"] == "Parauga novads (demo)"
    priorities = [r for r in book["Prioritātes"].iter_rows(min_row=2, values_only=True)]
    assert [r[2] for r in priorities] == [
        p["question_id"]
        for p in results["priorities"]  # type: ignore[attr-defined]
    ]
    gaps = list(book["Nepilnības"].iter_rows(min_row=2, values_only=True))
    assert [r[2] for r in gaps] == results["compliance_gaps"] + results["knowledge_gaps"]  # type: ignore[operator]
    plan = book[PLAN_SHEET_NAMES["lv"]]
    actions = services.actions(demo_id)
    plan_rows = [r for r in plan.iter_rows(min_row=2, values_only=True) if r[0] is not None]
    assert [r[0] for r in plan_rows] == [a.id for a in actions]
    assert [r[2] for r in plan_rows] == [a.text for a in actions]
    assert plan.tables["ActionPlan"] is not None
    assert any("Procesā" in (v.formula1 or "") for v in plan.data_validations.dataValidation)


def test_csv_opens_with_semicolons_and_a_bom(
    services: Services, demo_id: int, tmp_path: Path
) -> None:
    results = _json_results(services, demo_id, tmp_path)
    path = tmp_path / "results.csv"
    services.export_spreadsheet(demo_id, path, lang="lv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["Kopsavilkums"]
    start = rows.index(["Jomas"])
    header = rows[start + 1]
    score = header.index("Rezultāts (%)")
    for row in rows[start + 2 : start + 2 + len(results["themes"])]:  # type: ignore[arg-type]
        expected = results["themes"][row[1]]["score"]  # type: ignore[index]
        assert float(row[score].replace(",", ".")) == pytest.approx(expected, abs=0.006)
    assert ["Rīcības plāns"] in rows
    text = raw.decode("utf-8-sig")
    assert "Ētikas mentors" in text and "ā" in text


def test_unknown_extension_is_refused(services: Services, demo_id: int, tmp_path: Path) -> None:
    i18n.set_language("en")
    with pytest.raises(SpreadsheetError, match=r"unknown spreadsheet type “\.ods”"):
        services.export_spreadsheet(demo_id, tmp_path / "x.ods")
    assert not (tmp_path / "x.ods").exists()


def _plan_sheet(path: Path):  # type: ignore[no-untyped-def]
    book = load_workbook(path)
    return book, book[PLAN_SHEET_NAMES["en"]]


def test_edited_plan_is_imported_with_a_summary(
    services: Services, demo_id: int, tmp_path: Path
) -> None:
    i18n.set_language("en")
    before = services.actions(demo_id)
    assert len(before) >= 2
    path = tmp_path / "plan.xlsx"
    services.export_spreadsheet(demo_id, path, lang="en")
    book, sheet = _plan_sheet(path)
    # Row 2: new owner and status; row 3: deleted; a new row at the end.
    sheet["D2"] = "Izpilddirektore Līga Ozoliņa"
    sheet["F2"] = "Done"
    sheet.delete_rows(3)
    new_row = len(before) + 1
    sheet[f"C{new_row}"] = "Apmācīt jaunos deputātus interešu konfliktu jautājumos"
    sheet[f"E{new_row}"] = date(2027, 3, 31)
    sheet[f"F{new_row}"] = "Nav uzsākts"
    book.save(path)

    preview = services.import_action_plan(demo_id, path, apply=False)
    assert (len(preview.added), len(preview.changed), len(preview.removed)) == (1, 1, 1)
    assert services.actions(demo_id) == before  # a preview stores nothing
    summary = preview.summary()
    assert summary[0].startswith("1 added, 1 changed, 1 removed")
    assert any("Līga Ozoliņa" in line for line in summary)

    services.import_action_plan(demo_id, path)
    after = services.actions(demo_id)
    assert len(after) == len(before)
    assert after[0].responsible == "Izpilddirektore Līga Ozoliņa"
    assert after[0].status is ActionStatus.DONE
    assert before[1].id not in {a.id for a in after}
    assert after[-1].text.startswith("Apmācīt") and after[-1].deadline == date(2027, 3, 31)
    # Importing the same file again changes nothing more.
    services.export_spreadsheet(demo_id, path, lang="en")
    assert services.import_action_plan(demo_id, path).empty


def test_a_bad_plan_names_sheet_row_and_column_and_changes_nothing(
    services: Services, demo_id: int, tmp_path: Path
) -> None:
    i18n.set_language("en")
    before = services.actions(demo_id)
    path = tmp_path / "plan.xlsx"
    services.export_spreadsheet(demo_id, path, lang="en")
    book, sheet = _plan_sheet(path)
    sheet["D2"] = "changed"
    sheet["E3"] = "next spring"
    sheet["F2"] = "almost"
    sheet["B3"] = "T99.Q9"
    book.save(path)
    with pytest.raises(SpreadsheetError) as info:
        services.import_action_plan(demo_id, path)
    error = info.value
    assert "nothing was changed" in error.message
    text = "\n".join(error.details)
    assert "sheet “Action plan”, cell F2 (Status): unknown status “almost”" in text
    assert "cell E3 (Deadline): “next spring” is not a date" in text
    assert "cell B3 (Question): “T99.Q9” is not a question" in text
    assert services.actions(demo_id) == before


def test_a_plan_from_another_assessment_is_refused(
    services: Services, demo_id: int, tmp_path: Path
) -> None:
    i18n.set_language("en")
    other = services.duplicate(demo_id)
    path = tmp_path / "plan.xlsx"
    services.export_spreadsheet(demo_id, path, lang="en")
    with pytest.raises(SpreadsheetError, match="belongs to another assessment"):
        services.import_action_plan(other, path)
    (tmp_path / "fake.xlsx").write_text("not a workbook")
    with pytest.raises(SpreadsheetError, match="not an Excel workbook"):
        services.import_action_plan(demo_id, tmp_path / "fake.xlsx")


def test_new_action_without_id_keeps_existing(services: Services, tmp_path: Path) -> None:
    i18n.set_language("en")
    aid = services.create_assessment(municipality="Ādažu novads", form_id="quick")
    services.save_action(aid, ActionData(None, None, "Pirmais", "Jānis"))
    path = tmp_path / "p.xlsx"
    services.export_spreadsheet(aid, path, lang="en")
    book, sheet = _plan_sheet(path)
    sheet["C3"] = "Otrais"
    book.save(path)
    changes = services.import_action_plan(aid, path)
    assert (len(changes.added), changes.unchanged) == (1, 1)
    assert [a.text for a in services.actions(aid)] == ["Pirmais", "Otrais"]
    assert exchange is not None
