"""Photos of the kinds a blur measure gets wrong, as a camera would give them, sharp or spoilt, and
the documents offices put photos in (a 图片说明 DOCX, an album PDF with a cover).

Each scene is drawn at the camera's size with a lens's slight softness and sensor noise, so that
"sharp" means what it means for a phone photo rather than for a vector drawing: a night street (dark,
a few bright lights), a plain wall (almost no texture), a poster (big text and blocks), a crowd
(many small heads), a street (buildings and windows). `spoil` then shakes or defocuses one.
"""
from __future__ import annotations

import io
import random
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pymupdf
from docx import Document
from docx.shared import Cm
from PIL import Image, ImageDraw, ImageFilter

from demo.images import cjk_font

Size = tuple[int, int]


def _camera(image: Image.Image, rng: random.Random, noise: float) -> Image.Image:
    """A lens's softness and the sensor's noise over a drawn scene."""
    soft = image.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(soft, dtype=np.float32)
    grain = np.random.default_rng(rng.getrandbits(32)).normal(0.0, noise, pixels.shape[:2])[..., None]
    return Image.fromarray(np.clip(pixels + grain, 0, 255).astype(np.uint8))


def night(rng: random.Random, size: Size = (1600, 1200)) -> Image.Image:
    """A street at night: dark buildings against a dark sky, lit windows and street lamps."""
    width, height = size
    image = Image.new("RGB", size, (10, 12, 22))
    draw = ImageDraw.Draw(image)
    x = 0
    while x < width:
        w = rng.randint(width // 10, width // 5)
        top = rng.randint(height // 5, height // 2)
        draw.rectangle((x, top, x + w, height), fill=(22, 22, 28))
        for wy in range(top + 20, height - 80, 36):
            for wx in range(x + 12, x + w - 20, 30):
                if rng.random() < 0.35:
                    draw.rectangle((wx, wy, wx + 14, wy + 18), fill=(230, 200, 120))
        x += w + rng.randint(0, 20)
    for lx in range(rng.randint(40, 120), width, rng.randint(260, 380)):
        draw.line((lx, height - 60, lx, height - 260), fill=(60, 60, 60), width=5)
        draw.ellipse((lx - 14, height - 280, lx + 14, height - 252), fill=(255, 240, 200))
    return _camera(image, rng, noise=3.0)


def wall(rng: random.Random, size: Size = (1600, 1200)) -> Image.Image:
    """A freshly painted wall filling the frame: an even colour, a soft fall of light, nothing else."""
    width, height = size
    base = np.array([rng.randint(180, 220), rng.randint(170, 205), rng.randint(150, 190)], dtype=np.float32)
    ramp = np.linspace(-18, 12, width, dtype=np.float32)[None, :, None] + np.linspace(-6, 6, height)[:, None, None]
    pixels = np.clip(base + ramp, 0, 255).astype(np.uint8)
    return _camera(Image.fromarray(pixels), rng, noise=2.0)


def poster(rng: random.Random, size: Size = (1200, 1600)) -> Image.Image:
    """A public-service poster photographed straight on: blocks of colour and big slogans."""
    width, height = size
    image = Image.new("RGB", size, (245, 240, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, height // 4), fill=(200, 30, 30))
    slogans = ("文明城市共建共享", "垃圾分类从我做起", "礼让斑马线", "志愿服务你我同行")
    font = cjk_font(width // 10)
    draw.text((width // 2, height // 8), rng.choice(slogans), font=font, fill=(255, 230, 80), anchor="mm")
    small = cjk_font(width // 22)
    for line in range(6):
        draw.text((width // 10, height // 3 + line * width // 12), rng.choice(slogans) * 2, font=small,
                  fill=(40, 40, 40))
    draw.ellipse((width // 3, height * 3 // 4, width * 2 // 3, height * 3 // 4 + width // 3), fill=(30, 120, 200))
    return _camera(image, rng, noise=2.5)


def crowd(rng: random.Random, size: Size = (1600, 1200)) -> Image.Image:
    """Volunteers in a square seen from a distance: many small heads and coloured vests."""
    width, height = size
    image = Image.new("RGB", size, (150, 150, 140))
    draw = ImageDraw.Draw(image)
    for _ in range(420):
        x, y = rng.randint(0, width), rng.randint(height // 4, height)
        r = 8 + (y * 14) // height
        draw.rectangle((x - r, y + r, x + r, y + 4 * r), fill=rng.choice(((220, 40, 40), (240, 200, 30), (40, 90, 200))))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(((30, 25, 20), (60, 45, 35), (20, 20, 20))))
    return _camera(image, rng, noise=3.0)


def street(rng: random.Random, size: Size = (1600, 1200)) -> Image.Image:
    """A street by day: façades with rows of windows, a road, a few cars."""
    width, height = size
    image = Image.new("RGB", size, (170, 200, 230))
    draw = ImageDraw.Draw(image)
    x = 0
    while x < width:
        w = rng.randint(width // 8, width // 4)
        top = rng.randint(height // 8, height // 3)
        shade = rng.randint(120, 200)
        draw.rectangle((x, top, x + w, height * 3 // 4), fill=(shade, shade - 10, shade - 25))
        for wy in range(top + 16, height * 3 // 4 - 30, 44):
            for wx in range(x + 10, x + w - 24, 34):
                draw.rectangle((wx, wy, wx + 18, wy + 26), fill=(60, 80, 100))
        x += w
    draw.rectangle((0, height * 3 // 4, width, height), fill=(80, 80, 85))
    for _ in range(5):
        cx = rng.randint(0, width - 200)
        draw.rectangle((cx, height * 4 // 5, cx + 180, height * 4 // 5 + 70), fill=rng.choice(((200, 30, 30), (240, 240, 240))))
    return _camera(image, rng, noise=2.5)


SCENES: dict[str, Callable[[random.Random], Image.Image]] = {
    "night": night, "wall": wall, "poster": poster, "crowd": crowd, "street": street,
}


def defocus(image: Image.Image, radius: float) -> Image.Image:
    """Out of focus: a Gaussian blur of `radius` pixels at the photo's own size."""
    return image.filter(ImageFilter.GaussianBlur(radius))


def shake(image: Image.Image, length: int, *, vertical: bool = False) -> Image.Image:
    """Camera shake: the average of the image moved over `length` pixels along one direction."""
    pixels = np.asarray(image.convert("RGB"), dtype=np.float32)
    total = np.zeros_like(pixels)
    for step in range(length):
        total += np.roll(pixels, step - length // 2, axis=0 if vertical else 1)
    return Image.fromarray((total / length).astype(np.uint8))


def jpeg(image: Image.Image, quality: int = 85, taken: datetime | None = None) -> bytes:
    """JPEG bytes; with `taken`, the phone's EXIF (camera and time taken) as well."""
    out = io.BytesIO()
    options: dict[str, object] = {"format": "JPEG", "quality": quality}
    if taken is not None:
        exif = Image.Exif()
        stamp = taken.strftime("%Y:%m:%d %H:%M:%S")
        exif[0x010F], exif[0x0110], exif[0x0132] = "Xiaomi", "2312DRA50C", stamp
        exif.get_ifd(0x8769)[0x9003] = stamp
        options["exif"] = exif
    image.convert("RGB").save(out, **options)
    return out.getvalue()


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def logo(size: int = 300) -> Image.Image:
    """A unit's round red emblem (what a seal or a logo looks like to a photo counter)."""
    image = Image.new("RGB", (size, size), "white")
    ImageDraw.Draw(image).ellipse((size // 15, size // 15, size - size // 15, size - size // 15), outline=(200, 0, 0),
                                  width=size // 16)
    return image


def qr_code(rng: random.Random, size: int = 200) -> Image.Image:
    image = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(image)
    cell = size // 20
    for x in range(0, size, cell):
        for y in range(0, size, cell):
            if rng.random() < 0.5:
                draw.rectangle((x, y, x + cell - 1, y + cell - 1), fill=0)
    return image


def picture_docx(path: Path, title: str, photos: Sequence[tuple[bytes, str]], *, with_logo: bool = True) -> Path:
    """A 图片说明 document: the unit's emblem and a title, then each photo with its caption under it."""
    document = Document()
    if with_logo:
        document.add_picture(io.BytesIO(png(logo())), width=Cm(2))
    document.add_paragraph(title)
    for photo, caption in photos:
        document.add_picture(io.BytesIO(photo), width=Cm(14))
        document.add_paragraph(caption)
    document.save(str(path))
    return path


def album_pdf(path: Path, title: str, photos: Sequence[tuple[bytes, str]], *, cover: bool = True) -> Path:
    """A cover (title, the unit's emblem, a QR code, a red rule), then one captioned photo per page with
    the emblem in the corner of every page, as offices bind photo collections."""
    out = pymupdf.open()
    emblem = png(logo())
    if cover:
        page = out.new_page(width=595, height=842)
        page.insert_text((100, 300), title, fontname="china-s", fontsize=22)
        page.insert_image(pymupdf.Rect(60, 330, 535, 335), stream=png(Image.new("RGB", (1200, 12), (200, 0, 0))))
        page.insert_image(pymupdf.Rect(250, 380, 345, 475), stream=emblem)
        page.insert_image(pymupdf.Rect(260, 600, 335, 675), stream=png(qr_code(random.Random(title))))
    for photo, caption in photos:
        page = out.new_page(width=595, height=842)
        page.insert_image(pymupdf.Rect(500, 20, 560, 80), stream=emblem)
        page.insert_image(pymupdf.Rect(80, 120, 515, 446), stream=photo)
        page.insert_text((80, 470), caption, fontname="china-s", fontsize=11)
    out.save(str(path), garbage=3, deflate=True, no_new_id=True)
    out.close()
    return path
