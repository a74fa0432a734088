"""What the pictures of a file are: where each is shown, at what size, whether it is a photo, a scanned
page or decoration, and how sharp a photo is.

Measured once per file's bytes during extraction and kept in the cached extraction (facts
"pictures" for PDF and DOCX, "sharpness" for an image file), so checks read numbers and decode
nothing. A picture is listed as ``{"page", "size": [px wide, px high], "box": [x0, y0, x1, y1] in
points on the page, "key": the same key for the same image drawn again, "sharpness"}``; sharpness is
measured on photo-sized pictures only (the first `MAX_MEASURED` of a file) and is None where the
picture has too little structure to tell (a plain wall, the sky) or could not be decoded.

Sharpness: a blurred photo keeps its coarse edges but loses its fine detail, in every direction
(defocus) or in the direction of the shake (motion). On a grey copy at most `WORK_SIZE` pixels long
(what a reviewer sees on a screen), in tiles, the fine second differences are compared with the
coarse differences along four directions; tiles without coarse structure are left out, a high
percentile over the tiles keeps one sharp subject enough, and the weakest direction is the result.
About 0.7–2 for sharp photos (night streets, crowds, posters), 0.1–0.4 for blurred or shaken ones.
"""
from __future__ import annotations

import io
import math
from collections.abc import Iterable
from typing import Any

import numpy as np
from PIL import Image

WORK_SIZE = 1000  # a 12-megapixel phone photo (4000×3000) decodes at 1/4 scale to exactly this
MAX_MEASURED = 12
MAX_LISTED = 400
_TILE = 64
_STEP = 4  # coarse differences span 2 × _STEP pixels
_MIN_STRUCTURE = 6.0  # grey levels of coarse difference a tile needs to say anything about focus
_MIN_TILES = 3
_PERCENTILE = 90
_DIRECTIONS = ((0, 1), (1, 0), (1, 1), (1, -1))
# Photo-sized: shown at least 5 cm on its long side, not a strip (lines, banners), not a small square
# (seal, QR code, logo), and with enough pixels to be a picture of something.
_PHOTO_LONG_PT = 150.0
_PHOTO_SHORT_PT = 70.0
_STRIP_ASPECT = 3.5
_SQUARE_ASPECT = 1.12
_SQUARE_LONG_PT = 230.0
_PHOTO_MIN_PX = 100
# A scanned page: one picture over nearly all the page, in A-series proportions (photos are 4:3 or 3:2).
_SCAN_COVER = 0.85
_SCAN_ASPECTS = (1.37, 1.46)


def sharpness(image: Image.Image) -> float | None:
    """How sharp the picture is (see module doc); None when nothing in it shows focus."""
    grey = _grey(image)
    height, width = grey.shape
    tile = _TILE if min(height, width) >= 4 * _TILE else max(16, min(height, width) // 4)
    margin = _STEP
    inner_h, inner_w = height - 2 * margin, width - 2 * margin
    rows, cols = inner_h // tile, inner_w // tile
    if rows < 1 or cols < 1:
        return None
    twice = 2 * grey[margin:margin + inner_h, margin:margin + inner_w]
    judged: list[float] = []
    for dy, dx in _DIRECTIONS:
        def shifted(k: int, dy: int = dy, dx: int = dx) -> np.ndarray:
            return grey[margin + k * dy:margin + k * dy + inner_h, margin + k * dx:margin + k * dx + inner_w]
        fine = shifted(1) + shifted(-1)
        fine -= twice
        np.square(fine, out=fine)
        coarse = shifted(_STEP) - shifted(-_STEP)
        np.square(coarse, out=coarse)
        coarse *= 0.25
        fine_t = _tile_means(fine, rows, cols, tile)
        coarse_t = _tile_means(coarse, rows, cols, tile)
        structured = np.sqrt(coarse_t) >= _MIN_STRUCTURE
        if structured.sum() < _MIN_TILES:
            continue
        judged.append(float(np.percentile(np.sqrt(fine_t[structured] / coarse_t[structured]), _PERCENTILE)))
    return round(min(judged), 3) if len(judged) >= 2 else None


def _grey(image: Image.Image) -> np.ndarray:
    grey = image.convert("L")
    scale = max(grey.size) / WORK_SIZE
    if scale > 1:
        grey = grey.resize((max(1, round(grey.width / scale)), max(1, round(grey.height / scale))), Image.Resampling.BOX)
    return np.asarray(grey, dtype=np.float32)


def _tile_means(values: np.ndarray, rows: int, cols: int, tile: int) -> np.ndarray:
    return values[:rows * tile, :cols * tile].reshape(rows, tile, cols, tile).mean(axis=(1, 3))


def draft_for_measure(image: Image.Image) -> None:
    """Ask the codec (JPEG) to decode only the grey, at the smallest scale whose long side still covers WORK_SIZE."""
    scale = WORK_SIZE / max(image.size)
    if scale < 1:
        image.draft("L", (math.ceil(image.width * scale), math.ceil(image.height * scale)))


def measure_encoded(data: bytes) -> float | None:
    """The sharpness of an encoded photo; None when it cannot be decoded (EMF or WMF in a DOCX, damage)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            draft_for_measure(image)
            image.load()
            return sharpness(image)
    except Exception:  # any codec's failure: not measured
        return None


def is_photo_sized(box: Iterable[float], size: Iterable[int]) -> bool:
    """Whether a picture shown in `box` (points) with `size` pixels is the size of a photo."""
    x0, y0, x1, y1 = box
    shown_long, shown_short = max(x1 - x0, y1 - y0), min(x1 - x0, y1 - y0)
    if shown_short <= 0 or min(size) < _PHOTO_MIN_PX:
        return False
    aspect = shown_long / shown_short
    if shown_long < _PHOTO_LONG_PT or shown_short < _PHOTO_SHORT_PT or aspect > _STRIP_ASPECT:
        return False
    return not (aspect < _SQUARE_ASPECT and shown_long < _SQUARE_LONG_PT)


def is_scan(box: Iterable[float], size: Iterable[int], page_width: float, page_height: float) -> bool:
    """Whether a picture shown in `box` with `size` pixels is a whole scanned page."""
    x0, y0, x1, y1 = box
    width, height = size
    if page_width <= 0 or page_height <= 0 or min(width, height) <= 0:
        return False
    area = max(0.0, min(x1, page_width) - max(x0, 0.0)) * max(0.0, min(y1, page_height) - max(y0, 0.0))
    aspect = max(width, height) / min(width, height)
    return area >= _SCAN_COVER * page_width * page_height and _SCAN_ASPECTS[0] <= aspect <= _SCAN_ASPECTS[1]


def scan_dpi(picture: dict[str, Any]) -> int:
    """The resolution a scanned page was scanned at: its pixels over the inches it is shown at."""
    x0, y0, x1, y1 = picture["box"]
    width, height = picture["size"]
    return round(min(width / ((x1 - x0) / 72), height / ((y1 - y0) / 72)))


def picture(page: int, size: tuple[int, int], box: Iterable[float], key: str,
            measured: float | None = None) -> dict[str, Any]:
    return {"page": page, "size": list(size), "box": [round(v, 1) for v in box], "key": key, "sharpness": measured}
