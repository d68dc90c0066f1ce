"""A cache of validated questionnaires, so a start does not parse ~800 KB of YAML every time.

Reading the built-in forms from YAML takes most of a second's fifth (libyaml, our duplicate-key
checks, then pydantic); the same form validated from its canonical JSON snapshot
(:func:`~ethics_tool.domain.loader.form_to_json`, the form every assessment already stores) takes a
tenth of that. :class:`FormCache` is a drop-in for :func:`~ethics_tool.domain.loader.load_form`:
``load_catalog(dirs, load=FormCache(folder))``.

An entry is used only when its first line matches the file exactly as it is now (resolved path,
size and SHA-256 of its bytes) and this build of the program (version and the questionnaire model's
own file), and the snapshot validates; the model's validators run on every load either way. Anything
else (no entry, another file, a newer program, a damaged entry) reads the YAML again and rewrites
the entry. A broken form is never cached: its problems are found and shown on every start. The
cache is an optimisation only: a folder that cannot be written costs time, never a form.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from pydantic import ValidationError

from ethics_tool import __version__
from ethics_tool.domain import questionnaire as _model
from ethics_tool.domain.checks import MAX_FORM_FILE_BYTES
from ethics_tool.domain.loader import form_to_json, load_form
from ethics_tool.domain.questionnaire import Questionnaire

log = logging.getLogger(__name__)

FORMAT = 1  # raise when the layout of an entry changes


def _program_stamp() -> list[object]:
    """This build of the model: a source change in development, a new bundle when frozen."""
    origin = Path(_model.__file__ or "")
    if not origin.is_file():  # frozen: the module lives in the program's archive
        origin = Path(sys.executable)
    try:
        stat = origin.stat()
    except OSError:
        return [__version__, FORMAT]
    return [__version__, FORMAT, stat.st_size, stat.st_mtime_ns]


class FormCache:
    """Loads a form file through a cache folder (``paths.user_cache_dir() / "forms"``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.stamp = _program_stamp()
        self.hits = 0
        self.misses = 0

    def _entry(self, path: Path) -> tuple[Path, str] | None:
        """The cache file for ``path`` and the first line it must begin with (None: no cache)."""
        try:
            resolved = path.resolve()
            if resolved.stat().st_size > MAX_FORM_FILE_BYTES:
                return None  # load_form says why
            content = resolved.read_bytes()
        except OSError:
            return None
        # The content itself, not the file's time: a copy restored with an old time, a checkout or
        # a file system with a coarse clock never gets a stale form (hashing 800 KB takes ~2 ms).
        digest = hashlib.sha256(content).hexdigest()
        key = [str(resolved), len(content), digest, *self.stamp]
        name = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{name}.json", json.dumps(key, ensure_ascii=True)

    def __call__(self, path: Path) -> Questionnaire:
        entry = self._entry(path)
        if entry is not None:
            cached = self._read(*entry)
            if cached is not None:
                self.hits += 1
                return cached
        self.misses += 1
        form = load_form(path)  # a broken file raises FormError here, before anything is written
        if entry is not None:
            self._write(entry[0], entry[1] + "\n" + form_to_json(form))
        return form

    def _read(self, cache_file: Path, header: str) -> Questionnaire | None:
        try:
            text = cache_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        first, _, snapshot = text.partition("\n")
        if first != header:
            return None  # the form file or the program changed since
        try:
            return Questionnaire.model_validate_json(snapshot)
        except ValidationError:
            log.info("form cache entry %s is damaged; reading the form again", cache_file)
            return None

    def _write(self, cache_file: Path, text: str) -> None:
        temp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, cache_file)  # another process reading it sees all of it or nothing
        except OSError as exc:
            log.info("cannot write the form cache %s: %s", cache_file, exc)
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
