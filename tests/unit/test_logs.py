"""One logging set-up for CLI and GUI: a rotating file in the log folder, hard crashes in crash.log."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ethics_tool import cli, logs

ROOT = Path(__file__).resolve().parents[2]


def flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_records_go_to_the_rotating_file_of_the_folder(tmp_path: Path) -> None:
    files = logs.setup(tmp_path / "one")
    assert files.log == tmp_path / "one" / "ethics-tool.log"
    assert logs.setup(tmp_path / "one") is files  # once per folder
    logging.getLogger("ethics_tool.test").warning("Brīdinājums: ūdens")
    flush()
    assert "WARNING ethics_tool.test: Brīdinājums: ūdens" in files.log.read_text("utf-8")

    moved = logs.setup(tmp_path / "two")
    logging.getLogger("ethics_tool.test").warning("second")
    flush()
    assert moved.log is not None and "second" in moved.log.read_text("utf-8")
    assert "second" not in files.log.read_text("utf-8")
    assert sum(type(h).__name__ == "RotatingFileHandler" for h in logging.getLogger().handlers) == 1


def test_an_unwritable_log_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    files = logs.setup(blocker / "log", stderr_fallback=False)
    assert files.log is None and files.crash is None
    logging.getLogger("ethics_tool.test").error("goes nowhere, raises nothing")


def test_a_hard_crash_leaves_its_stack_in_crash_log(tmp_path: Path) -> None:
    """A real segmentation fault in a child process (what a crash inside Qt looks like)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    env["PYTHONPATH"] = str(ROOT)
    code = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from ethics_tool import logs\n"
        "files = logs.setup(Path(sys.argv[1]))\n"
        "print(files.crash, flush=True)\n"
        "faulthandler._sigsegv()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    crash = tmp_path / "crash.log"
    assert done.stdout.strip() == str(crash)
    text = crash.read_text("utf-8")
    assert "started version" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert "<string>" in text  # the stack of the crashing thread
    assert "Segmentation fault" not in done.stderr  # nothing in the user's face
    assert "pid" in (tmp_path / "ethics-tool.log").read_text("utf-8")


def test_a_big_crash_log_is_rotated(tmp_path: Path) -> None:
    crash = tmp_path / "crash.log"
    crash.write_text("x" * (logs.CRASH_MAX_BYTES + 1))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    env["PYTHONPATH"] = str(ROOT)
    code = "import sys, pathlib, ethics_tool.logs as l; l.setup(pathlib.Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env, check=True, timeout=60)
    assert (tmp_path / "crash.log.1").stat().st_size == logs.CRASH_MAX_BYTES + 1
    assert crash.read_text("utf-8").startswith("--- ")


def test_a_bug_in_the_cli_is_one_line_with_the_traceback_in_the_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("Kļūda komandā")

    monkeypatch.setitem(cli.COMMANDS, "list", broken)
    assert cli.main(["--lang", "en", "list", "--db", str(tmp_path / "x.sqlite3")]) == 1
    err = capsys.readouterr().err
    files = logs.current()
    assert files is not None and files.log is not None
    assert err.strip() == (
        f"ethics-tool: internal error: RuntimeError: Kļūda komandā (details: {files.log})"
    )
    flush()
    text = files.log.read_text("utf-8")
    assert "unhandled error in the command line" in text and "Traceback" in text
