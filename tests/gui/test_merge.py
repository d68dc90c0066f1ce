"""Answers from another computer merged through the GUI; comments kept without an answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue, Role
from ethics_tool.domain.loader import FormCatalog
from ethics_tool.domain.merge import MergeSummary
from ethics_tool.gui.dialogs.merge_summary import MergeSummaryDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import NewRespondent, Services
from ethics_tool.storage.db import open_database
from tests.gui.conftest import ScriptedDialogs, open_window
from tests.gui.helpers import press, type_text


def test_merge_keeps_every_answer_lists_conflicts_and_refreshes_the_pages(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    dialogs: ScriptedDialogs,
    catalog: FormCatalog,
    tmp_path: Path,
) -> None:
    questions = [q.id for _, q in services.form("council").iter_questions()]
    here = services.create_assessment(
        municipality="Ādažu novads",
        form_id="council",
        respondents=[NewRespondent("Anna", Role.DEPUTY)],
    )
    (anna,) = services.respondents(here)
    services.record_answers(anna.id, {qid: AnswerValue.level(2) for qid in questions[:20]})
    services.export_json(here, tmp_path / "to_laptop.json")

    laptop = Services(open_database(tmp_path / "laptop.sqlite3"), catalog)
    try:
        there = laptop.import_json(tmp_path / "to_laptop.json").assessment_id
        laptop.record_answer(laptop.respondents(there)[0].id, questions[0], AnswerValue.level(4))
        laptop.record_answer(laptop.respondents(there)[0].id, questions[1], AnswerValue.level(0))
        janis = laptop.add_respondent(there, "Jānis", Role.STAFF)
        laptop.record_answers(janis, {qid: AnswerValue.level(3) for qid in questions[:5]})
        laptop.export_json(there, tmp_path / "from_laptop.json")
    finally:
        laptop.db.dispose()

    # Meanwhile Anna answers Q21–Q23 here (through the GUI) and changes Q2 again, later.
    window.home.refresh()
    window.open_assessment(here, "questionnaire")
    page = window.questionnaire
    page.go_to(20)
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_1)
        page.go_to(page.session.position + 1)  # type: ignore[union-attr]
    page.go_to(1)
    press(qtbot, window, Qt.Key.Key_3)
    assert page.progress.value() == 23
    window.show_page("results")

    window.home.select(here)
    dialogs.open_from = tmp_path / "from_laptop.json"
    with qtbot.waitSignal(window.home.imported, timeout=30_000):
        window.home.action_merge.trigger()
    (summary,) = dialogs.summaries
    assert isinstance(summary, MergeSummary)
    assert summary.respondents_added == ["Jānis"]
    assert (summary.added, summary.updated, summary.unchanged) == (5, 1, 18)
    assert [(c.question_id, c.kept.value, c.other.value) for c in summary.conflicts] == [
        (questions[1], 3, 0)
    ]
    data = services.load(here)
    assert len(data.answers[0].answers) == 23
    assert data.answers[0].answers[questions[0]] == AnswerValue.level(4)

    # The pages show the merged assessment at once (no restart, no navigating away).
    assert window.current_page() == "results"
    assert window.results.data is not None and len(window.results.data.respondents) == 2
    window.show_page("questionnaire")
    assert page.respondents.count() == 2
    assert page.progress.value() == 23

    # The same file again: nothing changes, no conflict.
    with qtbot.waitSignal(window.home.imported, timeout=30_000):
        window.home.action_merge.trigger()
    again = dialogs.summaries[-1]
    assert isinstance(again, MergeSummary) and not again.changed and not again.conflicts


def test_a_file_of_another_round_is_refused_in_the_gui(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    last = services.create_assessment(municipality="Siguldas novads", form_id="quick")
    services.export_json(last, tmp_path / "last_year.json")
    this = services.new_round(last)
    window.home.refresh(select_id=this)
    dialogs.open_from = tmp_path / "last_year.json"
    with qtbot.waitSignal(window.home.imported, timeout=30_000, raising=False) as blocker:
        window.home.action_merge.trigger()
        qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=30_000)
    assert not blocker.signal_triggered
    ((_title, text),) = dialogs.errors
    assert "Siguldas novads" in text and len(services.respondents(this)) == 1


def test_summary_dialog_lists_conflicts(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    from ethics_tool.domain.merge import AnswerRecord, Conflict

    kept = AnswerRecord("T1.Q2", None, None, "Jāpārbauda")
    other = AnswerRecord("T1.Q2", None, None, "Nav")
    summary = MergeSummary(
        assessment_id=3,
        respondents_added=["Jānis"],
        added=5,
        updated=1,
        unchanged=18,
        conflicts=[Conflict("Anna", "T1.Q2", kept, other)],
    )
    dialog = MergeSummaryDialog(summary)
    qtbot.addWidget(dialog)
    assert dialog.table is not None and dialog.table.rowCount() == 1
    assert "Jānis" in dialog.counts.text()


def test_a_comment_without_an_answer_survives_closing_the_window(
    qtbot: QtBot,
    services: Services,
    settings_store: QSettings,
    dialogs: ScriptedDialogs,
) -> None:
    first = open_window(qtbot, services, settings_store, dialogs)
    aid = services.create_assessment(municipality="Tukuma novads", form_id="quick")
    first.home.refresh()
    first.open_assessment(aid, "questionnaire")
    first.questionnaire.go_to(2)
    first.questionnaire.card.comment.setFocus()
    type_text(first.questionnaire.card.comment, "Jānoskaidro, kas atbild")
    first.close()  # File → Exit while typing: no level was chosen

    assert services.load(aid).answers[0].notes == {"T2.Q1": "Jānoskaidro, kas atbild"}
    second = open_window(qtbot, services, settings_store, dialogs)
    page = second.questionnaire
    page.go_to(2)
    assert page.card.comment.toPlainText() == "Jānoskaidro, kas atbild"
    assert not any(b.isChecked() for b in page.card.level_buttons.values())
    assert page.progress.value() == 0


def test_a_comment_is_saved_when_typing_pauses(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    aid = services.create_assessment(municipality="Tukuma novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(aid, "questionnaire")
    card = window.questionnaire.card
    card.comment.setFocus()
    type_text(card.comment, "Protokols Nr. 3")
    qtbot.waitUntil(
        lambda: services.load(aid).answers[0].notes.get("T1.Q1") == "Protokols Nr. 3",
        timeout=5_000,
    )
    # Moving to another question saves at once as well.
    type_text(card.comment, " un 4")
    window.questionnaire.go_to(1)
    assert services.load(aid).answers[0].notes["T1.Q1"] == "Protokols Nr. 3 un 4"
