"""The municipality names offered in the set-up dialog, from ``resources/municipalities.json``.

The file is the program's own reference data: ``{"municipalities": [{"id", "lv", "en", "type"}…]}``.
It is read as exactly that; an entry that does not fit is named in the log and left out (any name
may still be typed, so a broken list never stops anyone).
"""

from __future__ import annotations

import json
import logging
from functools import cache

from ethics_tool.paths import resource

log = logging.getLogger(__name__)


@cache
def municipalities() -> tuple[str, ...]:
    """The Latvian names, in the file's order, without repeats (empty when the file is unusable)."""
    path = resource("municipalities.json")
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
    names: list[str] = []
    for number, entry in enumerate(entries):
        name = entry.get("lv") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            log.warning('%s: municipalities[%d] has no Latvian name ("lv")', path, number)
            continue
        names.append(name.strip())
    return tuple(dict.fromkeys(names))
