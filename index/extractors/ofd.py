"""OFD (GB/T 33190): a zip of XML. Text per page from TextObject/TextCode, and seals or signatures."""
from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from index.document import Extraction, Page, Problem, TextBlock
from index.extractors.zip_guard import open_checked_zip
from index.limits import Limits

_MM_TO_PT = 72 / 25.4


def extract(path: Path, ex: Extraction, limits: Limits) -> None:
    archive = open_checked_zip(path, ex, limits)
    if archive is None:
        return
    with archive:
        names = archive.namelist()
        lowered = [n.lower() for n in names]
        ex.facts["has_signature"] = any(n.endswith(("signatures.xml", "signature.xml")) for n in lowered)
        ex.facts["has_seal"] = any(n.endswith(".esl") or "seal" in posixpath.basename(n) for n in lowered)
        ex.facts["needs_ocr_pages"] = []
        try:
            _read_pages(archive, ex, limits)
        except (ET.ParseError, KeyError, zipfile.BadZipFile, ValueError):
            ex.problems.append(Problem("corrupt", "OFD 文件内部结构已损坏，无法读取文字。请用 OFD 阅读器重新导出后再提交。"))
            return
    ex.facts["page_count"] = len(ex.pages)
    ex.facts["needs_ocr_pages"] = [p.number for p in ex.pages if not p.has_text_layer and p.image_count]


def _read_pages(archive: zipfile.ZipFile, ex: Extraction, limits: Limits) -> None:
    root = ET.fromstring(archive.read("OFD.xml"))
    doc_root = _first_text(root, "DocRoot")
    if not doc_root:
        raise ValueError("OFD.xml names no DocRoot")
    doc_path = _resolve("", doc_root)
    document = ET.fromstring(archive.read(doc_path))
    width, height = _box(_first_text(document, "PhysicalBox"))
    page_refs = [el.get("BaseLoc", "") for el in document.iter() if _local(el.tag) == "Page" and el.get("BaseLoc")]
    if len(page_refs) > limits.max_pages:
        ex.problems.append(Problem(
            "too_many_pages", f"OFD 共 {len(page_refs)} 页，超过上限 {limits.max_pages} 页，只读取了前 {limits.max_pages} 页。"))
        page_refs = page_refs[:limits.max_pages]
    base = posixpath.dirname(doc_path)
    for number, ref in enumerate(page_refs, start=1):
        content = ET.fromstring(archive.read(_resolve(base, ref)))
        ex.pages.append(_page(content, number, width, height))


def _page(content: ET.Element, number: int, width: float, height: float) -> Page:
    own_box = _first_text(content, "PhysicalBox")
    if own_box:
        width, height = _box(own_box)
    blocks: list[TextBlock] = []
    lines: list[str] = []
    last_y: float | None = None
    images = 0
    for el in content.iter():
        kind = _local(el.tag)
        if kind == "ImageObject":
            images += 1
        if kind != "TextObject":
            continue
        text = "".join(code.text or "" for code in el if _local(code.tag) == "TextCode").strip()
        if not text:
            continue
        x, y, w, h = [*_floats(el.get("Boundary", "")), 0.0, 0.0, 0.0, 0.0][:4]
        size = float(el.get("Size", "0") or 0) or h or 1.0
        blocks.append(TextBlock(text=text, page=number, location=f"第{number}页",
                                bbox=(round(x * _MM_TO_PT, 1), round(y * _MM_TO_PT, 1),
                                      round((x + w) * _MM_TO_PT, 1), round((y + h) * _MM_TO_PT, 1))))
        if last_y is not None and abs(y - last_y) < size / 2 and lines:
            lines[-1] += text  # same line, split into several objects
        else:
            lines.append(text)
        last_y = y
    return Page(number=number, text="\n".join(lines), width=round(width * _MM_TO_PT, 1),
                height=round(height * _MM_TO_PT, 1), has_text_layer=bool(lines), image_count=images,
                blocks=blocks)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first_text(root: ET.Element, name: str) -> str:
    for el in root.iter():
        if _local(el.tag) == name and el.text:
            return el.text.strip()
    return ""


def _resolve(base: str, ref: str) -> str:
    ref = ref.strip().replace("\\", "/")
    joined = ref.lstrip("/") if ref.startswith("/") else posixpath.join(base, ref)
    return posixpath.normpath(joined)


def _floats(text: str) -> list[float]:
    try:
        return [float(v) for v in text.split()]
    except ValueError:
        return []


def _box(text: str) -> tuple[float, float]:
    values = _floats(text)
    return (values[2], values[3]) if len(values) >= 4 else (210.0, 297.0)
