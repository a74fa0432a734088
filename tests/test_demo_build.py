"""`build_demo` and `materials-review demo`: the workspace, the files on disk, the planted mistakes.

The demo scans and checks what it generates: the stored findings must include every mistake it
plants, and no content finding on its clean documents.
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import docx
import pymupdf
import pytest
from PIL import Image
from sqlalchemy import func, select

from demo.build import CITY, START, YEAR, write_demo_file
from demo.command import register as register_demo
from demo.images import DATETIME_ORIGINAL, EXIF_IFD
from demo.mistakes import MISTAKE_NAMES, id_check_digit
from demo.plan import Assignments, DemoFile, DemoPlan, PlantedMistake, plan_demo
from demo.vocabulary import FOREIGN_CITIES
from review.cli.main import run
from review.manual.assignment import group_standard_codes
from review.manual.service import read_manual
from review.manual.store import current_manual
from review.workspace.date_window import DateWindow
from review.workspace.db.models import FindingRecord, Group, Material
from review.workspace.folder import Workspace
from review.workspace.settings import WorkspaceSettings
from tests.conftest import small_manual
from tests.test_demo_writers import east_asian_font

# The rules that report each planted mistake (the duplicate is reported with scope "duplicate").
EXPECTED_RULES = {
    "date_outside_window": {"MR-DATE-001"},
    "template_leftover": {"MR-TPL-001"},
    "foreign_city": {"MR-CITY-001", "MR-CITY-002"},
    "docno_brackets": {"MR-DOCNO-001"},
    "personal_data": {"MR-PII-001", "MR-PII-002"},
    "no_data_report": {"MR-RPT-001"},
    "encrypted": {"MR-FILE-001"},
    "corrupt": {"MR-FILE-002"},
    "empty": {"MR-FILE-003"},
    "wrong_extension": {"MR-FILE-012"},
    "low_resolution": {"MR-FILE-006"},
    "long_filename": {"MR-FILE-009"},
    "no_caption": {"MR-CAP-001"},
    "missing_item": {"MR-REQ-001"},
}
# Rules about what a document says; a clean generated document must not trigger any of them.
CONTENT_RULES = {"MR-DATE-001", "MR-TPL-001", "MR-CITY-001", "MR-CITY-002", "MR-DOCNO-001", "MR-PII-001",
                 "MR-PII-002", "MR-RPT-001"}


@dataclass
class Built:
    """The demo as `materials-review demo DIR` made it, with the plan it followed."""

    root: Path
    plan: DemoPlan
    window: DateWindow
    out: str
    err: str

    @property
    def files(self) -> list[DemoFile]:
        return self.plan.files

    @property
    def mistakes(self) -> list[PlantedMistake]:
        return self.plan.mistakes

    @property
    def assignments(self) -> Assignments:
        return self.plan.assignments

    @property
    def materials(self) -> Path:
        return self.root / "materials"

    def path(self, demo_file: DemoFile) -> Path:
        return self.root / demo_file.path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("demo") / "ws"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = run(["demo", str(root)], extra=[register_demo])
    assert status == 0, err.getvalue()
    window = WorkspaceSettings(city=CITY, year=YEAR, start_date=START).date_window()
    plan = plan_demo(read_manual("sample").manual, window, CITY)
    return Built(root.resolve(), plan, window, out.getvalue(), err.getvalue())


def mistake(demo: Built, code: str) -> PlantedMistake:
    return next(m for m in demo.mistakes if m.code == code)


def planned(demo: Built, code: str) -> DemoFile:
    path = mistake(demo, code).path
    return next(f for f in demo.files if f.path == path)


def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    with pymupdf.open(path) as pdf:
        return "".join(page.get_text() for page in pdf).replace("\n", "")


def test_workspace_has_city_manual_groups_and_assignments(demo: Built) -> None:
    workspace = Workspace.open(demo.root)
    try:
        settings = workspace.settings()
        assert (settings.city, settings.year, settings.start_date.isoformat()) == ("北湖市", 2026, "2026-08-01")
        with workspace.session() as session:
            manual = current_manual(session)
            assert manual is not None and manual.counts()["material_standards"] >= 40
            groups = {g.code: g for g in session.scalars(select(Group))}
            assert {code: g.name for code, g in groups.items()} == {
                "XC": "宣传组", "CG": "城管组", "JT": "交通组", "JY": "教育组", "SJ": "市场监管组", "WH": "文化组"}
            covered = {code for g in groups.values() for code in group_standard_codes(session, g, manual)}
            roles = {gi.role for g in groups.values() for gi in g.items}
    finally:
        workspace.close()
    material = {s.code for s in manual.material_standards()}
    uncovered = material - covered
    assert uncovered == set(demo.assignments.uncovered) and len(uncovered) == 2
    assert roles == {"lead", "support"}


def test_files_of_every_format_named_by_item_code(demo: Built) -> None:
    assert 60 <= len(demo.files) <= 120
    on_disk = sorted(p for p in demo.materials.rglob("*") if p.is_file())
    assert sorted(demo.path(f) for f in demo.files) == on_disk
    assert {"docx", "pdf", "jpg", "xlsx", "csv"} <= {f.format for f in demo.files}
    assert sum(f.variant == "scan" for f in demo.files) >= 1
    for f in demo.files:
        folder = Path(f.path).parent.name
        if f.item is None:
            assert folder == "待归类"
        else:
            assert folder.startswith(f.item + " ")


def test_documents_carry_chinese_text_and_fonts(demo: Built) -> None:
    notice = next(f for f in demo.files if f.kind == "正式发文" and f.format == "docx" and not f.mistakes)
    text = text_of(demo.path(notice))
    assert re.search(r"北湖.+〔20\d\d〕\d+号", text) and "的通知" in text and "北湖市" in text
    signature = docx.Document(str(demo.path(notice))).paragraphs[-1]
    assert east_asian_font(signature) == "仿宋_GB2312"
    text_pdf = next(f for f in demo.files if f.format == "pdf" and not f.variant and not f.mistakes)
    assert "北湖市" in text_of(demo.path(text_pdf))
    scan = next(f for f in demo.files if f.variant == "scan")
    assert text_of(demo.path(scan)).strip() == ""


def test_photos_have_exif_dates_as_planned(demo: Built) -> None:
    photos = [f for f in demo.files if f.format == "jpg"]
    assert any(f.photo.taken for f in photos) and any(f.photo.taken is None for f in photos)
    for f in photos:
        with Image.open(demo.path(f)) as image:
            original = image.getexif().get_ifd(EXIF_IFD).get(DATETIME_ORIGINAL)
        expected = f.photo.taken.strftime("%Y:%m:%d %H:%M:%S") if f.photo.taken else None
        assert original == expected, f.path
        if f.photo.taken:
            assert demo.window.contains(f.photo.taken.date())


def test_every_kind_of_mistake_is_planted(demo: Built) -> None:
    assert {m.code for m in demo.mistakes} == set(MISTAKE_NAMES)
    for m in demo.mistakes:
        if m.path:
            assert (demo.root / m.path).exists(), m


def test_content_mistakes_are_in_the_files(demo: Built) -> None:
    old = planned(demo, "date_outside_window")
    assert not demo.window.contains(old.day) and old.doc.date_text in text_of(demo.path(old))
    leftovers = text_of(demo.path(planned(demo, "template_leftover")))
    assert all(word in leftovers for word in ("XX同志", "第X名", "×××"))
    assert any(city in text_of(demo.path(planned(demo, "foreign_city"))) for city in FOREIGN_CITIES)
    bracket = planned(demo, "docno_brackets")
    assert re.search(r"\[20\d\d\]\d+号", text_of(demo.path(bracket))) and "〔" not in bracket.doc.docno
    personal = text_of(demo.path(planned(demo, "personal_data")))
    ids = re.findall(r"(?<!\d)\d{17}[\dX](?![\dX])", personal)
    assert len(ids) == 1 and id_check_digit(ids[0][:17]) == ids[0][-1]
    assert re.search(r"(?<!\d)1[3578]\d{9}(?!\d)", personal)
    assert len(re.findall(r"\d{6}\*{8}\d{3}[\dX]", personal)) == 7
    summary_only = text_of(demo.path(planned(demo, "no_data_report")))
    assert not re.search(r"\d+(个|场|人|%)", summary_only)


def test_file_mistakes_are_in_the_files(demo: Built) -> None:
    copy = planned(demo, "duplicate")
    digest = hashlib.sha256(demo.path(copy).read_bytes()).hexdigest()
    assert digest == hashlib.sha256((demo.root / copy.source).read_bytes()).hexdigest()
    assert Path(copy.path).parent != Path(copy.source).parent
    with pymupdf.open(demo.path(planned(demo, "encrypted"))) as pdf:
        assert pdf.needs_pass
    corrupt = demo.path(planned(demo, "corrupt")).read_bytes()
    assert corrupt[:2] == b"PK" and not zipfile.is_zipfile(io.BytesIO(corrupt))
    assert demo.path(planned(demo, "empty")).stat().st_size == 0
    fake = demo.path(planned(demo, "wrong_extension"))
    assert fake.suffix == ".pdf" and fake.read_bytes()[:3] == b"\xff\xd8\xff"
    with Image.open(demo.path(planned(demo, "low_resolution"))) as image:
        assert image.width * image.height < 200_000
    assert planned(demo, "no_caption").photo.caption is None
    assert len(Path(planned(demo, "long_filename").path).name) > WorkspaceSettings().max_filename_length
    missing = mistake(demo, "missing_item")
    assert missing.path is None
    assert not any(f.item == missing.item for f in demo.files)
    assert missing.item not in demo.assignments.uncovered


def stored_findings(demo: Built) -> list[FindingRecord]:
    workspace = Workspace.open(demo.root)
    try:
        with workspace.session() as session:
            assert session.scalar(select(func.count(Material.id))) == len(demo.files)
            return list(session.scalars(select(FindingRecord)))
    finally:
        workspace.close()


def test_scan_and_checks_find_every_planted_mistake(demo: Built) -> None:
    assert all(f"工作组 {code}：" in demo.out for code in ("XC", "CG", "JT", "JY", "SJ", "WH"))
    assert "检查文件" in demo.out
    findings = stored_findings(demo)
    for mistake in demo.mistakes:
        if mistake.code == "duplicate":
            assert any(f.scope == "duplicate" and f.file.endswith(Path(mistake.path).name) for f in findings), mistake
        elif mistake.path is None:
            assert any(f.rule_id in EXPECTED_RULES[mistake.code] and f.item_code == mistake.item
                       for f in findings), mistake
        else:
            assert any(f.rule_id in EXPECTED_RULES[mistake.code] and f.file.endswith(Path(mistake.path).name)
                       for f in findings), mistake


def test_clean_documents_raise_no_content_findings(demo: Built) -> None:
    clean = {Path(f.path).name for f in demo.files if f.doc is not None and not f.mistakes and not f.variant}
    assert len(clean) >= 40
    noisy = [(f.file, f.rule_id) for f in stored_findings(demo)
             if f.rule_id in CONTENT_RULES and Path(f.file).name in clean]
    assert noisy == []


def content_key(f: DemoFile) -> object:
    return f.doc.text() if f.doc else f.photo.seed if f.photo else f.source


def test_same_seed_same_plan_and_bytes(tmp_path: Path, demo: Built) -> None:
    manual = read_manual("sample").manual
    first = plan_demo(manual, demo.window, "北湖市", 7)
    again = plan_demo(manual, demo.window, "北湖市")
    other = plan_demo(manual, demo.window, "北湖市", 8)
    assert [f.path for f in first.files] == [f.path for f in demo.files] == [f.path for f in again.files]
    assert list(map(content_key, first.files)) == list(map(content_key, again.files))
    assert list(map(content_key, first.files)) != list(map(content_key, other.files))
    samples = [next(f for f in first.files if f.format == fmt and not f.variant and not f.mistakes)
               for fmt in ("docx", "pdf", "xlsx", "jpg")] + [next(f for f in first.files if f.variant == "scan")]
    for f in samples:
        assert write_demo_file(tmp_path, f).read_bytes() == demo.path(f).read_bytes(), f.path


def test_cli_prints_progress_and_a_summary(demo: Built) -> None:
    assert "生成演示材料" in demo.err and "Traceback" not in demo.err
    assert str(demo.root) in demo.out and "北湖市" in demo.out and "宣传组" in demo.out
    assert all(MISTAKE_NAMES[m.code] in demo.out for m in demo.mistakes)
    assert all(code in demo.out for code in demo.assignments.uncovered)


def test_cli_refuses_a_non_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "已有文件.txt").write_text("内容", encoding="utf-8")
    assert run(["demo", str(target)], extra=[register_demo]) != 0
    err = capsys.readouterr().err
    assert "不是空文件夹" in err and str(target) in err and "Traceback" not in err
    assert not (target / "workspace.json").exists()


def test_a_small_manual_gets_the_mistakes_it_has_room_for() -> None:
    window = WorkspaceSettings(city=CITY, year=YEAR, start_date=START).date_window()
    plan = plan_demo(small_manual(), window, CITY)
    assert {m.code for m in plan.mistakes} == {"missing_item", "date_outside_window", "docno_brackets",
                                                "wrong_extension"}
    assert plan.assignments.uncovered == ["Ⅲ-1-2)"]
    assert next(m for m in plan.mistakes if m.code == "missing_item").item == "Ⅲ-3-1)"
    assert {f.item for f in plan.files} == {None, "Ⅲ-1-1)"}
    assert all(m.path in {f.path for f in plan.files} for m in plan.mistakes if m.path)


def test_the_demo_has_a_leader_and_an_office_account_to_try(demo: Built) -> None:
    from demo.accounts import DEMO_PASSWORD
    from review.workspace.accounts import login

    workspace = Workspace.open(demo.root)
    try:
        leader, office = login(workspace, "张明", DEMO_PASSWORD), login(workspace, "李华", DEMO_PASSWORD)
    finally:
        workspace.close()
    assert (leader.role, leader.group_code, office.role) == ("leader", "XC", "office")
    assert f"密码均为 {DEMO_PASSWORD}" in demo.out and "张明（宣传组组长）" in demo.out
