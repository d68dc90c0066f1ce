"""Making any text safe for ReportLab: user text is data, never markup.

Every piece of text that did not come from this package's own code (municipality, unit, respondent
labels, comments, action texts, and the form's own texts too) goes through :func:`esc` before it
enters a ``Paragraph`` and through :func:`plain` before it is drawn on the canvas or put into the
outline or the metadata.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from bidi import get_display

from ethics_tool.report.styles import supported_characters

REPLACEMENT = "\ufffd"
ZWSP = "\u200b"  # ReportLab breaks lines at a zero-width space
LONG_TOKEN = 40  # characters without a break opportunity before we add some
CHUNK = 20

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# one replacement mark per emoji sequence: 👍🏽 (a base and a skin tone) or 👨‍👩‍👧 (joined by
# zero-width joiners, perhaps with variation selectors) would otherwise become a row of marks
_REPLACED_RUN = re.compile("\ufffd(?:[\u200d\ufe0e\ufe0f]*\ufffd)+[\u200d\ufe0e\ufe0f]*")
# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
_BIDI_CONTROL = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG = re.compile(r"[^\s\u200b]{" + str(LONG_TOKEN) + ",}")


def clean(text: str) -> str:
    """NFC text without control characters; what the font cannot draw becomes U+FFFD.

    Emoji and other characters missing from DejaVu (or above U+FFFF) would otherwise produce an
    invalid PDF text map; a visible replacement mark keeps the build safe and the PDF valid.
    """
    # Known limitation, kept on purpose: emoji and every other character above U+FFFF are shown
    # as U+FFFD (�). DejaVu has no colour emoji, and ReportLab 5 writes a malformed ToUnicode
    # entry (an odd-length hex string) for astral characters, which PDF readers reject when they
    # extract or copy text. Only the character itself is replaced (an emoji sequence by a single
    # mark), so the text around it stays intact and searchable: "Labi 😀 ok" prints as
    # "Labi � ok". Right-to-left runs (Hebrew, Arabic) are put in visual order once, where the
    # text is drawn (:func:`esc` for paragraphs, :func:`drawn` for the canvas and charts), never
    # in the outline or the metadata, which PDF viewers lay out themselves.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    # lone surrogates cannot be encoded at all
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text
    drawable = _drawable()
    if set(text) <= drawable:  # the usual case, checked at C speed
        return text
    text = "".join(ch if ch in drawable else REPLACEMENT for ch in text)
    return _REPLACED_RUN.sub(REPLACEMENT, text) if REPLACEMENT in text else text


@cache
def _drawable() -> frozenset[str]:
    """Every character :func:`clean` keeps: ASCII, a newline, and what both fonts can draw."""
    return frozenset(map(chr, range(0x80))) | frozenset(map(chr, supported_characters()))


def visual_order(text: str) -> str:
    """Each line of ``text`` in display order by the Unicode bidirectional algorithm.

    ReportLab draws characters left to right in the order given; python-bidi (the Unicode
    Bidirectional Algorithm, UAX #9) turns a line holding Hebrew or Arabic into the order in
    which it must be drawn (the paragraph direction is left to right, as the report is), and PDF
    readers and text extractors turn it back into reading order. The explicit direction marks
    and overrides (U+200E/F, U+202A–E, U+2066–9, U+061C) are applied, then dropped: they have
    no glyph. Known limitations (docs/report.md): Arabic letters are drawn in their isolated
    forms (no shaping), and a right-to-left paragraph long enough to wrap is reordered as one
    line before it is wrapped.
    """
    if not _RTL.search(text) and not _BIDI_CONTROL.search(text):
        return text
    lines = [
        get_display(line, base_dir="L") if _RTL.search(line) or _BIDI_CONTROL.search(line) else line
        for line in text.split("\n")
    ]
    return _BIDI_CONTROL.sub("", "\n".join(lines))


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _break_long(match: re.Match[str]) -> str:
    token = match.group(0)
    return ZWSP.join(token[i : i + CHUNK] for i in range(0, len(token), CHUNK))


def esc(text: str | None) -> str:
    """``text`` as Paragraph markup that shows exactly the characters given.

    Long tokens (URLs, runs of letters) get zero-width spaces so that they wrap inside table cells;
    newlines become line breaks.
    """
    if not text:
        return ""
    text = _LONG.sub(_break_long, visual_order(clean(text)))
    return escape(text).replace("\n", "<br/>")


def drawn(text: str | None, limit: int | None = None) -> str:
    """One line of text to draw on the canvas or in a chart: :func:`plain` in visual order."""
    return visual_order(plain(text, limit))


def plain(text: str | None, limit: int | None = None) -> str:
    """One line of text for the outline, the metadata or a later :func:`esc` (cut at ``limit``).

    Logical order: to draw it directly on the canvas, use :func:`drawn`.
    """
    if not text:
        return ""
    line = " ".join(clean(text).split())
    return shorten(line, limit) if limit is not None else line


def shorten(text: str, limit: int) -> str:
    """``text`` on one line; longer than ``limit`` characters, cut at a word boundary with "…".

    A cut inside a word happens only when the last space is far back (a very long word or URL).
    The result is still plain text: escape it (:func:`esc`) before it enters a paragraph.
    """
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(' ,;:.–—-("“„') + "…"
