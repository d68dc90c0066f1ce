"""The list of Latvian municipalities shipped in ``resources/municipalities.json``: one reader for the
set-up dialog (names to choose from) and the benchmark (state city or novads).

The file is the program's own reference data: ``{"municipalities": [{"id", "lv", "en", "type"}…]}``.
It is read as exactly that; an entry that does not fit is named in the log and left out, and an
unusable file gives an empty list (any name may still be typed, so a broken list never stops
anyone).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ethics_tool.paths import resource

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Municipality:
    lv: str  # the Latvian name, e.g. "Līvānu novads"
    en: str = ""  # the English name, "" when the file has none
    type: str = ""  # "valstspilseta" or "novads" in the shipped file; "" when not given
    id: str = ""


def read_municipalities(path: Path) -> tuple[Municipality, ...]:
    """Every usable entry of the file at ``path``, in the file's order; one per Latvian name."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ()
    except (OSError, ValueError) as exc:
        log.warning("cannot read %s: %s", path, exc)
        return ()
    entries = data.get("municipalities") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        log.warning('%s: expected a list under "municipalities"', path)
        return ()
    found: dict[str, Municipality] = {}
    for number, entry in enumerate(entries):
        fields = entry if isinstance(entry, dict) else {}
        name = fields.get("lv")
        if not isinstance(name, str) or not name.strip():
            log.warning('%s: municipalities[%d] has no Latvian name ("lv")', path, number)
            continue
        others = {key: fields.get(key, "") for key in ("en", "type", "id")}
        wrong = sorted(key for key, value in others.items() if not isinstance(value, str))
        if wrong:
            log.warning("%s: municipalities[%d]: %s must be text", path, number, ", ".join(wrong))
            continue
        found.setdefault(
            name.strip(),
            Municipality(
                lv=name.strip(),
                en=others["en"].strip(),
                type=others["type"].strip(),
                id=others["id"].strip(),
            ),
        )
    return tuple(found.values())


@cache
def municipalities() -> tuple[Municipality, ...]:
    """The shipped list (read once)."""
    return read_municipalities(resource("municipalities.json"))


def find_municipality(
    name: str, known: tuple[Municipality, ...] | None = None
) -> Municipality | None:
    """The entry whose Latvian or English name is ``name`` (case and spaces around it ignored)."""
    wanted = name.strip().casefold()
    if not wanted:
        return None
    for entry in municipalities() if known is None else known:
        if wanted in (entry.lv.casefold(), entry.en.casefold()):
            return entry
    return None
