"""Merging copies of one assessment from several computers: answer by answer, never losing one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ethics_tool import i18n
from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, Role
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.domain.merge import AnswerRecord, Outcome, merge_answer
from ethics_tool.services import NewRespondent, ServiceError, Services, summary_lines
from ethics_tool.storage.db import open_database


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.set_language("en")


@pytest.fixture
def two_pcs(tmp_path: Path, catalog: FormCatalog) -> Iterator[tuple[Services, Services]]:
    first = Services(open_database(tmp_path / "pc1.sqlite3"), catalog)
    second = Services(open_database(tmp_path / "pc2.sqlite3"), catalog)
    yield first, second
    first.db.dispose()
    second.db.dispose()


def _questions(services: Services, form_id: str = "council") -> list[str]:
    return [q.id for _, q in services.form(form_id).iter_questions()]


def _answers(services: Services, assessment_id: int) -> dict[str, dict[str, AnswerValue]]:
    data = services.load(assessment_id)
    return {p.label: dict(a.answers) for p, a in zip(data.respondents, data.answers, strict=True)}


def test_the_scenario_of_the_issue_loses_nothing(
    two_pcs: tuple[Services, Services], tmp_path: Path
) -> None:
    pc1, pc2 = two_pcs
    q = _questions(pc1)
    aid = pc1.create_assessment(
        municipality="Ādažu novads",
        form_id="council",
        respondents=[NewRespondent("Anna", Role.DEPUTY)],
    )
    (anna,) = pc1.respondents(aid)
    pc1.record_answers(anna.id, {qid: AnswerValue.level(2) for qid in q[:20]})
    pc1.export_json(aid, tmp_path / "to_pc2.json")

    # Second computer: import, change Q5 and Q6, add a respondent, export back.
    other = pc2.import_json(tmp_path / "to_pc2.json").assessment_id
    anna2 = pc2.respondents(other)[0]
    pc2.record_answer(anna2.id, q[4], AnswerValue.level(4, "no protokola"))
    pc2.record_answer(anna2.id, q[5], AnswerValue.level(1))
    janis = pc2.add_respondent(other, "Jānis", Role.DEPUTY)
    pc2.record_answers(janis, {qid: AnswerValue.level(3) for qid in q[:10]})
    pc2.export_json(other, tmp_path / "back.json")

    # Meanwhile on the first computer: Q21–Q23, and Q6 changed again (later: it wins).
    pc1.record_answers(anna.id, {qid: AnswerValue.level(1) for qid in q[20:23]})
    pc1.record_answer(anna.id, q[5], AnswerValue.level(3))

    summary = pc1.import_json(tmp_path / "back.json", merge_into=aid)
    answers = _answers(pc1, aid)
    assert len(answers["Anna"]) == 23  # Q21–Q23 are kept
    assert answers["Anna"][q[4]] == AnswerValue.level(4, "no protokola")
    assert answers["Anna"][q[5]] == AnswerValue.level(3)  # the newer change
    assert len(answers["Jānis"]) == 10
    assert summary.respondents_added == ["Jānis"]
    assert (summary.added, summary.updated, summary.unchanged) == (10, 1, 18)
    (conflict,) = summary.conflicts
    assert conflict.respondent == "Anna" and conflict.question_id == q[5]
    assert (conflict.kept.value, conflict.other.value) == (3, 1)
    lines = summary_lines(summary)
    assert lines[1] == "Respondents added: 1 (Jānis)"
    assert lines[2] == "Answers added: 10, updated: 1, unchanged: 18, conflicts: 1"
    assert lines[3].startswith(f"Conflict Anna / {q[5]}: kept 3 (changed ")
    assert "set aside 1 (changed" in lines[3]
    assert pc1.info(aid).mode is Mode.INDIVIDUAL

    # The same file again changes nothing.
    again = pc1.import_json(tmp_path / "back.json", merge_into=aid)
    assert (again.added, again.updated, len(again.conflicts)) == (0, 0, 0)
    assert not again.respondents_added and not again.changed
    assert _answers(pc1, aid) == answers

    # The first computer's state merged into the second gives the same answers there.
    pc1.export_json(aid, tmp_path / "final.json")
    pc2.import_json(tmp_path / "final.json", merge_into=other)
    assert _answers(pc2, other) == answers


def test_a_file_of_another_round_is_refused_naming_its_assessment(
    services: Services, tmp_path: Path
) -> None:
    last = services.create_assessment(municipality="Siguldas novads", form_id="quick")
    (person,) = services.respondents(last)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(2))
    services.export_json(last, tmp_path / "last_year.json")
    this = services.new_round(last)
    copy = services.duplicate(this)
    for target in (this, copy):
        with pytest.raises(ServiceError) as caught:
            services.import_json(tmp_path / "last_year.json", merge_into=target)
        assert "belongs to another assessment: Siguldas novads — dome" in caught.value.message
        assert caught.value.details == [f"In this database that is assessment {last}."]
    assert _answers(services, this) == {"1": {}}
    assert services.info(this).mode is Mode.SINGLE
    # Respondents keep their UUIDs in the new round and the copy (the same people).
    assert services.respondents(this)[0].uuid == person.uuid
    assert services.respondents(copy)[0].uuid == person.uuid
    assert services.info(this).lineage != services.info(last).lineage


def test_a_comment_without_an_answer_is_stored_exported_and_merged(
    two_pcs: tuple[Services, Services], tmp_path: Path
) -> None:
    pc1, pc2 = two_pcs
    aid = pc1.create_assessment(municipality="Rēzeknes novads", form_id="quick")
    (person,) = pc1.respondents(aid)
    pc1.record_comment(person.id, "T5.Q1", "Jāpārbauda nolikums")
    data = pc1.load(aid)
    assert data.answers[0].notes == {"T5.Q1": "Jāpārbauda nolikums"}
    assert data.answers[0].answers == {}
    assert pc1.list_assessments()[0].progress == 0.0
    pc1.export_json(aid, tmp_path / "a.json")
    exported = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    (answer,) = exported["respondents"][0]["answers"]
    assert answer["kind"] is None and answer["comment"] == "Jāpārbauda nolikums"
    other = pc2.import_json(tmp_path / "a.json").assessment_id
    assert pc2.load(other).answers[0].notes == {"T5.Q1": "Jāpārbauda nolikums"}
    # Answering keeps the comment; clearing the answer keeps it as a note again.
    pc1.record_answer(person.id, "T5.Q1", AnswerValue.level(2, "Jāpārbauda nolikums"))
    pc1.record_answer(person.id, "T5.Q1", None)
    assert pc1.load(aid).answers[0].notes == {"T5.Q1": "Jāpārbauda nolikums"}
    pc1.record_comment(person.id, "T5.Q1", "")
    assert pc1.load(aid).answers[0].notes == {}


def test_a_version_1_file_is_still_read(services: Services, tmp_path: Path) -> None:
    aid = services.create_assessment(municipality="Talsu novads", form_id="quick")
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(2))
    services.export_json(aid, tmp_path / "v2.json")
    doc = json.loads((tmp_path / "v2.json").read_text(encoding="utf-8"))
    doc["format_version"] = 1
    del doc["assessment"]["lineage"]
    for respondent in doc["respondents"]:
        for answer in respondent["answers"]:
            for key in ("updated_at", "installation", "clock"):
                del answer[key]
        respondent["answers"].append({"question_id": "T1.Q2", "kind": "na", "comment": ""})
    (tmp_path / "v1.json").write_text(json.dumps(doc), encoding="utf-8")
    summary = services.import_json(tmp_path / "v1.json", merge_into=aid)
    assert (summary.added, summary.unchanged, summary.conflicts) == (1, 1, [])
    assert _answers(services, aid)["1"]["T1.Q2"] == AnswerValue.na()


# -- the merge rule itself --------------------------------------------------------------------------

KINDS = st.sampled_from([AnswerKind.LEVEL, AnswerKind.NA, AnswerKind.UNKNOWN, None])


def test_merge_answer_rules() -> None:
    base = AnswerRecord("Q", AnswerKind.LEVEL, 1, clock={"a": 1})
    newer = AnswerRecord("Q", AnswerKind.LEVEL, 2, clock={"a": 1, "b": 1})
    assert merge_answer(None, base)[0] is Outcome.ADDED
    assert merge_answer(base, newer)[:2] == (Outcome.UPDATED, newer)
    assert merge_answer(newer, base)[:2] == (Outcome.UNCHANGED, newer)
    assert merge_answer(newer, newer)[0] is Outcome.UNCHANGED


@st.composite
def _edit_scripts(draw: st.DrawFn) -> list[tuple[int, str, AnswerValue | None]]:
    """A list of (copy 0 or 1, question, new answer or None = clear) edits, interleaved."""
    questions = ["T1.Q1", "T2.Q1", "T3.Q1", "T3.Q2"]  # maturity questions: levels 0–4
    steps = draw(st.lists(st.tuples(st.integers(0, 1), st.sampled_from(questions)), max_size=14))
    out: list[tuple[int, str, AnswerValue | None]] = []
    for side, qid in steps:
        kind = draw(st.sampled_from(["level", "comment", "clear", "na"]))
        if kind == "level":
            out.append((side, qid, AnswerValue.level(draw(st.integers(0, 4)))))
        elif kind == "comment":
            out.append((side, qid, AnswerValue.level(2, draw(st.sampled_from(["ā", "b", ""])))))
        elif kind == "na":
            out.append((side, qid, AnswerValue.unknown()))
        else:
            out.append((side, qid, None))
    return out


@pytest.fixture
def pair(tmp_path: Path, catalog: FormCatalog) -> Iterator[tuple[list[Services], Path]]:
    pcs = [Services(open_database(tmp_path / f"pc{i}.sqlite3"), catalog) for i in (0, 1)]
    yield pcs, tmp_path
    for services in pcs:
        services.db.dispose()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(script=_edit_scripts(), sync_at=st.integers(0, 14))
def test_merging_either_way_gives_the_same_answers(
    pair: tuple[list[Services], Path],
    script: list[tuple[int, str, AnswerValue | None]],
    sync_at: int,
) -> None:
    # Each example works on a fresh assessment in the same two databases (no migration per run).
    pcs, folder = pair
    aid = pcs[0].create_assessment(municipality="Cēsu novads", form_id="quick")
    pcs[0].export_json(aid, folder / "start.json")
    ids = [aid, pcs[1].import_json(folder / "start.json").assessment_id]
    people = [pcs[i].respondents(ids[i])[0].id for i in (0, 1)]
    for step, (side, qid, answer) in enumerate(script):
        if step == sync_at:  # one exchange midway: copy 1 takes copy 0's state
            pcs[0].export_json(ids[0], folder / "mid.json")
            pcs[1].import_json(folder / "mid.json", merge_into=ids[1])
        pcs[side].record_answer(people[side], qid, answer)
    pcs[0].export_json(ids[0], folder / "a.json")
    pcs[1].export_json(ids[1], folder / "b.json")
    pcs[0].import_json(folder / "b.json", merge_into=ids[0])
    pcs[1].import_json(folder / "a.json", merge_into=ids[1])
    first, second = _answers(pcs[0], ids[0]), _answers(pcs[1], ids[1])
    assert first == second
    # The last answer given to each question, on whichever copy, is what both now hold (a clear
    # on a copy that never had the answer is no change at all, so only given answers count).
    last = {qid: answer for _, qid, answer in script}
    for qid, answer in last.items():
        if answer is not None:
            assert first["1"].get(qid) == answer
    # Merging again changes nothing.
    pcs[0].export_json(ids[0], folder / "a2.json")
    assert not pcs[1].import_json(folder / "a2.json", merge_into=ids[1]).changed


def test_a_file_whose_questionnaire_text_differs_says_so(
    services: Services, tmp_path: Path
) -> None:
    aid = services.create_assessment(municipality="Siguldas novads", form_id="quick")
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(2))
    services.export_json(aid, tmp_path / "copy.json")
    document = json.loads((tmp_path / "copy.json").read_text(encoding="utf-8"))
    # Same questionnaire id and version, but someone edited a question's wording on that PC.
    question = document["form"]["themes"][0]["questions"][0]
    question["text"] = {key: value + " (labots)" for key, value in question["text"].items()}
    document.pop("form_hash", None)
    (tmp_path / "copy.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ServiceError) as caught:
        services.import_json(tmp_path / "copy.json", merge_into=aid)
    message = caught.value.message
    assert "text of questionnaire quick" in message and "differs from the one" in message
    assert "different questionnaire" not in message
    assert _answers(services, aid) == {"1": {"T1.Q1": AnswerValue.level(2)}}
