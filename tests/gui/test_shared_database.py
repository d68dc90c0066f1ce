"""The GUI on a database shared with other computers (runs on SQLite and on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ethics_tool import i18n
from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.gui.dialogs.server import ServerDialog, build_url
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from ethics_tool.storage.db import open_database
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import button, click, label


@pytest.fixture
def elsewhere(db_url: str, services: Services, catalog: FormCatalog) -> Iterator[Services]:
    """Another computer on the same database."""
    other = Services(open_database(db_url), catalog)
    yield other
    other.db.dispose()


def test_a_change_made_elsewhere_is_noticed_and_reloaded(
    qtbot: QtBot, window: MainWindow, services: Services, elsewhere: Services
) -> None:
    aid = services.create_assessment(
        municipality="Ķekavas novads", form_id="quick", mode=Mode.CONSENSUS
    )
    group = next(r for r in services.respondents(aid) if r.role is Role.GROUP)
    window.home.refresh()
    window.open_assessment(aid, "questionnaire")
    watcher, bar = window.change_watcher, window.change_bar
    assert watcher is not None and bar is not None
    assert not watcher.check()  # the first look only remembers where things stand
    window.questionnaire.choose_level(2)  # our own change: no notice
    assert not watcher.check() and not bar.isVisible()

    elsewhere.load(aid, editing=True)
    elsewhere.record_answer(group.id, "T1.Q2", AnswerValue.level(4, "no otra datora"))
    assert watcher.check()
    assert bar.isVisible()
    assert "another computer" in bar.message.text() or ("citā datorā" in bar.message.text())
    click(qtbot, bar, "changeReload")
    assert not bar.isVisible()
    shown = window.questionnaire.session
    assert shown is not None
    assert shown.answers[group.id]["T1.Q2"] == AnswerValue.level(4, "no otra datora")
    assert not watcher.check()

    # The periodic check runs on a worker thread and reports on the GUI thread.
    window.questionnaire.choose_level(3)  # own change
    watcher.check_later()
    watcher.wait_for_check()
    assert not bar.isVisible()
    elsewhere.load(aid, editing=True)  # the other computer shows the current state
    elsewhere.record_answer(group.id, "T2.Q1", AnswerValue.level(1))
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        watcher.check_later()
        watcher.wait_for_check()
    assert bar.isVisible()


def test_a_clashing_consensus_answer_is_refused_with_a_message(
    window: MainWindow, services: Services, elsewhere: Services, dialogs: ScriptedDialogs
) -> None:
    aid = services.create_assessment(
        municipality="Ķekavas novads", form_id="quick", mode=Mode.CONSENSUS
    )
    group = next(r for r in services.respondents(aid) if r.role is Role.GROUP)
    window.home.refresh()
    window.open_assessment(aid, "questionnaire")
    question = window.questionnaire.current_question()
    assert question is not None
    elsewhere.load(aid, editing=True)
    elsewhere.record_answer(group.id, question.id, AnswerValue.level(3))
    window.questionnaire.choose_level(1)
    assert dialogs.errors
    assert "another computer" in dialogs.errors[-1][1] or "citā datorā" in dialogs.errors[-1][1]
    assert services.load(aid).answers[0].answers[question.id] == AnswerValue.level(3)


def test_server_address_is_built_with_escaping() -> None:
    url = build_url("db.example.lv", 5433, "ethics_kekava", "anna", "p@ss/wd", "verify-full")
    assert (
        url == "postgresql://anna:p%40ss%2Fwd@db.example.lv:5433/ethics_kekava?sslmode=verify-full"
    )
    assert build_url("db", 5432, "e", "", "", "prefer") == "postgresql://db/e"


def test_server_dialog_tests_the_connection_before_it_can_be_used(
    qtbot: QtBot, engine: str, db_url: str
) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    assert not button(dialog, "serverTest").isEnabled()  # nothing typed yet
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(9)  # nothing listens there
    dialog.database.setText("ethics")
    dialog.user.setText("nobody")
    dialog.password.setText("slepens")
    assert "slepens" not in label(dialog, "serverAddress").text()
    click(qtbot, dialog, "serverTest")
    dialog.wait_for_test()
    assert "failed" in dialog.outcome.text() or "neizdevās" in dialog.outcome.text()
    assert not dialog.ok_button.isEnabled()
    if engine != "postgresql":
        return
    from sqlalchemy.engine import make_url

    real = make_url(db_url)
    dialog.port.setValue(real.port or 5432)
    dialog.database.setText(real.database or "")
    dialog.user.setText(real.username or "")
    dialog.password.setText("")
    click(qtbot, dialog, "serverTest")
    dialog.wait_for_test()
    assert "PostgreSQL" in dialog.outcome.text()
    assert dialog.ok_button.isEnabled()
    dialog.database.setText("other")  # changed after the test: test again first
    assert not dialog.ok_button.isEnabled()
    dialog.database.setText(real.database or "")
    click(qtbot, dialog, "serverTest")
    dialog.wait_for_test()
    dialog.accept()
    assert dialog.address == f"postgresql://{real.username}@127.0.0.1:{real.port}/{real.database}"


def test_settings_page_offers_a_server_and_back(
    qtbot: QtBot, window: MainWindow, settings_store: QSettings, dialogs: ScriptedDialogs
) -> None:
    window.show_page("settings")
    assert button(window.settings_page, "connectServer").isVisible()
    assert not button(window.settings_page, "useLocalFile").isVisible()  # no server chosen
    window.settings.database = "postgresql://anna:slepens@db.example.lv/ethics"
    i18n.set_language("en")  # the page is drawn again (here: in English)
    local = button(window.settings_page, "useLocalFile")
    assert local.isVisible()
    hint = local.toolTip()
    assert hint == "From the next start: postgresql+psycopg://anna:***@db.example.lv/ethics"
    assert button(window.settings_page, "connectServer").text() == "Connect to a &server…"
    click(qtbot, window.settings_page, "useLocalFile")
    assert window.settings.database == ""
    assert dialogs.asked[-1].startswith("The program will open the assessments on this computer")
    assert not local.isVisible()
