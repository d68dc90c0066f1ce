"""kill -9 while answering, including while the file is first created: nothing committed is lost.

A child process answers questions and reports each answer once its transaction has committed; it
is killed with SIGKILL at a random moment (20 times; 5 of them on a brand-new file, mostly while
the database is being created). After every kill the file must open, and every answer the child
reported must be there. ``benchmarks/storage.py`` runs the same trial 100 times.
"""

from __future__ import annotations

import random
import signal
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import storage_trials as trials  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def test_kill_9_loses_no_committed_answer(tmp_path: Path) -> None:
    rng = random.Random(9)
    reported: dict[tuple[int, str], tuple[int, str]] = {}
    db = tmp_path / "kill.sqlite3"
    committed = 0
    for round_no in range(20):
        new_file = round_no % 4 == 0  # 5 of the 20 on a brand-new file
        if new_file:
            db = tmp_path / f"new-{round_no}.sqlite3"
            reported = {}
        trial = trials.kill_during(db, round_no, rng, new_file)
        assert not trial.errors
        committed += trial.lines
        for key, (value, comment) in trial.reported.items():
            if key not in reported or trials.order(comment) > trials.order(reported[key][1]):
                reported[key] = (value, comment)
        # The file opens after every kill, and holds every answer reported as committed.
        assert trials.lost_answers(db, reported) == []
    assert committed > 0  # the kills came while answers were being written
