"""The rich texts of the question card: the legal requirement and the "Why this matters" notes.

Plain functions from the questionnaire model to escaped HTML, so the card only places them.
"""

from __future__ import annotations

from html import escape

from ethics_tool.domain.citations import reference_text
from ethics_tool.domain.questionnaire import Question, Reference, Theme
from ethics_tool.i18n import t


def reference_html(reference: Reference) -> str:
    """A reference as rich text: a link when it has an address."""
    text = escape(reference_text(reference))
    if reference.url:
        return f'<a href="{escape(reference.url)}">{text}</a>'
    return text


def legal_html(question: Question, lang: str) -> str:
    """The law and article a legal question rests on, with a link to it ("" for other questions)."""
    legal = question.legal
    if legal is None:
        return ""
    text = escape(
        t(
            "Legal requirement: {law}, {article}",
            law=legal.law.get(lang),
            article=legal.article,
        )
    )
    if legal.source is not None:
        source = t("source")
        text += escape(f" ({source}: {legal.source.get(lang)})")
    if legal.url:
        opener = escape(t("Open the law"))
        text += f' <a href="{escape(legal.url)}">{opener}</a>'
    return text


def guidance_parts(theme: Theme, question: Question, lang: str) -> list[str]:
    """The paragraphs under "Why this matters": guidance, the theme, evidence, references."""
    parts = []
    if question.guidance is not None:
        parts.append(f"<p>{escape(question.guidance.get(lang))}</p>")
    if theme.description is not None:
        about = escape(t("About this theme"))
        parts.append(f"<p><i>{about}:</i> {escape(theme.description.get(lang))}</p>")
    if question.evidence is not None:
        shows = escape(t("What shows level 3"))
        parts.append(f"<p><i>{shows}:</i> {escape(question.evidence.get(lang))}</p>")
    refs = [reference_html(r) for r in question.references or theme.references]
    if refs:
        label = escape(t("References"))
        parts.append(f"<p><i>{label}:</i> {'; '.join(refs)}</p>")
    return parts
