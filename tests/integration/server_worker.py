"""One "computer" of the concurrency test: answers one assessment on a server for a while.

Run as ``python server_worker.py URL ASSESSMENT_ID RESPONDENT_ID SECONDS SEED``. It prints one JSON
line: the answers it saw committed (the last per question), the group answers it committed with
the version each was based on and produced, and how many conflicts it was told about.
"""

from __future__ import annotations

import json
import random
import sys
import time

from ethics_tool.domain.answers import AnswerValue, Role
from ethics_tool.domain.loader import load_catalog
from ethics_tool.domain.questionnaire import ItemType
from ethics_tool.paths import data_root
from ethics_tool.services import ConflictError, Services
from ethics_tool.storage.db import open_database


def main() -> None:
    url, aid, rid, seconds, seed = sys.argv[1:6]
    rng = random.Random(int(seed))
    services = Services(open_database(url), load_catalog([data_root() / "forms"]))
    data = services.load(int(aid), editing=True)
    group = next(r.id for r in data.respondents if r.role is Role.GROUP)
    choices = {
        q.id: [
            level.value
            for level in (
                data.form.scale.levels if q.type is ItemType.MATURITY else data.form.scale.agreement
            )
        ]
        for _theme, q in data.form.iter_questions()
    }
    questions = sorted(choices)
    own: dict[str, list[object]] = {}
    group_commits: list[dict[str, object]] = []
    conflicts = 0
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        qid = rng.choice(questions)
        value = rng.choice(choices[qid])
        comment = f"{rid}-{rng.randrange(10**6)}"
        if rng.random() < 0.25:
            based = services.seen.answers[group].get(qid, 0)
            try:
                services.record_answer(group, qid, AnswerValue.level(value, comment))
            except ConflictError:
                conflicts += 1
                services.load(int(aid), editing=True)  # what a user does after the message: reload
                continue
            produced = services.seen.answers[group][qid]
            group_commits.append(
                {"q": qid, "v": value, "c": comment, "based": based, "produced": produced}
            )
        else:
            services.record_answer(int(rid), qid, AnswerValue.level(value, comment))
            own[qid] = [value, comment]  # reported committed: record_answer returned
    services.db.dispose()
    print(json.dumps({"own": own, "group": group_commits, "conflicts": conflicts}))


if __name__ == "__main__":
    main()
