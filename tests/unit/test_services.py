"""Use cases over a real database: rounds, duplicates, respondents, the action plan, demo data."""

from __future__ import annotations

from datetime import date

import pytest

from ethics_tool import i18n
from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus, Status
from ethics_tool.services import NewRespondent, NotFoundError, ServiceError, Services


@pytest.fixture(autouse=True)
def _english() -> None:
    """These tests assert the English source messages."""
    i18n.set_language("en")


def new(services: Services, **kwargs: object) -> int:
    base: dict[str, object] = {
        "municipality": "Ķekavas novads",
        "form_id": "quick",
        "unit_name": "Dome",
    }
    base.update(kwargs)
    return services.create_assessment(**base)  # type: ignore[arg-type]


def test_empty_municipality_is_refused(services: Services) -> None:
    with pytest.raises(ServiceError, match="municipality"):
        new(services, municipality="   ")
    with pytest.raises(NotFoundError, match="unknown questionnaire “nope”"):
        new(services, form_id="nope")


def test_new_round_links_previous_and_keeps_respondents(services: Services) -> None:
    first = new(
        services,
        mode=Mode.INDIVIDUAL,
        respondents=[
            NewRespondent("Deputāts 1", Role.DEPUTY),
            NewRespondent("Vadītājs", Role.MANAGER),
        ],
        assessed_on=date(2025, 5, 1),
    )
    people = services.respondents(first)
    services.record_answer(people[0].id, "T1.Q1", AnswerValue.level(1))
    second = services.new_round(first, assessed_on=date(2026, 5, 1))
    info = services.info(second)
    assert info.previous_id == first and info.mode is Mode.INDIVIDUAL
    assert [(r.label, r.role) for r in services.respondents(second)] == [
        ("Deputāts 1", Role.DEPUTY),
        ("Vadītājs", Role.MANAGER),
    ]
    assert all(not a.answers for a in services.load(second).answers)
    assert [r.id for r in services.rounds_of_unit(second)] == [first, second]
    person = services.respondents(second)[0]
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(3))
    comparison = services.comparison(second)
    assert comparison is not None
    change = next(c for c in comparison.themes if c.theme_id == "T1")
    assert change.before == pytest.approx(25.0) and change.after == pytest.approx(75.0)
    assert services.comparison(first) is None


def test_duplicate_copies_answers_and_actions(services: Services) -> None:
    aid = new(services)
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(2, "komentārs"))
    services.save_action(aid, ActionData(None, "T1.Q1", "Pieņemt lēmumu", "Izpilddirektors"))
    copy = services.duplicate(aid)
    data = services.load(copy)
    assert copy != aid
    assert data.answers[0].answers["T1.Q1"] == AnswerValue.level(2, "komentārs")
    assert [a.text for a in data.actions] == ["Pieņemt lēmumu"]
    assert services.results(copy).overall == services.results(aid).overall


def test_clearing_an_answer(services: Services) -> None:
    aid = new(services)
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(2))
    services.record_answer(person.id, "T1.Q1", None)
    assert services.load(aid).answers[0].answers == {}


def test_adding_a_respondent_turns_single_into_individual(services: Services) -> None:
    aid = new(services)
    services.add_respondent(aid, "Deputāte 2", Role.DEPUTY)
    assert services.info(aid).mode is Mode.INDIVIDUAL
    with pytest.raises(ServiceError, match="label"):
        services.add_respondent(aid, "  ")


def test_last_respondent_and_group_cannot_be_removed(services: Services) -> None:
    aid = new(services)
    (person,) = services.respondents(aid)
    with pytest.raises(ServiceError, match="at least one respondent"):
        services.remove_respondent(person.id)
    group_aid = new(services, mode=Mode.CONSENSUS)
    (group,) = services.respondents(group_aid)
    with pytest.raises(ServiceError, match="agreed answers"):
        services.remove_respondent(group.id)


def test_action_plan_edit_and_delete(services: Services) -> None:
    aid = new(services)
    action_id = services.save_action(aid, ActionData(None, None, "Apmācības deputātiem"))
    services.save_action(
        aid,
        ActionData(
            action_id,
            None,
            "Apmācības deputātiem",
            "Juriste",
            date(2027, 3, 1),
            ActionStatus.IN_PROGRESS,
        ),
    )
    (action,) = services.actions(aid)
    assert (action.responsible, action.deadline, action.status) == (
        "Juriste",
        date(2027, 3, 1),
        ActionStatus.IN_PROGRESS,
    )
    with pytest.raises(ServiceError, match="description"):
        services.save_action(aid, ActionData(None, None, " "))
    services.delete_action(action_id)
    assert services.actions(aid) == []


def test_progress_and_status_on_the_list(services: Services) -> None:
    aid = new(services)
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(2))
    services.record_answer(person.id, "T3.Q2", AnswerValue.na())
    (row,) = services.list_assessments()
    form = services.form("quick")
    assert row.progress == pytest.approx(100 * 2 / form.question_count)
    services.set_status(aid, Status.ARCHIVED)
    assert services.list_assessments(include_archived=False) == []


def test_demo_is_marked_and_removable(services: Services) -> None:
    newest = services.create_demo()
    rows = services.list_assessments()
    assert len(rows) == 3 and all(r.info.is_demo for r in rows)
    assert services.info(newest).previous_id is not None
    results = services.results(newest)
    assert results.overall is not None and results.coverage > 80
    assert len(services.respondents(newest)) == 4
    new(services)  # real data stays
    assert services.delete_demo() == 3
    assert [r.info.municipality for r in services.list_assessments()] == ["Ķekavas novads"]


def test_demo_numbers_are_the_same_every_time(services: Services) -> None:
    first = services.results(services.create_demo()).overall
    services.delete_demo()
    assert services.results(services.create_demo()).overall == first
