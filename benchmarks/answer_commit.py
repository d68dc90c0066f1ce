"""Answer-commit latency on SQLite and on PostgreSQL, side by side.

One answer = one ``Services.record_answer`` call, which commits before it returns (what the GUI
does on every click). Prints the median and the 99th percentile per engine; the last line is
key=value pairs. PostgreSQL is a throw-away local cluster started for the run (durable settings:
fsync and synchronous_commit on, like a real server), or the server given with ``--pg-url``.

Run: python benchmarks/answer_commit.py [--answers 500] [--pg-url postgresql://user@host/db]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the throw-away cluster helper

from ethics_tool.domain.answers import AnswerValue, Mode, Role  # noqa: E402
from ethics_tool.domain.loader import load_catalog  # noqa: E402
from ethics_tool.paths import data_root  # noqa: E402
from ethics_tool.services import NewRespondent, Services  # noqa: E402
from ethics_tool.storage.db import open_database  # noqa: E402


def measure(target: str, answers: int) -> list[float]:
    services = Services(open_database(target), load_catalog([data_root() / "forms"]))
    try:
        aid = services.create_assessment(
            municipality="Mērījumu novads",
            form_id="council",
            mode=Mode.INDIVIDUAL,
            respondents=[NewRespondent(f"Deputāts {i}", Role.DEPUTY) for i in range(1, 6)],
        )
        data = services.load(aid)
        questions = [q for _theme, q in data.form.iter_questions() if q.type.value == "maturity"]
        people = [r.id for r in data.respondents]
        rng = random.Random(7)
        for _ in range(20):  # warm up the connection pool and the caches
            services.record_answer(people[0], questions[0].id, AnswerValue.level(1))
        times = []
        for i in range(answers):
            question = questions[i % len(questions)]
            answer = AnswerValue.level(rng.randrange(0, 5), f"komentārs {i} — ā č ē ģ")
            start = time.perf_counter()
            services.record_answer(people[i % len(people)], question.id, answer)
            times.append((time.perf_counter() - start) * 1000)
        return times
    finally:
        services.db.dispose()


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--pg-url", help="an existing PostgreSQL database (default: a local one)")
    args = parser.parse_args()

    rows: list[tuple[str, list[float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        rows.append(
            ("SQLite (file, WAL)", measure(str(Path(folder) / "bench.sqlite3"), args.answers))
        )
    if args.pg_url:
        rows.append(
            ("PostgreSQL (" + args.pg_url.split("@")[-1] + ")", measure(args.pg_url, args.answers))
        )
    else:
        from pgcluster import Cluster, find_binaries

        bindir = find_binaries()
        if bindir is None:
            print("PostgreSQL server binaries not found: only SQLite measured", file=sys.stderr)
        else:
            cluster = Cluster.start(bindir, durable=True)
            try:
                version = cluster.server_version()
                url = cluster.create_database()
                rows.append((f"PostgreSQL {version} (local, TCP)", measure(url, args.answers)))
            finally:
                cluster.stop()

    print(f"Answer commit latency, {args.answers} answers each (ms)")
    print(f"{'engine':<34}{'median':>9}{'p99':>9}{'max':>9}")
    pairs = []
    for name, times in rows:
        median, high = statistics.median(times), p99(times)
        print(f"{name:<34}{median:>9.2f}{high:>9.2f}{max(times):>9.2f}")
        key = "sqlite" if name.startswith("SQLite") else "postgresql"
        pairs += [f"{key}_median_ms={median:.2f}", f"{key}_p99_ms={high:.2f}"]
    print(" ".join(pairs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
