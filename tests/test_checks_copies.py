"""一稿多用 on real files: reports that differ only in place names and figures (MR-DUP-003), photos used
again under another standard or by another group (MR-DUP-004), another city's districts and roads
left in a copied material (MR-CITY-003), and the province as a workspace setting."""
from __future__ import annotations

import hashlib
import io
import random
import time
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest
from docx import Document
from docx.shared import Cm
from PIL import Image

from demo.images import write_photo
from index.cache import ExtractionCache
from index.document import Extraction
from index.extract import extract_file
from index.photo_hash import distance, hash_image_bytes
from review.checking.rules import RuleConfig, find_duplicates
from review.checking.rules.duplicates import FileSignature, file_signature, find_duplicates_by_signature
from review.checking.rules.photo_reuse import find_reused_photos
from review.checking.rules.runner import check_file
from review.errors import UserError
from tests.checks_support import extraction, facts_for, of_rule, settings

_REPORT = [
    "关于{place}老旧小区物业管理全覆盖工作情况的说明",
    "今年以来，{place}住房和城乡建设局按照市委、市政府的统一部署，把老旧小区物业管理全覆盖作为民生实事来抓。",
    "一是摸清底数。组织{street}等{n1}个街道对辖区{n2}个老旧小区逐一排查，建立问题清单、任务清单、责任清单。",
    "二是分类施策。对有条件的小区引入专业物业服务企业，对规模较小的小区推行“红色物业”和居民自治，"
    "由社区党组织牵头成立业主委员会，目前已覆盖{n3}个小区。",
    "三是强化保障。区财政安排专项资金{n4}万元，用于老旧小区物业启动补贴和设施维修，群众满意度达到{n5}%。",
    "下一步，我们将继续巩固提升，建立长效管理机制，确保老旧小区物业服务管得住、管得好。",
    "{place}住房和城乡建设局",
    "2026年4月{day}日",
]


def _report(place: str, street: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    figures = {f"n{i}": str(rng.randint(12, 480)) for i in range(1, 6)}
    return [line.format(place=place, street=street, day=rng.randint(10, 28), **figures) for line in _REPORT]


def _docx(path: Path, paragraphs: list[str], photos: list[bytes] = ()) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for data in photos:
        document.add_picture(io.BytesIO(data), width=Cm(12))
        document.add_paragraph("图1 2026年4月18日，解放区焦北街道，志愿者开展文明交通劝导")
    document.save(str(path))
    return path


def _pdf(path: Path, paragraphs: list[str], photos: list[bytes] = ()) -> Path:
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    y = 72.0
    for text in paragraphs:
        box = pymupdf.Rect(72, y, 523, y + 60)
        page.insert_textbox(box, text, fontname="china-s", fontsize=11)
        y += 62
    for data in photos:
        page = document.new_page(width=595, height=842)
        page.insert_image(pymupdf.Rect(100, 100, 495, 400), stream=data)
        page.insert_text((100, 430), "图1 2026年4月18日 解放区焦北街道 志愿者开展文明交通劝导", fontname="china-s", fontsize=10)
    document.save(str(path))
    document.close()
    return path


def _photo(tmp_path: Path, seed: int) -> bytes:
    return write_photo(tmp_path / f"photo-{seed}.jpg", rng=random.Random(seed), area="志愿服务").read_bytes()


def _altered(data: bytes, *, scale: float = 1.0, crop: float = 0.0, quality: int = 85, fmt: str = "JPEG") -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        dx, dy = int(width * crop), int(height * crop)
        out = image.convert("RGB").crop((dx, dy, width - dx, height - dy))
        out = out.resize((max(1, int(out.width * scale)), max(1, int(out.height * scale))))
    buffer = io.BytesIO()
    out.save(buffer, format=fmt, quality=quality)
    return buffer.getvalue()


def _material(tmp_path: Path, path: Path, *, items: tuple[str, ...] = ("Ⅲ-13-2)",), group: str = "CG"):
    ex = extract_file(path, hashlib.sha256(path.read_bytes()).hexdigest())
    return facts_for(ex, path.name, items=items, group=group, path=str(path)), ex


# -- MR-DUP-003 ------------------------------------------------------------------------------------

def test_two_reports_differing_only_in_the_district_are_one_text_used_twice(tmp_path: Path) -> None:
    a = _material(tmp_path, _docx(tmp_path / "解放区说明.docx", _report("解放区", "焦北街道", 1)))
    b = _material(tmp_path, _pdf(tmp_path / "山阳区说明.pdf", _report("山阳区", "光亚街道", 2)))
    found = find_duplicates([a, b])
    assert of_rule(found, "MR-DUP-002") == []  # their own text is not alike enough
    copies = of_rule(found, "MR-DUP-003")
    assert {f.file for f in copies} == {a[0].path, b[0].path}
    message = next(f.message for f in copies if f.file == a[0].path)
    assert "山阳区说明.pdf" in message and "一稿多用" in message
    assert next(f.text for f in copies if f.file == b[0].path) == "解放区说明.docx"


def test_a_copy_where_only_the_city_changed_is_found(tmp_path: Path) -> None:
    text = _report("焦作市", "焦北街道", 3)
    copied = [line.replace("焦作市", "新乡市").replace("焦北街道", "平原路街道") for line in text]
    a = _material(tmp_path, _docx(tmp_path / "焦作.docx", text))
    b = _material(tmp_path, _docx(tmp_path / "新乡.docx", copied), group="XC", items=("Ⅲ-2-2)",))
    assert {f.file for f in of_rule(find_duplicates([a, b]), "MR-DUP-003")} == {a[0].path, b[0].path}


def test_a_pair_already_near_identical_is_reported_once_as_such(tmp_path: Path) -> None:
    text = _report("解放区", "焦北街道", 4)
    a = _material(tmp_path, _docx(tmp_path / "初稿.docx", text))
    b = _material(tmp_path, _docx(tmp_path / "终稿.docx", [*text[:-1], "（此稿为终稿）", text[-1]]))
    found = find_duplicates([a, b])
    assert {f.file for f in of_rule(found, "MR-DUP-002")} == {a[0].path, b[0].path}
    assert of_rule(found, "MR-DUP-003") == []


def test_different_reports_on_one_topic_and_ledgers_are_not_copies(tmp_path: Path) -> None:
    other = ["关于中站区公共文化场馆免费开放情况的说明",
             "中站区图书馆、文化馆全年免费开放，累计接待群众3.2万人次，举办公益讲座46场。",
             "区文化广电和旅游局每月对开放时间、服务项目进行检查，发现问题12个，均已整改。",
             "下一步，将延长节假日开放时间，增加面向未成年人的阅读推广活动。"] * 2
    a = _material(tmp_path, _docx(tmp_path / "物业.docx", _report("解放区", "焦北街道", 5)))
    b = _material(tmp_path, _docx(tmp_path / "场馆.docx", other))
    assert of_rule(find_duplicates([a, b]), "MR-DUP-003") == []
    assert file_signature(replace(a[1], format="xlsx")).masked is None  # a 台账 masked is its header


def test_the_masked_signature_is_stored_and_refreshed_with_the_place_data(tmp_path: Path) -> None:
    path = _docx(tmp_path / "a.docx", _report("解放区", "焦北街道", 6))
    ex = extract_file(path, "ab" * 32)
    cache = ExtractionCache(tmp_path / "cache")
    cache.put(ex)
    back = cache.get("ab" * 32)
    assert back is not None and back.masked_minhash is not None
    stored = file_signature(back)
    assert stored is not None and stored.masked == back.masked_minhash
    # An entry masked with other place-name data is not trusted: the signature is taken again.
    data = back.to_json()
    data["masked_version"] = "0-older"
    older = Extraction.from_json(data)
    assert older.masked_minhash is None and file_signature(older).masked == back.masked_minhash


# -- MR-DUP-004 ------------------------------------------------------------------------------------

def test_one_photo_re_encoded_resized_and_cropped_keeps_its_hash(tmp_path: Path) -> None:
    original = _photo(tmp_path, 11)
    value = hash_image_bytes(original)
    assert value is not None
    for copy in (_altered(original, quality=40), _altered(original, scale=0.4), _altered(original, crop=0.02),
                 _altered(original, fmt="PNG")):
        assert distance(value, hash_image_bytes(copy)) <= 20
    assert distance(value, hash_image_bytes(_photo(tmp_path, 12))) > 20  # another photo of the same kind of scene
    scan = Image.new("RGB", (1240, 1754), "white")
    buffer = io.BytesIO()
    scan.save(buffer, format="JPEG")
    assert hash_image_bytes(buffer.getvalue()) is None  # a blank scan is no photo


def test_a_photo_filed_again_by_another_group_or_standard_is_found_in_images_pdf_and_docx(tmp_path: Path) -> None:
    shared = _photo(tmp_path, 21)
    jpeg = tmp_path / "图片1 2026年4月18日 解放区 文明交通劝导.jpg"
    jpeg.write_bytes(shared)
    again = tmp_path / "劝导照片.jpg"
    again.write_bytes(_altered(shared, scale=0.5, crop=0.02, quality=60))
    album = _pdf(tmp_path / "图片说明.pdf", ["文明交通劝导活动图片"], [_altered(shared, scale=0.7)])
    word = _docx(tmp_path / "图片说明.docx", ["文明交通劝导活动图片"], [_altered(shared, quality=50)])
    unrelated = tmp_path / "其他.jpg"
    unrelated.write_bytes(_photo(tmp_path, 22))
    files = [_material(tmp_path, jpeg, items=("Ⅲ-8-3)",), group="WH"),
             _material(tmp_path, again, items=("Ⅲ-6-2)",), group="JY"),
             _material(tmp_path, album, items=("Ⅲ-9-1)",), group="WH"),
             _material(tmp_path, word, items=("Ⅲ-8-3)",), group="WH"),  # with the JPEG: same standard
             _material(tmp_path, unrelated, items=("Ⅲ-12-2)",), group="CG")]
    found = of_rule(find_duplicates(files), "MR-DUP-004")
    pairs = {(f.file.rsplit("/", 1)[1], f.text) for f in found}
    assert ("图片1 2026年4月18日 解放区 文明交通劝导.jpg", "劝导照片.jpg") in pairs
    assert ("劝导照片.jpg", "图片1 2026年4月18日 解放区 文明交通劝导.jpg") in pairs
    assert ("图片说明.pdf", "图片说明.docx") in pairs
    assert ("图片1 2026年4月18日 解放区 文明交通劝导.jpg", "图片说明.docx") not in pairs  # one standard
    assert all("其他.jpg" not in (f.file + f.text) for f in found)
    on_pdf = next(f for f in found if f.file.endswith("图片说明.pdf"))
    assert on_pdf.page == 2 and "疑似同一张" in on_pdf.message and on_pdf.item_code == "Ⅲ-9-1)"


def test_photo_hashes_come_from_the_extraction_so_checking_reads_no_image(tmp_path: Path) -> None:
    path = tmp_path / "a.jpg"
    path.write_bytes(_photo(tmp_path, 31))
    ex = extract_file(path, "cd" * 32)
    assert len(ex.facts["photo_hashes"]) == 1
    signature = file_signature(ex)
    assert signature is not None and signature.photos[0][0] == ex.facts["photo_hashes"][0]["hash"]
    facts = facts_for(ex, "a.jpg", items=("Ⅲ-8-3)",), group="WH", path="/a.jpg")
    other = replace(facts, path="/b.jpg", rel_path="b.jpg", name="b.jpg", sha256="ef" * 32, group="JY")
    stored = signature.to_json()
    found = find_duplicates_by_signature([(facts, FileSignature.from_json(stored)),
                                          (other, FileSignature.from_json(stored))])
    assert len(of_rule(found, "MR-DUP-004")) == 2


def test_comparing_five_thousand_photos_is_quick() -> None:
    rng = random.Random(5)
    files = []
    for index in range(2500):
        facts = facts_for(extraction("照片", seed=str(index)), f"{index}.jpg", items=(f"Ⅲ-{index % 19}-1)",),
                          path=f"/p/{index}.jpg")
        files.append((facts, tuple((f"{rng.getrandbits(128):032x}", 1) for _ in range(2))))
    started = time.process_time()
    assert find_reused_photos(files, 20) == []
    assert time.process_time() - started < 2.0


# -- MR-CITY-003 -----------------------------------------------------------------------------------

def _city_findings(tmp_path: Path, paragraphs: list[str], *, name: str = "方案.docx", **changes) -> list:
    path = _docx(tmp_path / name, paragraphs) if name.endswith(".docx") else _pdf(tmp_path / name, paragraphs)
    ex = extract_file(path, "ef" * 32)
    cfg = settings(**{"city": "焦作市", **changes})
    return check_file(facts_for(ex, name, items=("Ⅲ-13-1)",), group="CG"), ex, cfg, RuleConfig.from_settings(cfg))


def test_another_citys_districts_and_roads_left_in_a_copied_plan(tmp_path: Path) -> None:
    found = of_rule(_city_findings(tmp_path, [
        "焦作市2026年老旧小区改造计划",
        "重点推进红旗区、卫滨区32个老旧小区改造，平原路沿线小区同步实施外立面整治。"]), "MR-CITY-003")
    assert len(found) == 1
    assert found[0].text == "红旗区" and "新乡市" in found[0].message and "“平原路”" in found[0].message
    assert found[0].severity.value == "should"
    pdf = of_rule(_city_findings(tmp_path, ["西湖区、拱墅区率先推行志愿积分兑换，文三路沿线商户参与。"],
                                 name="说明.pdf"), "MR-CITY-003")
    assert len(pdf) == 1 and "杭州市" in pdf[0].message and pdf[0].page == 1


@pytest.mark.parametrize("line", [
    "组织赴新乡市红旗区考察学习老旧小区改造经验。",  # names the city, and a visit
    "市住建局赴卫滨区学习借鉴“红色物业”做法。",  # a visit
    "省住房城乡建设厅在金水区召开全省老旧小区改造现场会。",  # a provincial meeting, in our province
    "解放区、山阳区、修武县老旧小区改造全面完成。",  # our own districts
    "争创全省文明城市示范县，叶县长出席会议。",  # words that contain a county's name
    "沿金穗大道两侧开展整治。",  # one road alone is no evidence
])
def test_legitimate_mentions_are_not_reported(tmp_path: Path, line: str) -> None:
    assert of_rule(_city_findings(tmp_path, [line]), "MR-CITY-003") == []


def test_the_province_setting_decides_what_a_provincial_meeting_is(tmp_path: Path) -> None:
    line = "省住房城乡建设厅在金水区召开全省老旧小区改造现场会。"
    assert settings(city="焦作市").province_name() == "河南省"
    assert len(of_rule(_city_findings(tmp_path, [line], province="山东省"), "MR-CITY-003")) == 1
    assert settings(city="焦作市").with_value("province", "山东").province == "山东省"
    assert settings(city="焦作市").with_value("province", "").province_name() == "河南省"
    with pytest.raises(UserError, match="不是省级行政区"):
        settings(city="焦作市").with_value("province", "江南")
    assert ("province", "所在省份（留空则按本市名称推断）", "河南省（按本市名称推断）") in settings(city="焦作市").describe()


def test_an_unlisted_city_is_not_checked_for_leftovers(tmp_path: Path) -> None:
    found = _city_findings(tmp_path, ["湖滨区、城关区志愿服务全覆盖。"], city="北湖市")
    assert of_rule(found, "MR-CITY-003") == []
