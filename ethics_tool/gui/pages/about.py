"""About and help: version, licences, where the data lives, and a short how-to."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ethics_tool import __version__
from ethics_tool.i18n import t


class AboutPage(QWidget):
    def __init__(self, db_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutPage")
        self.db_path = db_path
        self.text = QTextBrowser()
        self.text.setObjectName("aboutText")
        self.text.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.text)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setAccessibleName(t("About"))
        steps = [
            t("Press “New assessment…”, choose the municipality, the unit and a questionnaire."),
            t(
                "Answer each question with the description that fits best. “Not applicable” and "
                "“Don't know” are answers too. Add a comment or evidence where it helps."
            ),
            t("Every answer is saved at once; you can close the program and continue later."),
            t(
                "Open the results: the overall index, the themes, the priorities and the gaps. "
                "Agree on actions in the action plan."
            ),
            t("Export the PDF report for the council, and assess again next year as a new round."),
        ]
        keys = [
            ("0–4 / 1–5", t("choose a level")),
            ("N", t("not applicable")),
            ("D", t("don't know")),
            ("← →  PgUp PgDn", t("previous and next question")),
            ("Ctrl+U", t("next unanswered question")),
            ("Ctrl+N", t("new assessment")),
            ("F11", t("full screen")),
        ]
        data = str(self.db_path) if self.db_path else t("(a database server)")
        html = [
            "<h1>" + escape(t("Ethics self-assessment")) + "</h1>",
            "<p>" + escape(t("Version {version}", version=__version__)) + "</p>",
            "<p>"
            + escape(
                t(
                    "An offline tool for Latvian municipalities to assess their ethics and good "
                    "governance, find priorities and follow up with an action plan. No data "
                    "leaves this computer."
                )
            )
            + "</p>",
            "<h2>" + escape(t("How to use it")) + "</h2><ol>",
            *[f"<li>{escape(step)}</li>" for step in steps],
            "</ol>",
            "<h2>" + escape(t("Keyboard")) + "</h2><table cellpadding='3'>",
            *[f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in keys],
            "</table>",
            "<h2>" + escape(t("Where the data lives")) + "</h2>",
            "<p>" + escape(t("All assessments are kept in one database file:")) + "<br><code>",
            f"{escape(data)}</code></p>",
            "<h2>" + escape(t("Licences")) + "</h2>",
            "<p>"
            + escape(t("The program is free software under the MIT licence."))
            + "</p><p>"
            + escape(
                t(
                    "It uses the DejaVu fonts (Bitstream Vera licence; the DejaVu changes are in "
                    "the public domain), Qt for Python (LGPL), SQLAlchemy, Alembic, pydantic, "
                    "PyYAML and platformdirs (MIT), and ReportLab (BSD)."
                )
            )
            + "</p>",
        ]
        self.text.setHtml("".join(html))
