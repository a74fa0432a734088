"""Queries like the ones people type into the search box, and the substring oracle that checks them.

People type two to four words (jieba's segmentation of the corpus's own text), short and long,
some found in a handful of files and some in nearly all, usually words that occur together in the
file they remember, sometimes not; and now and then a quoted phrase. `typed_queries` makes such a
set from a sample of documents; `oracle` answers any of them by a plain substring scan over every
document, which is the search contract's definition of a match (title or one page, whitespace
ignored, AND of the terms).
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


@dataclass(frozen=True)
class Doc:
    path: str
    title: str
    pages: list[str]


@dataclass(frozen=True)
class TypedQuery:
    text: str  # as typed, quotes included
    terms: tuple[str, ...]  # every one must occur (AND)
    kind: str  # "words" (from one document), "mixed" (words drawn apart) or "phrase"


def _tokens(text: str) -> list[str]:
    import jieba

    return jieba.lcut("".join(text.split()))


def _words(text: str) -> list[str]:
    return [w for w in _tokens(text) if _CJK_WORD.match(w)]


def typed_queries(docs: list[Doc], count: int, rng: random.Random) -> list[TypedQuery]:
    """`count` queries: half 2-4 words of one document, a quarter words drawn from the whole
    sample (common and rare mixed; may match nothing), a quarter with a quoted phrase."""
    import jieba

    jieba.setLogLevel(60)
    doc_words = [_words("".join(d.pages)) for d in docs]
    df = Counter(w for words in doc_words for w in set(words))
    by_df = sorted(df, key=lambda w: (df[w], w))
    rare = [w for w in by_df if df[w] <= max(1, len(docs) // 50)]
    common = [w for w in by_df if df[w] >= len(docs) // 3]
    middle = [w for w in by_df if w not in set(rare) | set(common)]
    out: list[TypedQuery] = []
    while len(out) < count:
        roll = len(out) % 4
        size = rng.randint(2, 4)
        if roll in (0, 1):
            words = doc_words[rng.randrange(len(docs))]
            if len(set(words)) < size:
                continue
            terms = rng.sample(sorted(set(words)), size)
            out.append(TypedQuery(" ".join(terms), tuple(terms), "words"))
        elif roll == 2:
            pools = [rare, middle, common]
            terms = list(dict.fromkeys(rng.choice(rng.choice([p for p in pools if p])) for _ in range(size)))
            out.append(TypedQuery(" ".join(terms), tuple(terms), "mixed"))
        else:
            doc = rng.randrange(len(docs))
            tokens = _tokens("".join(docs[doc].pages))
            words = doc_words[doc]
            runs = [tokens[i:i + 3] for i in range(len(tokens) - 2)
                    if all(_CJK_WORD.match(t) for t in tokens[i:i + 2])]
            if not runs:
                continue
            run = rng.choice(runs)
            phrase = run[:3] if len(run) == 3 and _CJK_WORD.match(run[2]) and rng.random() < 0.5 else run[:2]
            quoted = " ".join(phrase) if rng.random() < 0.5 else "".join(phrase)
            others = rng.sample(sorted(set(words)), rng.randint(0, 2))
            terms = ["".join(phrase), *[w for w in others if w not in phrase]]
            out.append(TypedQuery(" ".join([f'"{quoted}"', *terms[1:]]), tuple(terms), "phrase"))
    return out


def _compact(text: str) -> str:
    return "".join(text.split())


class Oracle:
    """Which documents hold every term: a plain substring scan, per page and title."""

    def __init__(self, docs: list[Doc]) -> None:
        self._docs = [(d.path, _compact(d.title), [_compact(p) for p in d.pages]) for d in docs]

    def __call__(self, query: TypedQuery) -> set[str]:
        return {path for path, title, pages in self._docs
                if all(t in title or any(t in page for page in pages) for t in query.terms)}
