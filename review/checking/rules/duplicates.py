"""Duplicates across materials: identical bytes, and near-identical text.

Identical files share a SHA-256. Near-identical text is found without comparing every pair:

1. Each text has a MinHash signature (`index.fingerprint`), computed once per extraction and stored
   with it, and kept per file by the check engine (`text_signature`), so duplicates are looked for
   without re-reading any text (`find_duplicates_by_signature`).
2. Locality-sensitive hashing: signatures are cut into 16 bands of 8 bins; only documents sharing
   a whole band are compared (at 90% similarity a pair shares a band with probability ≈ 0.9999, at
   50% with ≈ 0.06), so 2,000 documents cost some tens of thousands of comparisons, not two million.
3. The candidate pairs are judged all at once (numpy) by the share of equal bins (an estimate of
   the Jaccard similarity of the piece sets, ± 3% at 90%) and gathered into clusters; each material
   in a cluster gets one finding naming the others.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from index.document import Extraction
from index.fingerprint import BINS, EMPTY, Signature, text_minhash
from review.checking.rules.catalogue import make_finding
from review.checking.rules.config import RuleConfig
from review.checking.rules.finding import Finding
from review.checking.rules.material import FileFacts

BAND_ROWS = 8
_PLACES_SHOWN = 5
_PAIR_CHUNK = 20_000  # pairs compared at once (two 20 MB arrays)


def text_signature(text: str, config: RuleConfig | None = None,
                   stored: Signature | None = None) -> Signature | None:
    """The signature to keep for a file's text (`stored`: the one cached with its extraction);
    None when the text is too short to compare."""
    config = config or RuleConfig()
    if len(text) < config.threshold("MR-DUP-002", "min_chars"):
        return None
    return stored if stored is not None else text_minhash(text)


def similarities(signatures: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of each pair (i, j) of rows of `signatures` (n x BINS):
    equal bins among the bins filled in either signature.

    Vectorised: a corpus built from shared templates yields tens of thousands of candidate pairs,
    which cost seconds one by one in Python and milliseconds here."""
    out = np.zeros(len(pairs))
    for start in range(0, len(pairs), _PAIR_CHUNK):
        a, b = signatures[pairs[start:start + _PAIR_CHUNK, 0]], signatures[pairs[start:start + _PAIR_CHUNK, 1]]
        both_empty = ((a == EMPTY) & (b == EMPTY)).sum(axis=1)
        filled = a.shape[1] - both_empty
        equal = (a == b).sum(axis=1) - both_empty
        out[start:start + len(a)] = np.divide(equal, filled, out=np.zeros(len(a)), where=filled > 0)
    return out


def similarity(a: Signature, b: Signature) -> float:
    """`similarities` of one pair."""
    if len(a) != len(b):
        raise ValueError("signatures of different lengths")
    return float(similarities(np.array([a, b], dtype=np.int64), np.array([[0, 1]]))[0])


def _placement(facts: FileFacts) -> str:
    items = "、".join(facts.item_codes) if facts.item_codes else "未归入条目"
    group = f"，工作组 {facts.group}" if facts.group else ""
    return f"{facts.display_name}（{items}{group}）"


def _identical(files: Sequence[FileFacts]) -> list[Finding]:
    by_hash: dict[str, list[FileFacts]] = defaultdict(list)
    for facts in files:
        if facts.size:  # empty files are all alike; each is reported as empty (MR-FILE-003) instead
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


def _candidate_pairs(signatures: np.ndarray) -> np.ndarray:
    """Every pair (i < j) of rows sharing a whole band of their signatures (the LSH candidates)."""
    size = len(signatures)
    keys = [np.zeros(0, dtype=np.int64)]
    pending = 0
    for band in range(BINS // BAND_ROWS):
        rows = signatures[:, band * BAND_ROWS:(band + 1) * BAND_ROWS]
        ids = np.flatnonzero((rows != EMPTY).any(axis=1))  # a band with no piece at all says nothing
        _values, inverse, counts = np.unique(rows[ids], axis=0, return_inverse=True, return_counts=True)
        for members in np.split(ids[np.argsort(inverse.ravel(), kind="stable")], np.cumsum(counts)[:-1]):
            if len(members) > 1:  # ascending, thanks to the stable sort
                first, second = np.triu_indices(len(members), 1)
                keys.append(members[first] * size + members[second])
                pending += len(first)
        if pending > _PAIR_CHUNK * 100:  # the same pairs come from several bands: fold them as we go
            keys, pending = [np.unique(np.concatenate(keys))], 0
    unique = np.unique(np.concatenate(keys))
    return np.stack((unique // size, unique % size), axis=1)


class _Clusters:
    """Union-find over documents: each near-identical pair joins its two clusters."""

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


def _near(docs: Sequence[tuple[FileFacts, Signature]], threshold: float) -> list[Finding]:
    clusters = _Clusters(len(docs))
    if docs:
        signatures = np.array([sig for _, sig in docs], dtype=np.int64)
        pairs = _candidate_pairs(signatures)
        scores = similarities(signatures, pairs)
        close = scores >= threshold
        for (a, b), score in zip(pairs[close].tolist(), scores[close].tolist(), strict=True):
            clusters.join(a, b, score)
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


def find_duplicates_by_signature(files: Sequence[tuple[FileFacts, Signature | None]],
                                 config: RuleConfig | None = None) -> list[Finding]:
    """Findings for every file with an identical or near-identical twin, from stored signatures.

    `files` pairs each file's facts (where it is filed comes from `item_codes` and `group`) with
    its `text_signature` (None: no text worth comparing).
    """
    config = config or RuleConfig()
    out: list[Finding] = []
    if config.is_enabled("MR-DUP-001"):
        out += _identical([facts for facts, _ in files])
    if config.is_enabled("MR-DUP-002"):
        docs: list[tuple[FileFacts, Signature]] = []
        seen: set[str] = set()
        for facts, sig in files:
            if sig and facts.sha256 not in seen:  # identical copies are reported once, as identical
                seen.add(facts.sha256)
                docs.append((facts, tuple(sig)))
        out += _near(docs, config.threshold("MR-DUP-002", "similarity"))
    return out


def find_duplicates(materials: Sequence[tuple[FileFacts, Extraction]], config: RuleConfig | None = None) -> list[Finding]:
    """`find_duplicates_by_signature` for extractions at hand."""
    return find_duplicates_by_signature(
        [(facts, text_signature(extraction.text, config)) for facts, extraction in materials], config)
