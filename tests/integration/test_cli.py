"""Every subcommand on a temporary database, including the error paths (one line, exit 1)."""

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


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(db_url: str) -> str:
    """An SQLite file path or a PostgreSQL URL (the tests run on both)."""
    return db_url


def test_demo_then_list(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "demo")
    assert code == 0 and "2" in out
    # a second run does not double the demo
    code, out, _ = run(capsys, "--db", db, "demo")
    assert code == 0 and "2" in out
    code, out, _ = run(capsys, "list", "--db", db)
    header, *lines = out.strip().splitlines()
    assert header.startswith("ID\tMunicipality\t")
    assert code == 0 and len(lines) == 3
    assert lines[0].split("\t")[0] == "2" and "Parauga novads" in lines[0]
    code, out, _ = run(capsys, "list", "--json", "--db", db)
    rows = json.loads(out)
    # the council's two rounds and the administration's consensus workshop
    assert [r["id"] for r in rows] == [2, 3, 1]
    assert rows[0]["previous_id"] == 1 and rows[0]["progress"] == 100.0


def test_db_from_environment(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ETHICS_TOOL_DB", db)
    run(capsys, "demo")
    code, out, _ = run(capsys, "list", "--json", "--db", db)
    assert code == 0 and len(json.loads(out)) == 3  # the demo went where the variable said
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_export_import_round_trip(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "demo")
    target = tmp_path / "e.json"
    code, _, _ = run(capsys, "--db", db, "export", "2", "-o", str(target))
    assert code == 0
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["format_version"] == 2 and exported["form"]["id"]
    assert exported["assessment"]["municipality"] == "Parauga novads (demo)"
    other = str(tmp_path / "other.sqlite3")
    code, _, _ = run(capsys, "--db", other, "import", str(target))
    assert code == 0
    code, _, _ = run(capsys, "--db", other, "export", "1", "-o", str(tmp_path / "again.json"))
    assert code == 0
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert again["respondents"] == exported["respondents"]
    assert again["results"]["overall"] == pytest.approx(exported["results"]["overall"])


def test_import_twice_is_refused(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "demo")
    target = tmp_path / "e.json"
    run(capsys, "--db", db, "export", "2", "-o", str(target))
    code, _, err = run(capsys, "--db", db, "import", str(target))
    assert code == 1 and "already in the database (ID 2)" in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_id(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    for args in (
        ("report", "42", "-o", str(tmp_path / "r.pdf")),
        ("export", "42", "-o", str(tmp_path / "e.json")),
    ):
        code, _, err = run(capsys, "--db", db, *args)
        assert code == 1 and err.strip() == "ethics-tool: error: no assessment with ID 42"
    assert not (tmp_path / "e.json").exists()


def test_unwritable_output(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    run(capsys, "--db", db, "demo")
    code, _, err = run(
        capsys, "--db", db, "export", "2", "-o", str(tmp_path / "missing" / "e.json")
    )
    assert code == 1 and "does not exist" in err
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        # Root may write anywhere; /sys refuses even root, so use it there.
        target = locked / "e.json" if not os.access(locked, os.W_OK) else Path("/sys/e.json")
        code, _, err = run(capsys, "--db", db, "export", "2", "-o", str(target))
        assert code == 1
        assert ("no permission" in err or "Permission denied" in err) and str(target) in err
        assert len(err.strip().splitlines()) == 1
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []  # no partial or temporary file left behind


def test_invalid_json_import(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "ethics-tool-assessment",', encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(bad))
    assert code == 1 and "not valid JSON (line 1" in err
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(wrong))
    assert code == 1 and "not an ethics self-assessment export" in err
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert json.loads(out) == []  # nothing was touched


def test_import_with_a_bad_answer_names_the_field(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "demo")
    target = tmp_path / "e.json"
    run(capsys, "--db", db, "export", "2", "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    data["assessment"]["uuid"] = "another"
    data["respondents"][1]["answers"][0]["value"] = 17
    target.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(target))
    assert code == 1 and "respondents[1].answers[0]: level 17 is not on the scale" in err
    data["respondents"][1]["answers"][0]["kind"] = "maybe"
    target.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(target))
    assert code == 1 and "respondents[1].answers[0].kind" in err


def test_merge_from_another_computer_never_doubles(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "demo")
    target = tmp_path / "e.json"
    run(capsys, "--db", db, "export", "2", "-o", str(target))
    # The demo's rounds are finished: a merge is refused until the assessment is reopened.
    code, out, err = run(capsys, "--db", db, "import", str(target), "--merge-into", "2")
    assert code == 1 and out == ""
    assert err.strip() == (
        "ethics-tool: error: Parauga novads (demo) — Dome, 2026-11-19 (2. kārta) (ID 2) is "
        "finished: its answers, comments and respondents can no longer be changed. Reopen it "
        "first (“Reopen” in the desktop program, or ethics-tool reopen 2)."
    )
    code, out, _ = run(capsys, "--db", db, "reopen", "2")
    assert code == 0 and out.strip() == "Assessment 2 is in progress again"
    code, out, _ = run(capsys, "--db", db, "reopen", "2")
    assert code == 0 and out.strip() == "Assessment 2 is not finished: nothing to reopen"
    code, out, _ = run(capsys, "--db", db, "import", str(target), "--merge-into", "2")
    assert code == 0
    assert "Respondents added: 0" in out and "updated: 0" in out and "conflicts: 0" in out
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert next(r for r in json.loads(out) if r["id"] == 2)["respondents"] == 4
    # Round 1 is another round (another lineage): refused, saying which assessment the file is.
    code, _, err = run(capsys, "--db", db, "import", str(target), "--merge-into", "1")
    assert code == 1
    assert "belongs to another assessment: Parauga novads (demo)" in err.splitlines()[0]
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert next(r for r in json.loads(out) if r["id"] == 1)["respondents"] == 4


def test_forms_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "forms", "validate", str(ROOT / "forms" / "quick.yaml"))
    assert code == 0 and "quick.yaml" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nversion: 1\n", encoding="utf-8")
    code, _, err = run(capsys, "forms", "validate", str(bad))
    assert code == 1
    first, *rest = err.strip().splitlines()
    assert first.startswith(f"ethics-tool: error: {bad}: ") and rest  # every problem listed


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ethics_tool", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("ethics-tool ")


def test_no_traceback_for_a_bad_database(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "ethics_tool", "--lang", "en", "list", "--db", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"ethics-tool: error: {folder} is a folder, not a database file"


def test_messages_are_latvian_by_default(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ethics_tool",
            "export",
            "7",
            "-o",
            str(tmp_path / "e.json"),
            "--db",
            str(tmp_path / "x.sqlite3"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "ethics-tool: kļūda: nav novērtējuma ar ID 7"


def test_a_file_argument_is_not_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    from ethics_tool.cli import _file_to_open

    assert _file_to_open(["--db", "x.sqlite3", "a.etika"]) == (["--db", "x.sqlite3"], "a.etika")
    assert _file_to_open(["--lang", "en", "old.json"]) == (["--lang", "en"], "old.json")
    assert _file_to_open(["report", "1", "-o", "r.json"]) == (["report", "1", "-o", "r.json"], None)
    assert _file_to_open(["list"]) == (["list"], None)
    code, out, err = run(capsys, "no-such-file.etika")
    assert code == 1 and out == ""
    assert err.strip() == "ethics-tool: error: cannot open no-such-file.etika: no such file"


def test_the_desktop_options_are_read_without_building_the_commands() -> None:
    """``ethics-tool [--db X] [--lang L] [--upgrade-server]`` (how the desktop program starts) is
    read by the parser without the subcommands, with the same result as the whole parser."""
    from ethics_tool.cli import _desktop_only, _parser

    desktop = [
        [],
        ["--db", "x.sqlite3"],
        ["--db=x.sqlite3"],
        ["--lang", "en"],
        ["--lang=lv", "--db", "a folder/a b.sqlite3", "--upgrade-server"],
        ["--upgrade-server"],
        ["--db", "one", "--db", "two"],
        ["--db", "postgresql://user@host/ethics"],
    ]
    for arguments in desktop:
        assert _desktop_only(arguments), arguments
        short = vars(_parser(commands=False).parse_args(arguments))
        assert short == vars(_parser().parse_args(arguments)), arguments
        assert short["command"] is None
    # Everything else is the whole parser's: commands, help, version, abbreviations, bad values.
    others = [
        ["list"],
        ["--db", "x", "list"],
        ["--version"],
        ["-h"],
        ["--help"],
        ["--up"],
        ["--lang", "de"],
        ["--lang"],
        ["--db"],
        ["--db", "--lang", "en"],
        ["--db="],
        ["--upgrade-server=yes"],
        ["stray"],
    ]
    for arguments in others:
        assert not _desktop_only(arguments), arguments


def test_a_bad_language_gets_the_whole_parsers_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--lang", "de"])
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert "COMMAND" in err  # the usage line of the whole command line
    assert "--lang: nederīga izvēle: 'de'" in err  # in Latvian, as every message by default


def test_dilemmas_list_validate_and_print(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "dilemmas", "list")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) >= 20
    assert lines[0].split("\t")[:2] == ["1", "relative-bid"]
    card = paths.data_root() / "forms" / "dilemmas" / "04-festival-gifts.yaml"
    code, out, _ = run(capsys, "dilemmas", "validate", str(card))
    assert code == 0 and "04-festival-gifts.yaml" in out
    broken = tmp_path / "broken.yaml"
    broken.write_text(card.read_text(encoding="utf-8").replace("themes: [T4]", "themes: [T44]"))
    code, _, err = run(capsys, "dilemmas", "validate", str(broken))
    assert code == 1 and "line 6, themes: unknown theme id(s) 'T44'" in err
    target = tmp_path / "cards.pdf"
    code, out, _ = run(
        capsys, "dilemmas", "print", "-o", str(target), "--lang", "en", "--theme", "T7"
    )
    assert code == 0 and target.stat().st_size > 10_000
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "The colleague who blew the whistle" in text
    code, _, err = run(capsys, "dilemmas", "print", "-o", str(target), "--theme", "T99")
    assert code == 1 and "T99" in err
