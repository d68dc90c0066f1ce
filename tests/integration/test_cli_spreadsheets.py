"""``ethics-tool export ID -o file.xlsx|file.csv`` and ``plan-import``."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ethics_tool.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_by_extension_and_plan_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "cli.sqlite3")
    assert run(capsys, "--db", db, "demo")[0] == 0
    xlsx = tmp_path / "results.xlsx"
    code, out, _ = run(capsys, "--db", db, "export", "2", "-o", str(xlsx), "--lang", "en")
    assert code == 0 and "results.xlsx" in out
    book = load_workbook(xlsx)
    assert book.sheetnames[:6] == [
        "Summary",
        "Themes",
        "Questions",
        "Priorities",
        "Gaps",
        "Action plan",
    ]
    csv_path = tmp_path / "results.csv"
    assert run(capsys, "--db", db, "export", "2", "-o", str(csv_path))[0] == 0
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["Kopsavilkums"]  # the file's language is Latvian unless --lang says

    sheet = book["Action plan"]
    sheet["D2"] = "Domes priekšsēdētājs"
    book.save(xlsx)
    code, out, _ = run(capsys, "--db", db, "plan-import", "2", str(xlsx), "--dry-run")
    assert code == 0 and out.startswith("0 added, 1 changed") and "--dry-run" in out
    code, out, _ = run(capsys, "--db", db, "plan-import", "2", str(xlsx))
    assert code == 0 and "Action plan updated." in out
    code, out, _ = run(capsys, "--db", db, "plan-import", "2", str(xlsx))
    assert "0 added, 0 changed, 0 removed" in out

    sheet["E2"] = "soon"
    book.save(xlsx)
    code, _, err = run(capsys, "--db", db, "plan-import", "2", str(xlsx))
    assert code == 1
    assert "nothing was changed" in err
    assert "sheet “Action plan”, cell E2 (Deadline): “soon” is not a date" in err
    assert "Traceback" not in err
