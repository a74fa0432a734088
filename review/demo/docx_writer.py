"""Lay an `OfficialDoc` out as a Word file in the style of GB/T 9704 公文.

Chinese fonts are set through the east-Asian font attribute (w:eastAsia): without it Word
falls back to the Latin font for Han characters. Titles use 方正小标宋简体, body text
仿宋_GB2312, first-level headings 黑体 and second-level headings 楷体_GB2312, on A4 paper with the
standard margins, a header naming the campaign and a page number in the footer.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from review.demo.archive import restamp_archive
from review.demo.texts import OfficialDoc

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
HEADER_FONT = "宋体"
RED = RGBColor(0xE0, 0x00, 0x00)
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
MASTHEAD_WIDTH_PT = 440  # the type area of A4 with 28 mm / 26 mm side margins


def set_run_font(run, name: str, size: Pt | None = None, *, bold: bool = False,
                 color: RGBColor | None = None) -> None:
    """Set a run's Latin and east-Asian fonts (python-docx's font.name sets only the Latin one)."""
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    if size is not None:
        run.font.size = size
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color


def _paragraph(document, text: str, font: str, size: Pt, *, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
               indent: bool = False, bold: bool = False, color: RGBColor | None = None) -> DocxParagraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(max(28, size.pt * 1.5))
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size.pt * 2)
    set_run_font(paragraph.add_run(text), font, size, bold=bold, color=color)
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
    set_run_font(paragraph.add_run("— "), BODY_FONT, Pt(14))
    run = paragraph.add_run()
    set_run_font(run, BODY_FONT, Pt(14))
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
    set_run_font(paragraph.add_run(" —"), BODY_FONT, Pt(14))


def _setup_page(document, doc: OfficialDoc) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(header.add_run(f"{doc.city}创建全国文明城市申报材料"), HEADER_FONT, Pt(9))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(footer)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    normal.font.size = BODY_SIZE


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


def _table(document, doc: OfficialDoc) -> None:
    assert doc.table is not None
    table = document.add_table(rows=1, cols=len(doc.table.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, heading in zip(table.rows[0].cells, doc.table.columns, strict=True):
        cell.text = ""
        set_run_font(cell.paragraphs[0].add_run(heading), HEADING_FONT, Pt(11))
    for row in doc.table.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = ""
            set_run_font(cell.paragraphs[0].add_run(value), BODY_FONT, Pt(11))


def build_official_document(doc: OfficialDoc):
    """The python-docx Document for `doc` (callers may add to it before saving)."""
    document = Document()
    _setup_page(document, doc)
    _set_properties(document, doc)
    if doc.masthead:
        size = Pt(min(30, MASTHEAD_WIDTH_PT // len(doc.masthead)))  # one line across the type area
        _paragraph(document, doc.masthead, TITLE_FONT, size, align=WD_ALIGN_PARAGRAPH.CENTER, color=RED)
    if doc.docno:
        rule = _paragraph(document, doc.docno, BODY_FONT, BODY_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
        if doc.masthead:
            _red_rule(rule)
    _paragraph(document, doc.title, TITLE_FONT, TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    if doc.recipients:
        _paragraph(document, doc.recipients, BODY_FONT, BODY_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)
    for paragraph in doc.body:
        if paragraph.role == "h1":
            _paragraph(document, paragraph.text, HEADING_FONT, BODY_SIZE, indent=True)
        elif paragraph.role == "h2":
            _paragraph(document, paragraph.text, SUBHEADING_FONT, BODY_SIZE, indent=True)
        elif paragraph.role == "field":
            _paragraph(document, paragraph.text, BODY_FONT, BODY_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)
        else:
            _paragraph(document, paragraph.text, BODY_FONT, BODY_SIZE, indent=True)
    if doc.table:
        _table(document, doc)
    _paragraph(document, "", BODY_FONT, BODY_SIZE)
    _paragraph(document, doc.issuer, BODY_FONT, BODY_SIZE, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(document, doc.date_text, BODY_FONT, BODY_SIZE, align=WD_ALIGN_PARAGRAPH.RIGHT)
    return document


def write_official_docx(path: Path, doc: OfficialDoc) -> Path:
    """Write `doc` as a DOCX at `path` (parent folders are created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_official_document(doc).save(str(path))
    restamp_archive(path, datetime(doc.date.year, doc.date.month, doc.date.day, 9, 0, 0))
    return path
