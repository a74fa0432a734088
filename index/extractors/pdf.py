"""PDF with PyMuPDF: text blocks with positions per page, page sizes, images and the photos' hashes,
metadata, damage."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pymupdf
from PIL import Image

from index.document import Extraction, Page, Problem, TextBlock
from index.extractors.text_lines import join_wrapped_lines
from index.limits import Limits
from index.photo_hash import MAX_PHOTOS, MIN_SIDE, entry, hash_image_bytes
from index.pictures import (
    MAX_LISTED,
    MAX_MEASURED,
    is_photo_sized,
    is_scan,
    measure_encoded,
    picture,
    sharpness,
)

# A page with fewer characters than this and at least one image is taken as a scan.
_SCAN_TEXT_CHARS = 10
# Characters ordinary Chinese official text is made of: ASCII and Latin-1, general and CJK
# punctuation, letterlike symbols and number forms (℃, Ⅱ), circled numbers, box drawing, CJK
# compatibility (㎡), the common CJK block, full-width forms. A font without a ToUnicode map makes MuPDF
# report glyph ids as characters, which land mostly elsewhere (rare CJK extensions, symbols, U+FFFD).
_ORDINARY = re.compile(r"[\u0000-\u00ff\u2000-\u206f\u2100-\u21ff\u2460-\u24ff\u2500-\u25ff"
                       r"\u3000-\u303f\u3200-\u33ff\u4e00-\u9fff\uff00-\uffef\s]")
_GARBLED_SHARE = 0.3
_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?")

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def open_pdf(path: Path) -> pymupdf.Document:
    """Open by name, or from memory when the name is not valid UTF-8 (MuPDF takes only UTF-8
    names; a folder unzipped from an old PC can hold GBK-encoded names)."""
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return pymupdf.open(stream=path.read_bytes(), filetype="pdf")
    try:
        return pymupdf.open(path, filetype="pdf")
    except pymupdf.FileNotFoundError as e:  # PyMuPDF's own class is a RuntimeError, not an OSError
        raise FileNotFoundError(str(path)) from e


def extract(path: Path, ex: Extraction, limits: Limits) -> None:
    try:
        doc = open_pdf(path)
    except (pymupdf.FileDataError, RuntimeError, ValueError):
        ex.problems.append(Problem("corrupt", "PDF 文件已损坏，无法打开。请重新导出或扫描后再提交。"))
        return
    with doc:
        if doc.needs_pass:
            ex.facts["encrypted"] = True
            ex.problems.append(Problem(
                "encrypted", "PDF 文件设有打开密码，无法读取内容。请提交去除密码的版本。"))
            return
        if doc.is_repaired:
            ex.problems.append(Problem(
                "repaired", "PDF 文件结构有损坏，已尝试自动修复后读取，内容可能不完整。请重新导出后再提交。"))
        ex.facts.update(_metadata(doc))
        ex.facts["page_count"] = doc.page_count
        count = doc.page_count
        if count > limits.max_pages:
            ex.problems.append(Problem(
                "too_many_pages",
                f"PDF 共 {count} 页，超过上限 {limits.max_pages} 页，只读取了前 {limits.max_pages} 页。"
                "请拆分为较小的文件后再提交。"))
            count = limits.max_pages
        garbled: list[int] = []
        pictures: list[dict[str, object]] = []
        for index in range(count):
            page, page_garbled = _page(doc[index], index + 1)
            ex.pages.append(page)
            if page_garbled:
                garbled.append(page.number)
            if page.image_count and len(pictures) < MAX_LISTED:
                pictures += _pictures(doc, doc[index], page.number, pictures)
        if pictures:
            ex.facts["pictures"] = pictures[:MAX_LISTED]
        hashes = _photo_hashes(doc, ex.pages)
        if hashes:
            ex.facts["photo_hashes"] = hashes
    ex.facts["needs_ocr_pages"] = [p.number for p in ex.pages
                                   if not p.has_text_layer and (p.image_count or p.number in garbled)]
    if garbled:
        ex.facts["garbled_pages"] = garbled
        ex.problems.append(Problem(
            "garbled_text", f"第{_page_list(garbled)}页的文字层是乱码（字体缺少编码信息），复制或检索会得到错误文字；"
            "已转为按图像识别。请用原文件重新导出 PDF（嵌入字体）后再提交。", page=garbled[0]))
    if ex.size and not ex.pages:
        ex.problems.append(Problem("empty", "PDF 文件没有任何页面。请检查后重新导出。"))


def _page(page: pymupdf.Page, number: int) -> tuple[Page, bool]:
    """The page, and whether its text layer was garbage (then dropped, the page left for OCR)."""
    blocks: list[TextBlock] = []
    for x0, y0, x1, y1, raw, _no, kind in page.get_text("blocks"):
        if kind != 0:
            continue
        text = join_wrapped_lines(raw)
        if text:
            blocks.append(TextBlock(
                text=text, page=number, location=f"第{number}页",
                bbox=(round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1))))
    text = "\n".join(b.text for b in blocks)
    image_count = len(page.get_images())
    rect = page.rect
    if is_garbled(text):
        return Page(number=number, width=round(rect.width, 1), height=round(rect.height, 1),
                    has_text_layer=False, image_count=image_count), True
    has_text = len(text.strip()) >= _SCAN_TEXT_CHARS or (bool(text.strip()) and not image_count)
    return Page(number=number, text=text, width=round(rect.width, 1), height=round(rect.height, 1),
                has_text_layer=has_text, image_count=image_count, blocks=blocks), False


def _photo_hashes(doc: pymupdf.Document, pages: list[Page]) -> list[dict[str, object]]:
    """Hashes of the photos placed on pages with a text layer (a 图片说明 or an album with captions).

    Scanned pages are left out (their page image is a scan, not a photo), and so are small
    pictures and pictures with a transparency mask (seals, logos); each picture is read once.
    """
    out: list[dict[str, object]] = []
    seen: set[int] = set()
    for page in pages:
        if not (page.has_text_layer and page.image_count):
            continue
        for xref, smask, width, height, *_rest in doc[page.number - 1].get_images(full=True):
            if xref in seen or smask or min(width, height) < MIN_SIDE or len(out) >= MAX_PHOTOS:
                continue
            seen.add(xref)
            try:
                data = doc.extract_image(xref).get("image", b"")
            except (RuntimeError, ValueError):
                continue
            value = hash_image_bytes(data)
            if value:
                out.append(entry(value, page.number, len(out) + 1))
    return out


def _pictures(doc: pymupdf.Document, page: pymupdf.Page, number: int,
              earlier: list[dict[str, object]]) -> list[dict[str, object]]:
    """Every picture drawn on the page (see index.pictures), photo-sized ones measured for sharpness."""
    candidates: dict[tuple[int, int], list[tuple[int, str, int]]] = {}
    for item in page.get_images(full=True):
        xref, width, height, codec = item[0], item[2], item[3], item[8]
        candidates.setdefault((width, height), []).append((xref, codec, len(doc.xref_stream_raw(xref))))
    measured = sum(1 for p in earlier if p["sharpness"] is not None)
    out = []
    for info in page.get_image_info():
        size = (info["width"], info["height"])
        box = tuple(info["bbox"])
        same_size = candidates.get(size, [])
        match = min(same_size, key=lambda c: abs(c[2] - info["size"]), default=None)
        key = f"x{match[0]}" if match else f"{size[0]}x{size[1]}:{info['size']}"
        seen = next((p for p in [*earlier, *out] if p["key"] == key), None)
        value = None
        if seen is not None:
            value = seen["sharpness"]
        elif (match and measured < MAX_MEASURED and is_photo_sized(box, size)
              and not is_scan(box, size, page.rect.width, page.rect.height)):
            value = _measure_xref(doc, match[0], match[1])
            measured += value is not None
        out.append(picture(number, size, box, key, value))
    return out


def _measure_xref(doc: pymupdf.Document, xref: int, codec: str) -> float | None:
    try:
        if codec == "DCTDecode":  # JPEG: Pillow decodes it at a reduced scale
            return measure_encoded(doc.xref_stream_raw(xref))
        pixmap = pymupdf.Pixmap(doc, xref)
        if pixmap.alpha:
            pixmap = pymupdf.Pixmap(pixmap, 0)
        if pixmap.n != 1:
            pixmap = pymupdf.Pixmap(pymupdf.csGRAY, pixmap)
        return sharpness(Image.frombytes("L", (pixmap.width, pixmap.height), pixmap.samples))
    except (RuntimeError, ValueError):  # an image MuPDF cannot decode is not measured
        return None


def is_garbled(text: str) -> bool:
    """Whether a page's text is mostly characters no official document is written in."""
    chars = "".join(text.split())
    if len(chars) < _SCAN_TEXT_CHARS:
        return False
    unusual = len(chars) - len(_ORDINARY.findall(chars))
    return unusual / len(chars) > _GARBLED_SHARE


def _page_list(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:10])
    return shown + ("等" if len(numbers) > 10 else "")


def _metadata(doc: pymupdf.Document) -> dict[str, object]:
    meta = doc.metadata or {}
    facts: dict[str, object] = {}
    for key in ("title", "author", "producer", "creator", "subject"):
        if meta.get(key):
            facts[key] = meta[key].strip()
    for key, fact in (("creationDate", "created"), ("modDate", "modified")):
        iso = parse_pdf_date(meta.get(key) or "")
        if iso:
            facts[fact] = iso
    return facts


def parse_pdf_date(value: str) -> str | None:
    """'D:20190312083000+08'00'' → '2019-03-12T08:30:00+08:00'; None when unparseable."""
    m = _PDF_DATE.fullmatch(value.strip())
    if not m:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    month, day = month or "01", day or "01"
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    iso = f"{year}-{month}-{day}T{hour or '00'}:{minute or '00'}:{second or '00'}"
    if zone in ("Z", "z"):
        iso += "Z"
    elif zone:
        digits = zone.replace("'", "")
        iso += f"{digits[:3]}:{digits[3:5]}"
    return iso
