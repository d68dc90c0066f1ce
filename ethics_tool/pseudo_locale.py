"""A pseudo-locale for developers: every translated text about 40 % longer, accented and bracketed.

Latvian texts run longer than English ones, and a label that only just fits today will be cut off
by tomorrow's translation. With ``ETHICS_TOOL_PSEUDO=1`` in the environment (or :func:`set_active`
in a test), :mod:`ethics_tool.i18n` passes every text through :func:`pseudo`: a clipped text then
loses its closing bracket, and a text that never went through the translation layer is the one
without accents. The numbers and names filled into ``{placeholders}`` are left alone.
"""

from __future__ import annotations

import os
import re

ENV = "ETHICS_TOOL_PSEUDO"
_ACCENTS = str.maketrans("acegiklnsuzACEGIKLNSUZ", "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")
_PADDING = "ļūžšāņķē"
_WORD = 8  # letters per padding word
# Placeholders, markup and entities stay as they are, so the text still formats and renders.
_KEEP = re.compile(r"(\{\w*\}|<[^>]*>|&\w+;)")
_active = os.environ.get(ENV, "").strip() not in ("", "0")


def active() -> bool:
    return _active


def set_active(on: bool) -> None:
    """Turn the pseudo-locale on or off for every later translation."""
    global _active
    _active = on


def pseudo(text: str) -> str:
    """``text`` with accented letters, padded by about 40 % and bracketed: ``[Šāvēd ļūž]``."""
    if not text:
        return text
    parts = _KEEP.split(text)
    shown = "".join(part if _KEEP.fullmatch(part) else part.translate(_ACCENTS) for part in parts)
    visible = sum(len(part) for part in parts if not _KEEP.fullmatch(part))
    extra = max(2, round(visible * 0.4))
    padding = (_PADDING * (extra // len(_PADDING) + 1))[:extra]
    # Words of a Latvian length, so that wrapped text still wraps where it would.
    words = " ".join(padding[i : i + _WORD] for i in range(0, len(padding), _WORD))
    return f"[{shown} {words}]"
