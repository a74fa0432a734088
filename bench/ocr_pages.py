"""Dense A4 pages of known Chinese text as scans (image-only PDFs), for the OCR bench.

Each document is two pages of a 正式发文 laid out densely (12 pt body, about 1,300 characters a
page): page 1 a 红头 (red masthead, 文号, red rule), title, 主送 and body; page 2 more body, a ruled
table and the 落款 with a red seal over it. The documents are printed at 200 dpi and embedded as
the only content of their pages, in four conditions: clean, photocopied (grey speckle, JPEG),
skewed (±1.5°, speckle, JPEG) and one with its second page upside down. The text drawn, line by
line, is the truth the bench compares OCR against.
"""
from __future__ import annotations

import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pymupdf
from PIL import Image, ImageChops

from demo.texts import OfficialDoc, make_docno, make_document, more_paragraphs
from demo.vocabulary import AREAS
from tests.seals import stamp

FONT = "china-s"
WIDTH, HEIGHT = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 64.0, 531.0, 70.0, 800.0
BODY = 12.0
LEADING = 18.5
PRINT_DPI = 200
RED = (0.85, 0.0, 0.0)
CONDITIONS = ("clean", "photocopy", "skewed", "upside-down")


@dataclass
class BenchDocument:
    path: Path
    condition: str
    pages: list[str]  # the text drawn on each page, line by line


class _Page:
    """Draws lines top-down on a PDF page and remembers what it drew."""

    def __init__(self, page: pymupdf.Page) -> None:
        self.page, self.y, self.lines = page, TOP, []
        self.font = pymupdf.Font(FONT)

    def room(self, size: float = BODY) -> bool:
        return self.y + size * 1.5 < BOTTOM

    def line(self, text: str, size: float = BODY, align: str = "left", color: tuple[float, ...] = (0, 0, 0),
             x: float | None = None) -> None:
        width = self.font.text_length(text, fontsize=size)
        if x is None:
            x = {"left": LEFT, "center": (WIDTH - width) / 2, "right": RIGHT - width - size}[align]
        self.y += size * (LEADING / BODY)
        self.page.insert_text((x, self.y), text, fontsize=size, fontname=FONT, color=color)
        self.lines.append(text)

    def paragraph(self, text: str) -> str:
        """Wrap `text` (first line indented two characters) as far as the page goes; returns the rest."""
        per_line = int((RIGHT - LEFT) / BODY)
        first = True
        while text and self.room():
            room = per_line - (2 if first else 0)
            chunk, text = text[:room], text[room:]
            self.line(("　　" if first else "") + chunk)
            first = False
        return text

    def table(self, columns: list[str], rows: list[list[str]], size: float = 10.5) -> None:
        """A ruled table; cells are cut to their column's width (what is drawn is what is recorded)."""
        widths = [max(len(c), *(len(r[i]) for r in rows)) + 1 for i, c in enumerate(columns)]
        fits = [max(2, int(w * (RIGHT - LEFT) / sum(widths) / size) - 1) for w in widths]
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w * (RIGHT - LEFT) / sum(widths))
        rows = [[cell[:fit] for cell, fit in zip(row, fits, strict=True)] for row in [columns, *rows]]
        height = size * 2.0
        top = self.y + 8
        for r, row in enumerate(rows):
            y0 = top + r * height
            self.page.draw_line((xs[0], y0), (xs[-1], y0), width=0.6)
            for i, cell in enumerate(row):
                self.page.insert_text((xs[i] + 3, y0 + height * 0.68), cell, fontsize=size, fontname=FONT)
            self.lines.append("".join(row))
        bottom = top + len(rows) * height
        self.page.draw_line((xs[0], bottom), (xs[-1], bottom), width=0.6)
        for x in xs:
            self.page.draw_line((x, top), (x, bottom), width=0.6)
        self.y = bottom + 6


def _prose(rng: random.Random, doc: OfficialDoc, area: str, day: date) -> Iterator[str]:
    """The notice's body, then paragraphs of other documents on the same area, without end."""
    yield from (p.text for p in doc.body if p.role == "body")
    while True:
        other = make_document(rng, rng.choice(("工作方案", "情况说明")), area, "北湖市", day, None)
        yield from (p.text for p in other.body if p.role in ("body", "h1", "h2"))
        yield from (p.text for p in more_paragraphs(other, 6))


def _document(rng: random.Random, index: int) -> tuple[pymupdf.Document, list[str], str, float]:
    """A two-page 正式发文; returns the PDF, each page's text, the issuer and the 落款's y."""
    area = list(AREAS)[index % len(AREAS)]
    day = date(2025, 9, 1) + timedelta(days=rng.randint(0, 300))
    doc = make_document(rng, "通知", area, "北湖市", day, make_docno("北湖市", "文明办", day.year, rng.randint(1, 99)))
    ledger = make_document(rng, "台账", area, "北湖市", day, None)
    assert ledger.table is not None and doc.masthead is not None
    prose = _prose(rng, doc, area, day)
    pdf = pymupdf.open()

    first = _Page(pdf.new_page(width=WIDTH, height=HEIGHT))
    first.line(doc.masthead, size=22, align="center", color=RED)
    first.line(doc.docno or "", align="center")
    first.page.draw_line((LEFT, first.y + 8), (RIGHT, first.y + 8), color=RED, width=1.5)
    first.y += 10
    first.line(doc.title[:24], size=16, align="center")
    if len(doc.title) > 24:
        first.line(doc.title[24:], size=16, align="center")
    first.line(doc.recipients or "")
    rest = ""
    while first.room():
        rest = first.paragraph(rest or next(prose))

    second = _Page(pdf.new_page(width=WIDTH, height=HEIGHT))
    rest = second.paragraph(rest) if rest else ""
    for _ in range(4):
        second.paragraph(next(prose))
    second.table(ledger.table.columns[:5], [row[:5] for row in ledger.table.rows[:6]])
    while second.y < BOTTOM - 120:
        second.paragraph(next(prose)[: int((BOTTOM - 120 - second.y) / LEADING) * 38])
    second.y += 10
    second.line(doc.issuer, align="right")
    seal_y = second.y
    second.line(doc.date_text, align="right")
    return pdf, [" ".join(first.lines), " ".join(second.lines)], doc.issuer, seal_y


def _print(pdf: pymupdf.Document, condition: str, issuer: str, seal_y: float, rng: random.Random) -> pymupdf.Document:
    """Print each page at PRINT_DPI, seal the last, age it as `condition` says; an image-only PDF."""
    scan = pymupdf.open()
    zoom = PRINT_DPI / 72
    for number, page in enumerate(pdf):
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples).convert("RGBA")
        if number == len(pdf) - 1:
            stamp(image, ((RIGHT - 90) * zoom, seal_y * zoom), issuer, dpi=PRINT_DPI)
        image = image.convert("RGB")
        if condition != "clean":
            noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height)).point(lambda v: v // 10)
            image = ImageChops.subtract(image, Image.merge("RGB", (noise, noise, noise)))
        if condition == "skewed":
            image = image.rotate(rng.choice((-1.5, 1.5)), resample=Image.Resampling.BILINEAR, fillcolor=(236, 236, 232))
        if condition == "upside-down" and number == 1:
            image = image.rotate(180)
        out = io.BytesIO()
        if condition == "clean":
            image.save(out, "PNG")
        else:
            image.save(out, "JPEG", quality=75)
        target = scan.new_page(width=WIDTH, height=HEIGHT)
        target.insert_image(target.rect, stream=out.getvalue())
    return scan


def make_bench_documents(folder: Path, count: int = 4, seed: int = 16) -> list[BenchDocument]:
    """`count` two-page scanned 正式发文 in `folder`, cycling through CONDITIONS."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    documents = []
    for index in range(count):
        condition = CONDITIONS[index % len(CONDITIONS)]
        pdf, pages, issuer, seal_y = _document(rng, index)
        scan = _print(pdf, condition, issuer, seal_y, rng)
        path = folder / f"{index + 1:02d}-{condition}.pdf"
        scan.save(str(path), garbage=3, deflate=True)
        documents.append(BenchDocument(path, condition, pages))
    return documents

