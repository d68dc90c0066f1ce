"""The network to the database server fails while a council answers: nothing is lost, the window
does not turn every click into a wait, and everything is saved once the server answers again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.assessment import RespondentInfo
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from ethics_tool.storage.db import open_database
from tests.gui.conftest import ScriptedDialogs
from tests.pgcluster import Cluster
from tests.tcp_proxy import Proxy


@pytest.fixture
def proxy(pg_cluster: Cluster) -> Iterator[Proxy]:
    proxy = Proxy(pg_cluster.port)
    yield proxy
    proxy.close()


@pytest.fixture
def server_url(pg_cluster: Cluster) -> Iterator[str]:
    url = pg_cluster.create_database()
    yield url
    pg_cluster.drop_database(url)


@pytest.fixture
def db_url(server_url: str, proxy: Proxy) -> str:
    """The program reaches the server through the proxy, so a test can cut its network."""
    return proxy.url(server_url)


@pytest.fixture
def elsewhere(server_url: str, catalog: FormCatalog) -> Iterator[Services]:
    """Another computer, whose network works."""
    other = Services(open_database(server_url), catalog)
    yield other
    other.db.dispose()


@pytest.fixture
def workshop(window: MainWindow, services: Services) -> tuple[int, RespondentInfo]:
    """A consensus workshop open on the questionnaire page: its ID and the group respondent."""
    aid = services.create_assessment(
        municipality="Ķekavas novads", form_id="quick", mode=Mode.CONSENSUS
    )
    group = next(r for r in services.respondents(aid) if r.role is Role.GROUP)
    window.home.refresh()
    window.open_assessment(aid, "questionnaire")
    return aid, group


def test_answers_given_while_the_server_is_away_wait_and_are_saved_when_it_is_back(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    elsewhere: Services,
    dialogs: ScriptedDialogs,
    proxy: Proxy,
    monkeypatch: pytest.MonkeyPatch,
    workshop: tuple[int, RespondentInfo],
) -> None:
    aid, group = workshop
    page = window.questionnaire
    tried: list[str] = []
    record = services.record_answer
    monkeypatch.setattr(
        services, "record_answer", lambda r, q, a: (tried.append(q), record(r, q, a))[1]
    )

    proxy.cut()
    page.choose_level(2)  # T1.Q1
    assert page.card.level_buttons[2].isChecked()  # what the council chose stays on screen
    assert page.unsaved_label.isVisible() and "(1)" in page.unsaved_label.text()
    title, text = dialogs.errors[-1]
    assert title == "Izmaiņa vēl nav saglabāta"
    assert "nevar sasniegt" in text and f":{proxy.port}/" in text
    page.next_question()
    page.choose_level(4)  # T1.Q2: waits behind the first, not tried (no wait for a timeout)
    assert tried == ["T1.Q1"]
    assert "(2)" in page.unsaved_label.text() and len(dialogs.errors) == 1

    page.unsaved.retry_as_timer()  # the server is still away: the probe says so, nothing is tried
    assert tried == ["T1.Q1"] and page.unsaved_label.isVisible()

    proxy.restore()
    page.unsaved.retry_as_timer()
    assert tried == ["T1.Q1", "T1.Q1", "T1.Q2"]  # in the order they were given
    assert not page.unsaved_label.isVisible()
    answers = next(a for a in elsewhere.load(aid).answers if a.key == group.uuid).answers
    assert answers["T1.Q1"] == AnswerValue.level(2) and answers["T1.Q2"] == AnswerValue.level(4)


def test_a_waiting_answer_that_clashes_with_another_computer_is_reported_not_lost_silently(
    window: MainWindow,
    services: Services,
    elsewhere: Services,
    dialogs: ScriptedDialogs,
    proxy: Proxy,
    workshop: tuple[int, RespondentInfo],
) -> None:
    aid, group = workshop
    page = window.questionnaire

    proxy.cut()
    page.choose_level(1)  # T1.Q1 waits
    elsewhere.load(aid, editing=True)
    elsewhere.record_answer(group.id, "T1.Q1", AnswerValue.level(3, "no otra datora"))

    proxy.restore()
    page.unsaved.retry_as_timer()
    title, text = dialogs.errors[-1]
    assert title == "Izmaiņa, kas gaidīja saglabāšanu, netika saglabāta"
    assert "citā datorā" in text
    assert not page.unsaved_label.isVisible()
    # The page now shows what the database holds, at the same question.
    assert page.current_question() is not None and page.current_question().id == "T1.Q1"
    assert page.card.level_buttons[3].isChecked()
