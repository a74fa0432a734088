"""A near-duplicate fingerprint of a text: a one-permutation MinHash of its content-defined pieces.

1. Text is cut into pieces at punctuation and at frequent characters (的, 一, 是 …), the way
   deduplicating backups chunk data: an edit changes only the pieces it touches, and the cutting
   is one C-level `re.findall`. The pieces play the role of shingles.
2. The signature is the smallest CRC-32 of the pieces in each of 128 bins (EMPTY where no piece
   fell). Signatures are plain integers, the same in every process, so they are computed once per
   extraction and stored with it in the cache; comparing two texts then costs no text at all.

The share of equal bins estimates the Jaccard similarity of the two piece sets (± 3% at 90%);
comparing signatures is the duplicate check's business (review.checking.rules.duplicates).

A second, masked signature is taken of the text with its place names and figures replaced by a
placeholder (index.place_names): two reports that differ only in the district's name and their
figures have different pieces wherever a name or a number stands, but the same masked ones.
`masked_version()` names the masking; a stored masked signature of another version is not used.
"""
from __future__ import annotations

import re
import zlib

from index.place_names import data_version, mask_places

_PIECE = re.compile(r"[^\W_的一是在了和有不人为与中对以及等年月日]{2,}")
BINS = 128
_BIN_WIDTH = (1 << 32) // BINS
EMPTY = -1  # a bin no piece fell into
_MASKING = 2  # bump when the masking itself changes (the data's changes are seen by data_version)
_SPACE = re.compile(r"\s+")

Signature = tuple[int, ...]


def pieces(text: str) -> set[str]:
    return set(_PIECE.findall(text))


def signature(text_pieces: set[str]) -> Signature:
    """One-permutation MinHash of a set of pieces: the smallest CRC-32 per bin, EMPTY if none."""
    out = [EMPTY] * BINS
    for value in map(zlib.crc32, map(str.encode, text_pieces)):
        b = value // _BIN_WIDTH
        if out[b] == EMPTY or value < out[b]:
            out[b] = value
    return tuple(out)


def text_minhash(text: str) -> Signature | None:
    """The signature of a text; None when it has no pieces at all."""
    found = pieces(text)
    return signature(found) if found else None


def masked_minhash(text: str) -> Signature | None:
    """The signature of the text with place names and figures masked; None when nothing is left.

    Line breaks go first: a PDF breaks its lines where the page ends them, so the same report as
    DOCX and as PDF would otherwise be cut into different pieces (and a name broken over a line
    would escape the masking)."""
    return text_minhash(mask_places(_SPACE.sub("", text)))


def masked_version() -> str:
    return f"{_MASKING}-{data_version()}"
