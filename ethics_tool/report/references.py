"""Legal and framework references: short law names for one-line lists, and the appendix table of
each theme's references (laws grouped with the articles its questions cite)."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable

from ethics_tool.domain.citations import by_kind
from ethics_tool.domain.questionnaire import Questionnaire, Theme
from ethics_tool.i18n import t
from ethics_tool.report import styles as st
from ethics_tool.report.context import ReportContext
from ethics_tool.report.layout import cell, fitted_widths, head_cells, para, table
from ethics_tool.report.markup import shorten

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
    lang = ctx.lang
    kinds = [k for k in REFERENCE_KINDS if _used(ctx.form, k)]
    if not kinds:
        return [para(t("The questionnaire gives no references.", lang))]
    texts: list[list[str]] = [[t("Theme", lang), *[reference_kind_short(k, lang) for k in kinds]]]
    for theme in ctx.form.themes:
        row = [f"{ctx.theme_number[theme.id]}. {ctx.text(theme.title)}"]
        groups = {
            k.value: [text for text, _url in items] for k, items in by_kind(theme.references, lang)
        }
        for kind in kinds:
            refs = groups.get(kind, [])
            if kind == "law":
                refs = _laws(ctx, theme, refs)
            row.append("; ".join(dict.fromkeys(refs)) or "–")
        texts.append(row)
    small = st.styles().cell_compact
    rows: list[list[object]] = [head_cells(texts[0])]
    rows += [[cell(text, small) for text in row] for row in texts[1:]]
    # long law titles get the room; short principle numbers stay narrow
    return [table(rows, fitted_widths(texts, st.FRAME_WIDTH))]


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
