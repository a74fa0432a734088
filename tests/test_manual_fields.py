"""What the real manual says beyond kinds and counts: 网上测评 as a method, sealed original scans (盖章原件扫描件),
evidence of 落实, and photos counted in 张 — loaded, checked, compared, imported from Word and shown."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from review.cli.main import run
from review.manual.diff import diff_manuals
from review.manual.docx_import import import_manual_docx
from review.manual.loader import ManualError, check_manual_document, load_manual_file, manual_to_yaml
from review.manual.model import METHOD_ONLINE
from review.manual.service import sample_manual_path

MANUAL = """\
title: 测试手册
edition: "2026"
projects:
  - code: Ⅰ-1
    title: 公益广告
    indicators:
      - code: Ⅱ-1
        title: 公益广告宣传
        contents:
          - code: Ⅲ-1
            title: 公益广告刊播
            standards:
              - code: Ⅲ-1-1)
                title: 制定公益广告刊播管理办法
                methods: [材料审核]
                grading: 已出台并落实为A；已出台未落实为B；其余情形为C#
                requirement:
                  kinds: [{kind: 正式发文, min_count: 1}]
{extra}              - code: Ⅲ-1-2)
                title: 主要新闻网站开设公益广告专栏
                methods: [网上测评]
                grading: 开设专栏并常态更新为A；开设未更新为B；其余情形为C
"""


def write(tmp_path: Path, extra: str = "", name: str = "手册.yaml") -> Path:
    path = tmp_path / name
    path.write_text(MANUAL.replace("{extra}", extra), encoding="utf-8")
    return path


def test_new_fields_load_and_old_manuals_keep_loading(tmp_path: Path) -> None:
    old = load_manual_file(write(tmp_path))
    first = old.standard("Ⅲ-1-1)")
    assert first is not None and first.requirement is not None
    assert not first.requirement.sealed and not first.requirement.implementation
    online = old.standard("Ⅲ-1-2)")
    assert online is not None and online.methods == [METHOD_ONLINE] and not online.needs_materials

    new = load_manual_file(write(tmp_path, "                  sealed: true\n                  implementation: true\n",
                                 "新.yaml"))
    requirement = new.standard("Ⅲ-1-1)").requirement
    assert requirement.sealed and requirement.implementation
    # written back as people write the files: switches that are off are left out
    text = manual_to_yaml(new)
    assert "sealed: true" in text and "implementation: true" in text
    assert "sealed: false" not in manual_to_yaml(old) and "captions_required: false" not in manual_to_yaml(old)
    assert check_manual_document(new.to_document(), "roundtrip").standard("Ⅲ-1-1)").requirement.sealed


def test_switches_must_be_true_or_false_and_typos_are_named(tmp_path: Path) -> None:
    path = write(tmp_path, "                  sealed: 是\n                  implementaton: true\n")
    with pytest.raises(ManualError) as caught:
        load_manual_file(path)
    messages = [p.message for p in caught.value.problems]
    assert any("sealed 只能是 true 或 false" in m for m in messages)
    assert any("未知字段“implementaton”" in m and "implementation" in m for m in messages)
    assert all(p.line for p in caught.value.problems)


def test_a_requirement_on_an_online_only_standard_is_refused(tmp_path: Path) -> None:
    text = MANUAL.replace("{extra}", "").replace(
        "                grading: 开设专栏并常态更新为A；开设未更新为B；其余情形为C\n",
        "                grading: 开设专栏并常态更新为A；开设未更新为B；其余情形为C\n"
        "                requirement:\n                  kinds: [{kind: 图片, min_count: 3}]\n")
    path = tmp_path / "online.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ManualError) as caught:
        load_manual_file(path)
    assert any("不含“材料审核”" in p.message and p.code == "Ⅲ-1-2)" for p in caught.value.problems)


def test_schema_lists_the_new_method_and_fields() -> None:
    schema = json.loads((sample_manual_path().parent / "manual.schema.json").read_text(encoding="utf-8"))
    assert METHOD_ONLINE in schema["$defs"]["standard"]["properties"]["methods"]["items"]["enum"]
    fields = schema["$defs"]["requirement"]["properties"]
    assert fields["sealed"]["type"] == fields["implementation"]["type"] == "boolean"
    assert "张" in fields["kinds"]["items"]["properties"]["min_count"]["description"]


def test_sample_manual_uses_them_on_realistic_standards() -> None:
    manual = load_manual_file(sample_manual_path())
    sealed = {s.code for s in manual.material_standards() if s.requirement.sealed}
    implementation = {s.code: s.grading for s in manual.material_standards() if s.requirement.implementation}
    assert {"Ⅲ-3-1)", "Ⅲ-12-1)"} <= sealed
    assert "实施" in implementation["Ⅲ-12-1)"] and "只有计划为B" in implementation["Ⅲ-14-1)"]
    assert any(METHOD_ONLINE in s.methods for s in manual.standards())
    photos = [k for s in manual.material_standards() for k in s.requirement.kinds if k.kind == "图片"]
    assert photos and all(k.unit == "张" for k in photos) and max(k.min_count for k in photos) >= 4


def test_diff_names_changes_of_the_new_fields(tmp_path: Path) -> None:
    old = load_manual_file(write(tmp_path))
    new = load_manual_file(write(tmp_path, "                  sealed: true\n                  implementation: true\n",
                                 "新.yaml"))
    changed = dict(diff_manuals(old, new).changed)
    assert "盖章原件扫描件要求" in changed["Ⅲ-1-1)"] and "落实佐证要求" in changed["Ⅲ-1-1)"]
    assert diff_manuals(old, load_manual_file(write(tmp_path, name="同.yaml"))).is_empty


def test_word_import_reads_online_tests_seals_and_implementation(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("北湖市测评体系（2026年版）")
    rows = [["测评项目", "测评指标", "测评内容", "测评标准", "测评方法", "申报材料要求", "评分标准"],
            ["Ⅰ-1 公益广告", "Ⅱ-1 公益广告宣传", "Ⅲ-1 公益广告刊播", "1) 制定公益广告刊播管理办法", "材料审核",
             "管理办法正式文件，须提交加盖公章的原件扫描件，并提供落实情况说明", "已出台并落实为A；已出台未落实为B；其余情形为C#"],
            ["", "", "", "2) 主要媒体刊播公益广告", "材料审核",
             "刊播截图不少于6张，须注明媒体名称和刊播日期；无需盖章", "符合上述3项标准为A；其余情形为C"],
            ["", "", "", "3) 主要新闻网站开设公益广告专栏", "网上测评", "—", "开设专栏为A；其余情形为C"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "手册.docx"
    document.save(str(path))

    manual = import_manual_docx(path).manual
    rules = manual.standard("Ⅲ-1-1)").requirement
    assert rules.sealed and rules.implementation
    shots = manual.standard("Ⅲ-1-2)").requirement
    assert not shots.sealed and not shots.implementation
    assert [(k.kind, k.min_count, k.unit) for k in shots.kinds] == [("图片", 6, "张")]
    online = manual.standard("Ⅲ-1-3)")
    assert online.methods == [METHOD_ONLINE] and online.requirement is None
    check_manual_document(manual.to_document(), str(path))  # loads as a manual in the project's format


def test_manual_show_prints_the_new_requirements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    assert run(["init", str(ws), "--city", "北湖市", "--year", "2026", "--start", "2026-08-01"]) == 0
    assert run(["-w", str(ws), "manual", "load", str(write(
        tmp_path, "                  sealed: true\n                  implementation: true\n"))]) == 0
    capsys.readouterr()
    assert run(["-w", str(ws), "manual", "show"]) == 0
    out = capsys.readouterr().out
    assert "须提交盖章原件扫描件" in out and "须有落实佐证" in out and "[网上测评]" in out
