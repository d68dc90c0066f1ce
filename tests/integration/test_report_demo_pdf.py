"""The demo's reports as a reader sees them: Latvian throughout, nothing cut, no near-empty page.

The demo data (``ethics-tool demo``) is built in a temporary database and its reports are written
with the command line, then read back with pypdf.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from ethics_tool.cli import main
from ethics_tool.domain.citations import by_kind
from ethics_tool.domain.loader import load_form
from ethics_tool.paths import data_root
from ethics_tool.report import styles as st

NORWEGIAN = re.compile(r"[åøæÅØÆ]|Råd|etikk|[Kk]ommune|Folkevalgt|Beskytt|Håndbok")
THEME_START = re.compile(r"^\d{1,2}\. \S")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("demo")
    db = str(folder / "demo.sqlite3")
    assert main(["--db", db, "demo"]) == 0
    out = {}
    for name, args in {
        "council": ["report", "2"],  # the council's second round, with the first to compare
        "administration": ["report", "3"],  # a consensus workshop of the administration
        "council_en": ["report", "2", "--lang", "en"],
        "administration_en": ["report", "3", "--lang", "en"],
    }.items():
        path = folder / f"{name}.pdf"
        assert main(["--db", db, *args, "-o", str(path)]) == 0
        out[name] = path
    yield out


def _pages(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def test_latvian_reports_name_principles_and_frameworks_in_latvian(
    reports: dict[str, Path],
) -> None:
    for name in ("council", "administration"):
        text = " ".join(_pages(reports[name]))
        assert "princips" in text  # "4. princips", "1., 3. un 6. princips"
        assert "Principle" not in text
        found = NORWEGIAN.findall(text)
        assert not found, f"{name}: Norwegian words in the Latvian report: {found[:5]}"
        assert "KS (Norvēģijas pašvaldību asociācija) ieteikumi ētikas darbam" in text
    council = " ".join(_pages(reports["council"]))
    # the chart legends use the GUI's words
    assert "Šī kārta" in council and "Iepriekšējā kārta" in council
    assert "Šis novērtējums" not in council and "Iepriekšējais novērtējums" not in council


def test_english_report_names_principles_in_english(reports: dict[str, Path]) -> None:
    text = " ".join(_pages(reports["council_en"]))
    assert "Principle" in text and "princips" not in text
    assert "advice on ethics work" in text and "Råd for" not in text


def test_summary_cuts_no_text(reports: dict[str, Path]) -> None:
    for name in ("council", "administration", "council_en"):
        summary = _pages(reports[name])[1]
        assert "Kopsavilkums" in summary or "Summary" in summary
        assert "…" not in summary, f"{name}: a text is cut on the summary page"


def _filled(page: object) -> float:
    """How much of the frame the text on ``page`` covers, from the top (0..1)."""
    heights: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_args: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # the text's baseline on the page
        if text.strip() and st.MARGIN_BOTTOM < y < st.PAGE_SIZE[1] - st.MARGIN_TOP:
            heights.append(y)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    if not heights:
        return 0.0
    return (st.PAGE_SIZE[1] - st.MARGIN_TOP - min(heights)) / st.FRAME_HEIGHT


def test_no_page_holds_only_a_few_lines_run_over(reports: dict[str, Path]) -> None:
    """A page is never left nearly empty by a section's last lines: the next theme follows on it,
    and a comparison's key stays with its table."""
    for name, path in reports.items():
        reader = PdfReader(path)
        texts = _pages(path)
        for index in range(1, len(reader.pages) - 1):  # the cover and the last page aside
            filled = _filled(reader.pages[index])
            assert filled > 0.15, f"{name}: page {index + 1} is {filled:.0%} filled"
            body = texts[index + 1].split(" · ", 1)[-1]  # after the running header
            if THEME_START.match(body.split("Ētikas pašnovērtējuma ziņojums")[-1].strip()):
                assert filled > 0.4, f"{name}: page {index + 1} ({filled:.0%}) before a theme"


def _sections(reader: PdfReader) -> list[tuple[str, int]]:
    """The report's top-level sections (the outline's first level): title and page index."""
    return [
        (item.title, reader.get_destination_page_number(item))
        for item in reader.outline
        if not isinstance(item, list)
    ]


def test_no_page_before_a_top_level_section_is_half_empty(reports: dict[str, Path]) -> None:
    """After the cover and the summary (each a page of its own), a top-level section (results by
    theme, action plan, comparison, appendix) starts a new page only when less than about half a
    page is left: the page before one is never left less than 40 % full."""
    for name, path in reports.items():
        reader = PdfReader(path)
        sections = _sections(reader)
        assert len(sections) >= 5, f"{name}: {sections}"  # cover, summary, themes, plan, appendix
        for title, page in sections[2:]:
            filled = _filled(reader.pages[page - 1])
            assert filled > 0.4, f"{name}: page {page} ({filled:.0%}) before “{title}”"


def _bottom_line(page: object) -> list[tuple[str, str, float]]:
    """The texts of the lowest line above the footer: text, font name and size."""
    found: list[tuple[float, str, str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and st.MARGIN_BOTTOM < y < st.PAGE_SIZE[1] - st.MARGIN_TOP:
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            found.append((y, text, name, size * tm[3] * cm[3]))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    lowest = min((item[0] for item in found), default=0.0)
    return [(text, font, size) for y, text, font, size in found if abs(y - lowest) < 2]


def test_no_heading_is_left_alone_at_the_foot_of_a_page(reports: dict[str, Path]) -> None:
    smallest_heading = st.styles().h3.fontSize
    for name, path in reports.items():
        pages = PdfReader(path).pages
        for index in range(1, len(pages) - 1):
            line = _bottom_line(pages[index])
            assert line, f"{name}: page {index + 1} is empty"
            alone = all("Bold" in font and size >= smallest_heading for _t, font, size in line)
            text = " ".join(t for t, _f, _s in line)
            assert not alone, f"{name}: page {index + 1} ends with the heading “{text}”"


def _column_starts(reader: PdfReader, label: str) -> list[float]:
    """Where (x, points) text beginning with ``label`` starts, on every page."""
    starts: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_args: object) -> None:
        if text.strip().startswith(label):
            starts.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return starts


def test_other_frameworks_are_written_across_the_page_with_no_word_broken(
    reports: dict[str, Path],
) -> None:
    """The appendix's references: the "Citi ietvari" (other frameworks) texts run in a column of
    most of the page's width, not in a narrow column of their own, and every one is whole."""
    right = st.MARGIN_X + st.FRAME_WIDTH
    for name, path in reports.items():
        lang = "en" if name.endswith("_en") else "lv"
        form = load_form(data_root() / "forms" / f"{name.removesuffix('_en')}.yaml")
        reader = PdfReader(path)
        label = "Other frameworks" if lang == "en" else "Citi ietvari"
        starts = _column_starts(reader, label)
        assert starts, f"{name}: no “{label}” in the appendix"
        width = right - min(starts) + 4  # the cell's left padding
        assert width > 0.6 * st.FRAME_WIDTH, f"{name}: “{label}” in a column {width:.0f} pt wide"
        text = " ".join(" ".join(_pages(path)).split())
        for theme in form.themes:
            for kind, items in by_kind(theme.references, lang):
                if kind.value == "framework":
                    for reference, _url in items:
                        whole = " ".join(reference.split())
                        assert whole in text, f"{name}: “{whole}” is not whole in the PDF"
