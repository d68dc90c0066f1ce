"""Where the app finds its shipped files and keeps the user's data.

Shipped files (forms, fonts, translations, docs) are found the same way whether the app runs from a
source checkout, an installed wheel (``ethics_tool/_data``) or a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

from ethics_tool import APP_AUTHOR, APP_NAME

DB_ENV = "ETHICS_TOOL_DB"
FORMS_ENV = "ETHICS_TOOL_FORMS"  # extra directories of forms, os.pathsep-separated


@cache
def data_root() -> Path:
    """The directory that holds ``forms/``, ``resources/`` and ``docs/``."""
    package = Path(__file__).resolve().parent
    candidates = [package / "_data"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen))
    candidates.append(package.parent)  # a source checkout or an editable install
    for candidate in candidates:
        if (candidate / "forms").is_dir() and (candidate / "resources").is_dir():
            return candidate
    raise FileNotFoundError(
        "cannot find the built-in forms and resources (looked in: "
        + ", ".join(str(c) for c in candidates)
        + ")"
    )


def forms_dirs() -> list[Path]:
    dirs = [data_root() / "forms"]
    extra = os.environ.get(FORMS_ENV, "")
    dirs += [Path(p) for p in extra.split(os.pathsep) if p]
    dirs.append(user_data_dir() / "forms")
    return dirs


def resource(*parts: str) -> Path:
    return data_root().joinpath("resources", *parts)


def doc(name: str) -> Path:
    return data_root().joinpath("docs", name)


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_cache_dir() -> Path:
    """Files the app can rebuild at any time (see :mod:`ethics_tool.domain.form_cache`)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path | str:
    """``--db`` or ``$ETHICS_TOOL_DB`` override this; otherwise the user's data directory.

    The value is a file path, or an SQLAlchemy URL (``postgresql://…``) kept as text: a URL must
    never pass through :class:`Path`, which would fold its ``//``.
    """
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return env if "://" in env else Path(env).expanduser()
    return user_data_dir() / "assessments.sqlite3"
