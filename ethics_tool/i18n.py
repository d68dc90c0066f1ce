"""The translation layer for every user-visible string (report, CLI and GUI alike).

Source strings are written in English inside the code; Latvian (the default language) comes from
the gettext catalogue ``resources/translations/lv/LC_MESSAGES/ethics_tool.po``, compiled to the
``.mo`` file beside it, which is what the app reads (stdlib :mod:`gettext`, no Babel at run time;
the parsed catalogue is kept in the user's cache folder, see :func:`load_catalogue`).

- :func:`t` translates a text: ``t("Saved")``, ``t("Question {n} of {total}", n=3, total=93)``;
- :func:`nt` picks the plural form for a number by the language's rule (Latvian has three):
  ``nt("{count} answer", "{count} answers", n, count=n)``;
- :func:`pt` translates a text in a context, for one English word with two meanings:
  ``pt("question status", "Open")``;
- :func:`N_` only marks a text for extraction (labels in tables, translated later with :func:`t`).

Placeholders are ``{named}`` and are filled after translation. ``scripts/i18n.py`` extracts the
texts with Babel (keywords ``t``, ``nt:1,2``, ``pt:1c,2``, ``N_``), checks the catalogue and
compiles it; see ``docs/translations.md``. The GUI re-reads texts through these functions when the
language changes at run time, and also loads Qt's own ``qtbase_lv`` for standard dialogs.
"""

from __future__ import annotations

import contextlib
import gettext
import marshal
import math
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from ethics_tool import pseudo_locale
from ethics_tool.paths import resource, user_cache_dir

LANGUAGES = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
DOMAIN = "ethics_tool"

_current = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def mo_path(lang: str) -> Path:
    """The compiled catalogue of ``lang`` as shipped with the app."""
    return resource("translations", lang, "LC_MESSAGES", f"{DOMAIN}.mo")


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang``; English is the source language and needs none."""
    if lang == "en":
        return gettext.NullTranslations()
    return load_catalogue(mo_path(lang), user_cache_dir() / "translations" / f"{lang}.marshal")


CACHE_FORMAT = 1  # raise when the layout of a cached catalogue changes


def load_catalogue(path: Path, cached: Path) -> gettext.GNUTranslations:
    """The compiled catalogue at ``path``, read through its parsed copy in the file ``cached``.

    Python's gettext reads a .mo file message by message: about 2.5 ms for the Latvian catalogue,
    spent before the desktop program's first paint and by every command. The copy holds the parsed
    messages as one :mod:`marshal` blob (read in well under a millisecond) and is used only while
    the .mo file's path, size and time and the Python version are those it was made from; a missing,
    stale or unreadable copy is made again, and when it cannot be written the file is simply parsed.
    """
    stat = path.stat()
    key = [CACHE_FORMAT, list(sys.version_info[:2]), str(path), stat.st_size, stat.st_mtime_ns]
    try:
        # Plain strings in the user's own cache folder; marshal builds no object that could run.
        key_read, info, charset, catalogue = marshal.loads(cached.read_bytes())  # noqa: S302
        if key_read == key and isinstance(info, dict) and isinstance(catalogue, dict):
            return _from_parts(info, charset, catalogue)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no copy yet, or one that is damaged or of another layout: parse the file
    with path.open("rb") as fh:
        parsed = gettext.GNUTranslations(fh)
    parts = [key, parsed._info, parsed._charset, parsed._catalog]  # type: ignore[attr-defined]
    temporary = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(parts))
        os.replace(temporary, cached)
    except OSError:  # a cache folder that cannot be written: the file is parsed again next time
        with contextlib.suppress(OSError):
            temporary.unlink()
    return parsed


def _from_parts(
    info: dict[str, str], charset: str | None, catalogue: dict[Any, str]
) -> gettext.GNUTranslations:
    """A GNUTranslations with the parsed parts of a catalogue, as ``GNUTranslations(file)`` has."""
    result = gettext.GNUTranslations()
    result._info = info  # type: ignore[attr-defined]
    result._charset = charset  # type: ignore[attr-defined]
    result._catalog = catalogue  # type: ignore[attr-defined]
    forms = info.get("plural-forms")
    if forms:  # the same reading of the header as GNUTranslations._parse
        result.plural = gettext.c2py(forms.split(";")[1].split("plural=")[1])  # type: ignore[attr-defined]
    return result


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
    text = _shown(translations(lang or _current).gettext(source))
    return text.format(**kwargs) if kwargs else text


def nt(singular: str, plural: str, n: int, lang: str | None = None, /, **kwargs: Any) -> str:
    """The form of a text for the number ``n``, which fills ``{count}`` (or ``{n}``).

    English has two forms; Latvian three (1, 21, 31…; 0, 10–20, 30…; the rest), chosen by the
    ``Plural-Forms`` rule in the catalogue. ``kwargs`` fill the other placeholders.
    """
    text = _shown(translations(lang or _current).ngettext(singular, plural, n))
    return text.format(**{"count": n, "n": n, **kwargs})


def pt(context: str, source: str, lang: str | None = None, /, **kwargs: Any) -> str:
    """Translate ``source`` as used in ``context`` (``msgctxt``), for words with two meanings."""
    text = _shown(translations(lang or _current).pgettext(context, source))
    return text.format(**kwargs) if kwargs else text


def _shown(text: str) -> str:
    """The text as shown: lengthened in the developers' pseudo-locale (:mod:`.pseudo_locale`)."""
    return pseudo_locale.pseudo(text) if pseudo_locale.active() else text


def N_(source: str) -> str:
    """Mark ``source`` for extraction without translating it (translate it later with :func:`t`)."""
    return source


def format_date(value: Any, lang: str | None = None) -> str:
    """Dates as Latvians write them (07.06.2025.) or ISO in English."""
    if value is None:
        return ""
    if (lang or _current) == "lv":
        return f"{value.day:02d}.{value.month:02d}.{value.year}."
    return str(value.isoformat())


def round_half_up(value: float, digits: int = 0) -> float:
    """``value`` rounded to ``digits`` decimals, halves away from zero (19.5 → 20, −2.5 → −3).

    The decimal the number is written as counts (0.285 → 0.29), not its binary approximation;
    docs/methodology.md states this rule, and scoring chooses bands from the rounded figure.
    """
    from decimal import ROUND_HALF_UP, Decimal  # not needed before the window's first paint

    if not math.isfinite(value):
        return value
    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(exact) + 0.0  # no "-0"


def format_percent(value: float | None, lang: str | None = None, digits: int = 0) -> str:
    """A percent with the decimal comma in Latvian; an en dash when there is no value."""
    if value is None:
        return "–"
    text = f"{round_half_up(value, digits):.{digits}f}"
    if (lang or _current) == "lv":
        text = text.replace(".", ",")
    return f"{text} %"


def format_number(value: float | None, lang: str | None = None, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{round_half_up(value, digits):.{digits}f}"
    return text.replace(".", ",") if (lang or _current) == "lv" else text


def answered_meaning(lang: str | None = None) -> str:
    """What "Answered" means, in the results table, the navigator and the report alike."""
    return t(
        "Answered: the share of questions answered in any way, including “Not "
        "applicable” and “Don't know”.",
        lang,
    )


CHANGE_DIGITS = 1  # one rule wherever a change is shown: scores and changes with one decimal


def rounded_change(before: float | None, after: float | None) -> float | None:
    """The change from ``before`` to ``after`` as shown: the difference of the shown values.

    Both scores are rounded to the digits they are shown with first, so "47,3 % → 51,8 %" is
    always followed by "+4,5", never by the "+4,6" of the unrounded values.
    """
    if before is None or after is None:
        return None
    shown_after = round_half_up(after, CHANGE_DIGITS)
    shown_before = round_half_up(before, CHANGE_DIGITS)
    return round_half_up(shown_after - shown_before, CHANGE_DIGITS)


def format_score(value: float | None, lang: str | None = None) -> str:
    """A score beside a change ("47,3 %"): the digits the change is computed from."""
    return format_percent(value, lang, CHANGE_DIGITS)


def format_change(delta: float | None, lang: str | None = None) -> str:
    """A change in percentage points with its sign: "+8,5 p.p.", "−3,0 p.p.", "0,0 p.p."."""
    if delta is None:
        return "–"
    value = round_half_up(delta, CHANGE_DIGITS)
    text = format_number(abs(value), lang, CHANGE_DIGITS)
    sign = "+" if value > 0 else "−" if value < 0 else ""
    unit = t("pp", lang)  # "p.p." in Latvian
    return f"{sign}{text} {unit}"


# argparse's own words (usage, headings, its error messages): the command line speaks one language.
ARGPARSE_WORDS = frozenset(
    {
        N_("usage:"),
        N_("positional arguments"),
        N_("options"),
        N_("show this help message and exit"),
        N_("show program's version number and exit"),
        N_("%(prog)s: error: %(message)s"),
        N_("argument %(argument_name)s: %(message)s"),
        N_("the following arguments are required: %s"),
        N_("invalid choice: %(value)r (choose from %(choices)s)"),
        N_("unrecognized arguments: %s"),
        N_("expected one argument"),
        N_("invalid %(type)s value: %(value)r"),
        N_("ambiguous option: %(option)s could match %(matches)s"),
        N_("one of the arguments %s is required"),
    }
)


def argparse_text(text: str) -> str:
    """A text of :mod:`argparse` in the current language (used in place of its ``gettext``).

    The catalogue holds the words without argparse's surrounding spaces and newlines.
    """
    core = text.strip()
    if core not in ARGPARSE_WORDS:
        return text
    start = text.index(core)
    return text[:start] + t(core) + text[start + len(core) :]


# Labels of the stored enum values, in one place for the CLI, the GUI and the report.
MODE_LABELS = {
    "single": N_("One respondent"),
    "individual": N_("Individual answers"),
    "consensus": N_("Consensus workshop"),
}
STATUS_LABELS = {
    "in_progress": N_("In progress"),
    "completed": N_("Completed"),
    "archived": N_("Archived"),
}
ACTION_STATUS_LABELS = {
    "not_started": N_("Not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
}
ROLE_LABELS = {
    "deputy": N_("Councillor"),
    "chair": N_("Council chair"),
    "executive": N_("Executive director"),
    "manager": N_("Manager"),
    "staff": N_("Staff member"),
    "other": N_("Other"),
    "group": N_("Group (agreed answer)"),
}
UNIT_TYPE_LABELS = {
    "dome": N_("Council"),
    "komiteja": N_("Committee"),
    "komisija": N_("Commission"),
    "vadiba": N_("Municipal leadership"),
    "administracija": N_("Central administration / department"),
    "parvalde": N_("Town or parish administration"),
    "iestade": N_("Municipal institution"),
    "kapitalsabiedriba": N_("Municipal company"),
    "cits": N_("Other"),
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
