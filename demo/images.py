"""Photos of campaign work (实景图片) drawn with Pillow, with or without a caption strip and EXIF.

Offices lose points on photos without captions (时间、地点、人物、事由), on blurry or tiny
photos and on photos taken outside the date window, so the demo needs each variant: a caption
burnt into the picture or none, an EXIF DateTimeOriginal or none, full size or low resolution.
Chinese text is drawn with MuPDF's built-in CJK font, so no system font is needed.
"""
from __future__ import annotations

import io
import random
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw, ImageFont

from demo.texts import area_of, person_name

EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003
DATETIME_DIGITIZED = 0x9004
DATETIME = 0x0132
MAKE, MODEL = 0x010F, 0x0110
PHOTO_SIZE = (1280, 960)
LOW_RES_SIZE = (320, 240)


@lru_cache(maxsize=16)
def cjk_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(pymupdf.Font("china-s").buffer), size)


def photo_caption(rng: random.Random, area: str, city: str, taken: datetime) -> str:
    """A caption in the 时间/地点/人物/事由 form the manuals ask for."""
    vocab = area_of(area)
    place = rng.choice(vocab.places).replace("{district}", rng.choice(("湖滨区", "城关区", "东湖区")))
    return (f"时间：{taken:%Y年%-m月%-d日}  地点：{city}{place}\n"
            f"人物：{vocab.lead_unit.removeprefix('市')}工作人员{person_name(rng)}等  事由：{rng.choice(vocab.activities)}")


def _scene(rng: random.Random, size: tuple[int, int], slogan: str) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.52, 0.62))
    top, bottom = (rng.randint(90, 140), rng.randint(150, 190), 235), (205, 225, 245)
    for y in range(horizon):
        t = y / horizon
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    x = 0
    while x < width:  # buildings along the horizon, with rows of windows
        w, h = rng.randint(width // 12, width // 6), rng.randint(height // 6, horizon - height // 12)
        shade = rng.randint(150, 215)
        draw.rectangle((x, horizon - h, x + w, horizon), fill=(shade, shade - 8, shade - 20))
        for wy in range(horizon - h + 12, horizon - 12, max(8, height // 40)):
            for wx in range(x + 8, x + w - 8, max(8, width // 60)):
                draw.rectangle((wx, wy, wx + max(3, width // 160), wy + max(3, height // 120)), fill=(90, 110, 140))
        x += w + rng.randint(0, width // 40)
    draw.rectangle((0, horizon, width, height), fill=(rng.randint(120, 150),) * 3)  # square or road
    for _ in range(rng.randint(3, 6)):  # trees
        tx, ty = rng.randint(0, width), horizon + rng.randint(0, height // 10)
        r = rng.randint(height // 25, height // 12)
        draw.rectangle((tx - r // 6, ty - r, tx + r // 6, ty + r), fill=(100, 70, 40))
        draw.ellipse((tx - r, ty - 2 * r, tx + r, ty), fill=(40, rng.randint(110, 150), 50))
    banner_h = max(14, height // 12)
    bx0, by0 = width // 8, horizon - banner_h - height // 20
    draw.rectangle((bx0, by0, width - width // 8, by0 + banner_h), fill=(200, 20, 30))
    draw.text((width // 2, by0 + banner_h // 2), slogan, font=cjk_font(int(banner_h * 0.7)),
              fill=(255, 240, 200), anchor="mm")
    for _ in range(rng.randint(6, 14)):  # people in red volunteer vests and others
        px = rng.randint(width // 20, width - width // 20)
        py = rng.randint(horizon + height // 12, height - height // 8)
        s = max(4, int(height / 30 * (0.6 + (py - horizon) / height)))
        vest = rng.choice(((210, 30, 30), (210, 30, 30), (40, 80, 170), (230, 200, 60)))
        draw.ellipse((px - s, py - 5 * s, px + s, py - 3 * s), fill=(235, 200, 170))
        draw.rectangle((px - int(1.4 * s), py - 3 * s, px + int(1.4 * s), py), fill=vest)
        draw.rectangle((px - s, py, px + s, py + 3 * s), fill=(50, 50, 60))
    return image


def _caption_strip(image: Image.Image, caption: str) -> None:
    """A translucent dark band at the bottom with the caption in white, as phone apps burn it in."""
    width, height = image.size
    lines = caption.splitlines()
    size = max(10, height // 32)
    strip = int(size * 1.6 * len(lines) + size)
    box = (0, height - strip, width, height)
    band = Image.blend(image.crop(box), Image.new("RGB", (width, strip)), 0.6)
    draw = ImageDraw.Draw(band)
    for index, line in enumerate(lines):
        draw.text((size, size // 2 + int(index * size * 1.6)), line, font=cjk_font(size), fill=(255, 255, 255))
    image.paste(band, box)


def _exif(taken: datetime) -> Image.Exif:
    exif = Image.Exif()
    stamp = taken.strftime("%Y:%m:%d %H:%M:%S")
    exif[MAKE], exif[MODEL], exif[DATETIME] = "HUAWEI", "ELE-AL00", stamp
    sub = exif.get_ifd(EXIF_IFD)
    sub[DATETIME_ORIGINAL] = sub[DATETIME_DIGITIZED] = stamp
    return exif


def write_photo(path: Path, *, rng: random.Random, area: str, caption: str | None = None,
                taken: datetime | None = None, size: tuple[int, int] = PHOTO_SIZE, quality: int = 85) -> Path:
    """A JPEG scene of `area` work; `caption` is burnt into a strip at the bottom, `taken` goes to EXIF.

    Without `taken` the file carries no EXIF at all (as after a chat app or screenshot).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image = _scene(rng, size, area_of(area).slogan)
    if caption:
        _caption_strip(image, caption)
    options: dict[str, object] = {"format": "JPEG", "quality": quality}
    if taken is not None:
        options["exif"] = _exif(taken)
    image.save(path, **options)
    return path

