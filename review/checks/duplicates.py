"""Duplicates across materials: identical bytes, and near-identical text.

Identical files share a SHA-256. Near-identical text is found without comparing every pair:

1. Text is normalised (letters, digits and Chinese characters only) and cut into content-defined
   pieces at frequent characters (的, 一, 是 …), the way deduplicating backups chunk data: an
   edit changes only the pieces it touches, and cutting is one C-level `re.split`.
2. Each document's set of pieces gets a one-permutation MinHash signature (64 bins of a 32-bit
   CRC; the minimum per bin), an estimate of Jaccard similarity.
3. Locality-sensitive hashing: signatures are cut into 8 bands of 8 bins; only documents sharing a
   whole band are compared. At 90% similarity a pair shares a band with probability ≈ 0.99, at 50%
   with ≈ 0.03, so 2,000 documents cost a few thousand comparisons, not two million.
"""
from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from index.document import Extraction
from review.checks.catalogue import make_finding
from review.checks.config import RuleConfig
from review.checks.finding import Finding
from review.checks.material import FileFacts

_NOT_WORD = re.compile(r"[\W_]+")
_CUTS = re.compile("[的一是在了和有不人为与中对以及等年月日]")
_MIN_PIECE = 2
BINS = 64
BAND_ROWS = 8
_BIN_SHIFT = 32 - 6  # the top 6 bits of a 32-bit hash choose one of 64 bins
_EMPTY = -1
_PLACES_SHOWN = 5


def pieces(text: str) -> set[str]:
    return {p for p in _CUTS.split(_NOT_WORD.sub("", text)) if len(p) >= _MIN_PIECE}


def signature(text_pieces: set[str]) -> tuple[int, ...]:
    """One-permutation MinHash: the smallest hash in each of 64 bins (-1 for an empty bin)."""
    hashes = sorted(map(zlib.crc32, (p.encode("utf-8") for p in text_pieces)))
    out = []
    for b in range(BINS):
        i = bisect_left(hashes, b << _BIN_SHIFT)
        out.append(hashes[i] if i < len(hashes) and hashes[i] >> _BIN_SHIFT == b else _EMPTY)
    return tuple(out)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity: equal bins among bins filled in either signature."""
    filled = [(x, y) for x, y in zip(a, b, strict=True) if x != _EMPTY or y != _EMPTY]
    return sum(1 for x, y in filled if x == y) / len(filled) if filled else 0.0


def _placement(facts: FileFacts) -> str:
    items = "、".join(facts.item_codes) if facts.item_codes else "未归入条目"
    group = f"，工作组 {facts.group}" if facts.group else ""
    return f"{facts.display_name}（{items}{group}）"


@dataclass(frozen=True)
class _Doc:
    facts: FileFacts
    signature: tuple[int, ...]


def _identical(materials: Sequence[tuple[FileFacts, Extraction]]) -> list[Finding]:
    by_hash: dict[str, list[FileFacts]] = defaultdict(list)
    for facts, _ in materials:
        by_hash[facts.sha256].append(facts)
    out = []
    for copies in by_hash.values():
        distinct = list({f.path: f for f in copies}.values())
        if len(distinct) < 2:
            continue
        for facts in distinct:
            others = [_placement(o) for o in distinct if o is not facts]
            shown = "；".join(others[:_PLACES_SHOWN]) + ("等" if len(others) > _PLACES_SHOWN else "")
            message = f"{_placement(facts)} 与以下文件完全相同：{shown}。"
            out.append(make_finding("MR-DUP-001", message, file=facts.path, subject=facts.sha256,
                                    text=facts.sha256[:12], item_code=facts.item_codes[0] if facts.item_codes else ""))
    return out


def _near(materials: Sequence[tuple[FileFacts, Extraction]], threshold: float, min_chars: int) -> list[Finding]:
    docs: list[_Doc] = []
    seen: set[str] = set()
    for facts, extraction in materials:
        if facts.sha256 in seen:  # identical copies are reported once, as identical
            continue
        seen.add(facts.sha256)
        text = extraction.text
        if len(text) < min_chars:
            continue
        docs.append(_Doc(facts, signature(pieces(text))))
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for index, doc in enumerate(docs):
        for band in range(BINS // BAND_ROWS):
            rows = doc.signature[band * BAND_ROWS:(band + 1) * BAND_ROWS]
            if any(r != _EMPTY for r in rows):
                buckets[(band, rows)].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        pairs.update(combinations(members, 2))
    out = []
    for i, j in sorted(pairs):
        score = similarity(docs[i].signature, docs[j].signature)
        if score < threshold:
            continue
        for a, b in ((docs[i].facts, docs[j].facts), (docs[j].facts, docs[i].facts)):
            message = f"{_placement(a)} 与 {_placement(b)} 的文字约 {score:.0%} 相同。"
            out.append(make_finding("MR-DUP-002", message, file=a.path, subject=a.sha256 + b.sha256,
                                    text=b.display_name, item_code=a.item_codes[0] if a.item_codes else ""))
    return out


def find_duplicates(materials: Sequence[tuple[FileFacts, Extraction]], config: RuleConfig | None = None) -> list[Finding]:
    """Findings for every material that has an identical or near-identical twin.

    Where each material is filed comes from `FileFacts.item_codes` and `FileFacts.group`.
    """
    config = config or RuleConfig()
    out: list[Finding] = []
    if config.is_enabled("MR-DUP-001"):
        out += _identical(materials)
    if config.is_enabled("MR-DUP-002"):
        out += _near(materials, config.threshold("MR-DUP-002", "similarity"), config.threshold("MR-DUP-002", "min_chars"))
    return out
