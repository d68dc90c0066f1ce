"""“Connect to a server”: the address of a PostgreSQL database, tested before it is kept.

The connection test runs on a worker thread (a server that does not answer takes up to the
connect timeout); the dialog stays responsive and shows what it found: the server's version and
whether the database is empty, in use by this program, in need of an update, or foreign.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from ethics_tool import i18n
from ethics_tool.errors import UserError
from ethics_tool.gui.off_thread import OffThread
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from ethics_tool.gui.main_window import MainWindow
    from ethics_tool.gui.pages.settings_page import SettingsPage
    from ethics_tool.services import Services
    from ethics_tool.storage.server_check import Found

SSL_MODES = ("prefer", "require", "verify-full", "disable")


def build_url(host: str, port: int, database: str, user: str, password: str, sslmode: str) -> str:
    """The SQLAlchemy URL for the fields of the dialog (special characters escaped)."""
    url = URL.create(
        "postgresql",
        username=user.strip() or None,
        password=password or None,
        host=host.strip() or None,
        port=port if port != 5432 else None,
        database=database.strip() or None,
        query={"sslmode": sslmode} if sslmode != "prefer" else {},
    )
    return url.render_as_string(hide_password=False)


def describe(probe: Found, head: str | None) -> str:
    """One sentence for the dialog about what the connection test found."""
    if probe.foreign:
        return t(
            "Connected to {server}, but this database holds tables of another program: "
            "choose another database.",
            server=probe.server,
        )
    if probe.schema is None:
        return t(
            "Connected to {server}. The database is empty: the program will create its tables.",
            server=probe.server,
        )
    if probe.schema == head:
        return t("Connected to {server}. The database is ready.", server=probe.server)
    from ethics_tool.storage.schema import known_revisions

    if probe.schema not in known_revisions():
        return t(
            "Connected to {server}, but the database was set up by a newer version of the "
            "program (schema {schema}): install that version first.",
            server=probe.server,
            schema=probe.schema,
        )
    return t(
        "Connected to {server}. The database has schema {schema}; the program will ask its "
        "administrator to update it.",
        server=probe.server,
        schema=probe.schema,
    )


class ServerDialog(QDialog):
    """Fields for a PostgreSQL address, a connection test, and OK only after a good test."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(t("Connect to a server"))
        self._worker = OffThread("server-test", self)
        self._tested_url: str | None = None
        self.address = ""

        self.intro = QLabel(
            t(
                "The assessments can live on a PostgreSQL server, so that several people answer "
                "at the same time from different computers. The administrator gives you these "
                "details (see the server guide)."
            )
        )
        self.intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setObjectName("serverHost")
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit()
        self.user.setObjectName("serverUser")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            t("&Remember the password on this computer (kept unencrypted in the settings)")
        )
        self.remember.setObjectName("serverRemember")
        self.ssl = QComboBox()
        self.ssl.setObjectName("serverSsl")
        for mode, caption in (
            ("prefer", t("use if the server offers it")),
            ("require", t("required")),
            ("verify-full", t("required, and check the server's certificate")),
            ("disable", t("off")),
        ):
            self.ssl.addItem(caption, mode)
        self.preview = QLabel()
        self.preview.setObjectName("serverAddress")
        self.preview.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setObjectName("serverTestResult")
        self.outcome.setWordWrap(True)
        self.test_button = QPushButton(t("&Test the connection"))
        self.test_button.setObjectName("serverTest")
        self.test_button.clicked.connect(self.test_connection)

        form = QFormLayout()
        form.addRow(t("&Server (name or address):"), self.host)
        form.addRow(t("&Port:"), self.port)
        form.addRow(t("&Database:"), self.database)
        form.addRow(t("&User name:"), self.user)
        form.addRow(t("Pass&word:"), self.password)
        form.addRow("", self.remember)
        form.addRow(t("&Encryption (TLS):"), self.ssl)
        form.addRow(t("Address:"), self.preview)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = item.widget() if item is not None else None
            buddy = field.widget() if field is not None else None
            if isinstance(label, QLabel) and buddy is not None:
                label.setBuddy(buddy)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(t("Use this server"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for edit in (self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self.ssl.currentIndexChanged.connect(self._changed)
        self._fill(current)
        self._changed()
        self.resize(560, self.sizeHint().height())

    def _fill(self, current: str) -> None:
        if "://" not in current:
            return
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(current)
        except ArgumentError:
            return
        self.host.setText(url.host or "")
        self.port.setValue(url.port or 5432)
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        if url.password:
            self.password.setText(str(url.password))
            self.remember.setChecked(True)
        mode = url.query.get("sslmode")
        if isinstance(mode, str) and mode in SSL_MODES:
            self.ssl.setCurrentIndex(SSL_MODES.index(mode))

    def url(self, with_password: bool = True) -> str:
        return build_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            self.password.text() if with_password else "",
            str(self.ssl.currentData()),
        )

    def _changed(self) -> None:
        shown = self.url(with_password=False)
        self.preview.setText(shown)
        complete = bool(self.host.text().strip() and self.database.text().strip())
        self.test_button.setEnabled(complete and not self._worker.busy)
        self.ok_button.setEnabled(self._tested_url == self.url())
        if self._tested_url is not None and self._tested_url != self.url():
            self.outcome.setText(t("The details changed: test the connection again."))

    def test_connection(self) -> None:
        from ethics_tool.storage.server_check import check_connection

        url = self.url()
        self.outcome.setText(t("Connecting…"))
        self.test_button.setEnabled(False)
        self.ok_button.setEnabled(False)
        self._testing = url
        self._worker.run(lambda: check_connection(url), self._tested)

    def _tested(self, future: Future[Found]) -> None:
        from ethics_tool.storage.engines import StorageError

        try:
            found = future.result()
        except StorageError as exc:
            self._tested_url = None
            self.outcome.setText(t("The connection failed: {reason}", reason=str(exc)))
        else:
            from ethics_tool.storage.schema import head_revision

            self.outcome.setText(describe(found, head_revision()))
            self._tested_url = None if found.foreign else self._testing
        self._changed()

    def wait_for_test(self) -> None:
        """For tests: block until the connection test has finished and was shown."""
        self._worker.wait()

    def accept(self) -> None:
        self.address = self.url(with_password=self.remember.isChecked())
        super().accept()

    def done(self, result: int) -> None:
        self._worker.shutdown()
        super().done(result)


def add_to_settings(window: MainWindow, services: Services, page: SettingsPage) -> None:
    """The settings page's hook (called as the page is built): the database in use, and buttons
    to change it."""
    if services.db.is_server:
        page.db_location = services.db.location
    connect = QPushButton()
    connect.setObjectName("connectServer")
    local = QPushButton()
    local.setObjectName("useLocalFile")
    # Beside "Open data folder": no extra row, so the page still fits a 1280×720 projector.
    at = page.data_buttons.count() - 1  # before the stretch
    page.data_buttons.insertWidget(at, local)
    page.data_buttons.insertWidget(at, connect)

    def retranslate(_lang: str = "") -> None:
        connect.setText(t("Connect to a &server…"))
        local.setText(t("Use the &file on this computer"))
        chosen = window.settings.database
        local.setVisible(bool(chosen))  # only while a server is chosen
        hint = ""
        if chosen and chosen != services.db.location:
            hint = t("From the next start: {address}", address=_without_password(chosen))
        connect.setToolTip(hint or t("Keep the assessments on a PostgreSQL server"))
        local.setToolTip(hint)

    def choose_server() -> None:
        dialog = ServerDialog(window.settings.database, window)
        if window.dialogs.ask(dialog) and dialog.address:
            window.settings.database = dialog.address
            window.dialogs.info(
                t("Connect to a server"),
                t(
                    "The program will open the assessments on {address} the next time it starts.",
                    address=_without_password(dialog.address),
                ),
            )
        retranslate()

    def choose_local() -> None:
        window.settings.database = ""
        window.dialogs.info(
            t("Connect to a server"),
            t("The program will open the assessments on this computer the next time it starts."),
        )
        retranslate()

    connect.clicked.connect(choose_server)
    local.clicked.connect(choose_local)
    i18n.on_language_changed(retranslate)
    connect.destroyed.connect(lambda *_: i18n.remove_listener(retranslate))
    retranslate()
    page.retranslate()


def _without_password(address: str) -> str:
    from ethics_tool.storage.engines import parse_target

    try:
        return parse_target(address).display
    except UserError:
        return address
