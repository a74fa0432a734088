"""Drawing official seals (公章) on page images, for the seal check's tests and the realistic corpus.

A seal as offices stamp it: a red ring (round, 42 mm; or oval, 40 × 30 mm), a five-pointed star,
the issuing body's name along the upper arc, drawn half-transparent so the text under it shows.
"""
from __future__ import annotations

import io
import math

import pymupdf
from PIL import Image, ImageDraw

from demo.images import cjk_font

SEAL_RED = (205, 25, 30, 175)


def seal_image(text: str, width_px: int, *, oval: bool = False, colour: tuple[int, int, int, int] = SEAL_RED,
               broken: bool = False) -> Image.Image:
    """An RGBA image of a seal `width_px` across (an oval one is 3/4 as tall as wide).

    `broken`: only the left third of the ring and no star, as a stamp pressed at an angle leaves it.
    """
    height_px = round(width_px * 0.75) if oval else width_px
    rx, ry = width_px / 2 - 2, height_px / 2 - 2
    seal = Image.new("RGBA", (width_px, height_px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    c = (width_px / 2, height_px / 2)
    ring = max(3, width_px // 28)
    if broken:
        draw.arc((c[0] - rx, c[1] - ry, c[0] + rx, c[1] + ry), 130, 230, fill=colour, width=ring)
        return seal
    draw.ellipse((c[0] - rx, c[1] - ry, c[0] + rx, c[1] + ry), outline=colour, width=ring)
    star = [(c[0] + rx * (0.28 if i % 2 == 0 else 0.11) * math.sin(i * math.pi / 5),
             c[1] - ry * (0.28 if i % 2 == 0 else 0.11) * math.cos(i * math.pi / 5)) for i in range(10)]
    draw.polygon(star, fill=colour)
    font = cjk_font(max(10, width_px // 11))
    span = math.radians(240)
    for index, char in enumerate(text):
        angle = -span / 2 + span * (index + 0.5) / max(len(text), 1)
        x = c[0] + rx * 0.74 * math.sin(angle)
        y = c[1] - ry * 0.74 * math.cos(angle)
        glyph = Image.new("RGBA", (font.size * 2, font.size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((font.size, font.size), char, font=font, fill=colour, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
        seal.alpha_composite(glyph, (int(x - font.size), int(y - font.size)))
    return seal


def stamp(image: Image.Image, centre: tuple[float, float], text: str, *, dpi: float, mm: float = 42.0,
          oval: bool = False, broken: bool = False) -> None:
    """Stamp a seal `mm` wide with its centre at `centre` (pixels) on a page image scanned at `dpi`."""
    seal = seal_image(text, round(mm / 25.4 * dpi), oval=oval, broken=broken)
    image.paste(seal, (round(centre[0] - seal.width / 2), round(centre[1] - seal.height / 2)), seal)


def seal_png(text: str, *, dpi: float = 200, mm: float = 42.0, oval: bool = False) -> bytes:
    """A seal as the transparent PNG an electronic-seal system places on an exported PDF."""
    out = io.BytesIO()
    seal_image(text, round(mm / 25.4 * dpi), oval=oval).save(out, "PNG")
    return out.getvalue()


def place_seal_on_pdf(page: pymupdf.Page, centre: tuple[float, float], text: str, *, mm: float = 42.0,
                      oval: bool = False) -> None:
    """Put an electronic seal image centred at `centre` (points) on a PDF page."""
    width = mm / 25.4 * 72
    height = width * (0.75 if oval else 1.0)
    rect = pymupdf.Rect(centre[0] - width / 2, centre[1] - height / 2, centre[0] + width / 2, centre[1] + height / 2)
    page.insert_image(rect, stream=seal_png(text, oval=oval))
