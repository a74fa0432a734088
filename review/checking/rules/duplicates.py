"""Duplicates across materials: identical bytes, near-identical text, text that differs only in its
place names and figures, and photos used again elsewhere.

Identical files share a SHA-256. Near-identical text is found without comparing every pair:

1. Each text has a MinHash signature (`index.fingerprint`), computed once per extraction and stored
   with it, and kept per file by the check engine (`file_signature`), so duplicates are looked for
   without re-reading any text (`find_duplicates_by_signature`).
2. Locality-sensitive hashing: signatures are cut into 16 bands of 8 bins; only documents sharing
   a whole band are compared (at 90% similarity a pair shares a band with probability ≈ 0.9999, at
   50% with ≈ 0.06), so 2,000 documents cost some tens of thousands of comparisons, not two million.
3. The candidate pairs are judged all at once (numpy) by the share of equal bins (an estimate of
   the Jaccard similarity of the piece sets, ± 3% at 90%) and gathered into clusters; each material
   in a cluster gets one finding naming the others.

一稿多用 (MR-DUP-003) is the same search on a second signature, of the text with its place names
and figures masked: two 情况说明 that differ only in the district's name (or a copy in which only
焦作 became 新乡) score far below the near-identical threshold on their own text, since every
piece holding a name or a number differs, and alike once masked. A pair MR-DUP-002 reports is not
reported again. Spreadsheets are left out: a 台账 masked of its names and figures is its header.
Photos used again are review.checking.rules.photo_reuse's business (MR-DUP-004).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from index.document import Extraction
from index.fingerprint import BINS, EMPTY, Signature, masked_minhash, text_minhash
from review.checking.rules.catalogue import make_finding
from review.checking.rules.config import RuleConfig
from review.checking.rules.finding import Finding
from review.checking.rules.material import FileFacts, placement
from review.checking.rules.photo_reuse import find_reused_photos, photos_of
from review.checking.rules.signature import FileSignature

BAND_ROWS = 8
_PLACES_SHOWN = 5
_PAIR_CHUNK = 20_000  # pairs compared at once (two 20 MB arrays)
# Formats whose text masked of names and figures says nothing (a 台账 is left with its header).
_TABLE_FORMATS = frozenset({"xlsx", "xls", "et", "csv"})


def text_signature(text: str, config: RuleConfig | None = None,
                   stored: Signature | None = None) -> Signature | None:
    """The signature to keep for a file's text (`stored`: the one cached with its extraction);
    None when the text is too short to compare."""
    config = config or RuleConfig()
    if len(text) < config.threshold("MR-DUP-002", "min_chars"):
        return None
    return stored if stored is not None else text_minhash(text)


def file_signature(extraction: Extraction, config: RuleConfig | None = None) -> FileSignature | None:
    """The signatures to keep for a file, from its extraction (stored ones are used as they are);
    None when there is neither text worth comparing nor a photo."""
    text = text_signature(extraction.text, config, stored=extraction.minhash)
    masked = None
    if text is not None and extraction.format not in _TABLE_FORMATS:
        masked = extraction.masked_minhash or masked_minhash(extraction.text)
    photos = photos_of(extraction)
    return FileSignature(text, masked, photos) if text or photos else None


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
            others = [placement(o) for o in distinct if o is not facts]
            shown = "；".join(others[:_PLACES_SHOWN]) + ("等" if len(others) > _PLACES_SHOWN else "")
            message = f"{placement(facts)} 与以下文件完全相同：{shown}。"
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
        band_keys = _band_keys(rows[ids])
        order = np.argsort(band_keys, kind="stable")  # rows of equal bands side by side, ascending
        ordered = band_keys[order]
        shared = np.flatnonzero(ordered[1:] == ordered[:-1])  # positions whose next row has the same band
        if not len(shared):
            continue
        starts = shared[np.r_[True, np.diff(shared) > 1]]  # first row of each run of equal bands
        ends = np.searchsorted(ordered, ordered[starts], side="right")
        pairs = ends - starts == 2  # most shared bands are shared by two rows: take those at once
        keys.append(ids[order[starts[pairs]]] * size + ids[order[starts[pairs] + 1]])
        pending += int(pairs.sum())
        for start, end in zip(starts[~pairs].tolist(), ends[~pairs].tolist(), strict=True):
            members = ids[order[start:end]]
            first, second = np.triu_indices(len(members), 1)
            keys.append(members[first] * size + members[second])
            pending += len(first)
        if pending > _PAIR_CHUNK * 100:  # the same pairs come from several bands: fold them as we go
            keys, pending = [np.unique(np.concatenate(keys))], 0
    unique = np.unique(np.concatenate(keys))
    return np.stack((unique // size, unique % size), axis=1)


def _band_keys(rows: np.ndarray) -> np.ndarray:
    """One number per band row (a polynomial hash of its values, wrapping in 64 bits): equal bands
    get equal keys, so rows are grouped by a flat sort instead of a row-wise one. Two unequal
    bands that happen to share a key only add a candidate pair, which its similarity then rejects."""
    keys = np.zeros(len(rows), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in rows.T:
            keys = keys * np.uint64(0x100000001B3) + column.astype(np.uint64)
    return keys


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


def _close_pairs(signatures: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs scoring at least `threshold`, and their scores."""
    pairs = _candidate_pairs(signatures)
    scores = similarities(signatures, pairs)
    close = scores >= threshold
    return pairs[close], scores[close]


Describe = Callable[[FileFacts, str, float], str]


def _report_clusters(rule_id: str, files: Sequence[FileFacts], pairs: np.ndarray, scores: np.ndarray,
                     describe: Describe) -> list[Finding]:
    """One finding per file of each cluster the pairs make, naming the others (`describe` words it
    from the file, the others shown and the best score of the file)."""
    clusters = _Clusters(len(files))
    for (a, b), score in zip(pairs.tolist(), scores.tolist(), strict=True):
        clusters.join(a, b, score)
    out = []
    for members in clusters.groups():
        cluster = hashlib.sha256("".join(sorted(files[m].sha256 for m in members)).encode()).hexdigest()
        for index in members:
            facts = files[index]
            others = [files[o] for o in members[:_PLACES_SHOWN + 1] if o != index][:_PLACES_SHOWN]
            shown = "；".join(placement(o) for o in others)
            more = f"等 {len(members) - 1} 份材料" if len(members) - 1 > _PLACES_SHOWN else ""
            out.append(make_finding(rule_id, describe(facts, shown + more, clusters.best[index]), file=facts.path,
                                    subject=facts.sha256 + cluster, text=others[0].display_name,
                                    item_code=facts.item_codes[0] if facts.item_codes else ""))
    return out


def _near(docs: Sequence[tuple[FileFacts, FileSignature]], threshold: float) -> list[Finding]:
    if len(docs) < 2:
        return []
    files = [facts for facts, _ in docs]
    pairs, scores = _close_pairs(np.array([sig.text for _, sig in docs], dtype=np.int64), threshold)
    return _report_clusters("MR-DUP-002", files, pairs, scores, lambda facts, shown, best: (
        f"{placement(facts)} 与 {shown}的文字几乎相同（相似度最高约 {best:.0%}）。"))


def _places_swapped(docs: Sequence[tuple[FileFacts, FileSignature]], threshold: float,
                    near_threshold: float | None) -> list[Finding]:
    """MR-DUP-003: alike once place names and figures are masked; pairs alike anyway (MR-DUP-002 at
    `near_threshold`, None when that rule is off) are left to that rule."""
    docs = [(facts, sig) for facts, sig in docs if sig.masked]
    if len(docs) < 2:
        return []
    files = [facts for facts, _ in docs]
    pairs, scores = _close_pairs(np.array([sig.masked for _, sig in docs], dtype=np.int64), threshold)
    if near_threshold is not None and len(pairs):
        has_text = np.array([sig.text is not None for _, sig in docs])
        texts = np.array([sig.text or (EMPTY,) * BINS for _, sig in docs], dtype=np.int64)
        reported = similarities(texts, pairs) >= near_threshold
        keep = ~(reported & has_text[pairs[:, 0]] & has_text[pairs[:, 1]])
        pairs, scores = pairs[keep], scores[keep]
    return _report_clusters("MR-DUP-003", files, pairs, scores, lambda facts, shown, best: (
        f"{placement(facts)} 与 {shown}除地名和数字外文字几乎相同（把地名、数字换成占位符后相似度约 {best:.0%}），"
        "疑似同一篇稿子只换了地名、数字后多处使用（一稿多用）。"))


def find_duplicates_by_signature(files: Sequence[tuple[FileFacts, FileSignature | Signature | None]],
                                 config: RuleConfig | None = None) -> list[Finding]:
    """Findings for every file with an identical or near-identical twin, a twin but for its place
    names, or a photo used elsewhere, from stored signatures.

    `files` pairs each file's facts (where it is filed comes from `item_codes` and `group`) with
    its `file_signature` (a bare text signature will do; None: nothing worth comparing).
    """
    config = config or RuleConfig()
    out: list[Finding] = []
    if config.is_enabled("MR-DUP-001"):
        out += _identical([facts for facts, _ in files])
    docs: list[tuple[FileFacts, FileSignature]] = []
    seen: set[str] = set()
    for facts, sig in files:
        if not isinstance(sig, FileSignature):
            sig = FileSignature(text=tuple(sig)) if sig else None
        if sig is not None and facts.sha256 not in seen:  # identical copies are reported once, as identical
            seen.add(facts.sha256)
            docs.append((facts, sig))
    near = config.threshold("MR-DUP-002", "similarity")
    if config.is_enabled("MR-DUP-002"):
        out += _near([(facts, sig) for facts, sig in docs if sig.text], near)
    if config.is_enabled("MR-DUP-003"):
        out += _places_swapped(docs, config.threshold("MR-DUP-003", "similarity"),
                               near if config.is_enabled("MR-DUP-002") else None)
    if config.is_enabled("MR-DUP-004"):
        out += find_reused_photos([(facts, sig.photos) for facts, sig in docs if sig.photos],
                                  config.threshold("MR-DUP-004", "max_distance"))
    return out


def find_duplicates(materials: Sequence[tuple[FileFacts, Extraction]], config: RuleConfig | None = None) -> list[Finding]:
    """`find_duplicates_by_signature` for extractions at hand."""
    return find_duplicates_by_signature(
        [(facts, file_signature(extraction, config)) for facts, extraction in materials], config)
