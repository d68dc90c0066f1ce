"""An SQLite file looked at without writing a byte: what it is (:func:`probe`), whether it is sound
(:func:`quick_check`), a read-only connection; and the folder sync after a rename.

Shared by :mod:`.db` (start-up) and :mod:`.backup` (copies and restores), which import this module and
never each other at module level.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ethics_tool.i18n import t
from ethics_tool.storage.engines import StorageError
from ethics_tool.storage.faults import SQLITE_CANTOPEN, ForeignDatabaseError, classify, sqlite_code
from ethics_tool.storage.schema import known_revisions

OUR_TABLES = {"assessment", "respondent", "answer", "action_item", "app_meta", "alembic_version"}
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Probe:
    """What a file is, read without writing a byte."""

    kind: str  # "missing" | "empty" | "half" | "ours" | "newer" | "foreign"
    revision: str | None = None


def ro_uri(path: Path, immutable: bool = False) -> str:
    uri = f"file:{quote(str(path))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection; in a read-only folder a WAL file is opened as immutable."""
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if sqlite_code(exc) != SQLITE_CANTOPEN or os.access(path.parent, os.W_OK):
            raise
    conn = sqlite3.connect(ro_uri(path, immutable=True), uri=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def probe(path: Path) -> Probe:
    """Recognise ``path`` read-only; raise for a file that is not an SQLite database."""
    if not path.exists():
        return Probe("missing")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(
            t("cannot read {path}: {reason}", path=path, reason=exc.strerror)
        ) from None
    if not header:
        return Probe("empty")
    if header != SQLITE_HEADER:
        raise ForeignDatabaseError(
            t(
                "{path} is not an ethics self-assessment database (it is not an SQLite file); "
                "it was left unchanged. Choose another file",
                path=path,
            )
        )
    try:
        conn = connect_ro(path)
    except sqlite3.Error as exc:
        raise classify(exc, path) or StorageError(
            t("cannot open database {path}: {reason}", path=path, reason=exc)
        ) from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        if revision is None:
            if tables <= OUR_TABLES and all(
                # ``name`` is one of OUR_TABLES (checked just above), never text from the file.
                conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == 0  # noqa: S608
                for name in tables
                if name != "alembic_version"
            ):
                return Probe("half")
            return Probe("foreign")
    except sqlite3.Error as exc:
        raise classify(exc, path) or StorageError(
            t("cannot open database {path}: {reason}", path=path, reason=exc)
        ) from None
    finally:
        conn.close()
    if revision not in known_revisions():
        return Probe("newer", revision)
    return Probe("ours", revision)


def quick_check(path: Path) -> list[str]:
    """Problems ``PRAGMA quick_check`` finds (empty when the file is sound)."""
    try:
        conn = connect_ro(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
