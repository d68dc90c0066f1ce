"""Storage figures for issue #9: kill -9 while answering, and two processes answering at once.

    python benchmarks/storage.py [--trials 100] [--new 20] [--seconds 60]

1. ``--trials`` kills (SIGKILL at a random moment) of a child that answers questions and reports
   each committed answer, at a random moment while it answers; ``--new`` of them on a brand-new
   file, killed at a random moment while the database is being created. After each kill: does
   the file open, and is every reported answer there?
2. Two processes answering the same assessment (two respondents) for ``--seconds``: storage
   errors they saw, answers they reported, answers missing afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import storage_trials as trials


def kill_trials(folder: Path, total: int, new: int, seed: int) -> None:
    rng = random.Random(seed)
    new_rounds = set(rng.sample(range(total), new))
    reported: dict[tuple[int, str], tuple[int, str]] = {}
    db = folder / "kill.sqlite3"
    opened_ok = lost_total = committed = before_open = 0
    failures: list[str] = []
    started = time.monotonic()
    for round_no in range(total):
        is_new = round_no in new_rounds
        target = folder / f"new-{round_no}.sqlite3" if is_new else db
        trial = trials.kill_during(target, round_no, rng, is_new)
        committed += trial.lines
        if is_new and not trial.opened:
            before_open += 1
        check = reported if not is_new else {}
        for key, (value, comment) in trial.reported.items():
            if key not in check or trials.order(comment) > trials.order(check[key][1]):
                check[key] = (value, comment)
        try:
            lost = trials.lost_answers(target, check)
        except Exception as exc:  # a file that does not open is the figure we measure
            failures.append(f"round {round_no}: {type(exc).__name__}: {exc}")
            continue
        opened_ok += 1
        lost_total += len(lost)
        failures.extend(f"round {round_no}: lost {item}" for item in lost)
    print(
        f"kill -9 trials: {total} ({new} on a brand-new file), {time.monotonic() - started:.0f} s"
    )
    print(
        f"  new-file kills that came before the database was open (during creation): {before_open}"
    )
    print(f"  answers reported committed before the kill: {committed}")
    print(f"  database opened after the kill: {opened_ok} of {total}")
    print(f"  committed answers lost: {lost_total}")
    for line in failures[:10]:
        print(f"  ! {line}")


def two_writers(folder: Path, seconds: float) -> None:
    db = folder / "two.sqlite3"
    from ethics_tool import paths
    from ethics_tool.domain.answers import Mode
    from ethics_tool.domain.loader import load_catalog
    from ethics_tool.services import NewRespondent, Services
    from ethics_tool.storage.db import open_database

    services = Services(open_database(db), load_catalog([paths.data_root() / "forms"]))
    services.create_assessment(
        municipality="Izmēģinājuma novads",
        form_id="council",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("A"), NewRespondent("B")],
    )
    services.db.dispose()
    runs = [trials.start(db, 1000 + who, who, seconds) for who in (0, 1)]
    for proc, _trial, reader in runs:
        proc.wait(timeout=seconds + 120)
        reader.join(timeout=10)
    reported: dict[tuple[int, str], tuple[int, str]] = {}
    errors: list[str] = []
    lines = 0
    for _proc, trial, _reader in runs:
        reported.update(trial.reported)
        errors.extend(trial.errors)
        lines += trial.lines
    lost = trials.lost_answers(db, reported)
    print(f"two processes answering one assessment for {seconds:.0f} s:")
    print(f"  answers written: {lines} ({lines / seconds:.0f} per second together)")
    print(f"  storage errors: {len(errors)}")
    print(f"  answers lost: {len(lost)}")
    for line in (errors + lost)[:10]:
        print(f"  ! {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--new", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if not hasattr(signal, "SIGKILL"):
        print("needs SIGKILL (Linux or macOS)")
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_STATE_HOME"] = str(Path(tmp) / "state")  # the children's logs stay here
        kill_trials(Path(tmp), args.trials, args.new, args.seed)
        two_writers(Path(tmp), args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
