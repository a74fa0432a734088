"""Blurred photos (MR-IMG-001), coarse scanned PDF pages (MR-FILE-017) and counting photos per photo,
on real JPEG, PNG, PDF and DOCX files made here and read by the real extractors."""
from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from index.extract import extract_file
from review.checking.rules import FileFacts, RuleConfig, check_file
from review.checking.rules.kinds import photos_per_page
from review.checking.rules.runner import recognise_kinds
from review.workspace.settings import WorkspaceSettings
from tests.checks_support import of_rule, settings
from tests.corpus import scenes
from tests.files import make_scanned_pdf

CFG = settings()
CAPTIONS = ("2026年5月12日 人民公园 志愿者清理垃圾", "2026年5月13日 火车站广场 文明引导", "2026年5月14日 焦东社区 宣讲")


def read(path: Path):
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    ex = extract_file(path, sha)
    return FileFacts.of(str(path), path.name, path.stat().st_size, sha, ex.format, "WH", ("Ⅲ-8-3)",)), ex


def check(path: Path, cfg: WorkspaceSettings = CFG) -> list:
    facts, ex = read(path)
    return check_file(facts, ex, cfg, RuleConfig.from_settings(cfg))


def blurred(path: Path) -> list:
    return of_rule(check(path), "MR-IMG-001")


def scene(kind: str, seed: int = 7) -> Image.Image:
    return scenes.SCENES[kind](random.Random(seed))


def save(path: Path, image: Image.Image) -> Path:
    if path.suffix == ".png":
        image.save(path, format="PNG")
    else:
        path.write_bytes(scenes.jpeg(image))
    return path


@pytest.mark.parametrize("kind", ["night", "poster", "crowd", "street", "wall"])
def test_sharp_photos_of_every_kind_are_not_called_blurred(tmp_path: Path, kind: str) -> None:
    assert blurred(save(tmp_path / f"{kind}.jpg", scene(kind))) == []


@pytest.mark.parametrize(("kind", "spoil"), [
    ("street", lambda im: scenes.defocus(im, 4)),
    ("crowd", lambda im: scenes.defocus(im, 3)),
    ("night", lambda im: scenes.shake(im, 16)),
    ("poster", lambda im: scenes.shake(im, 20, vertical=True)),
])
def test_defocused_and_shaken_photos_are_reported_as_an_estimate(tmp_path: Path, kind: str, spoil) -> None:
    [found] = blurred(save(tmp_path / f"{kind}.jpg", spoil(scene(kind))))
    assert found.severity.value == "should" and "模糊" in found.message
    assert "估算" in found.message and "核实" in found.message  # a heuristic says so


def test_a_blurred_plain_wall_is_not_reported_since_nothing_shows_focus(tmp_path: Path) -> None:
    assert blurred(save(tmp_path / "wall.png", scenes.defocus(scene("wall"), 5))) == []


def test_the_blur_threshold_is_a_workspace_setting(tmp_path: Path) -> None:
    path = save(tmp_path / "街道.jpg", scenes.defocus(scene("street"), 4))
    strict = settings(rules={"MR-IMG-001": {"min_sharpness": 0.05}})
    assert of_rule(check(path, strict), "MR-IMG-001") == []
    assert of_rule(check(path, settings(rules={"MR-IMG-001": {"enabled": False}})), "MR-IMG-001") == []


def _picture_docx(path: Path, photos: Sequence[Image.Image]) -> Path:
    return scenes.picture_docx(path, "新时代文明实践站志愿服务活动图片",
                               [(scenes.jpeg(p), c) for p, c in zip(photos, CAPTIONS, strict=False)])


def test_a_blurred_photo_inside_a_picture_document_is_named_by_its_place(tmp_path: Path) -> None:
    photos = [scene("street", 1), scenes.defocus(scene("crowd", 2), 4), scene("night", 3)]
    path = _picture_docx(tmp_path / "图片说明.docx", photos)
    [found] = blurred(path)
    assert found.location == "第2张图片" and found.page is None
    facts, ex = read(path)
    assert [k.count for k in recognise_kinds(facts, ex, CFG) if k.kind == "图片"] == [3]  # the logo is no photo
    assert of_rule(check(path), "MR-CAP-001") == []


def _album_pdf(path: Path, photos: Sequence[Image.Image], *, cover: bool = True) -> Path:
    return scenes.album_pdf(path, "焦作市志愿服务活动图片汇编",
                            [(scenes.jpeg(p), c) for p, c in zip(photos, CAPTIONS, strict=False)], cover=cover)


def test_photos_in_an_album_pdf_are_counted_without_its_cover_logos_seal_and_qr_code(tmp_path: Path) -> None:
    path = _album_pdf(tmp_path / "活动照片.pdf", [scene("street", 1), scene("crowd", 2), scene("poster", 3)])
    facts, ex = read(path)
    assert photos_per_page(ex) == {2: 1, 3: 1, 4: 1}
    assert [k.count for k in recognise_kinds(facts, ex, CFG) if k.kind == "图片"] == [3]
    assert of_rule(check(path), "MR-CAP-001") == [] and blurred(path) == []


def test_a_cover_picture_under_the_title_is_a_background_not_a_photo(tmp_path: Path) -> None:
    path = tmp_path / "封面.pdf"
    out = pymupdf.open()
    page = out.new_page(width=595, height=842)
    page.insert_image(pymupdf.Rect(0, 100, 595, 546), stream=scenes.jpeg(scene("street", 4)))
    page.insert_text((90, 320), "焦作市创建全国文明城市图片资料", fontname="china-s", fontsize=24)
    for photo, caption in zip([scene("crowd", 5), scene("night", 6)], CAPTIONS, strict=False):
        page = out.new_page(width=595, height=842)
        page.insert_image(pymupdf.Rect(80, 120, 515, 446), stream=scenes.jpeg(photo))
        page.insert_text((80, 470), caption, fontname="china-s", fontsize=11)
    out.save(str(path))
    out.close()
    facts, ex = read(path)
    assert photos_per_page(ex) == {2: 1, 3: 1}
    assert [k.count for k in recognise_kinds(facts, ex, CFG) if k.kind == "图片"] == [2]


def test_a_blurred_photo_in_an_album_pdf_is_reported_on_its_page(tmp_path: Path) -> None:
    photos = [scene("street", 1), scene("crowd", 2), scenes.shake(scene("poster", 3), 18)]
    [found] = blurred(_album_pdf(tmp_path / "活动照片.pdf", photos))
    assert found.page == 4 and found.location == "第4页第1张图片"


def _scan(path: Path, dpis: Sequence[int]) -> Path:
    """A scanned document whose pages were scanned at the given resolutions."""
    out = pymupdf.open()
    for number, dpi in enumerate(dpis, start=1):
        make_scanned_pdf(path.with_suffix(f".{number}.pdf"), [f"第{number}页 焦作市文明办关于志愿服务工作的通知"], dpi=dpi)
        with pymupdf.open(path.with_suffix(f".{number}.pdf")) as part:
            out.insert_pdf(part)
    out.save(str(path))
    out.close()
    return path


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_scans_at_usual_resolutions_pass(tmp_path: Path, dpi: int) -> None:
    assert of_rule(check(_scan(tmp_path / "通知.pdf", [dpi, dpi])), "MR-FILE-017") == []


def test_a_coarse_scan_is_reported_once_with_its_worst_pages(tmp_path: Path) -> None:
    path = _scan(tmp_path / "通知.pdf", [200, 96, 72, 200])
    [found] = of_rule(check(path), "MR-FILE-017")
    assert found.text == "72 dpi" and found.page == 3 and found.location == "第2、3页"
    assert "第3页约 72 dpi、第2页约 96 dpi" in found.message and "150 dpi" in found.message
    loose = settings(rules={"MR-FILE-006": {"min_dpi": 70}})
    assert of_rule(check(path, loose), "MR-FILE-017") == []


def test_photos_in_a_pdf_are_not_scans_and_a_text_pdf_has_no_scan_finding(tmp_path: Path) -> None:
    album = _album_pdf(tmp_path / "照片.pdf", [scene("street", 1)], cover=False)
    assert of_rule(check(album), "MR-FILE-017") == []
    text = tmp_path / "说明.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "情况说明", fontname="china-s")
    doc.save(str(text))
    doc.close()
    assert of_rule(check(text), "MR-FILE-017") == []
