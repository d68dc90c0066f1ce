"""The schema revisions of the migration scripts, read without importing Alembic.

Importing Alembic (with Mako and its DDL modules) and letting ``ScriptDirectory`` import every
migration script costs about a quarter of a second, on every start. An SQLite file is nearly always
already at the head revision, and then nothing needs Alembic. So the start reads the ``revision``
and ``down_revision`` assignments of ``versions/*.py`` as text (one line each, values read with
:func:`ast.literal_eval`: no import, no execution) and finds the head from them.

Only the simple, linear-or-merged history this project writes is understood: literal revision ids,
``down_revision`` as None, a string or a tuple of strings, no branch labels, no ``depends_on``.
Anything else makes :func:`scan` return None and the caller asks Alembic, so a case this module does
not understand costs time, never a wrong answer. ``tests/unit/storage/test_revisions.py`` checks that
both agree on the real scripts.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

_NAMES = ("revision", "down_revision", "branch_labels", "depends_on")


@dataclass(frozen=True)
class Revisions:
    known: frozenset[str]
    head: str


# ``revision = "0001_baseline"``, ``down_revision: str | None = None`` … at the start of a line.
_ASSIGNMENT = re.compile(
    rb"^(revision|down_revision|branch_labels|depends_on)\s*(?::[^=\n]*)?=(.*)$", re.MULTILINE
)


def _assignments(path: Path) -> dict[str, object] | None:
    """The literal values of the module-level assignments Alembic reads, or None if not literal."""
    try:
        text = path.read_bytes()
    except OSError:
        return None
    found: dict[str, object] = {}
    for match in _ASSIGNMENT.finditer(text):
        name = match.group(1).decode("ascii")
        if name in found:
            return None  # assigned twice: only running the script would tell which one counts
        try:
            found[name] = ast.literal_eval(match.group(2).decode("utf-8").strip())
        except (ValueError, SyntaxError, UnicodeDecodeError):
            return None  # not a literal on one line (a tuple over several lines, a name …)
    return found


def scan(location: Path) -> Revisions | None:
    """The revisions in ``location/versions`` and their single head; None when unsure."""
    down: dict[str, tuple[str, ...]] = {}
    try:
        files = sorted((location / "versions").glob("*.py"))
    except OSError:
        return None
    for path in files:
        if path.name == "__init__.py" or path.name.startswith(".#"):
            continue  # Alembic skips these too
        values = _assignments(path)
        if values is None or values.get("branch_labels") or values.get("depends_on"):
            return None
        revision = values.get("revision")
        parent = values.get("down_revision")
        if not isinstance(revision, str) or revision in down:
            return None
        if parent is None:
            down[revision] = ()
        elif isinstance(parent, str):
            down[revision] = (parent,)
        elif isinstance(parent, (tuple, list)) and all(isinstance(p, str) for p in parent):
            down[revision] = tuple(parent)
        else:
            return None
    referenced = {parent for parents in down.values() for parent in parents}
    if not referenced <= down.keys():
        return None  # a missing parent: Alembic gives the error message
    heads = [revision for revision in down if revision not in referenced]
    if len(heads) != 1:
        return None
    return Revisions(frozenset(down), heads[0])
