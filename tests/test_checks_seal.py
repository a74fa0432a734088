"""The 印章 checks (MR-SEAL-001, MR-SEAL-002) and the recognition of 正式发文 by its shape, on real
files: exported PDFs with and without an electronic seal, scans at 150/200/300 dpi stamped in
different places or not at all, a grey scan, photos of pages, DOCX 正式发文 and 令."""
from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from index.cache import ExtractionCache
from index.extract import extract_file
from index.ocr import ocr_available
from review.checking.rules import FileFacts, RuleConfig, check_file, check_standard, red_seals
from review.checking.rules.finding import Severity
from review.checking.rules.runner import recognise_kinds
from review.manual.model import METHOD_MATERIALS, KindRequirement, MaterialRequirement, Standard
from review.workspace.folder import Workspace
from tests.checks_support import of_rule, settings
from tests.files import make_docx
from tests.seals import place_seal_on_pdf, stamp

CFG = settings()
CONFIG = RuleConfig.from_settings(CFG)
ORGAN = "焦作市城市管理局"
DAY = "2026年3月5日"
NOTICE = ["焦作市城市管理局文件", "焦城管〔2026〕12号", "关于开展背街小巷环境整治的通知",
          "各县（市、区）城市管理局：", "为巩固创建成果，现就背街小巷环境整治有关事项通知如下。",
          "一、全年整治背街小巷120条，完成率100%。", "二、建立街长制，每条街确定一名责任人。", ORGAN, DAY]
REPORT = ["关于解放区背街小巷整治工作情况的说明", "今年以来，我区共整治背街小巷36条，新增停车位420个。",
          "解放区城市管理局", "2026年4月8日"]


# -- files -----------------------------------------------------------------------------------------

def _text_page(doc: pymupdf.Document, lines: Sequence[str], *, invisible: bool = False) -> pymupdf.Page:
    """A 公文 page: red 红头 when the first line ends with 文件, the 落款 (last two lines) on the right."""
    page = doc.new_page(width=595, height=842)
    mode = 3 if invisible else 0
    y = 100.0
    for index, line in enumerate(lines):
        signature = index >= len(lines) - 2
        red = index == 0 and line.endswith("文件")
        size = 24 if red else 15
        x = 330.0 if signature else (297 - len(line) * size / 2 if index < 3 else 79.0)
        page.insert_text((x, y), line, fontname="china-s", fontsize=size, color=(0.85, 0, 0) if red else (0, 0, 0),
                         render_mode=mode)
        if red and not invisible:
            page.draw_line((79, y + 40), (521, y + 40), color=(0.85, 0, 0), width=1.5)
        y += 40 if index < 3 else 30
    return page


def _signature_centre(lines: Sequence[str]) -> tuple[float, float]:
    y_organ = 100 + 3 * 40 + (len(lines) - 5) * 30
    return 400.0, y_organ + 8


def exported_pdf(path: Path, lines: Sequence[str] = NOTICE, *, e_seal: bool = False) -> Path:
    doc = pymupdf.open()
    page = _text_page(doc, lines)
    if e_seal:
        place_seal_on_pdf(page, _signature_centre(lines), lines[-2])
    doc.save(str(path))
    return path


def page_jpeg(lines: Sequence[str], *, dpi: int = 200, seal: str | None = "落款", grey: bool = False,
              oval: bool = False, broken: bool = False) -> bytes:
    """The page as a scanner or a phone delivers it, stamped over the 落款, over the date, beside it, or not."""
    with pymupdf.open() as doc:
        pix = _text_page(doc, lines).get_pixmap(dpi=dpi, alpha=False)
    image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    if seal:
        x, y = _signature_centre(lines)
        x, y = {"落款": (x, y), "日期": (x + 20, y + 22), "右侧": (x + 110, y - 10)}[seal]
        stamp(image, (x * dpi / 72, y * dpi / 72), lines[-2], dpi=dpi, oval=oval, broken=broken)
    out = io.BytesIO()
    (image.convert("L") if grey else image).save(out, "JPEG", quality=80)
    return out.getvalue()


def scanned_pdf(path: Path, lines: Sequence[str] = NOTICE, **options: object) -> Path:
    """A scan with the scanner's invisible text layer (a searchable scan), so no OCR is needed."""
    doc = pymupdf.open()
    page = _text_page(doc, lines, invisible=True)
    page.insert_image(page.rect, stream=page_jpeg(lines, **options))  # type: ignore[arg-type]
    doc.save(str(path))
    return path


def read(path: Path, *, ocr: bool = False) -> tuple[FileFacts, object]:
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    ex = extract_file(path, sha, ocr=ocr)
    return FileFacts.of(str(path), path.name, path.stat().st_size, sha, ex.format, "CG", ("Ⅲ-11-1)",)), ex


def seal_findings(path: Path, *, cache: ExtractionCache | None = None, ocr: bool = False) -> list:
    facts, ex = read(path, ocr=ocr)
    return of_rule(check_file(facts, ex, CFG, CONFIG, cache), "MR-SEAL-001")  # type: ignore[arg-type]


def kinds_of(path: Path) -> dict[str, str]:
    facts, ex = read(path)
    return {k.kind: k.reason for k in recognise_kinds(facts, ex, CFG)}  # type: ignore[arg-type]


# -- MR-SEAL-001 -----------------------------------------------------------------------------------

def test_exported_notice_without_a_seal_is_reported_at_its_signature_and_the_red_masthead_is_no_seal(
        tmp_path: Path) -> None:
    found = seal_findings(exported_pdf(tmp_path / "焦城管〔2026〕12号 通知.pdf"))
    assert len(found) == 1
    finding = found[0]
    assert finding.severity is Severity.SHOULD
    assert finding.page == 1 and finding.location == "第1页 落款" and finding.text == ORGAN and finding.bbox
    assert "未检出红色公章" in finding.message and ORGAN in finding.message and "PDF" in finding.message
    assert "盖章" in finding.hint


def test_exported_pdf_with_its_electronic_seal_counts_as_sealed(tmp_path: Path) -> None:
    assert seal_findings(exported_pdf(tmp_path / "通知.pdf", e_seal=True)) == []


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_colour_scans_are_judged_at_common_resolutions(tmp_path: Path, dpi: int) -> None:
    assert seal_findings(scanned_pdf(tmp_path / "盖章.pdf", dpi=dpi)) == []
    unsealed = seal_findings(scanned_pdf(tmp_path / "未盖章.pdf", dpi=dpi, seal=None))
    assert len(unsealed) == 1 and "扫描件" in unsealed[0].message and "未检出" in unsealed[0].message


@pytest.mark.parametrize(("where", "oval"), [("日期", False), ("右侧", False), ("落款", True)])
def test_a_seal_over_the_date_beside_the_signature_or_oval_counts(tmp_path: Path, where: str, oval: bool) -> None:
    assert seal_findings(scanned_pdf(tmp_path / "盖章.pdf", seal=where, oval=oval)) == []


def test_a_grey_scan_asks_for_a_colour_scan_instead_of_claiming_there_is_no_seal(tmp_path: Path) -> None:
    found = seal_findings(scanned_pdf(tmp_path / "灰度.pdf", grey=True))
    assert len(found) == 1
    assert "黑白或灰度" in found[0].message and "看不出" in found[0].message and "未检出" not in found[0].message
    assert "彩色" in found[0].hint


def test_half_printed_stamp_is_not_taken_for_a_seal(tmp_path: Path) -> None:
    assert len(seal_findings(scanned_pdf(tmp_path / "残缺.pdf", broken=True))) == 1


def test_report_signed_by_a_body_needs_a_seal_and_a_meeting_record_or_poster_does_not(tmp_path: Path) -> None:
    assert len(seal_findings(scanned_pdf(tmp_path / "情况说明.pdf", REPORT, seal=None))) == 1
    minutes = ["理论学习中心组集体学习会议记录", "时间：2026年3月12日", "地点：市委第一会议室", "参会人员：中心组成员",
               "记录人：王××", "2026年3月12日"]
    assert seal_findings(scanned_pdf(tmp_path / "会议记录.pdf", minutes, seal=None)) == []
    poster = tmp_path / "公益广告海报.pdf"
    doc = pymupdf.open()
    page = _text_page(doc, ["文明焦作 你我同行", "讲文明 树新风", "公益广告"])
    place_seal_on_pdf(page, (450, 700), "焦作市文明办")
    doc.save(str(poster))
    assert seal_findings(poster) == []
    assert seal_findings(make_docx(tmp_path / "通知.docx", NOTICE)) == []


def test_a_decree_is_signed_by_its_signatory_not_sealed(tmp_path: Path) -> None:
    decree = ["焦作市人民政府令", "第12号", "焦作市生活垃圾分类管理办法已经市政府常务会议通过，现予公布。",
              "市长　李明远", "2026年3月5日"]
    path = exported_pdf(tmp_path / "政府令.pdf", decree)
    assert "正式发文" in kinds_of(path)
    assert seal_findings(path) == []


def test_the_measurement_is_cached_by_the_files_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    path = scanned_pdf(tmp_path / "未盖章.pdf", seal=None)
    first = seal_findings(path, cache=cache)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert cache.get_entry(red_seals._CACHE_KIND, sha) is not None

    def not_again(*_args: object) -> None:
        raise AssertionError("the page was rendered again")

    monkeypatch.setattr(red_seals, "_measure_pdf", not_again)
    assert [f.fingerprint for f in seal_findings(path, cache=cache)] == [f.fingerprint for f in first]


@pytest.mark.skipif(not ocr_available(), reason="needs the OCR engine")
def test_photographed_pages_are_judged_like_scans(tmp_path: Path) -> None:
    unsealed = tmp_path / "关于解放区背街小巷整治工作情况的说明.jpg"
    unsealed.write_bytes(page_jpeg(REPORT, dpi=150, seal=None))
    found = seal_findings(unsealed, ocr=True)
    assert len(found) == 1 and found[0].page == 1
    sealed = tmp_path / "关于解放区背街小巷整治工作情况的说明（盖章）.jpg"
    sealed.write_bytes(page_jpeg(REPORT, dpi=150))
    assert seal_findings(sealed, ocr=True) == []


# -- MR-SEAL-002 -----------------------------------------------------------------------------------

STANDARD = Standard(code="Ⅲ-11-1)", title="背街小巷环境整治方案", methods=[METHOD_MATERIALS],
                    requirement=MaterialRequirement(kinds=[KindRequirement("正式发文", 1)]))


def standard_findings(*paths: Path, standard: Standard = STANDARD) -> list:
    pairs = [read(p) for p in paths]
    return of_rule(check_standard(standard, pairs, CFG, CONFIG), "MR-SEAL-002")  # type: ignore[arg-type]


def test_notice_only_in_word_asks_for_the_sealed_copy(tmp_path: Path) -> None:
    word = make_docx(tmp_path / "焦城管〔2026〕12号 通知.docx", NOTICE)
    found = standard_findings(word)
    assert len(found) == 1
    assert found[0].file == str(word) and found[0].item_code == "Ⅲ-11-1)" and found[0].text == "焦城管〔2026〕12号"
    assert "请提交盖章后的扫描件或 PDF" in found[0].hint
    assert found[0].severity.label == "建议修改"


def test_notice_only_in_word_must_be_fixed_where_the_manual_asks_for_the_sealed_original(tmp_path: Path) -> None:
    sealed = Standard(code="Ⅲ-11-1)", title="背街小巷环境整治方案", methods=[METHOD_MATERIALS],
                      requirement=MaterialRequirement(kinds=[KindRequirement("正式发文", 1)], sealed=True))
    word = make_docx(tmp_path / "焦城管〔2026〕12号 通知.docx", NOTICE)
    found = standard_findings(word, standard=sealed)
    assert len(found) == 1 and found[0].severity.label == "必须修改"
    assert "本条目要求提交加盖公章的原件扫描件" in found[0].message
    assert standard_findings(word, scanned_pdf(tmp_path / "通知（盖章）.pdf"), standard=sealed) == []


def test_word_copy_beside_its_sealed_scan_or_pdf_is_fine(tmp_path: Path) -> None:
    word = make_docx(tmp_path / "通知.docx", NOTICE)
    assert standard_findings(word, scanned_pdf(tmp_path / "通知（盖章）.pdf")) == []
    misread = [NOTICE[0], "焦城管[2026]17号", *NOTICE[2:]]  # the scan's 文号 read wrongly: matched by title
    assert standard_findings(word, scanned_pdf(tmp_path / "扫描.pdf", misread)) == []
    other = [NOTICE[0], "焦城管〔2026〕13号", "关于开展城市家具清洗维护的通知", *NOTICE[3:]]
    assert len(standard_findings(word, scanned_pdf(tmp_path / "另一份.pdf", other))) == 1


def test_decree_only_in_word_is_reported_and_a_plan_citing_a_number_is_not(tmp_path: Path) -> None:
    decree = make_docx(tmp_path / "政府令.docx", ["焦作市人民政府令", "第12号", "焦作市生活垃圾分类管理办法",
                                                  "第一条　为了加强生活垃圾分类管理，制定本办法。", "市长　李明远", DAY])
    found = standard_findings(decree)
    assert len(found) == 1 and found[0].text == "焦作市人民政府令 第12号"
    plan = make_docx(tmp_path / "实施方案.docx", ["焦作市贯彻落实中办发〔2016〕89号文件实施方案",
                                                 "为抓好理论学习，制定本方案。", "中共焦作市委宣传部", DAY])
    assert standard_findings(plan) == []


# -- 正式发文 by its shape ----------------------------------------------------------------------------

def test_notice_is_recognised_by_its_number_line_masthead_and_signature(tmp_path: Path) -> None:
    for path in (make_docx(tmp_path / "a.docx", NOTICE), exported_pdf(tmp_path / "a.pdf"),
                 scanned_pdf(tmp_path / "b.pdf")):
        reason = kinds_of(path).get("正式发文", "")
        assert "焦城管〔2026〕12号" in reason and "焦作市城市管理局文件" in reason and DAY in reason, path.name
    signer = ["焦作市城市管理局文件", "焦城管〔2026〕12号　　签发人：张建国", *NOTICE[2:]]
    assert "正式发文" in kinds_of(make_docx(tmp_path / "签发人.docx", signer))


def test_decrees_count_without_a_year_in_their_number(tmp_path: Path) -> None:
    lines = ["焦作市人民政府令", "第 12 号", "《焦作市生活垃圾分类管理办法》已经市政府常务会议通过，现予公布。",
             "市长　李明远", DAY]
    assert "令号“焦作市人民政府令 第12号”" in kinds_of(make_docx(tmp_path / "令.docx", lines))["正式发文"]
    joined = ["焦作市人民政府令第12号", *lines[2:]]
    assert "正式发文" in kinds_of(make_docx(tmp_path / "令2.docx", joined))
    assert "正式发文" in kinds_of(scanned_pdf(tmp_path / "令.pdf", lines, seal=None))


def test_a_number_the_text_only_cites_does_not_make_it_an_official_document(tmp_path: Path) -> None:
    cases = {
        "sentence": ["根据中办发〔2016〕89号文件精神，", "结合我市实际，制定本方案。", "中共焦作市委宣传部", DAY],
        "title": ["关于转发《关于进一步加强理论学习的意见》（豫宣〔2026〕3号）的通知", "请认真贯彻执行。",
                  "中共焦作市委宣传部", DAY],
        "body": ["焦作市2026年理论学习计划", "依据中办发〔2016〕89号，全年组织集体学习12次。", "中共焦作市委宣传部", DAY],
    }
    for name, lines in cases.items():
        path = make_docx(tmp_path / f"{name}.docx", lines)
        assert "正式发文" not in kinds_of(path), name
        pdf = exported_pdf(tmp_path / f"{name}.pdf", lines)
        assert "正式发文" not in kinds_of(pdf), name


def test_the_scan_measures_the_seal_so_the_checks_render_nothing(
        workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from review.checking.engine import run_checks
    from review.checking.findings import list_findings
    from review.intake.scan import scan
    from review.workspace.groups import add_group
    from review.workspace.permissions import LOCAL_USER

    with workspace.session() as session:
        add_group(session, "CG", "城管组")
    folder = tmp_path / "城管组"
    folder.mkdir()
    unsealed = exported_pdf(folder / "焦城管〔2026〕12号 通知.pdf")
    exported_pdf(folder / "焦城管〔2026〕13号 通知（已盖章）.pdf", e_seal=True)
    scan(workspace, LOCAL_USER, "CG", [folder], check=False)

    def not_at_check_time(*_args: object) -> None:
        raise AssertionError("the checks rendered a page the scan had measured")

    monkeypatch.setattr(red_seals, "_measure_pdf", not_at_check_time)
    run_checks(workspace)
    with workspace.session() as session:
        found = [f for f in list_findings(session, "CG") if f.rule_id == "MR-SEAL-001"]
    assert [Path(f.file).name for f in found] == [unsealed.name]
