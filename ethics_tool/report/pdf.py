"""The report builders: sections are concatenated into one Platypus story and written atomically.

The PDF is written to a temporary file in the target folder and renamed into place
(``os.replace``), so a failure (an unwritable folder, a full disk, a bug) never leaves half a PDF
or a stray temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable

from ethics_tool import __version__
from ethics_tool.benchmark.compare import BenchComparison
from ethics_tool.domain.assessment import AssessmentData, round_text
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.errors import UserError
from ethics_tool.i18n import t
from ethics_tool.report.appendix import appendix
from ethics_tool.report.benchmark_section import benchmark_section
from ethics_tool.report.blank import blank_story
from ethics_tool.report.context import ReportContext
from ethics_tool.report.cover import cover
from ethics_tool.report.document import Metadata, PageFrame, ReportDocument
from ethics_tool.report.markup import plain
from ethics_tool.report.plan import action_plan, comparison
from ethics_tool.report.styles import register_fonts
from ethics_tool.report.summary import summary
from ethics_tool.report.theme_section import theme_sections
from ethics_tool.scoring import Results

# progress: 0..STORY_DONE while the story is assembled, then layout up to LAYOUT_DONE, then saving
STORY_DONE = 10
LAYOUT_DONE = 95


class ReportError(UserError):
    """The report could not be written; ``str()`` is one line a person can act on."""


def build_report(
    data: AssessmentData,
    results: Results,
    path: Path,
    lang: str = "lv",
    previous: tuple[AssessmentData, Results] | None = None,
    progress: Callable[[int], None] | None = None,
    benchmark: BenchComparison | None = None,
) -> None:
    """Write the assessment report of ``data`` scored as ``results`` to ``path`` (PDF).

    ``previous`` (an earlier round of the same unit) adds a comparison section and a strand on the
    radar. ``progress`` receives percentages 0..100. Raises :class:`ReportError` on failure.
    """
    report = _Progress(progress)
    report(0)
    with _as_report_error(lang):
        register_fonts()
        ctx = ReportContext(data, results, lang, previous)
        ctx.benchmark = benchmark
        story = report_story(ctx, date.today())
    report(STORY_DONE)
    info = data.info
    date_text = round_text(info, lang)
    title = t("Ethics self-assessment report", lang)
    frame = PageFrame(
        header_left=plain(" · ".join(x for x in (info.municipality, ctx.unit) if x), 200),
        header_right=plain(f"{title} · {date_text}"),
        footer_left=plain(ctx.text(data.form.title), 200),
        page_label=_page_label(lang),
    )
    meta = Metadata(
        title=plain(f"{title} – {info.municipality}", 300),
        author=plain(info.prepared_by or info.municipality, 300),
        subject=plain(f"{ctx.text(data.form.title)} {data.form.version}, {date_text}", 300),
        keywords=plain(f"{info.municipality}, {ctx.unit}", 300),
        lang=lang,
        creator=f"Ētikas pašnovērtējums {__version__}",
    )
    _write(path, story, frame, meta, lang, report)
    report(100)


def report_story(ctx: ReportContext, today: date) -> list[Flowable]:
    """The whole report as one list of flowables, section by section."""
    return [
        *cover(ctx, today),
        *summary(ctx),
        *theme_sections(ctx),
        *action_plan(ctx),
        *comparison(ctx),
        *benchmark_section(ctx),
        *appendix(ctx),
    ]


def build_blank_questionnaire(
    form: Questionnaire, path: Path, lang: str = "lv", municipality: str = ""
) -> None:
    """Write ``form`` as a printable questionnaire with boxes to tick. Raises ReportError."""
    with _as_report_error(lang):
        register_fonts()
        story = blank_story(form, lang, municipality)
    title = form.title.get(lang)
    frame = PageFrame(
        header_left=plain(municipality, 200),
        header_right=plain(f"{title} {form.version}", 200),
        footer_left=plain(t("Questionnaire", lang)),
        page_label=_page_label(lang),
    )
    meta = Metadata(
        title=plain(title, 300),
        author=plain(municipality, 300),
        subject=plain(t("Questionnaire, version {version}", lang, version=form.version)),
        keywords=plain(form.id),
        lang=lang,
        creator=f"Ētikas pašnovērtējums {__version__}",
    )
    _write(path, story, frame, meta, lang, _Progress(None))


# -- writing ----------------------------------------------------------------------------------
class _Progress:
    """Calls the callback with whole percentages, only when the figure grows."""

    def __init__(self, callback: Callable[[int], None] | None) -> None:
        self._callback = callback
        self._last = -1

    def __call__(self, percent: int) -> None:
        if self._callback is not None and percent > self._last:
            self._last = percent
            self._callback(percent)

    def layout(self, fraction: float) -> None:
        self(STORY_DONE + int((LAYOUT_DONE - STORY_DONE) * fraction))


def _page_label(lang: str) -> Callable[[int], str]:
    def label(page: int) -> str:
        return t("Page {page} of", lang, page=page) + " "

    return label


def _write(
    path: Path,
    story: Sequence[Flowable],
    frame: PageFrame,
    meta: Metadata,
    lang: str,
    progress: _Progress,
) -> None:
    def render(fh: BinaryIO) -> None:
        ReportDocument(fh, frame, meta, progress.layout).build_story(story)

    write_atomically(Path(path), render, lang)


def write_atomically(path: Path, render: Callable[[BinaryIO], None], lang: str = "lv") -> None:
    """Render into a temporary file beside ``path``, then rename it into place."""
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReportError(_cannot_write(path, exc, lang)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            render(fh)
            fh.flush()
            os.fsync(fh.fileno())
        _set_mode(tmp, path)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, ReportError):
            raise
        if isinstance(exc, OSError):
            raise ReportError(_cannot_write(path, exc, lang)) from exc
        if isinstance(exc, Exception):
            raise ReportError(_cannot_build(exc, lang)) from exc
        raise


@contextlib.contextmanager
def _as_report_error(lang: str) -> Iterator[None]:
    """Any failure while the story is put together becomes a one-line ReportError."""
    try:
        yield
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(_cannot_build(exc, lang)) from exc


def _cannot_build(exc: Exception, lang: str) -> str:
    reason = _one_line(str(exc)) or type(exc).__name__
    return t("Could not build the report: {reason}", lang, reason=reason)


def _set_mode(tmp: Path, path: Path) -> None:
    """mkstemp creates 0600; give the PDF the target's mode or the usual 0644."""
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o644
    tmp.chmod(mode)


def _cannot_write(path: Path, exc: OSError, lang: str) -> str:
    reason = exc.strerror or _one_line(str(exc)) or type(exc).__name__
    return t("Cannot write the report to {path}: {reason}", lang, path=str(path), reason=reason)


def _one_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""
