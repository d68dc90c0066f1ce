"""Child process for the storage trials: answers questions and reports each committed answer.

usage: python storage_child.py DB ROUND [RESPONDENT_INDEX] [SECONDS]

Prints ``opening`` just before the database is opened (created, for a new file), ``opened`` once
it is open, then one line per committed answer:
``<question id> <value> <comment>``; a storage fault is printed as ``error <message>`` and the
child goes on (the busy timeout makes writers wait, so there should be none). Used by the kill -9
test (killed at a random moment) and by ``benchmarks/storage.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> int:
    path = Path(sys.argv[1])
    round_no = int(sys.argv[2])
    who = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0

    from ethics_tool import paths
    from ethics_tool.domain.answers import AnswerValue, Mode
    from ethics_tool.domain.loader import load_catalog
    from ethics_tool.services import NewRespondent, Services
    from ethics_tool.storage.db import StorageError, open_database

    catalog = load_catalog([paths.data_root() / "forms"])
    print("opening", flush=True)  # imports done: the database is opened (or created) now
    services = Services(open_database(path), catalog)
    print("opened", flush=True)
    rows = services.list_assessments()
    if rows:
        aid = rows[-1].info.id
    else:
        aid = services.create_assessment(
            municipality="Izmēģinājuma novads",
            form_id="council",
            mode=Mode.INDIVIDUAL,
            respondents=[NewRespondent("A"), NewRespondent("B")],
        )
    person = services.respondents(aid)[who].id
    questions = [q.id for _, q in services.form("council").iter_questions()]
    end = time.monotonic() + seconds if seconds else None
    i = 0
    while end is None or time.monotonic() < end:
        qid = questions[i % len(questions)]
        value = 1 + (i + round_no) % 4  # on both scales (0–4 and 1–5)
        comment = f"r{round_no}-{i}"
        try:
            services.record_answer(person, qid, AnswerValue.level(value, comment))
        except StorageError as exc:
            print(f"error {exc.first_line}", flush=True)
        else:
            print(f"{qid} {value} {comment}", flush=True)
        i += 1
    services.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
