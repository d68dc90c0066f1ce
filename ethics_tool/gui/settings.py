"""The user's preferences, kept in QSettings (per user, outside the database)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "LPS"
APPLICATION = "ethics-tool"


def default_qsettings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


class AppSettings:
    """Typed access to the few values the GUI remembers between runs."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else default_qsettings()

    def _bool(self, key: str, default: bool = False) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, str):
            return value.lower() in {"1", "true", "yes"}
        return bool(value)

    def _str(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def language(self) -> str:
        return self._str("language")

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("language", value)

    @property
    def database(self) -> str:
        """A server address chosen in the settings ("" = the file in the user's data folder)."""
        return self._str("data/database")

    @database.setter
    def database(self, value: str) -> None:
        if value:
            self.store.setValue("data/database", value)
        else:
            self.store.remove("data/database")

    @property
    def large_fonts(self) -> bool:
        return self._bool("appearance/large_fonts")

    @large_fonts.setter
    def large_fonts(self, value: bool) -> None:
        self.store.setValue("appearance/large_fonts", value)

    @property
    def high_contrast(self) -> bool:
        return self._bool("appearance/high_contrast")

    @high_contrast.setter
    def high_contrast(self, value: bool) -> None:
        self.store.setValue("appearance/high_contrast", value)

    @property
    def full_screen(self) -> bool:
        return self._bool("appearance/full_screen")

    @full_screen.setter
    def full_screen(self, value: bool) -> None:
        self.store.setValue("appearance/full_screen", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    @property
    def last_page(self) -> str:
        return self._str("window/last_page", "home")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self.store.setValue("window/last_page", value)

    @property
    def last_assessment(self) -> int | None:
        value = self.store.value("window/last_assessment")
        try:
            return int(str(value)) if value not in (None, "") else None
        except ValueError:
            return None

    @last_assessment.setter
    def last_assessment(self, value: int | None) -> None:
        self.store.setValue("window/last_assessment", "" if value is None else value)

    @property
    def export_dir(self) -> str:
        return self._str("files/export_dir")

    @export_dir.setter
    def export_dir(self, value: str) -> None:
        self.store.setValue("files/export_dir", value)

    def sync(self) -> None:
        self.store.sync()
