"""A mapped file whose words belong to another of the group's standards, not its own (MR-KEY-002).

Each standard is described by its words (review.manual.terms: the manual's keywords, counting double,
and its title's content words); a word shared by many of the group's standards counts less. A file
scores for a standard by the words of it that the file contains. It is reported only when another
standard scores strongly, with one of its own keywords that the file's own standard does not also name in
its title or keywords, and the own standard scores a small share of that with none of its keywords: a file
that speaks to its own standard reasonably is never reported.

Cheap by construction: a few hundred short words looked up in each mapped file's text, which the
requirement check has loaded anyway; the words found are kept per (content hash, vocabulary), so a file
filed under several standards, or checked again in the same process, is read once.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from review.checking.rules.finding import Finding
from review.checking.rules.keywords import compact
from review.manual.model import Standard
from review.manual.terms import KEYWORD_WEIGHT, standard_terms

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

STRONG = 4.0  # the other standard's score must reach this
OWN_SHARE = 0.4  # and the own standard's score stay at or below this share of it
MIN_CHARS = 120  # shorter texts (photos, captions, a cover page) say too little to judge
_CACHE_SIZE = 20_000
_FOUND: OrderedDict[tuple[str, str], frozenset[str]] = OrderedDict()  # (vocabulary, content hash) → words


@dataclass(frozen=True)
class Match:
    code: str
    title: str
    score: float
    words: tuple[str, ...]
    keywords: tuple[str, ...]  # the standard's own keywords among the words

    @property
    def keyword(self) -> bool:
        return bool(self.keywords)


class Vocabulary:
    """The describing words of a group's material standards, with how rare each is among them."""

    def __init__(self, standards: Iterable[Standard]) -> None:
        self.standards = {s.code: s for s in standards if s.needs_materials}
        # What the words are made from: the key of the findings, known without segmenting any title.
        self.key = hashlib.sha256(json.dumps(
            [(code, s.title, s.requirement.keywords if s.requirement else []) for code, s in self.standards.items()],
            ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()

    @cached_property
    def terms(self) -> dict[str, dict[str, float]]:
        return {code: standard_terms(s) for code, s in self.standards.items()}

    @cached_property
    def rarity(self) -> dict[str, float]:
        counts = Counter(term for terms in self.terms.values() for term in terms)
        total = max(1, len(self.terms))
        return {term: math.log(1 + total / n) for term, n in counts.items()}

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(sorted(self.rarity))

    def __contains__(self, code: str) -> bool:
        return code in self.standards

    def describes(self, code: str, words: Iterable[str]) -> bool:
        """Whether any of the words is part of the standard's own title or keywords (道德模范 in
        "建立礼遇帮扶道德模范的制度并落实"): then a file about them speaks to it too."""
        standard = self.standards[code]
        own = compact(standard.title) + "|" + "|".join(standard.requirement.keywords if standard.requirement else [])
        return any(w in own for w in words)

    def found(self, sha256: str, text: str) -> frozenset[str]:
        """The vocabulary's words in the text; kept by the text's content hash and the vocabulary."""
        key = (self.key, sha256)
        hit = _FOUND.get(key)
        if hit is None:
            flat = compact(text)
            hit = _FOUND[key] = frozenset(w for w in self.words if w in flat)
            if len(_FOUND) > _CACHE_SIZE:
                _FOUND.popitem(last=False)
        return hit

    def scores(self, found: frozenset[str]) -> list[Match]:
        out = []
        for code, terms in self.terms.items():
            words = [t for t in terms if t in found]
            if words:
                score = sum(terms[t] * self.rarity[t] for t in words)
                keywords = tuple(t for t in words if terms[t] == KEYWORD_WEIGHT)
                out.append(Match(code, self.standards[code].title, score, tuple(words), keywords))
        return sorted(out, key=lambda m: (-m.score, m.code))


def better_standard(vocabulary: Vocabulary, own: str, filed_under: Sequence[str], sha256: str,
                    text: str) -> tuple[Match, Match | None] | None:
    """(the standard the text speaks to, the own standard's match) when the text is mis-filed, else None."""
    if own not in vocabulary or len(compact(text)) < MIN_CHARS:
        return None
    scores = vocabulary.scores(vocabulary.found(sha256, text))
    mine = next((m for m in scores if m.code == own), None)
    best = next((m for m in scores if m.code not in filed_under), None)
    if best is None or best.score < STRONG or not best.keyword or vocabulary.describes(own, best.keywords):
        return None
    if mine is not None and (mine.keyword or mine.score > OWN_SHARE * best.score):
        return None
    return best, mine


def check(standard: Standard, contexts: Sequence[FileContext], vocabulary: Vocabulary | None) -> list[Finding]:
    # Here, not at the top: the check engine builds a Vocabulary (its key) on every run, and the
    # file kinds bring numpy and Pillow along.
    from review.checking.rules.kinds import IMAGE_FORMATS

    if vocabulary is None:
        return []
    out = []
    for c in contexts:
        if c.extraction.format in IMAGE_FORMATS:
            continue
        found = better_standard(vocabulary, standard.code, c.facts.item_codes, c.facts.sha256, c.doc.text)
        if found is None:
            continue
        best, mine = found
        words = "”“".join(best.words)
        own = f"本条目的词只出现了“{'”“'.join(mine.words)}”" if mine else "本条目的关键词和标题用语都没有出现"
        out.append(c.finding(
            "MR-KEY-002",
            f"{c.facts.display_name}：内容与本条目 {standard.code} 不对应，更像 {best.code}《{best.title}》"
            f"（文件中出现了“{words}”，{own}）。",
            item_code=standard.code, text="、".join(best.words),
            hint=f"核对这份材料是否归错了条目；如是，请改归到 {best.code}，并为 {standard.code} 补充对应的材料。"))
    return out
