"""Dates as people type them in Latvia: ``31.03.2027``, ``31.3.27``, ``31032027``, ``2027-03-31``.

One parser for every date a user types (action-plan deadlines, the date of a new round), so the
same text gives the same date everywhere and a mistake gets one clear message.
"""

from __future__ import annotations

import re
from datetime import date

from ethics_tool.errors import UserError
from ethics_tool.i18n import format_date, t

_SEPARATED = re.compile(r"^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})(?:\s*[./\-\s]\s*(\d{2}|\d{4}))?\.?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^\d{6}$|^\d{8}$")


class DateTextError(UserError):
    """A typed text that is not a date; the message says what to write."""


def _year(text: str | None, today: date) -> int:
    if not text:
        return today.year
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def parse_date(text: str, today: date | None = None) -> date | None:
    """The date in ``text`` (day first, as Latvians write it), ``None`` for an empty text.

    A two-digit year is in this century; without a year the current one is meant.
    Raises :class:`DateTextError` with a message naming the text and the expected form.
    """
    today = today or date.today()
    cleaned = text.strip()
    if not cleaned:
        return None
    parts: tuple[int, int, int] | None = None
    if (match := _ISO.match(cleaned)) is not None:
        parts = (int(match[3]), int(match[2]), int(match[1]))
    elif (match := _SEPARATED.match(cleaned)) is not None:
        parts = (int(match[1]), int(match[2]), _year(match[3], today))
    elif _DIGITS.match(cleaned):
        parts = (int(cleaned[:2]), int(cleaned[2:4]), _year(cleaned[4:], today))
    if parts is None:
        raise DateTextError(
            t("“{text}” is not a date: write it as DD.MM.YYYY, e.g. 31.03.2027", text=cleaned)
        )
    day, month, year = parts
    if not 1 <= month <= 12:
        raise DateTextError(t("“{text}”: there is no month {month}", text=cleaned, month=month))
    if not 1900 <= year <= 2999:
        raise DateTextError(t("“{text}”: the year {year} is out of range", text=cleaned, year=year))
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError(
            t("“{text}”: that month has no day {day}", text=cleaned, day=day)
        ) from None


def past_deadline_warning(deadline: date | None, today: date | None = None) -> str:
    """A warning when ``deadline`` has already passed, else an empty text."""
    if deadline is None or deadline >= (today or date.today()):
        return ""
    return t("The deadline {date} has already passed", date=format_date(deadline))
