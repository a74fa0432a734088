"""Duplicates across materials: identical bytes, and near-identical text.

Identical files share a SHA-256. Near-identical text is found without comparing every pair:

1. Text is cut into content-defined pieces at punctuation and at frequent characters (的, 一, 是 …),
   the way deduplicating backups chunk data: an edit changes only the pieces it touches, and the
   cutting is one C-level `re.findall`. The pieces play the role of shingles.
2. Each document's set of pieces gets a one-permutation MinHash signature (64 bins; the smallest
   hash per bin).
3. Locality-sensitive hashing: signatures are cut into 8 bands of 8 bins; only documents sharing a
   whole band become candidates (at 90% similarity a pair shares a band with probability ≈ 0.99,
   at 50% with ≈ 0.03), so 2,000 documents cost a few comparisons, not two million.
4. Candidates are compared exactly (Jaccard similarity of their piece sets), so what is reported
   does not depend on the hashing.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from index.document import Extraction
from review.checks.catalogue import make_finding
from review.checks.config import RuleConfig
from review.checks.finding import Finding
from review.checks.material import FileFacts

_PIECE = re.compile(r"[^\W_的一是在了和有不人为与中对以及等年月日]{2,}")
BINS = 64
BAND_ROWS = 8
# hash() values are signed; the bins split that range into 64 equal parts.
_LOWEST = -(1 << (sys.hash_info.width - 1))
_BIN_WIDTH = (1 << sys.hash_info.width) // BINS
_BOUNDS = [_LOWEST + b * _BIN_WIDTH for b in range(BINS + 1)]
_EMPTY = None
_PLACES_SHOWN = 5


def pieces(text: str) -> frozenset[str]:
    return frozenset(_PIECE.findall(text))


def signature(text_pieces: frozenset[str]) -> tuple[int | None, ...]:
    """One-permutation MinHash: the smallest hash in each of 64 bins (None for an empty bin).

    Python's string hash is salted per process; signatures are only compared within one run.
    """
    hashes = sorted(map(hash, text_pieces))
    out = []
    for b in range(BINS):
        i = bisect_left(hashes, _BOUNDS[b])
        out.append(hashes[i] if i < len(hashes) and hashes[i] < _BOUNDS[b + 1] else _EMPTY)
    return tuple(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _placement(facts: FileFacts) -> str:
    items = "、".join(facts.item_codes) if facts.item_codes else "未归入条目"
    group = f"，工作组 {facts.group}" if facts.group else ""
    return f"{facts.display_name}（{items}{group}）"


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


def _candidates(signatures: Sequence[tuple[int | None, ...]]) -> set[tuple[int, int]]:
    buckets: dict[tuple[int, tuple[int | None, ...]], list[int]] = defaultdict(list)
    for index, sig in enumerate(signatures):
        for band in range(BINS // BAND_ROWS):
            rows = sig[band * BAND_ROWS:(band + 1) * BAND_ROWS]
            if rows.count(_EMPTY) < BAND_ROWS:
                buckets[(band, rows)].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        pairs.update(combinations(members, 2))
    return pairs


def _near(materials: Sequence[tuple[FileFacts, Extraction]], threshold: float, min_chars: int) -> list[Finding]:
    docs: list[tuple[FileFacts, frozenset[str]]] = []
    seen: set[str] = set()
    for facts, extraction in materials:
        if facts.sha256 in seen:  # identical copies are reported once, as identical
            continue
        seen.add(facts.sha256)
        text = extraction.text
        if len(text) >= min_chars:
            docs.append((facts, pieces(text)))
    out = []
    for i, j in sorted(_candidates([signature(p) for _, p in docs])):
        score = jaccard(docs[i][1], docs[j][1])
        if score < threshold:
            continue
        for a, b in ((docs[i][0], docs[j][0]), (docs[j][0], docs[i][0])):
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
