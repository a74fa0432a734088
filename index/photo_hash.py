"""Perceptual hashes of photos, so that one photo used under several standards or by several groups is
found although it was re-encoded, resized or slightly cropped on the way.

A photo's hash is 128 bits, written as 32 hex digits: a difference hash (dHash: is each pixel of a
grey 9×8 thumbnail brighter than its right neighbour) and a DCT hash (pHash: is each of the 8×8
lowest frequencies of a grey 32×32 thumbnail above their median). Re-encoding and resizing change
a few bits of each; a crop of 3 % of the width some ten. Two hashes are compared by the number of
differing bits (`distance`).

Only pictures that look like photos are hashed: a scanned page, a seal, a logo or a chart is
mostly white paper, and scans of the same form would otherwise look like the same photo. Hashing
works on an image decoded at reduced size (a JPEG is decoded at 1/8 scale by the codec itself),
once per extraction: the hashes are stored in the extraction's facts (`photo_hashes`).
"""
from __future__ import annotations

import io
from typing import Any

import numpy as np
from PIL import Image, UnidentifiedImageError

MIN_SIDE = 200  # pixels; smaller pictures are icons, logos and thumbnails
MAX_PHOTOS = 60  # per file: an album of hundreds of photos is hashed in its first pages only
_THUMB = 32
_DCT_KEEP = 8
_PAPER = 225  # grey level of paper in a scan
_MAX_PAPER_SHARE = 0.5
_MIN_SPREAD = 18.0  # standard deviation of grey levels: a flat picture is no photo
_K = np.arange(_THUMB)
_DCT = np.cos(np.pi * (2 * _K[None, :] + 1) * _K[:, None] / (2 * _THUMB))


def photo_hash(image: Image.Image) -> str | None:
    """The 32-hex-digit hash of a loaded image; None when it does not look like a photo."""
    if min(image.size) < MIN_SIDE // 8:  # decoded at reduced size: the caller checked the full size
        return None
    grey = image.convert("L")
    thumb = np.asarray(grey.resize((_THUMB, _THUMB), Image.Resampling.BILINEAR), dtype=np.float64)
    if (thumb >= _PAPER).mean() > _MAX_PAPER_SHARE or thumb.std() < _MIN_SPREAD:
        return None
    small = np.asarray(grey.resize((9, 8), Image.Resampling.BILINEAR), dtype=np.int16)
    difference = (small[:, 1:] > small[:, :-1]).ravel()
    low = (_DCT @ thumb @ _DCT.T)[:_DCT_KEEP, :_DCT_KEEP].ravel()
    frequency = low > np.median(low[1:])
    return np.packbits(np.concatenate((difference, frequency))).tobytes().hex()


def decode_reduced(image: Image.Image) -> Image.Image:
    """Ask the codec to decode at about 1/8 scale where it can (JPEG), then load."""
    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
    image.load()
    return image


def hash_image_bytes(data: bytes) -> str | None:
    """`photo_hash` of an encoded picture (JPEG, PNG …); None when it is small, no photo or unreadable."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if min(image.size) < MIN_SIDE:
                return None
            return photo_hash(decode_reduced(image))
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        return None


def distance(a: str, b: str) -> int:
    """Differing bits between two hashes."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def entry(value: str, page: int, index: int) -> dict[str, Any]:
    """How a hash is kept in an extraction's facts: with its page and its order among the file's photos."""
    return {"hash": value, "page": page, "index": index}
