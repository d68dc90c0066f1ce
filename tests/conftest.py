"""Shared fixtures: a fresh real database per test, the built-in forms, the services.

The storage, services, exchange and CLI tests run twice: on an SQLite file and on a database of a
throw-away PostgreSQL cluster (``tests/pgcluster.py``, one per test session). Without the server
binaries the PostgreSQL runs are skipped with the reason shown, except on CI (``CI=true``), where
that is a failure.
"""

from __future__ import annotations

import os

# Qt must not look for a display in CI; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest
from pgcluster import Cluster, find_binaries

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


ENGINES = ("sqlite", "postgresql")
# Test modules (relative to tests/) whose database tests run on both engines.
BOTH_ENGINES = (
    "unit/storage/*",
    "unit/test_services*",
    "unit/test_exchange*",
    "unit/exchange/*",
    "unit/test_merge*",
    "integration/test_cli*",
    "integration/test_server*",
    "gui/test_shared_database*",
)
TESTS = Path(__file__).parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: the test checks something only SQLite has (a file, pragmas)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test of a BOTH_ENGINES module that uses the database runs on each engine."""
    if "engine" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    relative = Path(str(metafunc.definition.path)).relative_to(TESTS).as_posix()
    if any(fnmatch(relative, pattern) for pattern in BOTH_ENGINES):
        metafunc.parametrize("engine", ENGINES, indirect=True)


def _on_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A PostgreSQL cluster in a temp folder for the whole session (started on first use)."""
    bindir = find_binaries()
    missing = None
    if bindir is None:
        missing = "PostgreSQL server binaries (initdb, pg_ctl) not found"
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            missing = 'psycopg 3 is not installed (pip install "ethics-tool[postgres]")'
    if missing is not None:
        if _on_ci():
            pytest.fail(f"{missing}; CI must run the PostgreSQL tests", pytrace=False)
        pytest.skip(f"{missing}: the PostgreSQL runs are skipped")
    assert bindir is not None
    cluster = Cluster.start(bindir)
    yield cluster
    cluster.stop()


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine of this run ("sqlite" unless the test is parametrised)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "assessments.sqlite3"


@pytest.fixture
def db_url(engine: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Where this test's database lives: an SQLite file path, or a fresh server database's URL."""
    if engine == "sqlite":
        yield str(db_path)
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database()
    yield url
    cluster.drop_database(url)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = open_database(db_url)
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
