"""Shared by the kill -9 test and the storage benchmark: run a child, kill it, check the file."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

CHILD = Path(__file__).with_name("storage_child.py")
_COUNTER = re.compile(r"^r(\d+)-(\d+)$")


@dataclass
class Trial:
    reported: dict[tuple[int, str], tuple[int, str]] = field(default_factory=dict)
    lines: int = 0
    errors: list[str] = field(default_factory=list)
    opening: bool = False
    opened: bool = False


def _env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(CHILD.parents[1])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def start(
    db: Path, round_no: int, who: int = 0, seconds: float = 0.0
) -> tuple[subprocess.Popen[str], Trial, threading.Thread]:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(db), str(round_no), str(who), str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=_env(),
    )
    trial = Trial()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            line = line.rstrip("\n")
            if line == "opening":
                trial.opening = True
            elif line == "opened":
                trial.opened = True
            elif line.startswith("error "):
                trial.errors.append(line[6:])
            elif line:
                qid, value, comment = line.split(" ", 2)
                trial.reported[(who, qid)] = (int(value), comment)
                trial.lines += 1

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return proc, trial, reader


def kill_after(db: Path, round_no: int, delay: float) -> Trial:
    proc, trial, reader = start(db, round_no)
    time.sleep(delay)
    return _kill(proc, trial, reader)


def kill_during(db: Path, round_no: int, rng: random.Random, new_file: bool) -> Trial:
    """Kill at a random moment of the part that matters: creating the file, or answering.

    The child's own start (imports) takes seconds on a busy machine, so the moment is chosen
    after it says ``opening`` (a new file: within the creation) or ``opened`` (while answering).
    """
    proc, trial, reader = start(db, round_no)
    marker = "opening" if new_file else "opened"
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if getattr(trial, marker):
            break
        time.sleep(0.002)
    time.sleep(rng.uniform(0.0, 0.4) if new_file else rng.uniform(0.05, 0.6))
    return _kill(proc, trial, reader)


def _kill(proc: subprocess.Popen[str], trial: Trial, reader: threading.Thread) -> Trial:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(timeout=10)
    return trial


def order(comment: str) -> tuple[int, int]:
    match = _COUNTER.match(comment)
    assert match, comment
    return int(match[1]), int(match[2])


def lost_answers(db: Path, reported: dict[tuple[int, str], tuple[int, str]]) -> list[str]:
    """Reported (committed) answers missing from the file, or older there than reported."""
    from ethics_tool import paths
    from ethics_tool.domain.loader import load_catalog
    from ethics_tool.services import Services
    from ethics_tool.storage.db import open_database

    services = Services(
        open_database(db, backups=False), load_catalog([paths.data_root() / "forms"])
    )
    try:
        rows = services.list_assessments()
        if not rows:
            return [f"{qid} (no assessment)" for (_, qid) in reported]
        data = services.load(rows[-1].info.id)
        lost = []
        for (who, qid), (_value, comment) in reported.items():
            stored = data.answers[who].answers.get(qid)
            if stored is None or order(stored.comment) < order(comment):
                lost.append(f"{who}/{qid}: reported {comment}, stored {stored}")
        return lost
    finally:
        services.db.dispose()
