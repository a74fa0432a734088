"""Photos and scans with Pillow: pixel size, DPI, EXIF date and camera, GPS, perceptual hash; OCR comes later."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from index.document import Extraction, Page, Problem
from index.limits import Limits
from index.photo_hash import MIN_SIDE, entry, photo_hash
from index.pictures import draft_for_measure, sharpness

try:  # HEIC needs an optional plug-in; without it HEIC files are reported, not read.
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIC_SUPPORTED = True
except ImportError:
    HEIC_SUPPORTED = False

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME, _MAKE, _MODEL = 0x0132, 0x010F, 0x0110
_DATETIME_ORIGINAL = 0x9003


def extract(path: Path, ex: Extraction, limits: Limits) -> None:
    if ex.format == "heic" and not HEIC_SUPPORTED:
        ex.problems.append(Problem("unsupported", "HEIC 图片（苹果手机照片）在本机无法读取。请在手机或电脑上导出为 JPG 后再提交。"))
        return
    sizes: list[tuple[int, int]] = []
    try:
        with Image.open(path) as img:
            ex.facts.update(_facts(img))
            sizes = _frame_sizes(img, ex, limits)
            _decode_cheaply(img)
            if min(sizes[0]) >= MIN_SIDE and (value := photo_hash(img)):
                ex.facts["photo_hashes"] = [entry(value, 1, 1)]
            if len(sizes) == 1:
                measured = sharpness(img)
                if measured is not None:
                    ex.facts["sharpness"] = measured
    except (UnidentifiedImageError, Image.DecompressionBombError) as e:
        code, what = ("too_large", "像素数过大") if isinstance(e, Image.DecompressionBombError) else ("corrupt", "无法识别")
        ex.problems.append(Problem(code, f"图片{what}，无法读取。请用看图软件另存为 JPG 后再提交。"))
        return
    except (OSError, SyntaxError, ValueError):
        ex.problems.append(Problem("truncated", "图片文件不完整或已损坏，只能部分显示。请重新从相机或手机中导出后再提交。"))
    for number, (width, height) in enumerate(sizes or [(ex.facts.get("width", 0), ex.facts.get("height", 0))], 1):
        ex.pages.append(Page(number=number, width=width, height=height, has_text_layer=False, image_count=1))
    ex.facts["needs_ocr_pages"] = [p.number for p in ex.pages]


def _frame_sizes(img: Image.Image, ex: Extraction, limits: Limits) -> list[tuple[int, int]]:
    """Pixel sizes of the pages: a multi-page TIFF (a scanner's or fax's output) has one per frame;
    other formats, animated GIFs included, are one picture."""
    frames = getattr(img, "n_frames", 1) if ex.format == "tiff" else 1
    if frames > limits.max_pages:
        ex.problems.append(Problem(
            "too_many_pages", f"TIFF 图片共 {frames} 页，超过上限 {limits.max_pages} 页，只读取了前 {limits.max_pages} 页。"
            "请拆分为较小的文件后再提交。"))
        frames = limits.max_pages
    sizes = []
    for index in range(frames):
        img.seek(index)
        sizes.append(img.size)
    img.seek(0)
    return sizes


def _decode_cheaply(img: Image.Image) -> None:
    """Decode the whole image to find truncation (and to measure its sharpness and hash it), at the
    smallest scale the codec allows (JPEG) that still shows what a reviewer sees on a screen."""
    draft_for_measure(img)
    img.load()


def _facts(img: Image.Image) -> dict[str, Any]:
    facts: dict[str, Any] = {"width": img.width, "height": img.height, "mode": img.mode}
    dpi = img.info.get("dpi")
    if dpi and dpi[0]:
        facts["dpi"] = [round(float(dpi[0]), 1), round(float(dpi[1]), 1)]
    if getattr(img, "n_frames", 1) > 1:
        facts["frames"] = img.n_frames
    exif = img.getexif()
    if not exif:
        return facts
    taken = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    iso = _exif_date(taken)
    if iso:
        facts["taken"] = iso
    for key, tag in (("camera_make", _MAKE), ("camera_model", _MODEL)):
        value = exif.get(tag)
        if isinstance(value, str) and value.strip("\x00 "):
            facts[key] = value.strip("\x00 ")
    facts["has_gps"] = bool(exif.get_ifd(_GPS_IFD))
    return facts


def _exif_date(value: object) -> str | None:
    """'2024:05:01 09:30:00' → '2024-05-01T09:30:00'; None for blanks like '0000:00:00 00:00:00'."""
    if not isinstance(value, str) or len(value) < 19 or value.startswith("0000"):
        return None
    date, _, time = value.strip("\x00 ").partition(" ")
    parts = date.split(":")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    return f"{parts[0]}-{parts[1]}-{parts[2]}T{time[:8]}"
