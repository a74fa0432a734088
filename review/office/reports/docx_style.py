"""The look of every printed report: GB/T 9704-style A4 pages with Chinese fonts that really apply.

Word picks the font of Chinese characters from the `w:eastAsia` attribute of a run's `w:rFonts`;
python-docx's `font.name` only sets the Latin slots, so Chinese text would print in whatever the
template's default is. Every run written here gets all four slots set. Titles use 方正小标宋简体 and
body text 仿宋_GB2312, the fonts of official documents; both are often missing on office PCs, so
the font table names a fallback (`w:altName`) and the GB2312 charset, which Word and WPS use to
substitute 宋体 (SimSun). Table headers use 黑体 (SimHei), which every Chinese Windows has.

Table cells must not break a code or a file name in the middle of a token: Word and LibreOffice
break after a hyphen ("Ⅲ-1-" / "2)"), so every hyphen in a cell is written as Word's non-breaking
hyphen (`w:noBreakHyphen`, read back as "-"), and the column widths are chosen so the longest
token of each column fits on a line.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from review.errors import UserError

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADER_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
# Font table fallbacks: (name, altName, pitch family). Charset 86 is GB2312.
FALLBACKS = ((TITLE_FONT, "宋体", "roman"), (BODY_FONT, "仿宋", "modern"), (HEADER_FONT, "SimHei", "modern"),
             (PAGE_NUMBER_FONT, "SimSun", "auto"))

TITLE_SIZE = Pt(22)  # 二号
SUBTITLE_SIZE = Pt(16)  # 三号
BODY_SIZE = Pt(12)  # 小四: the lists are tables, so smaller than a letter's 三号
TABLE_SIZE = Pt(10.5)  # 五号
SMALL_SIZE = Pt(9)  # 小五
PAGE_NUMBER_SIZE = Pt(12)  # 小四

# GB/T 9704: 210 × 297 mm, top margin 37 mm, bottom 35 mm, left (binding side) 28 mm, right 26 mm.
A4_WIDTH, A4_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
# A landscape page bound with portrait ones is turned a quarter: the binding edge (28 mm) is at
# the top, the portrait's bottom margin (35 mm) on the left and its top margin (37 mm) on the right.
LANDSCAPE_MARGINS = {"top": Mm(28), "bottom": Mm(26), "left": Mm(35), "right": Mm(37)}
FOOTER_DISTANCE = {False: Mm(25), True: Mm(14)}


@dataclass(frozen=True)
class Span:
    """One line of a table cell in its own font: e.g. a rule's name in 黑体, the code below in 小五."""

    text: str
    font: str = BODY_FONT
    size: Pt = TABLE_SIZE


CellValue = str | Sequence[Span]


def new_document(*, landscape: bool = False) -> DocumentObject:
    """An empty A4 document with the fonts, margins and “第 X 页 共 Y 页” in the footer."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_HEIGHT, A4_WIDTH) if landscape else (A4_WIDTH, A4_HEIGHT)
    margins = LANDSCAPE_MARGINS if landscape else MARGINS
    section.top_margin, section.bottom_margin = margins["top"], margins["bottom"]
    section.left_margin, section.right_margin = margins["left"], margins["right"]
    section.footer_distance = FOOTER_DISTANCE[landscape]
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    _declare_fallbacks(document)
    _page_number(section.footer.paragraphs[0])
    return document


def set_font(run: Run, east_asia: str, size: Pt | None = None, bold: bool = False) -> Run:
    """Set all four font slots of a run (Latin, complex script and east-Asian) and its size."""
    _set_fonts(run._r.get_or_add_rPr(), east_asia)
    if size is not None:
        run.font.size = size
    run.font.bold = bold or None
    return run


def add_title(document: DocumentObject, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(12)
    set_font(paragraph.add_run(text), TITLE_FONT, TITLE_SIZE)
    return paragraph


def add_text(document: DocumentObject, text: str, *, size: Pt = BODY_SIZE, bold: bool = False,
             center: bool = False, before_pt: float | None = None) -> Paragraph:
    paragraph = document.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if before_pt is not None:
        paragraph.paragraph_format.space_before = Pt(before_pt)
    set_font(paragraph.add_run(text), HEADER_FONT if bold else BODY_FONT, size)
    return paragraph


def add_heading(document: DocumentObject, text: str) -> Paragraph:
    """A section heading (“一、…”, “（一）…”) in 黑体, kept on the page of what follows it."""
    paragraph = add_text(document, text, bold=True, before_pt=6)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def page_break(document: DocumentObject) -> None:
    set_font(document.add_paragraph().add_run(), BODY_FONT).add_break(WD_BREAK.PAGE)


def add_table(document: DocumentObject, headers: Sequence[str], rows: Sequence[Sequence[CellValue]],
              widths_mm: Sequence[float], *, min_height_mm: float | None = None,
              small_columns: Sequence[int] = (), center_columns: Sequence[int] = ()) -> Table:
    """A bordered table whose header row repeats on every page and whose rows do not split.

    A cell is a string (lines split at "\n") or a sequence of `Span`s, one line each. Without
    `headers` the table has no header row (a form of labels and values).
    `small_columns` print in 小五 (9 pt), for long codes such as key fingerprints; `center_columns`
    are centred (numbers, short marks).
    """
    if headers and len(widths_mm) != len(headers):
        raise ValueError("one width per column")
    table = document.add_table(rows=1 if headers else 0, cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if headers:
        header = table.rows[0]
        _row_flag(header, "w:tblHeader")
        for cell, text in zip(header.cells, headers, strict=True):
            _cell_text(cell, text, HEADER_FONT, center=True)
    for values in rows:
        row = table.add_row()
        _row_flag(row, "w:cantSplit")
        if min_height_mm is not None:
            row.height = Mm(min_height_mm)
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            _cell_text(cell, value, BODY_FONT, size=SMALL_SIZE if index in small_columns else TABLE_SIZE,
                       center=index in center_columns)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid, which LibreOffice and WPS follow
        for cell in column.cells:  # the cells, which Word follows
            cell.width = Mm(width)
    return table


def bold_row(table: Table, index: int) -> None:
    """Print a row (e.g. the totals) in 黑体."""
    for cell in table.rows[index].cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                set_font(run, HEADER_FONT, TABLE_SIZE)


def merge_down(table: Table, column: int, first: int, last: int) -> None:
    """Merge a column's cells from row `first` to `last` (inclusive), keeping the first cell's text."""
    if last <= first:
        return
    top = table.cell(first, column)
    for index in range(first + 1, last + 1):
        below = table.cell(index, column)
        for paragraph in below.paragraphs:
            for run in paragraph.runs:
                run.text = ""
    top.merge(table.cell(last, column))
    for paragraph in top.paragraphs[1:]:
        if not paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)


def save(document: DocumentObject, out: Path) -> Path:
    """Save through a temporary name so a failed write never leaves half a report."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        document.save(str(tmp))
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"无法写入报表 {out}：{exc.strerror}。请关闭在 Word/WPS 中打开的同名文件，"
                        "或换一个文件夹后重试。") from exc
    return out


def chinese_date(day: date | None = None) -> str:
    """“2026年8月1日” (today when not given)."""
    day = day or date.today()
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_number(number: int) -> str:
    """1 → “一”, 12 → “十二”, 21 → “二十一” (headings “一、”, “（二）”; up to 99)."""
    digits = "一二三四五六七八九"
    tens, ones = divmod(number, 10)
    if not tens:
        return digits[ones - 1]
    return f"{digits[tens - 1] if tens > 1 else ''}十{digits[ones - 1] if ones else ''}"


def local_time(iso: str) -> str:
    """An ISO time stamp as “2026-08-01 09:30” in this PC's time zone (stamps are stored in UTC)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def _set_fonts(rpr: etree._Element, east_asia: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def _cell_text(cell: object, value: CellValue, font: str, *, center: bool = False, size: Pt = TABLE_SIZE) -> None:
    spans = [Span(line, font, size) for line in value.split("\n")] if isinstance(value, str) else list(value)
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    for index, span in enumerate(spans):
        if index:
            paragraph = cell.add_paragraph()  # type: ignore[attr-defined]
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        unbroken_text(paragraph, span.text, span.font, span.size)


def unbroken_text(paragraph: Paragraph, text: str, font: str, size: Pt) -> None:
    """Add `text` with each hyphen as a non-breaking hyphen, so “Ⅲ-1-2)” stays on one line."""
    for index, part in enumerate(text.split("-")):
        if index:
            hyphen = set_font(paragraph.add_run(), font, size)
            etree.SubElement(hyphen._r, qn("w:noBreakHyphen"))
        if part:
            set_font(paragraph.add_run(part), font, size)


def _row_flag(row: object, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = etree.SubElement(tr_pr, qn(tag))
    flag.set(qn("w:val"), "true")


def _page_number(paragraph: Paragraph) -> None:
    """“第 1 页 共 3 页” centred, as PAGE and NUMPAGES fields so Word and WPS fill them in on every page
    (a sheet that is signed page by page must say that none is missing)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run("第 "), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    _field(paragraph, "PAGE")
    set_font(paragraph.add_run(" 页 共 "), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    _field(paragraph, "NUMPAGES")
    set_font(paragraph.add_run(" 页"), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def _field(paragraph: Paragraph, name: str) -> None:
    for kind, text in (("begin", None), ("instr", f" {name} "), ("separate", None), ("text", "1"), ("end", None)):
        run = set_font(paragraph.add_run(), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        if kind == "instr":
            instr = etree.SubElement(run._r, qn("w:instrText"))
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
        elif kind == "text":
            run.text = text
        else:
            run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))


def _declare_fallbacks(document: DocumentObject) -> None:
    """Name each Chinese font in the font table with its substitute and the GB2312 charset."""
    part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.FONT_TABLE),
                None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for name, alt, family in FALLBACKS:
        for old in root.findall(qn("w:font")):
            if old.get(qn("w:name")) == name:
                root.remove(old)
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alt)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), family)
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
