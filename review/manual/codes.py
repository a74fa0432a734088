"""Item codes as people type them: "Ⅲ-2-2)", "Ⅲ-2-2", "III-2-2)", "Ⅲ-2-2）" and "iii-2-2" are one code.

One normaliser serves the file-name convention (review.intake.mapping.CodeMatcher) and every place a user
types a code (command line and services): `resolve_code` finds the manual's own spelling, and
`require_code` refuses an unknown code with a Chinese message that suggests the closest ones.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from review.errors import UserError

if TYPE_CHECKING:

    from review.manual.model import Manual

_SEPARATORS = str.maketrans({".": "-", "－": "-", "—": "-", "–": "-", "_": "-", "(": "", ")": "", "（": "", "）": "",
                             " ": "", "\u3000": ""})

LEVEL_WORDS = {"project": "测评项目", "indicator": "测评指标", "content": "测评内容", "standard": "测评标准"}


def normalize_code(code: str) -> str:
    """A canonical spelling: NFKC (Ⅲ → III, full-width → ASCII), upper case, '-' as the only separator
    and no brackets, so "Ⅲ-1-1）", "III-1-1)" and "Ⅲ-1-1" compare equal."""
    text = unicodedata.normalize("NFKC", code).upper().translate(_SEPARATORS)
    return re.sub(r"-+", "-", text).strip("-")


def match_code(codes: Iterable[str], typed: str) -> list[str]:
    """The codes `typed` means: itself if spelt exactly so, else those equal once normalised."""
    codes = list(dict.fromkeys(codes))
    typed = typed.strip()
    if typed in codes:
        return [typed]
    wanted = normalize_code(typed)
    return [code for code in codes if wanted and normalize_code(code) == wanted]


def close_codes(codes: Iterable[str], typed: str, limit: int = 5) -> list[str]:
    """Codes that look like `typed` (a slip of a digit, a level too deep or too shallow), closest first."""
    by_form: dict[str, str] = {}
    for code in codes:
        by_form.setdefault(normalize_code(code), code)
    wanted = normalize_code(typed)
    if not wanted:
        return []
    below = [code for form, code in by_form.items() if form.startswith(wanted + "-")]
    close = difflib.get_close_matches(wanted, list(by_form), n=limit, cutoff=0.6)
    out = list(dict.fromkeys(below + [by_form[form] for form in close]))
    return out[:limit]


def resolve_code(manual: Manual, typed: str, levels: Collection[str] | None = None) -> str | None:
    """The manual's spelling of a typed code (None when unknown or when it could mean several)."""
    found = match_code((n.code for n in manual.nodes() if levels is None or n.level in levels), typed)
    return found[0] if len(found) == 1 else None


def require_code(manual: Manual, typed: str, levels: Collection[str] | None = None,
                 candidates: Collection[str] | None = None) -> str:
    """`resolve_code`, refusing an unknown code in Chinese with the closest codes to try.

    `levels` limits the answer to those levels (e.g. only 测评标准); `candidates`, when given, are the
    codes the caller accepts (e.g. the 材料审核 standards), used for the suggestions.
    """
    nodes = list(manual.nodes())
    allowed = [n.code for n in nodes if levels is None or n.level in levels]
    found = match_code(allowed, typed)
    if len(found) == 1:
        return found[0]
    what = "、".join(LEVEL_WORDS[level] for level in levels) if levels else "条目"
    if len(found) > 1:
        raise UserError(f"编号“{typed}”可能是以下几条中的任何一条：{'、'.join(found)}。请照操作手册的写法输入。")
    pool = list(candidates) if candidates is not None else allowed
    other = match_code([n.code for n in nodes], typed)
    if len(other) == 1:  # a code of another level: point at what lies below it
        node = next(n for n in nodes if n.code == other[0])
        under = {s.code for s in manual.standards_under(node.code)} | {n.code for n in nodes if n.parent_code == node.code}
        below = [code for code in pool if code != node.code and code in under]
        advice = f"它下面的{what}有：{'、'.join(below[:8])}{'等' if len(below) > 8 else ''}。" if below else ""
        raise UserError(f"“{typed}”是{LEVEL_WORDS.get(node.level, '条目')} {node.code}，不是{what}。{advice}"
                        "请用 `manual show` 查看编号。")
    close = close_codes(pool, typed)
    advice = f"相近的编号：{'、'.join(close)}。" if close else ""
    raise UserError(f"操作手册中没有编号为 {typed} 的{what}。{advice}请用 `manual show` 查看全部编号。")
