"""Legal and framework references: short law names for one-line lists, and the appendix table of
each theme's references (laws grouped with the articles its questions cite)."""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ethics_tool.domain.citations import by_kind
from ethics_tool.domain.questionnaire import Questionnaire, Theme
from ethics_tool.i18n import t
from ethics_tool.report import styles as st
from ethics_tool.report.context import ReportContext
from ethics_tool.report.layout import cell, head_cells, para, rich, table
from ethics_tool.report.markup import esc, shorten

REFERENCE_KINDS = ("coe", "oecd", "law", "guidance", "framework")
LAW_CHARS = 90  # a law's title in the references table (its full title is on the theme pages)


_CABINET_REGULATION = re.compile(
    r"(?:Ministru kabineta\b.*?\bnoteikumi Nr\.|Cabinet Regulation No\.)\s*(\d+)"
)
_NUMBER = re.compile(r"(?:Nr\.|No\.)\s*(\d+)")


def names_law(article: str, law: str) -> bool:
    """Whether ``article`` already names the law ("MK noteikumi Nr. 630, 11. punkts")."""
    if law.rstrip("…").lower() in article.lower():
        return True
    numbers = _NUMBER.findall(article)
    return bool(numbers) and bool(set(numbers) & set(_NUMBER.findall(law)))


def short_law(text: str, limit: int) -> str:
    """A law's name for a one-line list: the part before a quoted title if that says enough.

    ``Ministru kabineta … noteikumi Nr. 630 "Noteikumi par …"`` keeps its number and date;
    ``Likums "Par interešu konflikta novēršanu …"`` keeps (a shortened) title.
    """
    cabinet = _CABINET_REGULATION.match(text)
    if cabinet:  # "Ministru kabineta 2017. gada 17. oktobra noteikumi Nr. 630 …"
        name = "Cabinet Regulation No." if text.startswith("Cabinet") else "MK noteikumi Nr."
        return shorten(f"{name} {cabinet.group(1)}", limit)
    for quote in ("“", "„", '"', "«"):
        head = text.split(quote, 1)[0].strip()
        if head != text.strip() and len(head) >= 15:
            return shorten(head, limit)
    return shorten(text, limit)


def references(ctx: ReportContext) -> list[Flowable]:
    """Per theme, its references kind by kind, each kind on its own lines across the page.

    A column per kind (six columns on a page) squeezed the long texts (laws, guidance, other
    frameworks) into narrow columns; here every kind a theme cites is a labelled line in one
    wide column, and a kind the theme does not cite takes no room.
    """
    lang = ctx.lang
    kinds = [k for k in REFERENCE_KINDS if _used(ctx.form, k)]
    if not kinds:
        return [para(t("The questionnaire gives no references.", lang))]
    s = st.styles()
    small = s.cell_compact
    rows: list[list[object]] = [head_cells([t("Theme", lang), t("References", lang)])]
    titles: list[str] = []
    for theme in ctx.form.themes:
        title = f"{ctx.theme_number[theme.id]}. {ctx.text(theme.title)}"
        titles.append(title)
        groups = {
            k.value: [text for text, _url in items] for k, items in by_kind(theme.references, lang)
        }
        lines: list[Flowable] = []
        for kind in kinds:
            refs = groups.get(kind, [])
            if kind == "law":
                refs = _laws(ctx, theme, refs)
            if refs:
                label = esc(reference_kind_short(kind, lang))
                text = esc("; ".join(dict.fromkeys(refs)))
                lines.append(rich(f"<b>{label}:</b> {text}", small))
        rows.append([cell(title, small), lines or cell("–", small)])
    first = _title_width(titles, small)
    return [table(rows, [first, st.FRAME_WIDTH - first])]


def _title_width(titles: list[str], style: Any) -> float:
    """The theme column: the longest title on one line, but at most 30 % of the page (titles
    wrap then), and never narrower than the longest word."""
    pad = 8.5  # 2 × 4 pt cell padding and a little air
    font, size = str(style.fontName), float(style.fontSize)
    longest = max(stringWidth(title, font, size) for title in titles)
    word = max(stringWidth(w, font, size) for title in titles for w in title.split())
    return float(max(min(longest, st.FRAME_WIDTH * 0.3), word) + pad)


def _laws(ctx: ReportContext, theme: Theme, theme_refs: list[str]) -> list[str]:
    """The theme's laws, each once: ``MK noteikumi Nr. 630 (6. punkts; 6.2. apakšpunkts)``.

    The legal requirements of its questions are grouped by law (a long official title shortened
    as in the summary); a theme reference that names one of those laws is not repeated.
    """
    articles: dict[str, list[str]] = {}
    for question in theme.questions:
        if question.legal is None:
            continue
        law = short_law(ctx.text(question.legal.law), LAW_CHARS)
        article = question.legal.article
        if names_law(article, law):
            law = article  # the article names its law itself: "MK noteikumi Nr. 630, 11. punkts"
            article = ""
        found = articles.setdefault(law, [])
        if article and article not in found:
            found.append(article)
    out = [
        ref
        for ref in theme_refs
        if not any(names_law(law, ref) or names_law(ref, law) for law in articles)
    ]
    out += [f"{law} ({'; '.join(arts)})" if arts else law for law, arts in articles.items()]
    return out


def reference_kind_label(kind: str, lang: str) -> str:
    """The heading of a theme's references of one kind (the theme pages)."""
    labels = {
        "coe": t("Council of Europe principles", lang),
        "oecd": t("OECD Recommendation on Public Integrity", lang),
        "law": t("Laws and regulations", lang),
        "guidance": t("Guidance", lang),
        "framework": t("Other frameworks", lang),
    }
    return labels.get(kind, kind)


def reference_kind_short(kind: str, lang: str) -> str:
    """Column headings of the references table (the long names would squeeze the columns)."""
    labels = {
        "coe": t("Council of Europe", lang),
        "oecd": t("OECD", lang),
        "law": t("Laws and regulations", lang),
        "guidance": t("Guidance", lang),
        "framework": t("Other frameworks", lang),
    }
    return labels.get(kind, kind)


def _used(form: Questionnaire, kind: str) -> bool:
    if any(ref.kind.value == kind for theme in form.themes for ref in theme.references):
        return True
    return kind == "law" and any(q.legal is not None for _, q in form.iter_questions())
