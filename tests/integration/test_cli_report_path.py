"""``ethics-tool report`` reads only what the report needs: the assessment with its stored form.

It does not read the questionnaire files (a broken or deleted form file does not matter to an
existing assessment's report), and it imports neither Alembic (no migration is due) nor Qt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ethics_tool import paths
from ethics_tool.cli import main

ROOT = Path(__file__).parents[2]
PROBE = """
import sys
from ethics_tool.cli import main
code = main(sys.argv[1:])
print("IMPORTED", " ".join(sorted(
    name for name in ("alembic", "PySide6", "ethics_tool.gui", "ethics_tool.domain.dilemma_loader")
    if name in sys.modules
)))
sys.exit(code)
"""


def test_report_imports_no_migration_tool_no_qt_and_reads_no_form_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "d.sqlite3")
    assert main(["--lang", "en", "--db", db, "demo"]) == 0
    capsys.readouterr()
    broken = tmp_path / "forms"
    broken.mkdir()
    (broken / "broken.yaml").write_text("id: broken\nthemes: [\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), paths.FORMS_ENV: str(broken)}
    out = tmp_path / "r.pdf"
    args = ["--lang", "en", "--db", db, "report", "2", "-o", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no warning about the broken form: it was never read
    assert done.stdout.strip().splitlines()[-1] == "IMPORTED"
    assert len(PdfReader(out).pages) > 10
    # the same broken file is reported by a command that does read the forms
    listed = subprocess.run(
        [sys.executable, "-m", "ethics_tool", "--lang", "en", "--db", db, "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert "broken.yaml" in listed.stderr and len(json.loads(listed.stdout)) == 3
