"""The words that say what a 测评标准 is about: its required keywords and the content words of its title.

Shared by the mapping suggestions for unmapped files (review.intake.suggestions) and the check that a
mapped file speaks to its own standard rather than another (review.checking.rules.misfiled), so that a
file the check calls mis-filed is suggested for the standard the check names.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from review.manual.model import Standard

KEYWORD_WEIGHT = 2.0
# Words that appear in nearly every standard's title and say nothing about which one a file proves.
STOPWORDS = frozenset("""
开展 建立 健全 制定 组织 工作 活动 推进 加强 落实 情况 相关 有关 各类 进行 实施 完善 形成 机制 制度 做好 实现 达到
全市 本市 市民 群众 社会 部门 单位 城市 文明 创建 工作方案 方案 材料 提供 提交 上报 每年 年度 以上 不少 至少
""".split())  # noqa: SIM905 - a word list reads better as text
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


@lru_cache(maxsize=4096)
def describing_words(title: str) -> tuple[str, ...]:
    import jieba  # loading its dictionary takes a second: only when the words are asked for

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not for users
    words = []
    for word in jieba.lcut(title):
        if _HAN_WORD.match(word) and word not in STOPWORDS and word not in words:
            words.append(word)
    return tuple(words)


def standard_terms(standard: Standard) -> dict[str, float]:
    """Each describing word with its weight: the manual's keywords count double the title's words."""
    terms = {w: 1.0 for w in describing_words(standard.title)}
    if standard.requirement is not None:
        for keyword in standard.requirement.keywords:
            terms[keyword] = KEYWORD_WEIGHT
    return terms
