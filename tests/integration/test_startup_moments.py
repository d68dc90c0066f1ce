"""``ETHICS_TOOL_EXIT_WHEN_READY``: the program says when its window painted or its list filled.

The slow bundle test and ``benchmarks/startup.py`` time these lines; here the real entry point
(``python -m ethics_tool``) is run as a user starts it, on a new and then on an existing database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _start(db: Path, leave: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["ETHICS_TOOL_EXIT_WHEN_READY"] = leave
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    return subprocess.run(
        [sys.executable, "-m", "ethics_tool", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=home,
    )


def test_the_program_names_the_moment_it_leaves_at(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite3"
    first = _start(db, "ready", tmp_path)  # creates the database
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == ["ethics-tool: ready"]
    assert db.is_file()
    # The questionnaires are loaded after ready (docs/startup.md): "core" waits for them.
    core = _start(db, "core", tmp_path)  # creates the form cache
    assert core.returncode == 0, core.stderr
    assert core.stdout.splitlines() == ["ethics-tool: core"]
    assert list((tmp_path / "xdg_cache_home").rglob("*.json")), "no form cache was written"
    again = _start(db, "ready", tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == ["ethics-tool: ready"]
    shown = _start(db, "shown", tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == ["ethics-tool: shown"]
