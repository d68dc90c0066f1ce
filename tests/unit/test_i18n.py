"""Every user-visible string wrapped in ``t("…")`` has a Latvian translation, with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from ethics_tool import i18n

PACKAGE = Path(i18n.__file__).parent


def translatable_strings() -> dict[str, str]:
    """English source string → the file that uses it, for every ``t("literal", …)`` call."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, str(path.relative_to(PACKAGE.parent)))
    # Labels of stored values are translated through tables, not literal calls.
    for table in (
        i18n.MODE_LABELS,
        i18n.STATUS_LABELS,
        i18n.ACTION_STATUS_LABELS,
        i18n.ROLE_LABELS,
        i18n.UNIT_TYPE_LABELS,
    ):
        for value in table.values():
            found.setdefault(value, "ethics_tool/i18n.py")
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_has_a_latvian_translation() -> None:
    catalog = i18n.catalog("lv")
    missing = {s: where for s, where in translatable_strings().items() if s not in catalog}
    assert not missing, "missing Latvian translations:\n" + "\n".join(
        f"  {where}: {s!r}" for s, where in sorted(missing.items(), key=lambda kv: kv[1])
    )


def test_translations_keep_placeholders_and_look_latvian() -> None:
    catalog = i18n.catalog("lv")
    for source, text in catalog.items():
        assert placeholders(source) == placeholders(text), source
        assert text.strip(), source


def test_catalog_files_are_valid_and_not_ascii_only() -> None:
    catalog = i18n.catalog("lv")
    assert catalog, "no Latvian catalog found"
    letters = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")
    assert sum(1 for text in catalog.values() if letters.search(text)) > len(catalog) / 3


def test_switching_language_tells_listeners() -> None:
    heard: list[str] = []
    i18n.on_language_changed(heard.append)
    try:
        i18n.set_language("en")
        assert i18n.t("Completed") == "Completed"
        i18n.set_language("lv")
        assert i18n.t("Completed") == "Pabeigts"
    finally:
        i18n.remove_listener(heard.append)
    assert heard == ["en", "lv"]
    with pytest.raises(ValueError, match="unsupported language"):
        i18n.set_language("de")


def test_number_and_date_formats() -> None:
    from datetime import date

    assert i18n.format_percent(63.4259, "lv") == "63 %"
    assert i18n.format_percent(63.5, "lv", 1) == "63,5 %"
    assert i18n.format_percent(None) == "–"
    assert i18n.format_date(date(2025, 6, 7), "lv") == "07.06.2025."
    assert i18n.format_date(date(2025, 6, 7), "en") == "2025-06-07"
