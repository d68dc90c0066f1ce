"""Load questionnaire files from YAML and report every problem with file, path, line and reason."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic import ValidationError

from ethics_tool.domain.checks import (
    MAX_DEPTH,
    MAX_FORM_FILE_BYTES,
    format_loc,
    pydantic_message,
    shape_problem,
)
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.errors import UserError
from ethics_tool.i18n import t

if TYPE_CHECKING:
    import yaml


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a form file."""

    path: str  # e.g. "themes[3].questions[2].levels" ("" for the whole file)
    message: str
    line: int | None = None  # 1-based line in the YAML file, when known

    def __str__(self) -> str:
        where = self.path or t("(file)")
        if self.line is not None:
            where = t("line {line}, {where}", line=self.line, where=where)
        return f"{where}: {self.message}"


class FormError(UserError):
    """A form file that cannot be used; ``str()`` gives a message a person can act on."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        first = f"{source}: {problems[0]}" if problems else source
        super().__init__(first, [str(problem) for problem in problems[1:]])

    def __str__(self) -> str:
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        return t("{source}: {count} problem(s)", source=self.source, count=len(self.problems)) + (
            f"\n{lines}"
        )


ItemT = TypeVar("ItemT", bound="_HasId")
ErrorT = TypeVar("ErrorT", bound=FormError)


@dataclass
class FormCatalog:
    """The forms that loaded, and the files that did not (the app starts with the rest)."""

    forms: dict[str, Questionnaire] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    errors: list[FormError] = field(default_factory=list)

    def get(self, form_id: str) -> Questionnaire:
        return self.forms[form_id]

    def ordered(self) -> list[Questionnaire]:
        return sorted(self.forms.values(), key=lambda form: form.title.lv)


_format_loc = format_loc  # the name the dilemma loader imports


def _parse_loc(path: str) -> tuple[Any, ...]:
    """``themes[1].questions[0].id`` → ``("themes", 1, "questions", 0, "id")``."""
    out: list[Any] = []
    for token in re.findall(r"\[(\d+)\]|([^.\[\]]+)", path):
        index, name = token
        out.append(int(index) if index else (int(name) if name.isdigit() else name))
    return tuple(out)


def _yaml_problem(exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    reason = getattr(exc, "problem", None) or str(exc)
    return Problem("", t("invalid YAML: {reason}", reason=reason), line)


def parse_form(text: str, source: str = "<form>") -> Questionnaire:
    """Parse and validate one form given as YAML (or JSON) text; raise :class:`FormError`.

    Nothing else ever escapes: syntax, impossible values (a 13th month), deep nesting, alias
    expansion beyond the limits of :mod:`ethics_tool.domain.checks` all become problems.
    """
    # PyYAML imported here: a program that only reads stored forms (the report) never needs it
    import yaml

    from ethics_tool.domain.yaml_nodes import (
        DuplicateKeyLoader,
        SafeLoader,
        line_of,
    )

    text = text.removeprefix("\ufeff")  # a byte-order mark written by Notepad
    if len(text) > MAX_FORM_FILE_BYTES:
        raise FormError(
            source,
            [
                Problem(
                    "",
                    t(
                        "the file is too large ({size} MB; a questionnaire may have at most "
                        "{limit} MB)",
                        size=f"{len(text) / 1048576:.1f}",
                        limit=f"{MAX_FORM_FILE_BYTES / 1048576:.1f}",
                    ),
                )
            ],
        )
    try:
        data = yaml.load(text, Loader=DuplicateKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise FormError(source, [_yaml_problem(exc)]) from None
    except (ValueError, OverflowError) as exc:
        # A scalar that looks like a date or number but is not one (2024-13-45).
        raise FormError(
            source, [Problem("", t("invalid value: {reason}", reason=str(exc)))]
        ) from None
    except RecursionError:
        raise FormError(
            source, [Problem("", t("nested more than {limit} levels deep", limit=MAX_DEPTH))]
        ) from None
    if not isinstance(data, dict):
        raise FormError(
            source, [Problem("", t("the file must contain a mapping (id, title, themes…)"))]
        )
    shape = shape_problem(data)
    if shape is not None:
        raise FormError(source, [Problem(*shape)])
    try:
        return Questionnaire.model_validate(data)
    except ValidationError as exc:
        # Only a broken form pays for the node tree that maps paths to line numbers.
        try:
            root: yaml.Node | None = yaml.compose(text, Loader=SafeLoader)
        except (yaml.YAMLError, RecursionError):
            root = None
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            if error["type"] == "extra_forbidden":
                message = t("unknown field (check the spelling against forms/README.md)")
            else:
                message = pydantic_message(error)
            # Cross-field problems come as one "a; b; c" message; split them into separate lines.
            for part in message.split("; ") if not loc else [message]:
                where = loc
                if not loc and ": " in part and part.split(": ", 1)[0].startswith("themes["):
                    prefix, part = part.split(": ", 1)
                    where = _parse_loc(prefix)
                problems.append(Problem(format_loc(where), part, line_of(root, where)))
        raise FormError(source, problems) from None


def load_form(path: Path) -> Questionnaire:
    """Load one form file; the error names the file."""
    try:
        size = path.stat().st_size
        if size > MAX_FORM_FILE_BYTES:
            raise FormError(
                str(path),
                [
                    Problem(
                        "",
                        t(
                            "the file is too large ({size} MB; a questionnaire may have at most "
                            "{limit} MB)",
                            size=f"{size / 1048576:.1f}",
                            limit=f"{MAX_FORM_FILE_BYTES / 1048576:.1f}",
                        ),
                    )
                ],
            )
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormError(
            str(path), [Problem("", t("not UTF-8 text (byte {position})", position=exc.start + 1))]
        ) from None
    except OSError as exc:
        raise FormError(
            str(path),
            [Problem("", t("cannot read file: {reason}", reason=exc.strerror or str(exc)))],
        ) from None
    return parse_form(text, str(path))


def load_catalog(
    directories: Iterable[Path], load: Callable[[Path], Questionnaire] = load_form
) -> FormCatalog:
    """Load every ``*.yaml`` form in ``directories``; broken files are collected, not fatal.

    ``load`` reads one file (:func:`load_form`, or a cache in front of it: :mod:`.form_cache`).
    """
    catalog = FormCatalog()
    load_folders(
        directories,
        load,
        FormError,
        catalog.forms,
        catalog.sources,
        catalog.errors,
        lambda form_id, other: t(
            "form id “{id}” is already used by {other}", id=form_id, other=other
        ),
    )
    return catalog


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def load_folders(
    directories: Iterable[Path],
    load: Callable[[Path], ItemT],
    error: type[ErrorT],
    items: dict[str, ItemT],
    sources: dict[str, Path],
    errors: list[ErrorT],
    duplicate: Callable[[str, Path], str],
) -> None:
    """Load every ``*.yaml``/``*.yml`` file of ``directories`` (in name order) into ``items`` by id.

    A file that raises ``error`` is collected in ``errors``, and so is a file whose id an earlier
    file has (``duplicate(id, earlier file)`` says so); the other files load. ``sources`` records
    the file of every item. Shared by questionnaires and dilemma cards.
    """
    for directory in directories:
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.y*ml")):
            try:
                item = load(path)
            except error as exc:
                errors.append(exc)
                continue
            if item.id in items:
                errors.append(
                    error(str(path), [Problem("id", duplicate(item.id, sources[item.id]))])
                )
                continue
            items[item.id] = item
            sources[item.id] = path


def form_to_json(form: Questionnaire) -> str:
    """The canonical JSON snapshot of a form, stored with each assessment."""
    return json.dumps(form.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def form_hash(snapshot: str) -> str:
    return hashlib.sha256(snapshot.encode("utf-8")).hexdigest()


def form_from_json(snapshot: str) -> Questionnaire:
    """Rebuild the form an assessment was answered with from its stored snapshot."""
    return Questionnaire.model_validate_json(snapshot)
