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
4. Candidates are compared exactly (Jaccard similarity of their piece sets) and gathered into
   clusters; each material in a cluster gets one finding naming the others.
"""
from __future__ import annotations

import hashlib
import re
import sys
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

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


def _buckets(signatures: Sequence[tuple[int | None, ...]]) -> list[list[int]]:
    """Groups of documents that share a whole band of their signatures (the LSH candidates)."""
    buckets: dict[tuple[int, tuple[int | None, ...]], list[int]] = defaultdict(list)
    for index, sig in enumerate(signatures):
        for band in range(BINS // BAND_ROWS):
            rows = sig[band * BAND_ROWS:(band + 1) * BAND_ROWS]
            if rows.count(_EMPTY) < BAND_ROWS:
                buckets[(band, rows)].append(index)
    return [members for members in buckets.values() if len(members) > 1]


class _Clusters:
    """Union-find over documents, so that a template copied 500 times costs 500 comparisons."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.best = [0.0] * size

    def root(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int, score: float) -> None:
        self.parent[self.root(a)] = self.root(b)
        self.best[a] = max(self.best[a], score)
        self.best[b] = max(self.best[b], score)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for x in range(len(self.parent)):
            out[self.root(x)].append(x)
        return [members for members in out.values() if len(members) > 1]


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
    clusters = _Clusters(len(docs))
    unlike: set[tuple[int, int]] = set()
    for pending in _buckets([signature(p) for _, p in docs]):
        # Compare with one representative at a time; whoever is unlike it is tried against the next.
        while len(pending) > 1:
            rep, rest, pending = pending[0], pending[1:], []
            for other in rest:
                pair = (min(rep, other), max(rep, other))
                if clusters.root(rep) == clusters.root(other):
                    continue
                score = -1.0 if pair in unlike else jaccard(docs[rep][1], docs[other][1])
                if score >= threshold:
                    clusters.join(rep, other, score)
                else:
                    unlike.add(pair)
                    pending.append(other)
    out = []
    for members in clusters.groups():
        cluster = hashlib.sha256("".join(sorted(docs[m][0].sha256 for m in members)).encode()).hexdigest()
        for index in members:
            facts = docs[index][0]
            others = [docs[o][0] for o in members[:_PLACES_SHOWN + 1] if o != index][:_PLACES_SHOWN]
            shown = "；".join(_placement(o) for o in others)
            more = f"等 {len(members) - 1} 份材料" if len(members) - 1 > _PLACES_SHOWN else ""
            message = (f"{_placement(facts)} 与 {shown}{more}的文字几乎相同"
                       f"（相似度最高约 {clusters.best[index]:.0%}）。")
            out.append(make_finding("MR-DUP-002", message, file=facts.path, subject=facts.sha256 + cluster,
                                    text=others[0].display_name,
                                    item_code=facts.item_codes[0] if facts.item_codes else ""))
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
