"""Home page: the list, search, the set-up dialog's checks, demo data and what can be done to a row."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import Mode
from ethics_tool.domain.loader import load_catalog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.paths import data_root
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs, open_window
from tests.gui.helpers import button, click, label, open_new_dialog, type_text


def rows(window: MainWindow) -> list[str]:
    proxy = window.home.proxy
    return [str(proxy.index(r, 0).data()) for r in range(proxy.rowCount())]


def test_empty_home_invites_to_start(window: MainWindow) -> None:
    assert window.current_page() == "home"
    assert label(window.home, "emptyState").isVisible()
    assert "Novērtējumu vēl nav" in label(window.home, "emptyState").text()
    assert not button(window.home, "button_actionOpen").isEnabled()
    assert not window.page_actions["results"].isEnabled()


def test_setup_dialog_explains_what_is_missing(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_new_dialog(qtbot, window)
    click(qtbot, dialog, "createButton")
    assert dialog.isVisible()  # not accepted
    assert label(dialog, "municipalityError").isVisible()
    assert "Norādiet pašvaldību" in label(dialog, "municipalityError").text()

    dialog.set_mode(Mode.INDIVIDUAL)
    assert dialog.respondent_box.isVisible()
    dialog.respondent_rows[1].label.setText(dialog.respondent_rows[0].label.text())
    editor = dialog.municipality.lineEdit()
    assert editor is not None
    type_text(editor, "Līvānu novads")
    click(qtbot, dialog, "createButton")
    assert dialog.isVisible()
    assert "vienāds nosaukums" in label(dialog, "respondentError").text()
    dialog.respondent_rows[1].label.setText("Deputāts 2")
    click(qtbot, dialog, "createButton")
    qtbot.waitUntil(lambda: window.current_page() == "questionnaire")
    assert window.questionnaire.respondents.count() == 2


def test_demo_data_and_removal(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    click(qtbot, window.home, "button_actionDemo")
    assert window.home.model.rowCount() >= 2
    count = window.home.model.rowCount()
    assert label(window.home, "countLabel").text() == f"{count} novērtējumi"
    assert all(s.info.is_demo for s in services.list_assessments())
    assert "demo" in str(window.home.proxy.index(0, 5).data())

    services.create_assessment(municipality="Cēsu novads", form_id="quick")
    window.home.refresh()
    click(qtbot, window.home, "button_actionRemoveDemo")
    assert dialogs.asked[-1].startswith("Dzēst visus novērtējumus")
    assert rows(window) == ["Cēsu novads"]


def test_search_ignores_case_and_diacritics(window: MainWindow, services: Services) -> None:
    for name in ("Ķekavas novads", "Rīga", "Ogres novads"):
        services.create_assessment(municipality=name, form_id="quick")
    window.home.refresh()
    type_text(window.home.search, "kekava")
    assert rows(window) == ["Ķekavas novads"]
    assert label(window.home, "countLabel").text() == "1 no 3 novērtējumiem"
    window.home.search.clear()
    type_text(window.home.search, "NOVADS")
    assert sorted(rows(window)) == ["Ogres novads", "Ķekavas novads"]


def test_row_actions(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    first = services.create_assessment(
        municipality="Tukuma novads", form_id="quick", assessed_on=date(2025, 3, 1)
    )
    window.home.refresh(select_id=first)

    click(qtbot, window.home, "button_actionDuplicate")
    assert rows(window).count("Tukuma novads") == 2

    window.home.select(first)
    click(qtbot, window.home, "button_actionNewRound")
    assert window.current_page() == "questionnaire"
    new_round = window.current_id
    assert new_round is not None and services.info(new_round).previous_id == first

    window.show_page("home")
    window.home.select(first)
    click(qtbot, window.home, "button_actionArchive")
    assert "Arhivēts" in str(
        window.home.proxy.index(window.home.table.currentIndex().row(), 5).data()
    )
    assert button(window.home, "button_actionArchive").text() == "Atjaunot"
    window.home.show_archived.setChecked(False)
    assert len(rows(window)) == 2

    window.home.select(new_round)
    dialogs.confirm_answer = False
    click(qtbot, window.home, "button_actionDelete")
    assert "Tukuma novads" in dialogs.asked[-1]
    assert len(rows(window)) == 2
    dialogs.confirm_answer = True
    click(qtbot, window.home, "button_actionDelete")
    assert len(rows(window)) == 1
    assert window.current_id is None  # the deleted assessment is no longer open
    assert not window.page_actions["questionnaire"].isEnabled()


def test_thousand_assessments_stay_instant(window: MainWindow, services: Services) -> None:
    form = services.form("quick")
    for i in range(1000):
        services.create_assessment(
            municipality=f"Pašvaldība {i:04d}",
            form_id="quick",
            form=form,
            assessed_on=date(2024, 1, 1) + timedelta(days=i % 365),
        )
    start = time.perf_counter()
    window.home.refresh()
    loaded = time.perf_counter() - start
    assert window.home.proxy.rowCount() == 1000
    start = time.perf_counter()
    type_text(window.home.search, "0999")
    window.home.table.sortByColumn(0, window.home.table.horizontalHeader().sortIndicatorOrder())
    filtered = time.perf_counter() - start
    assert rows(window) == ["Pašvaldība 0999"]
    assert loaded < 2.0, f"loading 1,000 rows took {loaded:.2f} s"
    assert filtered < 1.0, f"searching 1,000 rows took {filtered:.2f} s"


def test_broken_form_files_are_reported_without_blocking(
    qtbot: QtBot, tmp_path: Path, services: Services, settings_store: QSettings
) -> None:
    extra = tmp_path / "forms"
    extra.mkdir()
    (extra / "bojāta.yaml").write_text("id: broken\nthemes: [", encoding="utf-8")
    # files that used to stop the whole program: a list as a key, deep nesting
    (extra / "atslēga.yaml").write_text("[x]: y\n", encoding="utf-8")
    (extra / "dziļa.yaml").write_text("{k: " * 400 + "1" + "}" * 400, encoding="utf-8")
    catalog = load_catalog([data_root() / "forms", extra])
    assert catalog.errors
    window = open_window(qtbot, Services(services.db, catalog), settings_store, ScriptedDialogs())
    banner = label(window.home, "formErrors")
    assert banner.isVisible()
    assert all(name in banner.text() for name in ("bojāta.yaml", "atslēga.yaml", "dziļa.yaml"))
    assert "neizdevās ielādēt" in banner.text()
    assert window.home.action_new.isEnabled()  # the other forms still work
