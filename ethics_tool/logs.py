"""One logging set-up for the command line and the desktop app.

Messages go to a rotating file ``ethics-tool.log`` in the user's log folder (platformdirs:
``~/.local/state/ethics-tool/log`` on Linux, ``%LOCALAPPDATA%\\LPS\\ethics-tool\\Logs`` on Windows),
1 MB × 4 files. Hard crashes that Python cannot catch (a segmentation fault in Qt, an abort) are
written by :mod:`faulthandler` to ``crash.log`` beside it, with the stack of every thread; each
start adds one line there first, so a crash can be matched to its run in ``ethics-tool.log``.

If ``faulthandler`` is already on (``python -X faulthandler``, ``PYTHONFAULTHANDLER`` or a test
runner), it is left writing where it writes. If the log folder cannot be created, the desktop app
logs to stderr and the command line not at all (it never shows a traceback in the user's face).
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, TextIO

from ethics_tool import APP_NAME, __version__
from ethics_tool.paths import user_log_dir

LOG_FILE = f"{APP_NAME}.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
CRASH_MAX_BYTES = 256_000
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class LogFiles(NamedTuple):
    """Where this process writes; ``None`` for a file that could not be opened.

    (A named tuple rather than a dataclass: the desktop program imports this module before its
    first paint, and ``dataclasses`` costs a millisecond there.)
    """

    folder: Path
    log: Path | None
    crash: Path | None


_current: LogFiles | None = None
_handler: logging.Handler | None = None
_crash_stream: TextIO | None = None
_crash_path: Path | None = None


def setup(folder: Path | None = None, *, stderr_fallback: bool = True) -> LogFiles:
    """Send log records to the rotating file and hard crashes to ``crash.log`` in ``folder``.

    Called once at start by the CLI and the GUI; calling it again with the same folder does
    nothing, with another folder (tests) moves both files there.
    """
    global _current
    folder = folder or user_log_dir()
    if _current is not None and _current.folder == folder:
        return _current
    with contextlib.suppress(OSError):  # each file below reports its own failure
        folder.mkdir(parents=True, exist_ok=True)
    _current = LogFiles(folder, _log_to(folder, stderr_fallback), enable_crash_log(folder))
    logging.getLogger(__name__).info(
        "version %s, pid %d, %s", __version__, os.getpid(), " ".join(sys.argv)
    )
    return _current


def current() -> LogFiles | None:
    """The files of the last :func:`setup`, if any."""
    return _current


def _log_to(folder: Path, stderr_fallback: bool) -> Path | None:
    global _handler
    import logging.handlers  # ~10 ms; only here, after the window is on screen

    path: Path | None = folder / LOG_FILE
    handler: logging.Handler
    try:
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        path = None
        handler = logging.StreamHandler() if stderr_fallback else logging.NullHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    _handler = handler
    return path


def enable_crash_log(folder: Path | None = None) -> Path | None:
    """Only the crash file (cheap: the GUI does this before its first paint, the rest later)."""
    global _crash_stream, _crash_path
    path = (folder or user_log_dir()) / CRASH_FILE
    if _crash_stream is not None and _crash_path == path:
        return path
    if faulthandler.is_enabled() and _crash_stream is None:
        return None  # someone else chose where crashes go
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > CRASH_MAX_BYTES:
            path.replace(path.with_name(CRASH_FILE + ".1"))
        # Kept open for the life of the process: faulthandler writes to its file descriptor.
        stream = path.open("a", encoding="utf-8")
        stream.write(f"--- {datetime.now().isoformat(timespec='seconds')} started version ")
        stream.write(f"{__version__}, pid {os.getpid()}\n")
        stream.flush()
    except OSError:
        return None
    faulthandler.enable(file=stream, all_threads=True)
    if _crash_stream is not None:
        _crash_stream.close()
    _crash_stream, _crash_path = stream, path
    return path
