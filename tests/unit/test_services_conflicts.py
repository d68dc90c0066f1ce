"""Several computers on one database: nobody's answer or plan row is overwritten unseen.

Each "computer" is its own :class:`Services` over its own connection pool, as two PCs would be.
"Shown" is ``load(…, editing=True)`` (the questionnaire page) and ``actions()`` (the plan table).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ethics_tool import i18n
from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.services import ConflictError, NewRespondent, Services
from ethics_tool.storage import repository as repo
from ethics_tool.storage.db import open_database
from ethics_tool.storage.tables import Respondent


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.set_language("en")


@pytest.fixture
def other(db_url: str, services: Services, catalog: FormCatalog) -> Iterator[Services]:
    """A second computer on the same database."""
    second = Services(open_database(db_url), catalog)
    yield second
    second.db.dispose()


def _consensus(services: Services) -> tuple[int, int]:
    aid = services.create_assessment(
        municipality="Ķekavas novads", form_id="quick", mode=Mode.CONSENSUS
    )
    group = next(r for r in services.respondents(aid) if r.role is Role.GROUP)
    return aid, group.id


def _agreed(services: Services, aid: int) -> dict[str, AnswerValue]:
    data = services.load(aid)
    return next(a.answers for a in data.answers if a.role is Role.GROUP)


def test_respondents_on_two_computers_never_overwrite_each_other(
    services: Services, other: Services
) -> None:
    aid = services.create_assessment(
        municipality="Rīga",
        form_id="quick",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Deputāts 1"), NewRespondent("Deputāts 2")],
    )
    first, second = services.respondents(aid)
    services.load(aid, editing=True)
    other.load(aid, editing=True)
    services.record_answer(first.id, "T1.Q1", AnswerValue.level(1, "pirmais"))
    other.record_answer(second.id, "T1.Q1", AnswerValue.level(4, "otrais"))
    services.record_answer(first.id, "T1.Q2", AnswerValue.level(2))
    other.record_answer(second.id, "T1.Q2", AnswerValue.na())
    other.record_comment(second.id, "T2.Q1", "Jāprecizē")
    by_label = {a.label: a for a in services.load(aid).answers}
    assert by_label["Deputāts 1"].answers == {
        "T1.Q1": AnswerValue.level(1, "pirmais"),
        "T1.Q2": AnswerValue.level(2),
    }
    assert by_label["Deputāts 2"].answers == {
        "T1.Q1": AnswerValue.level(4, "otrais"),
        "T1.Q2": AnswerValue.na(),
    }
    assert by_label["Deputāts 2"].notes == {"T2.Q1": "Jāprecizē"}


def test_two_facilitators_changing_one_agreed_answer_get_a_conflict(
    services: Services, other: Services
) -> None:
    aid, group = _consensus(services)
    services.load(aid, editing=True)
    other.load(aid, editing=True)
    services.record_answer(group, "T1.Q1", AnswerValue.level(3, "vienojāmies"))
    # The other PC still shows the question unanswered: its choice must not overwrite silently.
    with pytest.raises(ConflictError, match=r"T1\.Q1: someone else changed this answer"):
        other.record_answer(group, "T1.Q1", AnswerValue.level(1))
    with pytest.raises(ConflictError):  # nor its comment
        other.record_comment(group, "T1.Q1", "Cits viedoklis")
    assert _agreed(services, aid)["T1.Q1"] == AnswerValue.level(3, "vienojāmies")
    # The first PC goes on changing its own answer without any conflict.
    services.record_answer(group, "T1.Q1", AnswerValue.level(4, "vienojāmies"))
    services.record_answer(group, "T1.Q1", None)
    # After reloading, the other PC sees the current state and may change it.
    other.load(aid, editing=True)
    other.record_answer(group, "T1.Q1", AnswerValue.level(2))
    with pytest.raises(ConflictError):
        services.record_answer(group, "T1.Q1", AnswerValue.level(0))
    assert _agreed(other, aid)["T1.Q1"] == AnswerValue.level(2)
    # Other questions of the same group are not affected by the conflict on T1.Q1.
    services.record_answer(group, "T2.Q1", AnswerValue.level(2))


def test_looking_at_results_does_not_count_as_seeing_a_change(
    services: Services, other: Services
) -> None:
    aid, group = _consensus(services)
    services.load(aid, editing=True)  # the questionnaire page
    other.load(aid, editing=True)
    other.record_answer(group, "T1.Q1", AnswerValue.level(1))
    services.results(aid)  # the results page reads everything, the questionnaire still shows ""
    services.load(aid)
    with pytest.raises(ConflictError):
        services.record_answer(group, "T1.Q1", AnswerValue.level(4))


def test_two_computers_inserting_the_same_answer_at_once_get_a_conflict(
    services: Services, other: Services
) -> None:
    """Both write the first agreed answer to a question in the same instant: one wins, one is told."""
    aid, group = _consensus(services)
    services.load(aid, editing=True)
    # The other computer's write is under way (inserted, not yet committed) when this one saves.
    pending = other.db.sessions()
    pending.begin()
    person = pending.get(Respondent, group)
    assert person is not None
    repo.write_answers(pending, person, {"T1.Q1": AnswerValue.level(2)})
    outcome: list[BaseException | None] = []

    def save() -> None:
        try:
            services.record_answer(group, "T1.Q1", AnswerValue.level(4))
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=save)
    thread.start()
    thread.join(0.5)  # waiting for the other's transaction (a lock, or the unique index)
    pending.commit()
    pending.close()
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], ConflictError), outcome
    assert "T1.Q1" in str(outcome[0])
    assert _agreed(services, aid)["T1.Q1"] == AnswerValue.level(2)


def test_two_people_editing_one_action_get_a_conflict(services: Services, other: Services) -> None:
    aid = services.create_assessment(municipality="Rīga", form_id="quick")
    action_id = services.save_action(aid, ActionData(None, "T1.Q1", "Ētikas kodekss"))
    mine = services.actions(aid)[0]
    theirs = other.actions(aid)[0]
    other.save_action(aid, dataclasses.replace(theirs, responsible="Jānis"))
    with pytest.raises(ConflictError, match="“Ētikas kodekss”: someone else changed this action"):
        services.save_action(aid, dataclasses.replace(mine, status=ActionStatus.DONE))
    (stored,) = services.actions(aid)  # showing the plan again: the current version
    assert stored.responsible == "Jānis" and stored.status is ActionStatus.NOT_STARTED
    services.save_action(aid, dataclasses.replace(stored, status=ActionStatus.DONE))
    with pytest.raises(ConflictError):
        other.delete_action(action_id)  # theirs is stale now: deleting it unseen is refused too
    other.actions(aid)
    other.delete_action(action_id)
    with pytest.raises(ConflictError):  # it was shown here, then deleted elsewhere
        services.save_action(aid, dataclasses.replace(stored, text="Cits teksts"))
    services.delete_action(action_id)  # deleting what is gone already is what was wanted
    assert services.actions(aid) == []


def test_changes_made_elsewhere_are_noticed_own_ones_are_not(
    services: Services, other: Services
) -> None:
    aid, group = _consensus(services)
    services.load(aid, editing=True)
    seen = services.revision(aid)
    assert seen is not None
    services.record_answer(group, "T1.Q1", AnswerValue.level(3))
    services.record_comment(group, "T1.Q2", "Vēl jārunā")
    services.save_action(aid, ActionData(None, None, "Apmācības"))
    services.update_info(aid, unit_name="Dome")
    assert services.revision(aid) == seen + 4  # one step per change
    assert not services.changed_elsewhere(aid, seen)
    other.load(aid, editing=True)
    other.record_answer(group, "T1.Q2", AnswerValue.level(1))
    assert services.changed_elsewhere(aid, seen)
    assert not other.changed_elsewhere(aid, other.revision(aid) or 0)
    other.delete(aid)
    assert services.changed_elsewhere(aid, seen)  # deleted elsewhere
    assert services.revision(aid) is None


def test_respondent_changes_elsewhere_are_noticed(services: Services, other: Services) -> None:
    aid = services.create_assessment(municipality="Rīga", form_id="quick")
    seen = services.revision(aid) or 0
    person = services.add_respondent(aid, "Deputāts 2", Role.DEPUTY)
    services.update_respondent(person, "Deputāte 2", Role.DEPUTY)
    assert not services.changed_elsewhere(aid, seen)
    other.remove_respondent(person)
    assert services.changed_elsewhere(aid, seen)


def test_a_merge_on_another_computer_is_noticed(
    services: Services, other: Services, tmp_path: Path
) -> None:
    aid = services.create_assessment(
        municipality="Rīga",
        form_id="quick",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Deputāts 1")],
    )
    (person,) = services.respondents(aid)
    services.load(aid, editing=True)
    seen = services.revision(aid) or 0
    services.export_json(aid, tmp_path / "original.json")
    laptop = Services(open_database(tmp_path / "laptop.sqlite3"), other.catalog)
    copy = laptop.import_json(tmp_path / "original.json").assessment_id
    (same,) = laptop.respondents(copy)
    laptop.record_answer(same.id, "T1.Q1", AnswerValue.level(2, "klēpjdatorā"))
    laptop.export_json(copy, tmp_path / "laptop.json")
    laptop.db.dispose()
    summary = other.import_json(tmp_path / "laptop.json", merge_into=aid)
    assert summary.added == 1
    assert services.changed_elsewhere(aid, seen)
    assert not other.changed_elsewhere(aid, other.revision(aid) or 0)
    # The merged answer was not shown here: choosing over it unseen is a conflict too.
    with pytest.raises(ConflictError):
        services.record_answer(person.id, "T1.Q1", AnswerValue.level(4))


def test_a_merge_meeting_a_change_made_meanwhile_is_refused_or_sees_it(
    services: Services, other: Services, tmp_path: Path
) -> None:
    """Never an internal error and never a lost change.

    A merge that read the row before the other computer's change committed is refused (on a
    server); one that waited for it (an SQLite file locks for the whole write) weighs it like any
    other answer.
    """
    aid = services.create_assessment(
        municipality="Rīga", form_id="quick", respondents=[NewRespondent("Deputāts 1")]
    )
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(1, "sākumā"))
    services.export_json(aid, tmp_path / "original.json")
    laptop = Services(open_database(tmp_path / "laptop.sqlite3"), other.catalog)
    copy = laptop.import_json(tmp_path / "original.json").assessment_id
    (same,) = laptop.respondents(copy)
    laptop.record_answer(same.id, "T1.Q1", AnswerValue.level(2, "klēpjdatorā"))
    laptop.export_json(copy, tmp_path / "laptop.json")
    laptop.db.dispose()

    pending = other.db.sessions()  # another computer is changing the same answer right now
    pending.begin()
    row = pending.get(Respondent, person.id)
    assert row is not None
    repo.write_answers(pending, row, {"T1.Q1": AnswerValue.level(4, "serverī")})
    outcome: list[BaseException | None] = []

    def merge() -> None:
        try:
            services.import_json(tmp_path / "laptop.json", merge_into=aid)
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=merge)
    thread.start()
    thread.join(0.5)
    pending.commit()
    pending.close()
    thread.join(30)
    assert len(outcome) == 1
    stored = services.load(aid).answers[0].answers["T1.Q1"]
    if outcome[0] is not None:  # the merge read the row before the change was committed
        assert isinstance(outcome[0], ConflictError), outcome
        assert "Merge the file again" in str(outcome[0])
        assert stored == AnswerValue.level(4, "serverī")  # the server's change is kept
    else:  # the merge waited for the change and then weighed it like any other
        assert stored in (AnswerValue.level(4, "serverī"), AnswerValue.level(2, "klēpjdatorā"))
        assert services.load(aid, with_history=True).records is not None
