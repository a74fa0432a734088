"""Each format the offices use, built by the tests, read into pages, blocks and facts."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from index.document import Extraction
from index.extract import extract_file
from index.extractors import images as images_module
from index.extractors import legacy as legacy_module
from index.extractors.pdf import is_garbled, parse_pdf_date
from index.limits import Limits
from tests.files import (
    OFFICIAL_TEXT,
    add_content_controls,
    add_text_box,
    make_csv,
    make_docx,
    make_garbled_pdf,
    make_legacy_doc,
    make_legacy_xls,
    make_multipage_tiff,
    make_ofd,
    make_photo,
    make_scanned_pdf,
    make_text_pdf,
    make_xlsx,
)

SHA = "0123456789abcdef" * 4


def extract(path: Path, **kwargs) -> Extraction:
    return extract_file(path, SHA, **kwargs)


def codes(ex: Extraction) -> set[str]:
    return {p.code for p in ex.problems}


def test_pdf_text_per_page_with_positions_sizes_and_metadata(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "通知.pdf", [OFFICIAL_TEXT, "第二页：台账"], title="整治通知",
                         producer="WPS Office", created="D:20240301093000+08'00'")
    ex = extract(path)
    assert ex.format == "pdf" and not ex.problems
    assert [p.number for p in ex.pages] == [1, 2]
    # The paragraph wraps over several lines; the phrase stays searchable as one string.
    assert OFFICIAL_TEXT in ex.pages[0].text
    assert "台账" in ex.pages[1].text and "台账" not in ex.pages[0].text
    block = ex.pages[0].blocks[0]
    assert block.location == "第1页" and block.bbox is not None and 60 < block.bbox[0] < 80
    assert (ex.pages[0].width, ex.pages[0].height) == (595.0, 842.0)
    assert ex.facts["title"] == "整治通知" and ex.facts["producer"] == "WPS Office"
    assert ex.facts["created"] == "2024-03-01T09:30:00+08:00"
    assert ex.facts["page_count"] == 2 and ex.facts["needs_ocr_pages"] == []


def test_pdf_scanned_pages_are_listed_for_ocr_not_read(tmp_path: Path) -> None:
    ex = extract(make_scanned_pdf(tmp_path / "红头文件.pdf", ["扫描的第一页", "扫描的第二页"]))
    assert [p.has_text_layer for p in ex.pages] == [False, False]
    assert [p.image_count for p in ex.pages] == [1, 1]
    assert ex.facts["needs_ocr_pages"] == [1, 2]
    assert ex.text.strip() == ""


def test_pdf_garbled_text_layer_is_dropped_and_the_page_left_for_ocr(tmp_path: Path) -> None:
    ex = extract(make_garbled_pdf(tmp_path / "乱码.pdf"))
    assert ex.pages[0].text == "" and not ex.pages[0].has_text_layer
    assert ex.facts["garbled_pages"] == [1] and ex.facts["needs_ocr_pages"] == [1]
    problem = ex.problem("garbled_text")
    assert problem.page == 1 and "乱码" in problem.message and "请" in problem.message


def test_ordinary_chinese_english_and_numbers_are_not_garbled() -> None:
    assert not is_garbled(OFFICIAL_TEXT + "（2019）第12号 ① 2024年3月 www.wenming.cn ×××")
    assert not is_garbled("Ⅱ-1-1)-① 面积1200㎡ 气温25℃ 〔2019〕12号 ……——")
    assert is_garbled("⪤◞䋾㷆缆載㵔䄨晒㗆⪤◞䋾㷆缆載")
    assert is_garbled("\ufffd" * 30)


@pytest.mark.parametrize(("raw", "iso"), [
    ("D:20190312083000+08'00'", "2019-03-12T08:30:00+08:00"),
    ("D:20190312", "2019-03-12T00:00:00"),
    ("D:20191231235959Z", "2019-12-31T23:59:59Z"),
    ("garbage", None),
    ("D:20191399", None),
])
def test_pdf_dates_become_iso(raw: str, iso: str | None) -> None:
    assert parse_pdf_date(raw) == iso


def test_docx_reading_order_styles_tables_headers_properties_and_captions(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "情况说明.docx", ["一、工作开展情况", "二、主要措施"],
                     table=[["项目", "数量"], ["路灯", "12"]], after_table=["三、下一步打算"],
                     header="焦作市文明办", footer="第1页", image_caption="图1 背街小巷整治现场",
                     title="情况说明", author="张三", created=dt.datetime(2024, 3, 1, 9, 0),
                     heading="关于背街小巷整治的情况说明")
    ex = extract(path)
    assert ex.format == "docx" and not ex.problems
    title, *blocks = ex.pages[0].blocks
    assert (title.text, title.style, title.location) == ("关于背街小巷整治的情况说明", "Heading 1", "第1段")
    assert [b.text for b in blocks[:7]] == ["一、工作开展情况", "二、主要措施", "项目", "数量", "路灯", "12",
                                            "三、下一步打算"]
    assert blocks[0].location == "第2段" and blocks[0].style == "Normal"
    assert blocks[4].location == "表格1 第2行第1列" and blocks[4].source == "table"
    assert blocks[6].location == "第4段"
    by_source = {b.source: b for b in blocks}
    assert by_source["header"].text == "焦作市文明办" and by_source["header"].location == "页眉"
    assert by_source["footer"].text == "第1页"
    assert by_source["caption"].text == "图1 背街小巷整治现场"
    assert ex.facts["image_count"] == 1 and ex.facts["captioned_images"] == 1
    assert ex.facts["captions"] == ["图1 背街小巷整治现场"]
    assert ex.facts["author"] == "张三" and ex.facts["title"] == "情况说明"
    assert ex.facts["created"].startswith("2024-03-01T09:00")


def test_docx_photo_without_caption_is_counted_as_uncaptioned(tmp_path: Path) -> None:
    ex = extract(make_docx(tmp_path / "图片.docx", ["活动照片如下"], with_image=True))
    assert ex.facts["image_count"] == 1 and ex.facts["captioned_images"] == 0


def test_docx_text_boxes_are_read_once_and_are_not_images(tmp_path: Path) -> None:
    path = add_text_box(make_docx(tmp_path / "红头.docx", ["正文第一段"]), "焦作市精神文明建设委员会办公室文件")
    ex = extract(path)
    assert ex.text.count("焦作市精神文明建设委员会办公室文件") == 1
    assert ex.pages[0].blocks[-1].location == "第2段（文本框）"
    assert ex.facts["image_count"] == 0


def test_docx_content_controls_are_read_and_deletions_are_not(tmp_path: Path) -> None:
    path = add_content_controls(make_docx(tmp_path / "模板.docx", ["正文"]), "焦文明办〔2024〕3号", "〔2024〕3号")
    ex = extract(path)
    assert [b.text for b in ex.pages[0].blocks] == ["正文", "焦文明办〔2024〕3号", "文号：〔2024〕3号"]
    assert "已删除的文字" not in ex.text


def test_heic_without_the_plugin_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 200)
    ex = extract(path)
    assert ex.format == "heic" and ex.problem("wrong_extension") is None
    if not images_module.HEIC_SUPPORTED:
        assert "JPG" in ex.problem("unsupported").message


def test_photo_size_dpi_exif_date_camera_and_gps(tmp_path: Path) -> None:
    ex = extract(make_photo(tmp_path / "现场.jpg", size=(640, 480), exif=True, dpi=300,
                            taken="2024:05:01 09:30:00"))
    assert ex.format == "jpeg" and not ex.problems
    assert (ex.facts["width"], ex.facts["height"], ex.facts["dpi"]) == (640, 480, [300.0, 300.0])
    assert ex.facts["taken"] == "2024-05-01T09:30:00"
    assert (ex.facts["camera_make"], ex.facts["camera_model"]) == ("Canon", "EOS 200D")
    assert ex.facts["has_gps"] is True
    assert ex.facts["needs_ocr_pages"] == [1]


def test_multipage_tiff_has_a_page_per_frame_all_left_for_ocr(tmp_path: Path) -> None:
    ex = extract(make_multipage_tiff(tmp_path / "传真.tif", [None, "第二页", "第三页"]))
    assert ex.format == "tiff" and not ex.problems
    assert [(p.number, p.width, p.height) for p in ex.pages] == [(1, 620, 300), (2, 620, 300), (3, 620, 300)]
    assert ex.facts["needs_ocr_pages"] == [1, 2, 3]
    assert extract(tmp_path / "传真.tif", limits=Limits(max_pages=2)).problem("too_many_pages") is not None


def test_photo_without_exif_has_no_date(tmp_path: Path) -> None:
    ex = extract(make_photo(tmp_path / "截图.png", fmt="PNG"))
    assert ex.format == "png" and "taken" not in ex.facts and ex.facts["width"] == 320


def test_xlsx_sheets_become_pages_with_cell_locations(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "台账.xlsx", {
        "志愿服务": [["日期", "地点", "人数"], [dt.date(2024, 1, 2), "人民路", 12.0]],
        "汇总": [["合计", None, 12]],
    })
    ex = extract(path)
    assert ex.format == "xlsx" and ex.facts["sheets"] == ["志愿服务", "汇总"]
    assert ex.pages[0].text == "日期\t地点\t人数\n2024-01-02\t人民路\t12"
    cell = next(b for b in ex.pages[0].blocks if b.text == "人民路")
    assert cell.location == "工作表志愿服务 第2行第2列"
    assert ex.pages[1].number == 2 and "合计" in ex.pages[1].text


def test_csv_in_gbk_is_decoded(tmp_path: Path) -> None:
    ex = extract(make_csv(tmp_path / "名单.csv", [["姓名", "单位"], ["李四", "市文明办"]]))
    assert ex.format == "csv" and ex.facts["encoding"] == "gb18030"
    assert "市文明办" in ex.text
    assert any(b.location.endswith("第2行第2列") and b.text == "市文明办" for b in ex.pages[0].blocks)


def test_ofd_text_per_page_and_seal(tmp_path: Path) -> None:
    sealed = extract(make_ofd(tmp_path / "公文.ofd", [["关于印发", "实施方案的通知"], ["第二页正文"]], sealed=True))
    plain = extract(make_ofd(tmp_path / "草稿.ofd", [["草稿"]]))
    assert sealed.format == "ofd" and not sealed.problems
    assert [p.text for p in sealed.pages] == ["关于印发\n实施方案的通知", "第二页正文"]
    assert sealed.pages[0].blocks[0].bbox is not None
    assert sealed.facts["has_seal"] and sealed.facts["has_signature"]
    assert not plain.facts["has_seal"] and not plain.facts["has_signature"]


def test_plain_text_in_gbk(tmp_path: Path) -> None:
    path = tmp_path / "说明.txt"
    path.write_bytes("第一行说明\r\n第二行说明\r\n".encode("gbk"))
    ex = extract(path)
    assert ex.format == "text" and ex.pages[0].text == "第一行说明\n第二行说明"


def test_legacy_doc_without_libreoffice_says_to_save_as_docx(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(legacy_module, "libreoffice_command", lambda: None)
    ex = extract(make_legacy_doc(tmp_path / "旧方案.doc"))
    problem = ex.problem("legacy_format")
    assert ex.format == "doc" and problem is not None
    assert "另存为 DOCX" in problem.message and "未安装 LibreOffice" in problem.message
    assert ex.problem("converted") is None


def soffice_convert(source: Path, target_format: str) -> Path:
    """Save a file in a legacy format with LibreOffice itself, to get a real .doc or .xls."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(source.parent / 'lo').as_uri()}",
                    "--convert-to", target_format, "--outdir", str(source.parent), str(source)],
                   check=True, capture_output=True, timeout=120)
    target = source.with_suffix(f".{target_format}")
    if not target.is_file():  # e.g. only LibreOffice Writer is installed, not Calc
        pytest.skip(f"this LibreOffice cannot write .{target_format}")
    return target


needs_libreoffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                                       reason="needs LibreOffice")


def test_a_web_page_saved_as_doc_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "导出的通知.doc"
    path.write_bytes('<html><head><style>p {color: red}</style></head><body><p>关于开展&nbsp;背街小巷整治的通知</p>'
                     "<table><tr><td>项目</td><td>数量</td></tr></table><script>var x = 1;</script></body></html>"
                     .encode("gbk"))
    ex = extract(path)
    assert ex.format == "html"
    assert ex.text == "关于开展 背街小巷整治的通知\n项目\t数量"
    assert "另存为 DOCX" in ex.problem("wrong_extension").message


@pytest.mark.slow
@needs_libreoffice
def test_legacy_doc_is_converted_when_libreoffice_is_installed(tmp_path: Path) -> None:
    doc = soffice_convert(make_docx(tmp_path / "src.docx", ["旧版文档的正文"]), "doc")
    ex = extract(doc)
    assert ex.format == "doc" and "旧版文档的正文" in ex.text
    assert "自动转换" in ex.problem("converted").message
    assert "另存为 DOCX" in ex.problem("legacy_format").message


@pytest.mark.slow
@needs_libreoffice
def test_legacy_xls_is_read_with_xlrd(tmp_path: Path) -> None:
    xls = soffice_convert(make_xlsx(tmp_path / "src.xlsx", {"台账": [["地点", "人数"], ["人民路", 12]]}), "xls")
    ex = extract(xls)
    assert ex.format == "xls" and ex.facts["sheets"] == ["台账"]
    assert ex.pages[0].text == "地点\t人数\n人民路\t12"
    assert "另存为 XLSX" in ex.problem("legacy_format").message


def test_legacy_xls_that_is_not_readable_is_reported_not_raised(tmp_path: Path) -> None:
    ex = extract(make_legacy_xls(tmp_path / "旧台账.xls"))
    assert ex.format == "xls" and {"legacy_format", "corrupt"} <= codes(ex)
    assert "另存为 XLSX" in ex.problem("legacy_format").message


def test_extraction_survives_a_json_round_trip(tmp_path: Path) -> None:
    ex = extract(make_docx(tmp_path / "a.docx", ["正文"], table=[["a", "b"]]))
    again = Extraction.from_json(ex.to_json())
    assert again == ex
