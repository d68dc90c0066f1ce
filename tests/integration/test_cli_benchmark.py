"""``ethics-tool benchmark export | import | show | publish | load``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ethics_tool.cli import main
from ethics_tool.domain.answers import AnswerValue
from ethics_tool.services import Services

NAMES = ["Ādažu novads", "Alūksnes novads", "Balvu novads", "Bauskas novads", "Cēsu novads"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _answered(services: Services, name: str, level: int) -> int:
    aid = services.create_assessment(
        municipality=name, form_id="quick", assessed_on=date(2026, 4, 1)
    )
    data = services.load(aid)
    person = data.respondents[0].id
    for _, question in data.form.iter_questions():
        value = level if question.type.value == "maturity" else level + 1
        services.record_answer(person, question.id, AnswerValue.level(value))
    return aid


def test_benchmark_commands(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, tmp_path: Path
) -> None:
    ids = [_answered(services, name, i % 4) for i, name in enumerate(NAMES)]
    services.db.dispose()
    db = db_url
    code, out, _ = run(
        capsys, "--db", db, "benchmark", "export", str(ids[0]), "--size", "lt20k", "--preview"
    )
    assert code == 0 and json.loads(out)["payload"]["municipality_type"] == "novads"
    assert "Ādažu" not in out
    files = []
    for index, aid in enumerate(ids):
        path = tmp_path / f"{index}.etbench"
        code, out, _ = run(
            capsys, "--db", db, "benchmark", "export", str(aid), "--size", "lt20k", "-o", str(path)
        )
        assert code == 0 and path.exists()
        files.append(str(path))
    code, out, _ = run(capsys, "--db", db, "benchmark", "import", *files[:4])
    assert code == 0 and out.startswith("4 added")
    code, out, _ = run(capsys, "--db", db, "benchmark", "show")
    assert code == 0 and "Nothing to show: fewer than 5" in out
    ref = tmp_path / "ref.etbench"
    code, _, err = run(capsys, "--db", db, "benchmark", "publish", "-o", str(ref))
    assert code == 1 and "fewer than 5" in err and not ref.exists()

    code, out, _ = run(capsys, "--db", db, "benchmark", "import", *files)
    assert code == 0 and "1 added, 0 replaced by a newer file, 4 already in the set" in out
    code, out, _ = run(capsys, "--db", db, "benchmark", "show")
    assert "[All municipalities]" in out and "n=5" in out
    code, out, _ = run(
        capsys, "--db", db, "benchmark", "publish", "-o", str(ref), "--publisher", "LPS"
    )
    assert code == 0 and "5 municipalities" in out
    code, out, _ = run(capsys, "--db", db, "benchmark", "load", str(ref))
    assert code == 0 and "Reference loaded: quick" in out
    code, out, _ = run(capsys, "--db", db, "benchmark", "load", str(ref))
    assert "already loaded" in out

    tampered = tmp_path / "bad.etbench"
    tampered.write_text(Path(files[0]).read_text(encoding="utf-8").replace("lt20k", "50k+"))
    code, out, err = run(capsys, "--db", db, "benchmark", "import", str(tampered))
    assert code == 1 and "checksum does not match" in err and "Traceback" not in err

    report = tmp_path / "report.pdf"
    code, _, _ = run(capsys, "--db", db, "report", str(ids[0]), "-o", str(report))
    assert code == 0
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(report).pages)
    assert "Salīdzinājums ar citām pašvaldībām" in text and "5 novadu" in text
