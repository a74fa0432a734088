"""The same photo used under different 测评标准 or by different groups (MR-DUP-004).

Photos are compared by their perceptual hashes (index.photo_hash: 128 bits, robust to re-encoding,
resizing and small crops), computed once per extraction — image files, and the photos placed in
PDF pages and DOCX bodies — and kept with the file's signatures, so this check decodes no image.
All pairs are compared at once with numpy (a hash as two 64-bit words, XOR and bit count): 5,000
photos are 12.5 million pairs, a fraction of a second.

A pair counts when the two files are filed apart: in different groups, or both filed and under
no standard in common. A photo and the 图片说明 that shows it under the same standard are one
piece of evidence, not a reuse; identical files are MR-DUP-001's business. A hash is a likeness,
not a proof, so the finding says 疑似 and asks for a look.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from review.checking.rules.catalogue import make_finding
from review.checking.rules.finding import Finding
from review.checking.rules.material import FileFacts, placement

Photo = tuple[str, int]  # (hash as hex digits, page)
_WORD = (1 << 64) - 1
_ROWS = 512  # photos compared with all others at once
_PAGED = frozenset({"pdf", "ofd"})


def photos_of(extraction: Any) -> tuple[Photo, ...]:
    """The photos' hashes an extraction's facts hold (index.photo_hash.entry)."""
    return tuple((str(e["hash"]), int(e.get("page") or 1))
                 for e in extraction.facts.get("photo_hashes") or () if e.get("hash"))


def _apart(a: FileFacts, b: FileFacts) -> bool:
    if a.sha256 == b.sha256:
        return False
    if a.group != b.group:
        return True
    return bool(a.item_codes and b.item_codes and not set(a.item_codes) & set(b.item_codes))


def find_reused_photos(files: Sequence[tuple[FileFacts, Sequence[Photo]]], max_distance: int) -> list[Finding]:
    """One finding per file and other file it shares a photo with (hashes at most `max_distance`
    bits apart), on both files, each naming the other."""
    owners, pages, words = [], [], []
    for index, (_facts, photos) in enumerate(files):
        for value, page in photos:
            number = int(value, 16)
            owners.append(index)
            pages.append(page)
            words.append((number >> 64, number & _WORD))
    if len(words) < 2:
        return []
    hashes = np.array(words, dtype=np.uint64)
    owner = np.array(owners)
    # (file, other file) → (distance, page in file, page in other, photos shared)
    shared: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for start in range(0, len(hashes), _ROWS):
        block = hashes[start:start + _ROWS]
        rest = hashes[start:]
        distance = (np.bitwise_count(block[:, None, 0] ^ rest[None, :, 0]).astype(np.int32)
                    + np.bitwise_count(block[:, None, 1] ^ rest[None, :, 1]))
        rows, columns = np.nonzero(distance <= max_distance)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            a, b = start + row, start + column
            fa, fb = int(owner[a]), int(owner[b])
            if b <= a or fa == fb or not _apart(files[fa][0], files[fb][0]):
                continue
            bits = int(distance[row, column])
            for key, mine, theirs in (((fa, fb), pages[a], pages[b]), ((fb, fa), pages[b], pages[a])):
                best = shared.get(key)
                count = (best[3] if best else 0) + 1
                shared[key] = (bits, mine, theirs, count) if best is None or bits < best[0] else (*best[:3], count)
    return [_finding(files[mine][0], files[theirs][0], *found) for (mine, theirs), found in sorted(shared.items())]


def _finding(facts: FileFacts, other: FileFacts, bits: int, page: int, other_page: int, count: int) -> Finding:
    where = f"第{page}页" if facts.format in _PAGED else ""
    there = f"第{other_page}页" if other.format in _PAGED else ""
    photos = f"有 {count} 张照片" if count > 1 else "的照片"
    message = (f"{placement(facts)}{where}{photos}与 {placement(other)}{there}中的照片疑似同一张"
               f"（图像指纹相差 {bits} 位，共 128 位；可能经过压缩、缩放或裁剪），请核对是否同一张照片用于不同条目或工作组。")
    return make_finding("MR-DUP-004", message, file=facts.path, subject=facts.sha256 + other.sha256,
                        page=page if where else None, location=where, text=other.display_name,
                        item_code=facts.item_codes[0] if facts.item_codes else "")
