"""Finding red seals (公章) on a page: render it small, mask the red, keep the ring-shaped blobs.

A 公章 is a red ring 35–45 mm across (an oval one about 40 × 30 mm) with a star and the issuer's
name inside. The page is rendered at `MEASURE_DPI` (a seal is then about 100 pixels wide), red is
taken in HSV (hue near 0°, saturated, not dark), and the red pixels are grouped into blobs. A blob of
seal size whose pixels run round the rim of its box, in most directions from its centre, is a seal;
a blob of seal size that does not (a smudged or half-printed stamp, a red emblem) is a mark the
rule reports as uncertain. The red 发文机关标志 (红头) and its separator line are red too, but
they are lines of characters and a rule, never a ring.

A scan that holds no colour at all (saved in grey or black and white) cannot show a red seal; the
measure says so rather than claim there is none.

The result depends only on the file's bytes and the page, so it is cached by the file's SHA-256
(index.cache, kind "seal"): a re-check costs one small read per document.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pymupdf
from PIL import Image, UnidentifiedImageError

from index.cache import ExtractionCache
from index.extractors.pdf import open_pdf

MEASURE_DPI = 60
MEASURE_VERSION = 1  # bump when the measurement changes, so cached measures are redone
_CACHE_KIND = f"seal-v{MEASURE_VERSION}"
_MM_PER_INCH = 25.4
_A4_WIDTH_MM = 210.0  # a photographed or scanned page image is taken to be A4 wide
_SEAL_MM = (22.0, 65.0)  # a seal's width and height lie in this range
_MAX_ASPECT = 1.7  # an oval seal is 40 × 30 mm; a line of red characters is far wider than tall
_RING_BAND = (0.72, 1.08)  # where a ring's pixels lie, as a share of the box's half-axes
_SECTORS = 36
_RING_COVERAGE = 0.7  # share of directions in which the rim is red
_MAX_FILL = 0.75  # a filled red disc or block is not a stamp
_GREY_SPREAD = 3  # channel spread (0–255) up to which a pixel has no colour (a grey scan saved as RGB)
_COLOUR_SHARE = 0.0005  # a page with fewer coloured pixels than this share is a grey scan


@dataclass(frozen=True)
class PageSeals:
    """What the red on one page looks like. Boxes are in the extraction's units (PDF points, or
    pixels of an image file), so they compare with the text blocks' boxes."""

    seals: tuple[tuple[float, float, float, float], ...] = ()
    marks: tuple[tuple[float, float, float, float], ...] = ()  # seal-sized red that is not a clear ring
    grey: bool = False  # a raster page without any colour: a red seal could not be seen
    unit_per_mm: float = 72 / _MM_PER_INCH
    scanned: bool = False  # the page is a scan or a photo (one image over it), not an exported page

    def to_json(self) -> dict[str, Any]:
        return {"seals": [list(b) for b in self.seals], "marks": [list(b) for b in self.marks], "grey": self.grey,
                "unit_per_mm": self.unit_per_mm, "scanned": self.scanned}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageSeals:
        return cls(tuple(tuple(b) for b in data["seals"]), tuple(tuple(b) for b in data["marks"]),  # type: ignore[misc]
                   bool(data["grey"]), float(data["unit_per_mm"]), bool(data["scanned"]))


def page_seals(path: str, sha256: str, fmt: str, page: int, cache: ExtractionCache | None) -> PageSeals | None:
    """The red seals on `page` (1-based) of the PDF or image at `path`; None when it cannot be read."""
    key = f"{sha256}-{page}"
    if cache is not None and sha256:
        stored = cache.get_entry(_CACHE_KIND, sha256)
        if stored is not None and key in stored:
            return PageSeals.from_json(stored[key])
    try:
        measured = _measure_pdf(Path(path), page) if fmt == "pdf" else _measure_image(Path(path), page)
    except (OSError, RuntimeError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        return None  # unreadable files are reported by the file-quality rules
    if measured is not None and cache is not None and sha256:
        stored = cache.get_entry(_CACHE_KIND, sha256) or {}
        cache.put_entry(_CACHE_KIND, sha256, {**stored, key: measured.to_json()})
    return measured


def _measure_pdf(path: Path, number: int) -> PageSeals | None:
    with open_pdf(path) as doc:
        if doc.needs_pass or not 1 <= number <= doc.page_count:
            return None
        page = doc[number - 1]
        pix = page.get_pixmap(dpi=MEASURE_DPI, colorspace=pymupdf.csRGB, alpha=False)
        rgb = np.frombuffer(pix.samples_mv, dtype=np.uint8).reshape(pix.height, pix.width, 3)  # pix outlives rgb here
        raster = _raster_share(page) > 0.5
        grey_images = raster and all(image[5] in _GREY_SPACES for image in page.get_images())
    scale = 72 / MEASURE_DPI  # points per pixel
    return _measure(rgb, scale, 72 / _MM_PER_INCH, raster, grey_images)


_GREY_SPACES = frozenset({"DeviceGray", "CalGray", "Indexed", ""})  # "": a 1-bit image mask


def _raster_share(page: pymupdf.Page) -> float:
    """How much of the page its images cover (a scanned page is one image over all of it)."""
    if not page.get_images():
        return 0.0
    area = abs(page.rect) or 1.0
    covered = sum(abs(pymupdf.Rect(info["bbox"]) & page.rect) for info in page.get_image_info())
    return covered / area


def _measure_image(path: Path, number: int) -> PageSeals | None:
    with Image.open(io.BytesIO(path.read_bytes())) as img:
        if number > 1:
            img.seek(number - 1)
        width = img.size[0]
        target = _A4_WIDTH_MM / _MM_PER_INCH * MEASURE_DPI
        img.draft("RGB", (int(target), int(target * img.size[1] / max(width, 1))))  # JPEG decodes smaller
        small = img.convert("RGB")
        factor = target / small.size[0]
        if factor < 1:
            small = small.resize((round(small.size[0] * factor), round(small.size[1] * factor)),
                                 Image.Resampling.BOX)
        rgb = np.asarray(small)
    scale = width / rgb.shape[1]  # original pixels per measured pixel
    return _measure(rgb, scale, width / _A4_WIDTH_MM, True)


def _measure(rgb: np.ndarray, scale: float, unit_per_mm: float, raster: bool, grey_images: bool = False) -> PageSeals:
    """`scale`: the extraction's units per measured pixel; `raster`: the page is a scan or photo;
    `grey_images`: its images are stored without colour."""
    if raster and (grey_images or _coloured(rgb) < _COLOUR_SHARE * rgb.shape[0] * rgb.shape[1]):
        return PageSeals(grey=True, unit_per_mm=unit_per_mm, scanned=True)
    mask = red_mask(rgb)
    if not mask.any():
        return PageSeals((), (), False, unit_per_mm, raster)
    px_per_mm = unit_per_mm / scale

    def seal_sized(box: tuple[int, int, int, int]) -> bool:
        width_mm, height_mm = (box[2] - box[0]) / px_per_mm, (box[3] - box[1]) / px_per_mm
        return (_SEAL_MM[0] <= width_mm <= _SEAL_MM[1] and _SEAL_MM[0] <= height_mm <= _SEAL_MM[1]
                and max(width_mm, height_mm) / min(width_mm, height_mm) <= _MAX_ASPECT)

    seals, marks = [], []
    for (x0, y0, x1, y1), pixels in _blobs(_grown(mask), seal_sized):
        own = mask[y0:y1, x0:x1] & pixels
        place = tuple(round(v * scale, 1) for v in (x0, y0, x1, y1))
        (seals if _ring_like(own) else marks).append(place)
    return PageSeals(tuple(seals), tuple(marks), False, unit_per_mm, raster)  # type: ignore[arg-type]


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """Pixels of seal red in an RGB image (see `_red`). Only pixels whose red channel stands above
    the other two are weighed exactly, so a white page with black text costs two comparisons."""
    r8, g8, b8 = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    candidates = (r8 > g8) & (r8 > b8) & (r8 >= 90)  # necessary for `_red`: red is strictly the largest
    mask = np.zeros(candidates.shape, dtype=bool)
    where = np.nonzero(candidates)
    if len(where[0]):
        r, g, b = (channel[where].astype(np.int16) for channel in (r8, g8, b8))
        mask[where] = _red(r, g, b, np.maximum(np.maximum(r, g), b), np.minimum(np.minimum(r, g), b))
    return mask


def _coloured(rgb: np.ndarray) -> int:
    """How many pixels have any colour (channel spread above `_GREY_SPREAD`)."""
    high = np.maximum(np.maximum(rgb[..., 0], rgb[..., 1]), rgb[..., 2])
    low = np.minimum(np.minimum(rgb[..., 0], rgb[..., 1]), rgb[..., 2])
    return int(np.count_nonzero(high - low > _GREY_SPREAD))  # uint8: high ≥ low, no wrap-around


def _red(r: np.ndarray, g: np.ndarray, b: np.ndarray, high: np.ndarray, low: np.ndarray) -> np.ndarray:
    """HSV red: red is the largest channel, hue within 20° of 0°, saturation ≥ 0.3, value ≥ 0.35.

    In integers: hue = 60° · (g − b) / chroma, so |hue| ≤ 20° is 3 · |g − b| ≤ chroma.
    """
    chroma = high - low
    return ((r == high) & (3 * np.abs(g - b) <= chroma) & (10 * chroma >= 3 * high) & (high >= 90)
            & (chroma > 0))


def _grown(mask: np.ndarray) -> np.ndarray:
    """The mask grown by one pixel each way, so a ring broken by black text stays one blob."""
    out = mask.copy()
    out[1:, :] |= mask[:-1, :]
    out[:-1, :] |= mask[1:, :]
    grown = out.copy()
    grown[:, 1:] |= out[:, :-1]
    grown[:, :-1] |= out[:, 1:]
    return grown


def _blobs(mask: np.ndarray, keep: Callable[[tuple[int, int, int, int]], bool]) -> list[tuple[tuple[int, int, int, int], np.ndarray]]:
    """Connected blobs of the mask (8-connected) whose box (x0, y0, x1, y1) `keep` accepts, with the
    blob's own pixels within that box.

    Labelled by runs, in whole-array operations: each row's runs of set pixels are joined to the
    touching runs of the row above, and the labels are settled by propagating the smallest label
    along those joins with pointer jumping, so the cost follows the number of runs, not pixels, and
    no Python loop runs per row or per run.
    """
    if not mask.any():
        return []
    height, width = mask.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # row-major order: the i-th end closes the i-th start
    count = len(rows)
    if not count:
        return []
    span = width + 2
    # Runs of the row above that touch run i: their end ≥ start_i and their start ≤ end_i.
    lo = np.searchsorted(rows * span + ends, (rows - 1) * span + starts, side="left")
    hi = np.searchsorted(rows * span + starts, (rows - 1) * span + ends, side="right")
    reach = np.maximum(hi - lo, 0)
    pairs_a = np.repeat(np.arange(count), reach)
    pairs_b = np.repeat(lo, reach) + (np.arange(reach.sum()) - np.repeat(np.cumsum(reach) - reach, reach))
    label = np.arange(count)
    while True:
        low = np.minimum(label[pairs_a], label[pairs_b])
        before = label.copy()
        np.minimum.at(label, pairs_a, low)
        np.minimum.at(label, pairs_b, low)
        label = label[label]  # pointer jumping: a run takes its label's label
        if np.array_equal(label, before):
            break
    order = np.argsort(label, kind="stable")
    firsts = np.concatenate(([0], np.flatnonzero(np.diff(label[order])) + 1))
    boxes = zip(np.minimum.reduceat(starts[order], firsts), np.minimum.reduceat(rows[order], firsts),
                np.maximum.reduceat(ends[order], firsts), np.maximum.reduceat(rows[order], firsts) + 1, strict=True)
    out = []
    for members, box in zip(np.split(order, firsts[1:]), boxes, strict=True):
        x0, y0, x1, y1 = (int(v) for v in box)
        if not keep((x0, y0, x1, y1)):
            continue
        pixels = np.zeros((y1 - y0, x1 - x0), dtype=bool)
        for i in members:
            pixels[rows[i] - y0, starts[i] - x0:ends[i] - x0] = True
        out.append(((x0, y0, x1, y1), pixels))
    return out


def _ring_like(pixels: np.ndarray) -> bool:
    """Red runs round the rim of the box in most directions, and does not fill it."""
    height, width = pixels.shape
    ys, xs = np.nonzero(pixels)
    if not len(xs):
        return False
    cx, cy = (width - 1) / 2, (height - 1) / 2
    dx, dy = (xs - cx) / (width / 2), (ys - cy) / (height / 2)
    radius = np.hypot(dx, dy)
    on_rim = (radius >= _RING_BAND[0]) & (radius <= _RING_BAND[1])
    sectors = ((np.arctan2(dy[on_rim], dx[on_rim]) + np.pi) / (2 * np.pi) * _SECTORS).astype(int) % _SECTORS
    counts = np.bincount(sectors, minlength=_SECTORS)
    covered = np.count_nonzero(counts >= 2) / _SECTORS
    fill = len(xs) / (np.pi * width * height / 4)
    return covered >= _RING_COVERAGE and fill <= _MAX_FILL
