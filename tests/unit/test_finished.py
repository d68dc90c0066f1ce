"""A finished assessment is protected: what it assessed cannot change until it is reopened.

Its answers, comments and respondents (and its unit, municipality and date) are refused with a
message that says how to reopen it; the action plan, the round label and "prepared by" stay
editable, and copying, duplicating and new rounds keep working.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ethics_tool import i18n
from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus, Status
from ethics_tool.services import FinishedError, NewRespondent, Services

REFUSED = (
    r"Ķekavas novads — Dome, 2026-05-01 \(1\. kārta\) \(ID \d+\) is finished: its answers, "
    r"comments and respondents can no longer be changed\. Reopen it first"
)


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.set_language("en")


def finished(services: Services) -> int:
    assessment_id = services.create_assessment(
        municipality="Ķekavas novads",
        form_id="quick",
        unit_name="Dome",
        assessed_on=date(2026, 5, 1),
        round_label="1. kārta",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Deputāts 1", Role.DEPUTY), NewRespondent("Deputāte 2")],
    )
    person = services.respondents(assessment_id)[0]
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(2, "sākumā"))
    services.set_status(assessment_id, Status.COMPLETED)
    return assessment_id


def test_answers_comments_and_respondents_are_refused(services: Services) -> None:
    assessment_id = finished(services)
    first, second = services.respondents(assessment_id)
    before = services.load(assessment_id)
    record, position = services.respondent_record(second.id)
    refused = [
        lambda: services.record_answer(first.id, "T1.Q1", AnswerValue.level(4)),
        lambda: services.record_answer(first.id, "T1.Q1", None),
        lambda: services.record_answers(first.id, {"T1.Q2": AnswerValue.level(1)}),
        lambda: services.record_comment(second.id, "T1.Q1", "vēlāk"),
        lambda: services.add_respondent(assessment_id, "Jauns"),
        lambda: services.update_respondent(first.id, "Cits vārds", Role.DEPUTY),
        lambda: services.remove_respondent(second.id),
        lambda: services.restore_respondent(assessment_id, record, position),  # an undo
        lambda: services.update_info(assessment_id, municipality="Rīga"),
        lambda: services.update_info(assessment_id, assessed_on=date(2026, 6, 1)),
    ]
    for change in refused:
        with pytest.raises(FinishedError, match=REFUSED):
            change()
    after = services.load(assessment_id)
    assert (after.info, after.respondents, after.answers) == (
        before.info,
        before.respondents,
        before.answers,
    )


def test_the_action_plan_and_the_reports_cover_stay_editable(services: Services) -> None:
    assessment_id = finished(services)
    action_id = services.save_action(
        assessment_id, ActionData(id=None, question_id="T1.Q1", text="Apmācība")
    )
    (action,) = services.actions(assessment_id)
    services.save_action(
        assessment_id,
        ActionData(
            id=action_id,
            question_id="T1.Q1",
            text="Apmācība",
            responsible="Sekretāre",
            deadline=date(2027, 3, 31),
            status=ActionStatus.DONE,
        ),
    )
    assert services.actions(assessment_id)[0].status is ActionStatus.DONE
    services.update_info(assessment_id, prepared_by="Ētikas komisija", round_label="Pavasaris")
    info = services.info(assessment_id)
    assert (info.prepared_by, info.round_label, info.status) == (
        "Ētikas komisija",
        "Pavasaris",
        Status.COMPLETED,
    )
    services.delete_action(action_id)
    assert services.actions(assessment_id) == []
    assert action.text == "Apmācība"


def test_reopened_it_can_be_changed_again(services: Services) -> None:
    assessment_id = finished(services)
    person = services.respondents(assessment_id)[0]
    services.set_status(assessment_id, Status.IN_PROGRESS)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(4))
    services.add_respondent(assessment_id, "Jauns")
    assert services.load(assessment_id).answers[0].answers["T1.Q1"] == AnswerValue.level(4)
    assert len(services.respondents(assessment_id)) == 3


def test_copies_and_new_rounds_of_a_finished_assessment_can_be_answered(
    services: Services,
) -> None:
    assessment_id = finished(services)
    for new_id in (services.duplicate(assessment_id), services.new_round(assessment_id)):
        assert services.info(new_id).status is Status.IN_PROGRESS
        person = services.respondents(new_id)[0]
        services.record_answer(person.id, "T1.Q2", AnswerValue.level(3))


def test_a_merge_into_a_finished_assessment_is_refused(services: Services, tmp_path: Path) -> None:
    assessment_id = finished(services)
    exported = tmp_path / "other.json"
    services.export_json(assessment_id, exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["respondents"][0]["answers"][0]["value"] = 3
    exported.write_text(json.dumps(data), encoding="utf-8")
    backups = services.db.path.parent / (services.db.path.name + ".backups")
    taken = set(backups.iterdir()) if backups.is_dir() else set()
    with pytest.raises(FinishedError, match=REFUSED):
        services.import_json(exported, merge_into=assessment_id)
    # Refused before anything was written, the backup taken before a merge included.
    assert (set(backups.iterdir()) if backups.is_dir() else set()) == taken
    first = services.respondents(assessment_id)[0]
    assert services.load(assessment_id).answers[0].answers["T1.Q1"].value == 2
    assert first.label == "Deputāts 1"
    services.set_status(assessment_id, Status.IN_PROGRESS)
    summary = services.import_json(exported, merge_into=assessment_id)
    assert summary.assessment_id == assessment_id
