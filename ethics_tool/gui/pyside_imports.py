"""Make PySide6's check of every later import cheap (about a tenth of the core's import time).

Once PySide6 is imported it watches every import that follows, for its optional
``from __feature__ import snake_case`` syntax: ``shibokensupport.feature.feature_imported`` asks
``_mod_uses_pyside(module)`` whether the module's source mentions "PySide6", and it finds out with
:func:`inspect.getsource`, which reads each file through :mod:`linecache` and keeps every line in
memory. The app imports some 400 modules (SQLAlchemy, pydantic, its own core) after Qt, so that check
costs about 60 ms of the start in a source checkout; in the bundle, where no source is on disk, it
costs a failed look-up per module instead.

:func:`install` puts a check in front of it that gives the same answer from the raw bytes of the
module's file (a ``.py`` file that is not there has no source, the same answer PySide6 reaches), and
leaves every other case (built-in and compiled modules) to PySide6's own check. The app never uses
``__feature__``, so the answer does not change what the program does either way; the point is only
not to read 400 files into memory. When a PySide6 release renames or removes the function, nothing is
installed and start-up is merely slower.

Importing this module installs the check when PySide6 is already imported, so that the GUI's own
modules imported before the first paint (``gui/app.py`` imports this one first of them) are checked
the cheap way too: in a source checkout PySide6 would read each of them line by line. (In the bundle,
where no source is on disk, both checks cost a few microseconds a module.)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_ethics_tool_fast"


def install() -> bool:
    """Install the cheap check; False when this PySide6 has no such hook (nothing changed)."""
    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except FileNotFoundError:
            return False  # frozen: no source on disk, and PySide6 answers False for that too
        except OSError:
            return original(module)

    setattr(uses_pyside, _MARK, True)
    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 - a module we do not own
    return True


install()  # see the module's docstring: the GUI's own modules are imported next
