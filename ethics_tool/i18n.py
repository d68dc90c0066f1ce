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
