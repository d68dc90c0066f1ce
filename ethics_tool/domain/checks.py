"""Checks shared by every reader of user files (forms and exports): size, shape, text and messages.

Files come from other computers and text editors, so before pydantic sees parsed data it must be
of a sane size and depth, hold only text that can be stored (no lone surrogates), and, for YAML,
not expand through anchors and aliases into something far larger than the file. Pydantic's own
English messages are replaced by translated ones, so a Latvian message never carries English.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic_core import ErrorDetails

from ethics_tool.i18n import t

# A built-in questionnaire is about 320 KB, 11,000 YAML nodes and 8 levels deep; a large export
# (100 respondents with comments) is a few MB. The limits leave ample room above real files.
MAX_FORM_FILE_BYTES = 4 * 1024 * 1024
MAX_EXPORT_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 400_000  # values after alias expansion
MAX_TEXT_CHARS = 5_000_000  # characters of all texts after alias expansion
MAX_STRING_CHARS = 100_000  # one text (a comment is limited further by the answer rules)


def format_loc(loc: Iterable[Any]) -> str:
    """``("themes", 3, "questions", 2)`` → ``themes[3].questions[2]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def json_syntax_problem(path: Path | str, exc: json.JSONDecodeError) -> str:
    """ "<file>: not valid JSON (line, column: reason)", for every reader of JSON files."""
    return t(
        "{path}: not valid JSON (line {line}, column {column}: {reason})",
        path=path,
        line=exc.lineno,
        column=exc.colno,
        reason=exc.msg,
    )


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored as text (a lone surrogate, an oversized text), or ``None``."""
    if len(value) > MAX_STRING_CHARS:
        return t(
            "the text is too long ({length} characters; at most {limit})",
            length=f"{len(value):,}".replace(",", " "),
            limit=f"{MAX_STRING_CHARS:,}".replace(",", " "),
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return t(
            "the text holds a character that cannot be stored (U+{code:04X} at position {pos})",
            code=ord(value[exc.start]),
            pos=exc.start + 1,
        )
    return None


def shape_problem(data: Any) -> tuple[str, str] | None:
    """The first problem with parsed data's size, depth or text as ``(path, reason)``, or ``None``.

    Walks the data without recursion and without following an alias twice into memory: a YAML
    alias is the same Python object as its anchor, so expanding it here costs what it would cost
    pydantic and the JSON snapshot later; the walk stops as soon as a limit is passed.
    """
    nodes = 0
    chars = 0
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        nodes += 1
        if len(loc) > MAX_DEPTH:
            return format_loc(loc[:4]) + "…", t(
                "nested more than {limit} levels deep (or refers to itself)", limit=MAX_DEPTH
            )
        if nodes > MAX_NODES:
            return format_loc(loc), t(
                "the file expands to more than {limit} values (repeated anchors/aliases?)",
                limit=f"{MAX_NODES:,}".replace(",", " "),
            )
        if isinstance(value, str):
            chars += len(value)
            problem = text_problem(value)
            if problem is not None:
                return format_loc(loc), problem
        elif isinstance(value, Mapping):
            children = []
            for key, item in value.items():
                if isinstance(key, str):
                    chars += len(key)
                    problem = text_problem(key)
                    if problem is not None:
                        return format_loc(loc), problem
                children.append((item, (*loc, key)))
            stack.extend(reversed(children))  # report problems in the file's order
        elif isinstance(value, list | tuple):
            stack.extend((value[i], (*loc, i)) for i in range(len(value) - 1, -1, -1))
        if chars > MAX_TEXT_CHARS:
            return format_loc(loc), t(
                "the file expands to more than {limit} characters of text "
                "(repeated anchors/aliases?)",
                limit=f"{MAX_TEXT_CHARS:,}".replace(",", " "),
            )
    return None


def pydantic_message(error: ErrorDetails | Mapping[str, Any]) -> str:
    """A translated reason for one pydantic error (never pydantic's English sentence)."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        # Our own validators raise messages that are already translated.
        reason = ctx.get("error")
        text = str(reason) if reason is not None else str(error.get("msg", ""))
        return text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    messages = {
        "missing": t("required field is missing"),
        "extra_forbidden": t("unknown field (check the spelling)"),
        "string_type": t("must be text"),
        "string_too_short": t("must not be empty"),
        "string_too_long": t("is too long"),
        "string_pattern_mismatch": t(
            "may hold only letters A–Z, digits, '.', '_' and '-', starting with a letter"
        ),
        "int_type": t("must be a whole number"),
        "int_parsing": t("must be a whole number"),
        "int_from_float": t("must be a whole number"),
        "float_type": t("must be a number"),
        "float_parsing": t("must be a number"),
        "finite_number": t("must be a finite number"),
        "bool_type": t("must be true or false"),
        "bool_parsing": t("must be true or false"),
        "list_type": t("must be a list"),
        "dict_type": t("must be a mapping (key: value)"),
        "model_type": t("must be a mapping (key: value)"),
        "model_attributes_type": t("must be a mapping (key: value)"),
        "too_short": t("needs at least {min} item(s)", min=ctx.get("min_length", 1)),
        "too_long": t("has too many items"),
        "date_type": t("must be a date (YYYY-MM-DD)"),
        "date_parsing": t("must be a date (YYYY-MM-DD)"),
        "date_from_datetime_parsing": t("must be a date (YYYY-MM-DD)"),
        "date_from_datetime_inexact": t("must be a date (YYYY-MM-DD)"),
        "recursion_loop": t("refers to itself"),
    }
    if kind in messages:
        return messages[kind]
    if kind in ("enum", "literal_error"):
        return t("must be one of: {allowed}", allowed=ctx.get("expected", "?"))
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(
            (ctx[key] for key in ("gt", "ge", "lt", "le") if key in ctx),
            "?",
        )
        sign = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<"}.get(kind, "≤")
        return t("must be {sign} {bound}", sign=sign, bound=bound)
    return t("invalid value ({kind})", kind=kind)
