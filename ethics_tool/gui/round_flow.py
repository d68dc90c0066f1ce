"""The life of a round from a page's point of view: start the next round, finish, reopen.

A page calls these with its ``Services`` and ``Dialogs`` (so tests answer the dialogs); the
dialogs themselves are in ``gui/dialogs/new_round.py`` and ``gui/dialogs/finish.py``. The home,
questionnaire and results pages all finish and reopen through :func:`toggle`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ethics_tool.domain.assessment import Status
from ethics_tool.domain.completeness import missing_items
from ethics_tool.gui.busy import busy
from ethics_tool.gui.dialogs.finish import FinishDialog
from ethics_tool.gui.dialogs.new_round import NewRoundDialog
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ethics_tool.gui.dialogs.standard import Dialogs
    from ethics_tool.services import Services


def start_new_round(
    parent: QWidget, services: Services, dialogs: Dialogs, assessment_id: int
) -> int | None:
    """Ask for the date and label of the next round and create it; its ID, or None if cancelled."""
    previous = services.info(assessment_id)
    dialog = NewRoundDialog(previous, services.rounds_of_unit(assessment_id), parent)
    try:
        if not dialogs.ask(dialog):
            return None
        assessed_on, label = dialog.request()
    finally:
        dialog.deleteLater()
    with busy():
        return services.new_round(assessment_id, assessed_on=assessed_on, label=label)


def finish(parent: QWidget, services: Services, dialogs: Dialogs, assessment_id: int) -> bool:
    """List what is still missing, then mark the assessment finished if the user wants to."""
    data = services.load(assessment_id)
    dialog = FinishDialog(data.info, missing_items(data), parent)
    try:
        if not dialogs.ask(dialog):
            return False
    finally:
        dialog.deleteLater()
    services.set_status(assessment_id, Status.COMPLETED)
    return True


def reopen(services: Services, assessment_id: int) -> None:
    """A finished assessment back in progress (answers and respondents can be changed again)."""
    services.set_status(assessment_id, Status.IN_PROGRESS)


def toggle(parent: QWidget, services: Services, dialogs: Dialogs, assessment_id: int) -> str | None:
    """Reopen a finished assessment, or finish one (listing what is missing first).

    Returns the status-bar message of what changed, or None when the user went back.
    """
    if services.info(assessment_id).status is Status.COMPLETED:
        reopen(services, assessment_id)
        return t("The assessment is in progress again")
    if finish(parent, services, dialogs, assessment_id):
        return t("The assessment is finished")
    return None


def toggle_texts(status: Status) -> tuple[str, str]:
    """The text and tooltip of a Finish/Reopen button or action for an assessment in ``status``."""
    if status is Status.COMPLETED:
        return t("Reopen"), t("Mark the assessment as in progress again")
    return t("Finish…"), t("Mark the assessment as finished; what is still missing is listed first")
