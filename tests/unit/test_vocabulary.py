"""One vocabulary beyond the forms: the app's own texts follow resources/terms.yaml too.

The gettext catalogue holds every text the GUI, the CLI and the report show; its English side must
not use a spelling the term sheet avoids (``deputies`` → ``councillors``), its Latvian side must not
either (``zināšanu robi`` → ``zināšanu nepilnības``), and a text about themes calls them ``jomas``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from babel.messages.pofile import read_po

ROOT = Path(__file__).parents[2]
PO = ROOT / "resources" / "translations" / "lv" / "LC_MESSAGES" / "ethics_tool.po"
TERMS = ROOT / "resources" / "terms.yaml"


def pairs() -> list[tuple[str, str]]:
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    out = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english in ids:
            for latvian in strings:
                out.append((str(english), str(latvian or "")))
    return out


def avoided(lang: str) -> list[tuple[re.Pattern[str], str]]:
    data: dict[str, Any] = yaml.safe_load(TERMS.read_text(encoding="utf-8"))
    return [
        (re.compile(pattern), term[lang])
        for term in data["terms"]
        for pattern in term.get(f"avoid_{lang}", [])
    ]


def test_app_texts_use_the_term_sheet() -> None:
    problems = []
    english, latvian = avoided("en"), avoided("lv")
    for source, translation in pairs():
        for pattern, preferred in english:
            if pattern.search(source):
                problems.append(f"{source!r}: use {preferred!r}")
        for pattern, preferred in latvian:
            if pattern.search(translation):
                problems.append(f"{translation!r}: use {preferred!r}")
    assert not problems, "\n".join(problems)


def test_themes_are_jomas_in_latvian() -> None:
    wrong = [
        f"{source!r} -> {translation!r}"
        for source, translation in pairs()
        if re.search(r"\bthemes?\b", source, re.IGNORECASE) and re.search(r"\btēm", translation)
    ]
    assert not wrong, "\n".join(wrong)
