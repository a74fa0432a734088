"""DOCX with python-docx: body paragraphs and tables in reading order, headers, footers, properties,
images and their captions, the photos' hashes."""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.table import Table
from PIL import Image as PILImage

from index.document import Extraction, Page, Problem, TextBlock
from index.extractors.zip_guard import open_checked_zip
from index.limits import Limits
from index.photo_hash import MAX_PHOTOS, entry, hash_image_bytes
from index.pictures import MAX_LISTED, MAX_MEASURED, is_photo_sized, measure_encoded, picture

# DrawingML pictures (a:blip) and old VML ones (v:imagedata); shapes and text boxes are not images.
_IMAGE_TAGS = (qn("a:blip"), "{urn:schemas-microsoft-com:vml}imagedata")
_TEXTBOX = qn("w:txbxContent")
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_P, _TBL, _T, _TAB, _BR, _CR = qn("w:p"), qn("w:tbl"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
# Word writes each text box twice: the DrawingML choice and a VML fallback. Read the first only.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_IMAGE_REFERENCES = (qn("r:embed"), qn("r:id"))
_CAPTION_STYLES = {"caption", "题注"}
_BLIP, _EMBED = qn("a:blip"), qn("r:embed")
_EXTENT, _DRAWING_FRAMES = qn("wp:extent"), (qn("wp:inline"), qn("wp:anchor"))
_EMU_PER_POINT = 12700
_CAPTION_TEXT = re.compile(r"^\s*(图|图片|照片|附图)\s*[0-9一二三四五六七八九十]")


def extract(path: Path, ex: Extraction, limits: Limits) -> None:
    archive = open_checked_zip(path, ex, limits)
    if archive is None:
        return
    with archive:
        if "word/document.xml" not in archive.namelist():
            ex.problems.append(Problem("corrupt", "文件不是有效的 Word 文档（缺少正文部分）。请用 Word 或 WPS 重新保存为 DOCX 后再提交。"))
            return
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as e:
        code = "truncated" if isinstance(e, EOFError) else "corrupt"
        ex.problems.append(Problem(code, "Word 文档已损坏或不完整，无法读取。请用 Word 或 WPS 重新保存后再提交。"))
        return
    blocks, images = _body(document)
    blocks.extend(_headers_and_footers(document))
    page = Page(number=1, text="\n".join(b.text for b in blocks), blocks=blocks,
                image_count=images["count"])
    ex.pages.append(page)
    ex.facts.update(_core_properties(document))
    ex.facts.update(image_count=images["count"], captioned_images=images["captioned"],
                    captions=images["captions"], paragraph_count=images["paragraphs"],
                    table_count=images["tables"], needs_ocr_pages=[])
    hashes = _photo_hashes(document)
    if hashes:
        ex.facts["photo_hashes"] = hashes
    if images["pictures"]:
        ex.facts["pictures"] = images["pictures"]


def _body(document: Document) -> tuple[list[TextBlock], dict[str, Any]]:
    blocks: list[TextBlock] = []
    stats: dict[str, Any] = {"count": 0, "captioned": 0, "captions": [], "paragraphs": 0, "tables": 0, "pictures": []}
    after_image = False  # the previous non-empty paragraph held an image without a caption yet
    style_names, default_style = _paragraph_styles(document)
    for child in _block_elements(document.element.body):
        if child.tag == _P:
            images = sum(1 for el in child.iter(*_IMAGE_TAGS))
            text = _paragraph_text(child).strip()
            style_id = child.find(f"{_PPR}/{_PSTYLE}")
            style = style_names.get(style_id.get(_VAL), default_style) if style_id is not None else default_style
            if text:
                stats["paragraphs"] += 1
                is_caption = (style or "").lower() in _CAPTION_STYLES or bool(_CAPTION_TEXT.match(text))
                if is_caption or (after_image and not images and len(text) <= 120):
                    stats["captioned"] += 1
                    stats["captions"].append(text)
                    source = "caption"
                    after_image = False
                else:
                    source = "text"
                blocks.append(TextBlock(text=text, location=f"第{stats['paragraphs']}段",
                                        style=style, source=source))
            for box_text in _text_boxes(child):
                stats["paragraphs"] += 1
                blocks.append(TextBlock(text=box_text, location=f"第{stats['paragraphs']}段（文本框）",
                                        style=style, source="text"))
            if images:
                stats["count"] += images
                after_image = True
                for blip in child.iter(_BLIP):
                    if len(stats["pictures"]) < MAX_LISTED:
                        _add_picture(document, blip, stats["pictures"])
        else:
            stats["tables"] += 1
            blocks.extend(_table(Table(child, document), stats["tables"]))
            after_image = False
    return blocks, stats


def _photo_hashes(document: Document) -> list[dict[str, Any]]:
    """Hashes of the photos in the body, in reading order (headers' logos are not in the body)."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    related = document.part.related_parts
    for element in document.element.body.iter(*_IMAGE_TAGS):
        target = next((element.get(name) for name in _IMAGE_REFERENCES if element.get(name)), None)
        part = related.get(target) if target else None
        if part is None or str(part.partname) in seen or len(out) >= MAX_PHOTOS:
            continue
        seen.add(str(part.partname))
        value = hash_image_bytes(part.blob)
        if value:
            out.append(entry(value, 1, len(out) + 1))
    return out
def _add_picture(document: Document, blip: Any, pictures: list[dict[str, Any]]) -> None:
    """The picture a DrawingML blip shows (see index.pictures): its size on the page from the
    drawing's extent, its pixels and sharpness from the image part."""
    frame = next((a for a in blip.iterancestors(*_DRAWING_FRAMES)), None)
    extent = frame.find(_EXTENT) if frame is not None else None
    part = document.part.related_parts.get(blip.get(_EMBED, ""))
    if extent is None or part is None:
        return
    box = (0.0, 0.0, int(extent.get("cx", 0)) / _EMU_PER_POINT, int(extent.get("cy", 0)) / _EMU_PER_POINT)
    key = str(part.partname)
    seen = next((p for p in pictures if p["key"] == key), None)
    if seen is not None:
        pictures.append({**seen, "box": [round(v, 1) for v in box]})
        return
    blob = part.blob
    try:
        with PILImage.open(io.BytesIO(blob)) as image:
            size = image.size
    except Exception:  # a format Pillow does not know (EMF, WMF): listed by its frame only
        size = (0, 0)
    measured = sum(1 for p in pictures if p["sharpness"] is not None)
    value = measure_encoded(blob) if measured < MAX_MEASURED and is_photo_sized(box, size) else None
    pictures.append(picture(1, size, box, key, value))


def _block_elements(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in reading order, including those inside content controls (w:sdt,
    common in government templates) and custom XML wrappers."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                yield from _block_elements(content)


def _paragraph_text(p: Any) -> str:
    """The paragraph's visible text: runs anywhere in it (hyperlinks, inline content controls,
    tracked insertions), tabs and breaks; not deleted text, field codes or text-box content."""
    has_boxes = p.find(f".//{_TEXTBOX}") is not None
    parts = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        if has_boxes and any(a.tag == _TEXTBOX for a in el.iterancestors(_TEXTBOX)):
            continue
        parts.append(el.text or "" if el.tag == _T else ("\t" if el.tag == _TAB else "\n"))
    return "".join(parts)


def _paragraph_styles(document: Document) -> tuple[dict[str, str], str | None]:
    """Style id → name for paragraph styles, and the default style's name, read once per document
    (python-docx's `paragraph.style` searches all styles for every paragraph: 90% of the time)."""
    names: dict[str, str] = {}
    default = None
    for style in document.styles.element.iter(qn("w:style")):
        if style.get(qn("w:type")) != "paragraph":
            continue
        name_el = style.find(qn("w:name"))
        name = BabelFish.internal2ui(name_el.get(_VAL)) if name_el is not None else style.get(qn("w:styleId"))
        names[style.get(qn("w:styleId"), "")] = name
        if style.get(qn("w:default")) in ("1", "true", "on"):
            default = name
    return names, default


def _text_boxes(paragraph: Any) -> list[str]:
    """Text in text boxes anchored to the paragraph (红头 titles are often set in one)."""
    texts = []
    for box in paragraph.iter(_TEXTBOX):
        if any(a.tag == _FALLBACK for a in box.iterancestors()):
            continue
        text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in box.iter(qn("w:p"))).strip()
        if text:
            texts.append(text)
    return texts


def _table(table: Table, number: int) -> list[TextBlock]:
    blocks = []
    for r, row in enumerate(table.rows, start=1):
        previous = None
        for c, cell in enumerate(row.cells, start=1):
            if cell._tc is previous:  # a merged cell repeats; take it once
                continue
            previous = cell._tc
            text = cell.text.strip()
            if text:
                blocks.append(TextBlock(text=text, location=f"表格{number} 第{r}行第{c}列", source="table"))
    return blocks


def _headers_and_footers(document: Document) -> list[TextBlock]:
    seen: set[tuple[str, str]] = set()
    blocks = []
    for section in document.sections:
        parts = [("header", "页眉", section.header), ("footer", "页脚", section.footer)]
        if section.different_first_page_header_footer:
            parts += [("header", "首页页眉", section.first_page_header),
                      ("footer", "首页页脚", section.first_page_footer)]
        for source, label, part in parts:
            if part.is_linked_to_previous:  # no own definition: the previous section's text applies
                continue
            text = "\n".join(p.text.strip() for p in part.paragraphs if p.text.strip())
            if text and (source, text) not in seen:
                seen.add((source, text))
                blocks.append(TextBlock(text=text, location=label, source=source))
    return blocks


def _core_properties(document: Document) -> dict[str, Any]:
    props = document.core_properties
    facts: dict[str, Any] = {}
    for key, value in (("title", props.title), ("author", props.author),
                       ("last_modified_by", props.last_modified_by)):
        if value:
            facts[key] = value.strip()
    for key, value in (("created", props.created), ("modified", props.modified)):
        if value is not None:
            facts[key] = value.isoformat()
    return facts
