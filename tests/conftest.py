"""Shared fixtures: a fresh real SQLite file per test, the built-in forms, the services."""

from __future__ import annotations

import os

# Qt must not look for a display in CI; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from ethics_tool import i18n, paths
from ethics_tool.domain.loader import FormCatalog, load_catalog, load_form
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.services import Services
from ethics_tool.storage.db import Database, open_database

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the developer's real data folder; start every test in Latvian."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    monkeypatch.delenv(paths.FORMS_ENV, raising=False)
    i18n.set_language("lv")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "assessments.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = open_database(db_path)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def catalog() -> FormCatalog:
    return load_catalog([paths.data_root() / "forms"])


@pytest.fixture
def services(database: Database, catalog: FormCatalog) -> Services:
    return Services(database, catalog)


@pytest.fixture(scope="session")
def worked_form() -> Questionnaire:
    """The small form of the worked example in docs/methodology.md."""
    return load_form(DATA / "worked_example.yaml")


@pytest.fixture(scope="session")
def quick_form() -> Questionnaire:
    return load_form(paths.data_root() / "forms" / "quick.yaml")
