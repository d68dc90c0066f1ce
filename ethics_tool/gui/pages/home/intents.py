"""What the home page does to the selected assessment (new round, finish or reopen, duplicate,
archive, delete) and to demo data: each asks what it must, changes the data through the services,
then refreshes the page and tells the main window.

:class:`~ethics_tool.gui.pages.home.page.HomePage` keeps a method of the same name for each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ethics_tool.domain.assessment import Status, round_text
from ethics_tool.gui.assessment_model import unit_text
from ethics_tool.gui.busy import busy
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from ethics_tool.gui.pages.home.page import HomePage


def new_round(page: HomePage) -> None:
    """Ask for the new round's date and label (gui/round_flow.py), then open it."""
    from ethics_tool.gui import round_flow  # its dialogs are imported after the list is shown

    selected = page.selected_id()
    if selected is None:
        return
    new_id = round_flow.start_new_round(page, page.services, page.dialogs, selected)
    if new_id is None:
        return
    page.refresh(select_id=new_id)
    page.changed.emit()
    page.status_message.emit(t("New round created; it is linked to the previous one"))
    page.open_requested.emit(new_id, "questionnaire")


def duplicate(page: HomePage) -> None:
    selected = page.selected_id()
    if selected is None:
        return
    with busy():
        new_id = page.services.duplicate(selected)
    page.refresh(select_id=new_id)
    page.changed.emit()
    page.status_message.emit(t("Copy created"))


def _selected_row(page: HomePage) -> tuple[int, int] | None:
    """The selected assessment's ID and its row in the list, or None when nothing is selected."""
    selected = page.selected_id()
    row = page.model.row_of(selected) if selected is not None else None
    return None if selected is None or row is None else (selected, row)


def toggle_finish(page: HomePage) -> None:
    """Finish (listing what is missing first) or reopen the selected assessment."""
    from ethics_tool.gui import round_flow

    found = _selected_row(page)
    if found is None:
        return
    selected = found[0]
    message = round_flow.toggle(page, page.services, page.dialogs, selected)
    if message is not None:
        page.status_message.emit(message)
    page.refresh(select_id=selected)
    page.changed.emit()


def toggle_archive(page: HomePage) -> None:
    found = _selected_row(page)
    if found is None:
        return
    selected, row = found
    archived = page.model.summary(row).info.status is Status.ARCHIVED
    page.services.set_status(selected, Status.IN_PROGRESS if archived else Status.ARCHIVED)
    page.refresh(select_id=selected)
    page.changed.emit()


def delete_selected(page: HomePage) -> None:
    found = _selected_row(page)
    if found is None:
        return
    selected, row = found
    info = page.model.summary(row).info
    question = t(
        "Delete the assessment of {municipality}, {unit} ({date})? Its answers and "
        "action plan are deleted too. This cannot be undone.",
        municipality=info.municipality,
        unit=unit_text(info.unit_type, info.unit_name),  # "Dome", never the stored "dome"
        date=round_text(info),
    )
    if not page.dialogs.confirm(t("Delete assessment"), question, t("Delete")):
        return
    page.services.delete(selected)
    page.refresh()
    page.changed.emit()
    page.status_message.emit(t("Assessment deleted"))


def create_demo(page: HomePage) -> None:
    from ethics_tool.services import ServiceError

    try:
        with busy():
            new_id = page.services.create_demo()
    except (ServiceError, ImportError) as exc:
        page.dialogs.error(t("Demo data could not be created"), str(exc))
        return
    page.refresh(select_id=new_id)
    page.changed.emit()
    page.status_message.emit(t("Demo data created"))


def remove_demo(page: HomePage) -> None:
    if not page.dialogs.confirm(
        t("Remove demo data"),
        t("Delete every assessment marked as demo data?"),
        t("Remove"),
    ):
        return
    with busy():
        count = page.services.delete_demo()
    page.refresh()
    page.changed.emit()
    page.status_message.emit(t("Demo assessments removed: {count}", count=count))
