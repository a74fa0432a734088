"""Lay an `OfficialDoc` out as PDF: a text PDF, or a scanned one (image-only pages).

Text PDFs use MuPDF's built-in simplified-Chinese font ("china-s"), so no font file is needed
and the text layer extracts as real characters. A page holds about 600 Chinese characters
(24 lines of 29), close to a printed 公文 page. A scanned PDF is the same layout rendered to a
bitmap, stamped with a red seal, slightly rotated and speckled like a photocopy, and embedded as
the only content of each page, so it has no text layer at all (OCR is the only way in).
"""
from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pymupdf
from PIL import Image, ImageChops, ImageDraw

from demo.images import cjk_font
from demo.texts import OfficialDoc, Paragraph, more_paragraphs

FONT = "china-s"
PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4 in points
LEFT, TOP = 79.0, 105.0  # GB/T 9704 margins: 28 mm left, 37 mm top
FONT_SIZE = 15.0
TABLE_FONT_SIZE = 11.0
LINE_HEIGHT = 26.0
CHARS_PER_LINE = 29
LINES_PER_PAGE = 24
BLACK, RED = (0, 0, 0), (0.88, 0, 0)
SCAN_DPI = 160  # above the 150 dpi offices ask of scans


@dataclass
class Line:
    text: str
    size: float = FONT_SIZE
    align: str = "left"  # left | center | right
    color: tuple[float, float, float] = BLACK
    rule: bool = False  # draw the red separator under this line (红头文件)


def _wrap(text: str, first_indent: int = 0, width: int = CHARS_PER_LINE) -> list[str]:
    """Break a paragraph into lines of `width` characters, the first one indented by `first_indent` spaces."""
    lines, room = [], width - first_indent
    while text:
        lines.append(text[:room])
        text, room = text[room:], width
    if first_indent and lines:
        lines[0] = "　" * first_indent + lines[0]
    return lines or [""]


def _paragraph_lines(paragraph: Paragraph) -> list[Line]:
    if paragraph.role == "annex":
        return [Line(""), *(Line(text, size=20, align="center") for text in _wrap(paragraph.text, width=20))]
    indent = 0 if paragraph.role == "field" else 2
    return [Line(text) for text in _wrap(paragraph.text, indent)]


def _head_lines(doc: OfficialDoc) -> list[Line]:
    out = []
    if doc.masthead:
        out.append(Line(doc.masthead, size=24, align="center", color=RED))
    if doc.docno:
        out.append(Line(doc.docno, align="center", rule=bool(doc.masthead)))
    out.append(Line(doc.title[:20], size=20, align="center"))
    if len(doc.title) > 20:
        out.append(Line(doc.title[20:], size=20, align="center"))
    if doc.recipients:
        out.extend(Line(text) for text in _wrap(doc.recipients))
    return out


def _table_lines(doc: OfficialDoc) -> list[Line]:
    if doc.table is None:
        return []
    rows = [doc.table.columns, *doc.table.rows]
    return [Line(text, size=TABLE_FONT_SIZE) for row in rows
            for text in _wrap("  ".join(row), width=int(CHARS_PER_LINE * FONT_SIZE / TABLE_FONT_SIZE))]


def _tail_lines(doc: OfficialDoc) -> list[Line]:
    return [Line(""), Line(doc.issuer, align="right"), Line(doc.date_text, align="right")]


def layout(doc: OfficialDoc, pages: int | None = None) -> list[list[Line]]:
    """The document's lines split into pages; with `pages`, prose is added or dropped to fill exactly that many."""
    head, tail = _head_lines(doc), _tail_lines(doc)
    body = [line for p in doc.body for line in _paragraph_lines(p)] + _table_lines(doc)
    if pages is not None:
        pages = max(1, pages)
        room = pages * LINES_PER_PAGE - len(head) - len(tail)
        extra = iter(more_paragraphs(doc, 8 * pages + 8))
        body = []
        blocks = [_paragraph_lines(p) for p in doc.body]
        while True:
            block = blocks.pop(0) if blocks else _paragraph_lines(next(extra))
            if len(body) + len(block) > room:
                break
            body.extend(block)
    lines = head + body + tail
    return [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]


@lru_cache(maxsize=1)
def _font() -> pymupdf.Font:
    return pymupdf.Font(FONT)


def _draw_page(page: pymupdf.Page, lines: list[Line]) -> None:
    """Runs of plain left-aligned lines go in one insert_text call each (the call, not the text, is costly).

    insert_text with the reserved name "china-s" references MuPDF's CJK font without embedding
    it, which keeps each file small and its text extractable.
    """
    right = PAGE_WIDTH - 74.0
    y = TOP
    run: list[str] = []
    run_y = y

    def flush() -> None:
        if any(run):
            page.insert_text((LEFT, run_y), run, fontsize=FONT_SIZE, fontname=FONT,
                             lineheight=LINE_HEIGHT / FONT_SIZE)
            run.clear()

    for line in lines:
        plain = line.align == "left" and line.size == FONT_SIZE and line.color == BLACK and not line.rule
        if plain:
            if not run:
                run_y = y
            run.append(line.text)
        else:
            flush()
            width = _font().text_length(line.text, fontsize=line.size)
            x = {"left": LEFT, "center": (PAGE_WIDTH - width) / 2, "right": right - width - 2 * line.size}[line.align]
            if line.text:
                page.insert_text((x, y), line.text, fontsize=line.size, fontname=FONT, color=line.color)
            if line.rule:
                page.draw_line((LEFT, y + 10), (right, y + 10), color=RED, width=1.5)
        y += LINE_HEIGHT + max(0.0, line.size - FONT_SIZE) + (12 if line.rule else 0)
    flush()


def _metadata(doc: OfficialDoc) -> dict[str, str]:
    stamp = f"D:{doc.date:%Y%m%d}090000+08'00'"
    return {"title": doc.title, "author": doc.issuer, "subject": doc.area, "keywords": doc.kind,
            "creator": "WPS 文字", "producer": "WPS 文字", "creationDate": stamp, "modDate": stamp}


def render_pdf(doc: OfficialDoc, pages: int | None = None) -> pymupdf.Document:
    pdf = pymupdf.open()
    for page_lines in layout(doc, pages):
        _draw_page(pdf.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT), page_lines)
    pdf.set_metadata(_metadata(doc))
    return pdf


def write_official_pdf(path: Path, doc: OfficialDoc, pages: int | None = None, *,
                       password: str | None = None) -> Path:
    """A text PDF of `doc`; `pages` fixes the page count (~600 characters each).

    With `password` the file is AES-256 encrypted and cannot be opened without it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = render_pdf(doc, pages)
    if password:
        pdf.save(str(path), garbage=3, deflate=True, encryption=pymupdf.PDF_ENCRYPT_AES_256,
                 owner_pw=password + "-owner", user_pw=password)
    else:
        pdf.save(str(path), garbage=3, deflate=True, no_new_id=True, reproducible=True)
    pdf.close()
    return path


def _seal(image: Image.Image, centre: tuple[int, int], radius: int, text: str) -> None:
    """A red round official seal (公章): ring, star and the issuer's name along the top arc.

    Drawn on a small transparent square and pasted onto the page through its own alpha.
    """
    size = 2 * radius + 8
    seal = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    c = size // 2
    red = (210, 20, 20, 170)
    draw.ellipse((c - radius, c - radius, c + radius, c + radius), outline=red, width=max(3, radius // 14))
    star = [(c + radius * (0.3 if i % 2 == 0 else 0.12) * math.sin(i * math.pi / 5),
             c - radius * (0.3 if i % 2 == 0 else 0.12) * math.cos(i * math.pi / 5)) for i in range(10)]
    draw.polygon(star, fill=red)
    font = cjk_font(max(10, radius // 5))
    span = math.radians(250)
    for index, char in enumerate(text):
        angle = -span / 2 + span * (index + 0.5) / len(text)
        x = c + radius * 0.74 * math.sin(angle)
        y = c - radius * 0.74 * math.cos(angle)
        glyph = Image.new("RGBA", (font.size * 2, font.size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((font.size, font.size), char, font=font, fill=red, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
        seal.alpha_composite(glyph, (int(x - font.size), int(y - font.size)))
    image.paste(seal, (centre[0] - c, centre[1] - c), seal)


def _photocopy(image: Image.Image, rng: random.Random) -> Image.Image:
    """Grey paper, speckle and a small skew, deterministic for the same generator."""
    noise = Image.frombytes("L", image.size, rng.randbytes(image.size[0] * image.size[1])).point(lambda v: v // 12)
    rgb = ImageChops.subtract(image, Image.merge("RGB", (noise, noise, noise)))
    return rgb.rotate(rng.uniform(-1.2, 1.2), resample=Image.Resampling.BILINEAR, fillcolor=(238, 238, 234))


def write_scanned_pdf(path: Path, doc: OfficialDoc, pages: int | None = None, *, seal: bool = True,
                      dpi: int = SCAN_DPI) -> Path:
    """An image-only PDF: each page is a photocopy-like scan of the laid-out document at `dpi`, sealed
    on the last page unless `seal` is off (a scan of an unsealed copy)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(doc.seed ^ 0x5CA7)
    source = render_pdf(doc, pages)
    scan = pymupdf.open()
    zoom = dpi / 72
    for number, page in enumerate(source):
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
        if seal and number == len(source) - 1:
            lines = layout(doc, pages)[-1]
            y = TOP + (len(lines) - 2) * LINE_HEIGHT
            _seal(image, (int((PAGE_WIDTH - 150) * zoom), int(y * zoom)), int(60 * zoom), doc.issuer)
        buffer = io.BytesIO()
        _photocopy(image, rng).save(buffer, format="JPEG", quality=72)
        target = scan.new_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
        target.insert_image(target.rect, stream=buffer.getvalue())
    source.close()
    scan.set_metadata({"creator": "Scanner", "producer": "Scanner",
                       "creationDate": f"D:{doc.date:%Y%m%d}150000+08'00'"})
    scan.save(str(path), garbage=3, deflate=True, no_new_id=True, reproducible=True)
    scan.close()
    return path
