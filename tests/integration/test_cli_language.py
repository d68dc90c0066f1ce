"""The command line speaks Latvian by default (help, argparse's own words, errors) and English on request."""

from __future__ import annotations

import pytest

from ethics_tool.cli import main


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*args, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_help_is_latvian_by_default_and_english_on_request(
    capsys: pytest.CaptureFixture[str],
) -> None:
    latvian = _help(capsys)
    assert latvian.startswith("lietojums: ethics-tool")
    assert "iespējas:" in latvian and "parādīt šo palīdzību un iziet" in latvian
    assert "novērtējumu saraksts" in latvian  # the help of 'list'
    assert "usage" not in latvian and "show this help" not in latvian

    english = _help(capsys, "--lang", "en")
    assert english.startswith("usage: ethics-tool")
    assert "options:" in english and "list assessments, one per line, ID first" in english

    report = _help(capsys, "report")
    assert "pozicionālie argumenti:" in report and "novērtējuma ID" in report


def test_argparse_errors_are_latvian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("ethics-tool report: kļūda: trūkst obligāto argumentu: ")

    with pytest.raises(SystemExit):
        main(["--lang", "en", "report"])
    assert "error: the following arguments are required" in capsys.readouterr().err


def test_user_errors_are_latvian(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    db = str(tmp_path) + "/empty.db"  # type: ignore[operator]
    assert main(["report", "7", "-o", str(tmp_path) + "/r.pdf", "--db", db]) == 1
    assert capsys.readouterr().err.strip() == "ethics-tool: kļūda: nav novērtējuma ar ID 7"
    assert main(["--lang", "en", "report", "7", "-o", str(tmp_path) + "/r.pdf", "--db", db]) == 1
    assert capsys.readouterr().err.strip() == "ethics-tool: error: no assessment with ID 7"


def test_list_on_an_empty_database_prints_a_header_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    db = str(tmp_path) + "/empty.db"  # type: ignore[operator]
    assert main(["list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == [
        "ID",
        "Pašvaldība",
        "Vērtējamā vienība",
        "Anketa",
        "Datums",
        "Režīms",
        "Statuss",
        "Atbildēts",
    ]
    assert lines[1].startswith("Novērtējumu vēl nav")
    assert main(["--lang", "en", "list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ID\tMunicipality") and lines[1].startswith("No assessments yet")


@pytest.mark.parametrize("action", ["export", "import", "show", "publish", "load"])
def test_benchmark_help_is_latvian(capsys: pytest.CaptureFixture[str], action: str) -> None:
    """Every benchmark subcommand's help, options included, is translated like the rest."""
    latvian = _help(capsys, "benchmark", action)
    english = _help(capsys, "--lang", "en", "benchmark", action)
    assert latvian.startswith("lietojums: ethics-tool benchmark " + action)
    # No help line is left as it is in English (the option names themselves stay).
    english_lines = {line.strip() for line in english.splitlines() if line.strip()}
    same = [
        line.strip()
        for line in latvian.splitlines()
        if line.strip() in english_lines
        and " " in line.strip()  # a lone argument name ("id") is not a text
        and not line.strip().startswith(("-", "{", "[", "lieto"))
    ]
    assert same == [], same
    overview = _help(capsys, "benchmark")
    assert "anonīmie salīdzināšanas faili" in overview or "ielādēt publicētu atskaiti" in overview
