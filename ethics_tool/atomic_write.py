"""Writing a file so that it is either complete or untouched: a temporary file beside the target,
then one rename (``os.replace``). A failure never leaves half a file under the user's name.

Used for the JSON export, benchmark files and spreadsheets. The PDF report keeps its own
(:func:`ethics_tool.report.pdf.write_atomically`): it also syncs the file to disk, gives it the
target's permissions and turns a failure of the renderer itself into a report error.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ethics_tool.errors import UserError
from ethics_tool.i18n import t


def write_atomically(
    path: Path | str, write: Callable[[Path], None], error: type[UserError]
) -> None:
    """Let ``write`` fill a temporary file beside ``path``, then rename it to ``path``.

    An operating-system failure (no such folder, no permission, a full disk) removes the temporary
    file and raises ``error`` with "cannot write <path>: <reason>"; other exceptions pass through
    (the temporary file is removed as well).
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise error(t("cannot write {path}: {reason}", path=path, reason=exc.strerror)) from None
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise error(t("cannot write {path}: {reason}", path=path, reason=exc.strerror)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path | str, text: str, error: type[UserError]) -> None:
    """Write ``text`` as UTF-8 with :func:`write_atomically`."""

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(path, write, error)
