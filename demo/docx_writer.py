"""Lay an `OfficialDoc` out as a Word file in the style of GB/T 9704 公文.

Formatting lives in named paragraph styles (公文正文, 公文标题 …), as in an office's template.
Chinese fonts are set through the east-Asian font attribute (w:eastAsia): without it Word
falls back to the Latin font for Han characters. Titles use 方正小标宋简体, body text
仿宋_GB2312, first-level headings 黑体 and second-level headings 楷体_GB2312, on A4 paper with the
standard margins, a header naming the campaign and a page number in the footer.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from demo.archive import restamp_archive
from demo.texts import OfficialDoc, Table

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
HEADER_FONT = "宋体"
RED = RGBColor(0xE0, 0x00, 0x00)
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
TABLE_SIZE = Pt(11)
MASTHEAD_WIDTH_PT = 440  # the type area of A4 with 28 mm / 26 mm side margins
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph style of the document: the way a clerk's template defines 公文 formatting."""

    name: str
    font: str
    size: Pt
    align: WD_ALIGN_PARAGRAPH
    indent: bool = False  # first line indented by two characters
    color: RGBColor | None = None
    exact_lines: bool = True  # 28 pt fixed line spacing of 公文 body text


STYLES = {
    "masthead": StyleSpec("发文机关标志", TITLE_FONT, Pt(30), CENTER, color=RED),
    "docno": StyleSpec("发文字号", BODY_FONT, BODY_SIZE, CENTER),
    "title": StyleSpec("公文标题", TITLE_FONT, TITLE_SIZE, CENTER),
    "flush": StyleSpec("公文顶格", BODY_FONT, BODY_SIZE, LEFT),
    "h1": StyleSpec("公文一级标题", HEADING_FONT, BODY_SIZE, JUSTIFY, indent=True),
    "h2": StyleSpec("公文二级标题", SUBHEADING_FONT, BODY_SIZE, JUSTIFY, indent=True),
    "body": StyleSpec("公文正文", BODY_FONT, BODY_SIZE, JUSTIFY, indent=True),
    "signature": StyleSpec("公文落款", BODY_FONT, BODY_SIZE, RIGHT),
    "table_head": StyleSpec("表格标题行", HEADING_FONT, TABLE_SIZE, CENTER, exact_lines=False),
    "table": StyleSpec("表格文字", BODY_FONT, TABLE_SIZE, LEFT, exact_lines=False),
    "page_header": StyleSpec("公文页眉", HEADER_FONT, Pt(9), CENTER, exact_lines=False),
    "page_footer": StyleSpec("公文页码", BODY_FONT, Pt(14), CENTER, exact_lines=False),
}
ROLE_STYLES = {"h1": "h1", "h2": "h2", "field": "flush", "body": "body", "annex": "title"}


def set_east_asian_font(element, name: str) -> None:
    """Latin and east-Asian font of a run or style (python-docx's font.name sets only the Latin one)."""
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), name)


@lru_cache(maxsize=1)
def _template() -> tuple[bytes, dict[str, str]]:
    """An empty document holding the STYLES, and their style ids by key.

    Built once: adding styles and resolving them by name or object scans every style in
    python-docx, which would cost more than writing the text itself.
    """
    document = Document()
    ids = _add_styles(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), ids


def _add_styles(document) -> dict[str, str]:
    normal = document.styles["Normal"]
    set_east_asian_font(normal.element, BODY_FONT)
    normal.font.size = BODY_SIZE
    ids = {}
    for key, spec in STYLES.items():
        style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        ids[key] = style.style_id
        style.base_style = normal
        set_east_asian_font(style.element, spec.font)
        style.font.size = spec.size
        if spec.color is not None:
            style.font.color.rgb = spec.color
        fmt = style.paragraph_format
        fmt.alignment = spec.align
        fmt.space_before = fmt.space_after = Pt(0)
        if spec.exact_lines:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(max(28, spec.size.pt * 1.5))
        if spec.indent:
            fmt.first_line_indent = Pt(spec.size.pt * 2)
    return ids


def _styled(paragraph: DocxParagraph, style_id: str) -> DocxParagraph:
    """Give a paragraph a style by id, without python-docx's scan of all styles."""
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _red_rule(paragraph: DocxParagraph) -> None:
    """The red separator line under the 文号 of a 红头文件 (a bottom border on the paragraph)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "4"), ("w:color", "E00000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # Word rejects pPr children out of schema order: pBdr goes before shading, spacing, indent, jc.
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:snapToGrid", "w:spacing", "w:ind", "w:jc",
                              "w:textAlignment", "w:outlineLvl", "w:rPr", "w:sectPr", "w:pPrChange")


def _page_number_field(paragraph: DocxParagraph) -> None:
    """"— 1 —" style page number: a PAGE field between dashes."""
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for tag, attrs in (("w:fldChar", {"w:fldCharType": "begin"}), ("w:instrText", {}),
                       ("w:fldChar", {"w:fldCharType": "separate"}), ("w:t", {}),
                       ("w:fldChar", {"w:fldCharType": "end"})):
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        if tag == "w:instrText":
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        elif tag == "w:t":
            element.text = "1"
        run._r.append(element)
    paragraph.add_run(" —")


def _setup_page(document, doc: OfficialDoc, styles: dict[str, str]) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    header = section.header.paragraphs[0]
    _styled(header, styles["page_header"])
    header.add_run(f"{doc.city}创建全国文明城市申报材料")
    footer = section.footer.paragraphs[0]
    _styled(footer, styles["page_footer"])
    _page_number_field(footer)


def _set_properties(document, doc: OfficialDoc) -> None:
    props = document.core_properties
    props.title = doc.title
    props.author = doc.issuer
    props.last_modified_by = doc.issuer
    props.comments = ""
    props.keywords = doc.area
    stamp = datetime(doc.date.year, doc.date.month, doc.date.day, 9, 0, 0)
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1


def _table(document, table_data: Table, styles: dict[str, str]) -> None:
    table = document.add_table(rows=1, cols=len(table_data.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, heading in zip(table.rows[0].cells, table_data.columns, strict=True):
        _styled(cell.paragraphs[0], styles["table_head"]).add_run(heading)
    for row in table_data.rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            _styled(cell.paragraphs[0], styles["table"]).add_run(value)


def build_official_document(doc: OfficialDoc):
    """The python-docx Document for `doc` (callers may add to it before saving)."""
    template, styles = _template()
    document = Document(io.BytesIO(template))
    _setup_page(document, doc, styles)
    _set_properties(document, doc)

    def add(text: str, style: str) -> DocxParagraph:
        return _styled(document.add_paragraph(text), styles[style])

    if doc.masthead:
        masthead = add(doc.masthead, "masthead")
        masthead.runs[0].font.size = Pt(min(30, MASTHEAD_WIDTH_PT // len(doc.masthead)))  # one line wide
    if doc.docno:
        docno = add(doc.docno, "docno")
        if doc.masthead:
            _red_rule(docno)
    add(doc.title, "title")
    if doc.recipients:
        add(doc.recipients, "flush")
    for paragraph in doc.body:
        added = add(paragraph.text, ROLE_STYLES[paragraph.role])
        if paragraph.role == "annex":  # an attachment starts on a page of its own
            added.paragraph_format.page_break_before = True
    if doc.table:
        _table(document, doc.table, styles)
    add("", "body")
    add(doc.issuer, "signature")
    add(doc.date_text, "signature")
    return document


def write_official_docx(path: Path, doc: OfficialDoc) -> Path:
    """Write `doc` as a DOCX at `path` (parent folders are created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_official_document(doc).save(str(path))
    restamp_archive(path, datetime(doc.date.year, doc.date.month, doc.date.day, 9, 0, 0))
    return path
