"""File names offered in the save dialogs (plain Python: no Qt)."""

from __future__ import annotations

import re
from pathlib import Path


def safe_file_name(text: str) -> str:
    """A file name that every system accepts, keeping Latvian letters."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    return re.sub(r"\s+", " ", cleaned).strip(" .") or "assessment"


def suggested_path(folder: str, stem: str, suffix: str) -> Path:
    """``stem`` made safe, with ``suffix``, in ``folder`` (the home folder when none is known)."""
    base = Path(folder) if folder else Path.home()
    return base / f"{safe_file_name(stem)}{suffix}"


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (added when the user typed a name without it)."""
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)
