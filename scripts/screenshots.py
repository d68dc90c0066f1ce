"""Render every page of the GUI in Latvian and English into docs/screenshots/ (PNG), offscreen.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--size 1280x800]

Uses a temporary database with the demo data, so it never touches the user's own assessments.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
FIT_SIZES = ((1024, 768), (1280, 720))  # the projectors a mentor meets


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv)
    from ethics_tool import i18n
    from ethics_tool.domain.answers import AnswerValue, Mode
    from ethics_tool.domain.loader import load_catalog
    from ethics_tool.gui.app import create_main_window
    from ethics_tool.gui.appearance import apply_appearance, register_fonts
    from ethics_tool.gui.dialogs.blank_form import BlankFormDialog
    from ethics_tool.paths import data_root
    from ethics_tool.services import Services
    from ethics_tool.storage.db import open_database

    register_fonts()
    apply_appearance(app, large_fonts=False, high_contrast=False)
    work = Path(tempfile.mkdtemp(prefix="ethics-shots-"))
    db = open_database(work / "shots.sqlite3")
    services = Services(db, load_catalog([data_root() / "forms"]))
    demo_id = services.create_demo()
    form_id = "quick" if "quick" in services.catalog.forms else services.forms()[0].id
    fresh = services.create_assessment(
        municipality="Ķekavas novads",
        form_id=form_id,
        unit_type="komiteja",
        unit_name="Finanšu komiteja",
        prepared_by="Līga Bērziņa",
    )
    data = services.load(fresh)
    respondent = data.respondents[0].id
    for position, (_, question) in enumerate(data.form.iter_questions()):
        if position >= 3:
            break
        services.record_answer(respondent, question.id, AnswerValue.level(position + 1))

    i18n.set_language("lv")
    window = create_main_window(
        services, QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    )
    window.resize(width, height)
    window.show()
    settle(app)

    def shot(widget: QWidget, name: str) -> None:
        settle(app)
        path = args.out / f"{i18n.current_language()}-{name}.png"
        widget.grab().save(str(path))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    def page(name: str, assessment: int | None = None, file_name: str | None = None) -> None:
        if assessment is not None:
            window.open_assessment(assessment, name)
        else:
            window.show_page(name)
        shot(window, file_name or name)

    for lang in ("lv", "en"):
        window.set_language(lang)
        window.home.search.clear()
        page("home")
        dialog = window.home.new_assessment()
        dialog.set_mode(Mode.INDIVIDUAL)
        dialog.resize(dialog.sizeHint())
        shot(dialog, "new-assessment")
        dialog.reject()
        blank = BlankFormDialog(services.forms(), 0, lang, window)
        blank.resize(blank.sizeHint())
        blank.show()
        shot(blank, "blank-questionnaire")
        blank.reject()
        page("questionnaire", fresh)
        window.questionnaire.go_to(1)
        window.questionnaire.card.guidance_toggle.setChecked(True)
        shot(window, "questionnaire-guidance")
        window.questionnaire.card.guidance_toggle.setChecked(False)
        page("questionnaire", demo_id, "questionnaire-respondents")
        page("results", demo_id)
        tabs = window.results.tabs
        for index, tab_name in ((1, "priorities"), (2, "gaps"), (3, "action-plan")):
            tabs.setCurrentIndex(index)
            shot(window, f"results-{tab_name}")
        tabs.setCurrentIndex(0)
        page("compare", demo_id)
        page("settings")
        page("about")
        window.show_page("home")

    # Every page at the two projector sizes, in normal and presentation mode (large text).
    window.set_language("lv")
    for large in (False, True):
        window.settings.large_fonts = large
        window.apply_appearance()
        for width_, height_ in FIT_SIZES:
            window.resize(width_, height_)
            settle(app)
            mode = "-presentation" if large else ""
            prefix = f"{width_}x{height_}{mode}"
            window.questionnaire.go_to(0) if window.current_id == fresh else None
            page("home", file_name=f"{prefix}-home")
            page("questionnaire", fresh, f"{prefix}-questionnaire")
            page("results", demo_id, f"{prefix}-results")
            page("compare", demo_id, f"{prefix}-compare")
            page("settings", file_name=f"{prefix}-settings")
            page("about", file_name=f"{prefix}-about")
            assert window.seminar is not None
            window.results.discuss_button.click() if window.current_id == demo_id else None
            shot(window, f"{prefix}-dilemmas")
            page("facilitator", file_name=f"{prefix}-facilitator")
            card = window.seminar.present("festival-gifts")
            card.showNormal()
            card.resize(width_, height_)
            card.next_step()
            card.next_step()
            shot(card, f"{prefix}-dilemma-card")
            card.reject()
    window.settings.large_fonts = False
    window.apply_appearance()
    window.resize(width, height)

    # Presentation mode (large text, high contrast) as a seminar would see it.
    window.set_language("lv")
    window.settings.large_fonts = True
    window.settings.high_contrast = True
    window.apply_appearance()
    page("questionnaire", fresh, "presentation")
    window.settings.large_fonts = False
    window.settings.high_contrast = False
    window.apply_appearance()
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
