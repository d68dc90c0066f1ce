"""The translation layer for every user-visible string (report, CLI and GUI alike).

Source strings are written in English inside the code and wrapped in :func:`t`; the Latvian text
comes from the JSON files in ``resources/translations/lv/`` (English source → Latvian; one file per
area: ``core.json``, ``report.json``, ``gui.json``). Latvian is the default
language. The GUI re-reads texts through :func:`t` when the language changes at run time, and also
loads Qt's own ``qtbase_lv`` for standard dialogs. A test checks that every ``t("…")`` literal in the
code has a Latvian entry, so no label silently stays English.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from ethics_tool.paths import resource

LANGUAGES = ("lv", "en")
DEFAULT_LANGUAGE = "lv"

_current = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


@cache
def catalog(lang: str) -> dict[str, str]:
    """The translations for ``lang`` (empty for English, the source language)."""
    if lang == "en":
        return {}
    data: dict[str, str] = {}
    for path in sorted(resource("translations", lang).glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            data.update(json.load(fh))
    return data


def current_language() -> str:
    return _current


def set_language(lang: str) -> None:
    """Switch the language for every later :func:`t` call and tell the listeners."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _current = lang
    for listener in list(_listeners):
        listener(lang)


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def t(source: str, lang: str | None = None, /, **kwargs: Any) -> str:
    """Translate the English ``source`` into ``lang`` (default: the current language).

    ``kwargs`` fill ``{named}`` placeholders after translation.
    """
    text = catalog(lang or _current).get(source, source)
    return text.format(**kwargs) if kwargs else text


def format_date(value: Any, lang: str | None = None) -> str:
    """Dates as Latvians write them (07.06.2025.) or ISO in English."""
    if value is None:
        return ""
    if (lang or _current) == "lv":
        return f"{value.day:02d}.{value.month:02d}.{value.year}."
    return str(value.isoformat())


def format_percent(value: float | None, lang: str | None = None, digits: int = 0) -> str:
    """A percent with the decimal comma in Latvian; an en dash when there is no value."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    if (lang or _current) == "lv":
        text = text.replace(".", ",")
    return f"{text} %"


def format_number(value: float | None, lang: str | None = None, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if (lang or _current) == "lv" else text


# Labels of the stored enum values, in one place for the CLI, the GUI and the report.
MODE_LABELS = {
    "single": "One respondent",
    "individual": "Individual answers",
    "consensus": "Consensus workshop",
}
STATUS_LABELS = {
    "in_progress": "In progress",
    "completed": "Completed",
    "archived": "Archived",
}
ACTION_STATUS_LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
}
ROLE_LABELS = {
    "deputy": "Deputy",
    "chair": "Council chair",
    "executive": "Executive director",
    "manager": "Manager",
    "staff": "Staff member",
    "other": "Other",
    "group": "Group (agreed answer)",
}
UNIT_TYPE_LABELS = {
    "dome": "Council",
    "komiteja": "Committee",
    "komisija": "Commission",
    "vadiba": "Municipal leadership",
    "administracija": "Central administration / department",
    "parvalde": "Town or parish administration",
    "iestade": "Municipal institution",
    "kapitalsabiedriba": "Municipal company",
    "cits": "Other",
}


def _label(table: dict[str, str], value: Any, lang: str | None) -> str:
    key = str(getattr(value, "value", value))
    return t(table[key], lang) if key in table else key


def mode_label(value: Any, lang: str | None = None) -> str:
    return _label(MODE_LABELS, value, lang)


def status_label(value: Any, lang: str | None = None) -> str:
    return _label(STATUS_LABELS, value, lang)


def action_status_label(value: Any, lang: str | None = None) -> str:
    return _label(ACTION_STATUS_LABELS, value, lang)


def role_label(value: Any, lang: str | None = None) -> str:
    return _label(ROLE_LABELS, value, lang)


def unit_type_label(value: Any, lang: str | None = None) -> str:
    """A unit type's label; free text typed by the user is shown as it is."""
    return _label(UNIT_TYPE_LABELS, value, lang)
