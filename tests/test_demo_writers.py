"""The generated prose and the file writers the demo and the benchmark corpus share."""
from __future__ import annotations

import random
import re
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pymupdf
import pytest
from docx.oxml.ns import qn
from PIL import Image, ImageStat

from demo import (
    make_document,
    write_ledger_xlsx,
    write_official_docx,
    write_official_pdf,
    write_photo,
    write_scanned_pdf,
)
from demo.images import DATETIME_ORIGINAL, EXIF_IFD
from demo.mistakes import id_check_digit, id_number, mask_id, mask_mobile, mobile_number
from demo.texts import KINDS, chinese_date, make_docno

HAN = re.compile(r"[\u4e00-\u9fff]")
DAY = date(2026, 3, 15)


def notice(seed: int = 1, area: str = "志愿服务"):
    return make_document(random.Random(seed), "通知", area, "北湖市", DAY, make_docno("北湖市", "文明办", 2026, 12))


def test_chinese_dates_are_written_as_in_official_documents() -> None:
    assert chinese_date(DAY) == "二〇二六年三月十五日"
    assert chinese_date(date(2025, 10, 1)) == "二〇二五年十月一日"
    assert chinese_date(date(2026, 12, 20)) == "二〇二六年十二月二十日"
    assert make_docno("北湖市", "文明办", 2026, 3) == "北湖文明办〔2026〕3号"


def test_notice_has_the_parts_of_a_red_header_document() -> None:
    doc = notice()
    lines = doc.lines()
    assert lines[0] == "北湖市精神文明建设委员会办公室文件"
    assert lines[1] == "北湖文明办〔2026〕12号"
    assert re.fullmatch(r"关于印发《北湖市2026年.+工作方案》的通知", doc.title)
    assert doc.recipients and doc.recipients.endswith("：")
    assert any(p.text.startswith("一、") for p in doc.body) and any(p.text.startswith("（一）") for p in doc.body)
    assert lines[-2:] == ["北湖市精神文明建设委员会办公室", "二〇二六年三月十五日"]


def test_documents_are_deterministic_and_differ_by_seed_and_area() -> None:
    for kind in KINDS:
        first = make_document(random.Random(5), kind, "背街小巷", "北湖市", DAY, None).text()
        assert first == make_document(random.Random(5), kind, "背街小巷", "北湖市", DAY, None).text()
        assert first != make_document(random.Random(6), kind, "背街小巷", "北湖市", DAY, None).text()
        assert "背街小巷" in first
    assert "垃圾分类" in make_document(random.Random(5), "情况说明", "垃圾分类", "北湖市", DAY, None).text()


def test_report_carries_measures_results_and_numbers() -> None:
    text = make_document(random.Random(2), "情况说明", "农贸市场", "北湖市", DAY, None).text()
    assert "主要措施" in text and "工作成效" in text
    assert len(re.findall(r"\d+", text)) >= 4


def test_ledger_rows_are_dated_inside_the_period() -> None:
    since = date(2025, 8, 1)
    doc = make_document(random.Random(3), "台账", "文明交通", "北湖市", DAY, None, since=since)
    assert doc.table is not None and len(doc.table.rows) >= 6
    days = [date.fromisoformat(row[1]) for row in doc.table.rows]
    assert days == sorted(days) and all(since <= d <= DAY for d in days)


def test_focus_and_keywords_appear_in_the_text() -> None:
    doc = make_document(random.Random(4), "工作方案", "道德模范", "北湖市", DAY, None, subject="礼遇帮扶",
                        focus="建立礼遇帮扶道德模范的制度并落实", keywords=["礼遇帮扶", "道德模范"])
    assert doc.title == "北湖市2026年礼遇帮扶工作方案"
    assert "建立礼遇帮扶道德模范的制度并落实" in doc.text()


def east_asian_font(paragraph: docx.text.paragraph.Paragraph) -> str | None:
    """The east-Asian font Word uses for the paragraph's text: the run's own, else its style's."""
    for element in [r._element for r in paragraph.runs] + [paragraph.style.element]:
        r_pr = element.rPr
        if r_pr is not None and r_pr.rFonts is not None and r_pr.rFonts.get(qn("w:eastAsia")):
            return r_pr.rFonts.get(qn("w:eastAsia"))
    return None


def test_docx_uses_chinese_fonts_a4_header_and_footer(tmp_path: Path) -> None:
    path = write_official_docx(tmp_path / "通知.docx", notice())
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "北湖文明办〔2026〕12号" in text and "二〇二六年三月十五日" in text
    fonts = {p.text: east_asian_font(p) for p in document.paragraphs if p.text}
    assert fonts[notice().title] == "方正小标宋简体"
    assert fonts["一、指导思想"] == "黑体" and fonts["（一）健全工作机制"] == "楷体_GB2312"
    assert fonts["二〇二六年三月十五日"] == "仿宋_GB2312"
    assert set(fonts.values()) <= {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"}
    masthead = document.paragraphs[0]
    assert masthead.text.endswith("文件") and masthead.style.font.color.rgb == docx.shared.RGBColor(0xE0, 0, 0)
    assert "<w:pBdr>" in document.paragraphs[1]._p.xml  # the red rule under the 文号
    annex = next(p for p in document.paragraphs if p.text == notice().title[5:-4])  # the plan it issues
    assert annex.paragraph_format.page_break_before and east_asian_font(annex) == "方正小标宋简体"
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert "北湖市" in section.header.paragraphs[0].text
    assert "PAGE" in section.footer.paragraphs[0]._p.xml
    assert document.core_properties.created.replace(tzinfo=None) == datetime(2026, 3, 15, 9, 0)


def test_docx_ledger_has_a_table(tmp_path: Path) -> None:
    doc = make_document(random.Random(3), "台账", "志愿服务", "北湖市", DAY, None)
    document = docx.Document(str(write_official_docx(tmp_path / "台账.docx", doc)))
    assert len(document.tables) == 1
    assert document.tables[0].rows[0].cells[1].text == "日期"
    assert len(document.tables[0].rows) == len(doc.table.rows) + 1


def test_text_pdf_fills_the_requested_pages(tmp_path: Path) -> None:
    path = write_official_pdf(tmp_path / "a.pdf", notice(), pages=4)
    with pymupdf.open(path) as pdf:
        assert pdf.page_count == 4
        counts = [len(HAN.findall(page.get_text())) for page in pdf]
        text = "".join(page.get_text() for page in pdf).replace("\n", "")
        assert pdf.metadata["creationDate"].startswith("D:20260315")
    assert all(350 <= n <= 700 for n in counts[:-1]), counts
    assert "北湖文明办〔2026〕12号" in text and "二〇二六年三月十五日" in text


def test_encrypted_pdf_needs_a_password(tmp_path: Path) -> None:
    path = write_official_pdf(tmp_path / "b.pdf", notice(), password="secret")
    with pymupdf.open(path) as pdf:
        assert pdf.needs_pass
        assert pdf.authenticate("secret")
        assert "通知" in pdf[0].get_text()


def test_scanned_pdf_has_images_and_no_text_layer(tmp_path: Path) -> None:
    path = write_scanned_pdf(tmp_path / "scan.pdf", notice())
    with pymupdf.open(path) as pdf:
        assert pdf.page_count >= 2
        for page in pdf:
            assert page.get_text().strip() == ""
            assert len(page.get_images()) == 1
        pix = pdf[-1].get_pixmap(dpi=40)
    data = pix.samples
    reds = sum(1 for i in range(0, len(data), 3) if data[i] > 150 and data[i + 1] < 90 and data[i + 2] < 90)
    assert reds > 50  # the red seal on the last page


def test_photo_exif_and_caption_as_asked(tmp_path: Path) -> None:
    taken = datetime(2026, 3, 15, 10, 20)
    with_caption = write_photo(tmp_path / "a.jpg", rng=random.Random(1), area="志愿服务",
                               caption="时间：2026年3月15日  地点：北湖市人民广场\n人物：志愿者  事由：志愿服务", taken=taken)
    bare = write_photo(tmp_path / "b.jpg", rng=random.Random(1), area="志愿服务", size=(320, 240))
    with Image.open(with_caption) as image:
        assert image.size == (1280, 960)
        assert image.getexif().get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] == "2026:03:15 10:20:00"
        captioned_bottom = _bottom_brightness(image)
    with Image.open(bare) as image:
        assert image.size == (320, 240)
        assert DATETIME_ORIGINAL not in image.getexif().get_ifd(EXIF_IFD)
    uncaptioned = write_photo(tmp_path / "c.jpg", rng=random.Random(1), area="志愿服务", taken=taken)
    with Image.open(uncaptioned) as image:
        assert _bottom_brightness(image) > captioned_bottom + 20


def _bottom_brightness(image: Image.Image) -> float:
    gray = image.convert("L")
    return ImageStat.Stat(gray.crop((0, int(gray.height * 0.95), gray.width, gray.height))).mean[0]


def test_xlsx_ledger_is_reproducible_with_real_dates(tmp_path: Path) -> None:
    doc = make_document(random.Random(3), "台账", "文明交通", "北湖市", DAY, None)
    first = write_ledger_xlsx(tmp_path / "a.xlsx", doc).read_bytes()
    assert write_ledger_xlsx(tmp_path / "b.xlsx", doc).read_bytes() == first
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == doc.title
    assert rows[2][:2] == ("序号", "日期")
    assert isinstance(rows[3][1], datetime)
    assert any(isinstance(v, str) and v.startswith("=SUM(") for v in rows[3 + len(doc.table.rows)])


@pytest.mark.parametrize("seed", range(20))
def test_identity_numbers_pass_the_checksum(seed: int) -> None:
    rng = random.Random(seed)
    number = id_number(rng)
    assert re.fullmatch(r"\d{17}[\dX]", number)
    assert id_check_digit(number[:17]) == number[-1]
    assert mask_id(number) == number[:6] + "********" + number[-4:]
    mobile = mobile_number(rng)
    assert re.fullmatch(r"1[3578]\d{9}", mobile) and mask_mobile(mobile) == mobile[:3] + "****" + mobile[-4:]


def test_known_identity_check_digit() -> None:
    # The GB 11643 worked example: 11010519491231002 → X.
    assert id_check_digit("11010519491231002") == "X"
