"""Joining lines that a layout engine split, so a phrase wrapped at a line end is still one string."""
from __future__ import annotations

import re

# Chinese text wraps anywhere: no space belongs between two CJK characters (or CJK punctuation).
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
_WRAP_BETWEEN_CJK = re.compile(rf"(?<={_CJK})[ \t]*\n[ \t]*(?={_CJK})")
_OTHER_WRAP = re.compile(r"[ \t]*\n[ \t]*")


def join_wrapped_lines(text: str) -> str:
    """One paragraph's lines as one line: CJK-CJK breaks vanish, other breaks become a space."""
    text = _WRAP_BETWEEN_CJK.sub("", text.strip())
    return _OTHER_WRAP.sub(" ", text)
