"""Several processes answer one assessment on a real PostgreSQL server at the same time.

Each process is one "computer" with its own respondent; all of them also change the group's agreed
answers. Afterwards every answer a process was told is committed is in the database, and the group
answers' versions form one chain: no commit was based on a version its writer had not seen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.services import NewRespondent, Services
from ethics_tool.storage.db import open_database
from ethics_tool.storage.tables import Answer

WORKERS = 4
SECONDS = 4.0
WORKER = Path(__file__).with_name("server_worker.py")
ROOT = Path(__file__).parents[2]


def test_processes_answering_at_once_lose_nothing(
    pg_cluster,  # type: ignore[no-untyped-def]
    catalog: FormCatalog,
) -> None:
    url = pg_cluster.create_database()
    try:
        services = Services(open_database(url), catalog)
        aid = services.create_assessment(
            municipality="Ķekavas novads",
            form_id="quick",
            mode=Mode.CONSENSUS,
            respondents=[NewRespondent(f"Deputāts {i + 1}", Role.DEPUTY) for i in range(WORKERS)],
        )
        people = [r for r in services.respondents(aid) if r.role is not Role.GROUP]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        procs = [
            subprocess.Popen(
                [sys.executable, str(WORKER), url, str(aid), str(p.id), str(SECONDS), str(i)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for i, p in enumerate(people)
        ]
        reports = []
        for proc in procs:
            out, err = proc.communicate(timeout=180)
            assert proc.returncode == 0, err
            reports.append(json.loads(out.strip().splitlines()[-1]))

        data = services.load(aid)
        stored = {a.label: a.answers for a in data.answers}
        for person, report in zip(people, reports, strict=True):
            assert report["own"], "a worker committed nothing: the test proved nothing"
            for qid, (value, comment) in report["own"].items():
                assert stored[person.label][qid] == AnswerValue.level(value, comment)
            assert set(stored[person.label]) == set(report["own"])

        commits = [c for report in reports for c in report["group"]]
        assert commits
        with services.db.sessions() as session:
            versions = {
                a.question_id: a.version
                for a in session.query(Answer).filter(
                    Answer.respondent_id
                    == next(r.id for r in data.respondents if r.role is Role.GROUP)
                )
            }
        group_answers = next(a.answers for a in data.answers if a.role is Role.GROUP)
        for qid in {c["q"] for c in commits}:
            chain = sorted((c for c in commits if c["q"] == qid), key=lambda c: c["produced"])
            # Each commit was based on the one before it: nobody overwrote what they had not seen.
            assert [c["based"] for c in chain] == [0] + [c["produced"] for c in chain[:-1]]
            last = chain[-1]
            assert versions[qid] == last["produced"]
            assert group_answers[qid] == AnswerValue.level(last["v"], last["c"])
        services.db.dispose()
    finally:
        pg_cluster.drop_database(url)
