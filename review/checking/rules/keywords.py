"""Required keywords from the manual, judged per requirement.

A requirement passes when any of its keywords appears in any of its materials: the keywords
describe what the standard is about, and one good material is enough. Whitespace is ignored, since
PDF and OCR text often has spaces between Chinese characters.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from review.checking.rules.catalogue import make_finding
from review.checking.rules.finding import Finding
from review.manual.model import Standard

_SPACE = re.compile(r"\s+")


def compact(text: str) -> str:
    return _SPACE.sub("", text)


def check(standard: Standard, texts: Sequence[str]) -> list[Finding]:
    """`texts` are the materials' whole texts (any whitespace)."""
    requirement = standard.requirement
    if requirement is None or not requirement.keywords or not texts:
        return []
    keywords = [compact(k) for k in requirement.keywords if compact(k)]
    if any(k in compact(text) for text in texts for k in keywords):
        return []
    listed = "、".join(f"“{k}”" for k in requirement.keywords)
    message = (f"{standard.code} {standard.title}：已归入的 {len(texts)} 份材料中都没有出现标准要求的关键词 {listed}，"
               "材料可能与本条测评标准不对应。")
    return [make_finding("MR-KEY-001", message, item_code=standard.code, text="、".join(requirement.keywords))]
