"""Mutations of export files and questionnaire files, and an independent statement of the import rules.

Shared by the hypothesis tests (tests/unit/exchange, tests/unit/domain) and, copied by import path,
by ``benchmarks/hostile_inputs.py``. A mutation is driven by a ``random.Random``, so hypothesis can
shrink it through ``st.randoms()`` and the benchmark can run it ten thousand times.
"""

from __future__ import annotations

import copy
import json
import random
import re
from typing import Any

from ethics_tool.domain.questionnaire import Questionnaire

HOSTILE_STRINGS = [
    "",
    " ",
    "\ud800",  # a lone surrogate
    "lab\udfffi",
    "ā" * 20_001,
    "x" * 100_001,
    "‮שלום‬ ok",
    "😀👍🏽",
    "\x00\x07",
    "Q1",
    "T1",
    "level",
    "na",
    "unknown",
    "group",
    "consensus",
    "2026-02-30",
    "NaN",
]
HOSTILE_NUMBERS: list[Any] = [-1, 0, 1, 2, 3, 4, 5, 7, 99, -3, 2.5, 1e308, 10**30, True, False]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _paths(value, (*prefix, index))
    return out


def _random_value(rnd: random.Random, data: Any) -> Any:
    choice = rnd.randrange(10)
    if choice == 0:
        return None
    if choice == 1:
        return rnd.choice(HOSTILE_NUMBERS)
    if choice == 2:
        return rnd.choice(HOSTILE_STRINGS)
    if choice == 3:
        depth = rnd.choice([3, 40, 500, 3000])
        if depth > 50:  # written into the text by to_json: deeper than json.dumps can go
            return f"@@deep{depth}@@"
        value: Any = 1
        for _ in range(depth):
            value = [value] if rnd.random() < 0.5 else {"k": value}
        return value
    if choice == 4:
        return []
    if choice == 5:
        return {}
    if choice == 6:  # a piece of the same file elsewhere
        path = rnd.choice(_paths(data))
        return copy.deepcopy(_get(data, path))
    if choice == 7:
        return rnd.choice(["level", "na", "unknown", "maybe"])
    if choice == 8:
        return rnd.randint(-10, 10)
    return rnd.choice(["deputy", "group", "other", "single", "individual", "consensus"])


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def mutate_data(data: Any, rnd: random.Random, count: int = 1) -> Any:
    """``data`` with ``count`` random structural changes (replace, delete, duplicate, add)."""
    data = copy.deepcopy(data)
    for _ in range(count):
        paths = [p for p in _paths(data) if p]
        if not paths:
            return _random_value(rnd, data)
        path = rnd.choice(paths)
        parent = _get(data, path[:-1])
        key = path[-1]
        operation = rnd.randrange(4)
        if operation == 0:
            parent[key] = _random_value(rnd, data)
        elif operation == 1:
            del parent[key]
        elif operation == 2 and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif isinstance(parent, dict):
            parent[rnd.choice([*HOSTILE_STRINGS[-8:], "extra"])] = _random_value(rnd, data)
        else:
            parent[key] = _random_value(rnd, data)
    return data


TEXT_NOISE = [
    "[",
    "{",
    "]",
    "}",
    ":",
    ",",
    '"',
    "'",
    "\\",
    "&a ",
    "*a",
    "- ",
    "? ",
    "\t",
    "\n",
    "!!",
    "#",
    "%",
    "|",
    ">",
    "\ufeff",
    "ā",
    "\x00",
    "1e999",
    "9" * 5000,
]


def mutate_text(text: str, rnd: random.Random, count: int = 1) -> str:
    """``text`` with ``count`` edits a person or a broken program could make."""
    for _ in range(count):
        if not text:
            return rnd.choice(TEXT_NOISE)
        at = rnd.randrange(len(text))
        operation = rnd.randrange(6)
        if operation == 0:
            text = text[:at] + rnd.choice(TEXT_NOISE) + text[at:]
        elif operation == 1:
            text = text[:at] + text[at + rnd.randint(1, 40) :]
        elif operation == 2:
            text = text[:at]
        elif operation == 3:
            lines = text.splitlines(keepends=True)
            i = rnd.randrange(len(lines))
            lines.insert(i, lines[i])
            text = "".join(lines)
        elif operation == 4:
            depth = rnd.choice([50, 400, 2000])
            text = text[:at] + "[" * depth + "]" * depth + text[at:]
        else:
            lines = text.splitlines(keepends=True)
            i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
    return text


_DEEP = re.compile(r'"@@deep(\d+)@@"')


def to_json(data: Any) -> str:
    """JSON text of ``data``; a ``"@@deepN@@"`` marker becomes arrays nested N deep."""
    text = json.dumps(data, ensure_ascii=True)
    return _DEEP.sub(lambda m: "[" * int(m.group(1)) + "1" + "]" * int(m.group(1)), text)


def rule_breaches(export: Any) -> list[str]:
    """The rules an *accepted* export must satisfy, stated independently of the program's code.

    ``export`` is the validated ``ExportFile``; returns what it breaks (empty: nothing).
    """
    form: Questionnaire = export.form
    out: list[str] = []
    questions = {q.id: q for _, q in form.iter_questions()}
    mode = export.assessment.mode.value
    if not export.assessment.municipality.strip():
        out.append("blank municipality")
    uuids = [p.uuid for p in export.respondents]
    if len(set(uuids)) != len(uuids):
        out.append("a respondent twice")
    groups = [p for p in export.respondents if p.role.value == "group"]
    if len(groups) > 1 or (groups and mode != "consensus") or (mode == "consensus" and not groups):
        out.append("group respondents do not fit the mode")
    for person in export.respondents:
        if not person.label.strip():
            out.append("blank label")
        ids = [a.question_id for a in person.answers]
        if len(set(ids)) != len(ids):
            out.append("a question answered twice")
        for a in person.answers:
            q = questions.get(a.question_id)
            if q is None:
                out.append(f"unknown question {a.question_id!r}")
                continue
            scale = form.scale.levels if q.type.value == "maturity" else form.scale.agreement
            na = q.allow_na if q.allow_na is not None else form.scale.allow_na
            unknown = q.allow_unknown if q.allow_unknown is not None else form.scale.allow_unknown
            # None: a comment without an answer (exchange/schema.py); only its comment is checked
            kind = a.kind.value if a.kind is not None else None
            if kind == "level" and (
                type(a.value) is not int or a.value not in [lvl.value for lvl in scale]
            ):
                out.append(f"level {a.value!r} not on the scale of {q.id}")
            if kind == "na" and (not na or a.value is not None):
                out.append(f"N/A on {q.id}")
            if kind == "unknown" and (not unknown or a.value is not None):
                out.append(f"Nezinu on {q.id}")
            if len(a.comment) > 20_000 or any(0xD800 <= ord(c) <= 0xDFFF for c in a.comment):
                out.append(f"comment on {q.id}")
    for action in export.actions:
        if action.question_id is not None and action.question_id not in questions:
            out.append("action on an unknown question")
    return out
