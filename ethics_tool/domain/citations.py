"""How a questionnaire's reference reads in a language, the same in the GUI and the PDF.

A reference with a ``label`` (a framework named in Norwegian or English) reads as its label; the
Council of Europe's and the OECD's numbered principles (``P4``, ``Principle 4, Principle 8``) read
as "4. princips" / "4. un 8. princips" in Latvian and "Principle 4" / "Principles 4 and 8" in
English; anything else (Latvian law names, guidance) is shown as written.

Assessments keep the form they were answered with, and forms before 2.0.1 had no labels: a
framework reference without one reads as the label the built-in forms give the same ``ref``
today (read from their YAML once, only when such a reference is met).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from ethics_tool.domain.questionnaire import Reference, ReferenceKind, Text
from ethics_tool.i18n import current_language, nt, pt, t

_PRINCIPLE = re.compile(r"(?:P|Principle\s*)(\d{1,2})", re.IGNORECASE)
_NUMBERED = (ReferenceKind.COE, ReferenceKind.OECD)


def principle_numbers(ref: str) -> list[int] | None:
    """``"P4, P8"`` or ``"Principle 1, Principle 3"`` → the numbers; None for anything else."""
    parts = [part.strip() for part in re.split(r"[,;]", ref)]
    numbers = []
    for part in parts:
        found = _PRINCIPLE.fullmatch(part)
        if found is None:
            return None
        numbers.append(int(found.group(1)))
    return numbers or None


def principles_text(numbers: list[int], lang: str | None = None) -> str:
    items = [pt("ordinal number", "{number}", lang, number=n) for n in numbers]
    joined = items[0]
    if len(items) > 1:
        joined = t("{items} and {last}", lang, items=", ".join(items[:-1]), last=items[-1])
    return nt("Principle {numbers}", "Principles {numbers}", len(items), lang, numbers=joined)


def reference_text(ref: Reference, lang: str | None = None) -> str:
    """``ref`` as a reader of ``lang`` sees it (plain text)."""
    label = ref.label
    if label is None and ref.kind is ReferenceKind.FRAMEWORK:
        label = builtin_labels().get(ref.ref)
    if label is not None:
        return label.get(lang or current_language())
    if ref.kind in _NUMBERED:
        numbers = principle_numbers(ref.ref)
        if numbers is not None:
            return principles_text(numbers, lang)
    return ref.ref


def by_kind(
    refs: list[Reference], lang: str | None = None
) -> list[tuple[ReferenceKind, list[tuple[str, str | None]]]]:
    """``refs`` grouped by kind in their order, each as (text, url); the numbered principles of
    one kind merged into one text ("1., 3. un 6. princips")."""
    groups: dict[ReferenceKind, list[tuple[str, str | None]]] = {}
    numbers: dict[ReferenceKind, list[int]] = {}
    for ref in refs:
        items = groups.setdefault(ref.kind, [])
        found = principle_numbers(ref.ref) if ref.kind in _NUMBERED and not ref.url else None
        if found is not None and ref.label is None:
            known = numbers.setdefault(ref.kind, [])
            if not known:
                items.append(("", None))  # the merged principles go here
            known += [n for n in found if n not in known]
            continue
        text = reference_text(ref, lang)
        if (text, ref.url) not in items:
            items.append((text, ref.url))
    for kind, found in numbers.items():
        items = groups[kind]
        items[items.index(("", None))] = (principles_text(sorted(found), lang), None)
    return list(groups.items())


@cache
def builtin_labels() -> dict[str, Text]:
    """``ref`` → label of every labelled framework reference in the built-in forms."""
    import yaml

    from ethics_tool.paths import data_root

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    labels: dict[str, Text] = {}
    for path in sorted((data_root() / "forms").glob("*.yaml")):
        try:
            document = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
        except (OSError, yaml.YAMLError):
            continue  # a broken built-in form is reported where forms are loaded
        for found in _references(document):
            label = found.get("label")
            if found.get("kind") == "framework" and isinstance(label, dict):
                try:
                    labels.setdefault(str(found["ref"]), Text.model_validate(label))
                except ValueError:
                    continue
    return labels


def _references(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "references" and isinstance(value, list):
                yield from (item for item in value if isinstance(item, dict) and "ref" in item)
            else:
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)
