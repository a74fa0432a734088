"""The manual loader: every kind of problem is reported with its file, line and item code."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.errors import UserError
from review.manual.loader import ManualError, load_manual_file, manual_to_yaml
from review.manual.model import KINDS, METHOD_FIELD, METHOD_MATERIALS, METHOD_SURVEY, METHODS
from review.manual.service import sample_manual_path

# Line numbers below refer to this text (line 1 is "title: 测试手册").
BASE = """\
title: 测试手册
edition: "2026"
projects:
  - code: Ⅰ-1
    title: 公共文明
    indicators:
      - code: Ⅱ-1
        title: 志愿服务
        contents:
          - code: Ⅲ-1
            title: 志愿服务制度
            standards:
              - code: Ⅲ-1-1)
                title: 制定志愿服务工作方案
                methods: [材料审核]
                requirement:
                  kinds: [{kind: 工作方案, min_count: 1}]
              - code: Ⅲ-1-2)
                title: 市民对志愿服务满意
                methods: [问卷调查]
"""


def write(tmp_path: Path, text: str, name: str = "手册.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[tuple[int | None, str, str]]:
    with pytest.raises(ManualError) as caught:
        load_manual_file(path)
    assert str(path) in caught.value.message
    assert "\n" not in caught.value.message  # one line for the command line
    return [(p.line, p.code, p.message) for p in caught.value.problems]


def has(problems: list[tuple[int | None, str, str]], line: int, code: str, fragment: str) -> bool:
    return any(p_line == line and p_code == code and fragment in message for p_line, p_code, message in problems)


def test_base_document_loads(tmp_path: Path) -> None:
    manual = load_manual_file(write(tmp_path, BASE))
    assert [s.code for s in manual.standards()] == ["Ⅲ-1-1)", "Ⅲ-1-2)"]
    assert manual.edition == "2026"


@pytest.mark.parametrize(
    ("old", "new", "line", "code", "fragment"),
    [
        ("methods: [问卷调查]", "methods: [问卷]", 20, "Ⅲ-1-2)", "未知的测评方法“问卷”"),
        ("kind: 工作方案", "kind: 工作计划", 17, "Ⅲ-1-1)", "未知的材料类别“工作计划”"),
        ("min_count: 1", "min_count: 0", 17, "Ⅲ-1-1)", "min_count"),
        ("code: Ⅲ-1-2)", "code: Ⅲ-1-1)", 18, "Ⅲ-1-1)", "编号重复：第13行"),
        ("                title: 市民对志愿服务满意\n", "", 18, "Ⅲ-1-2)", "缺少 title"),
        ("                methods: [问卷调查]\n", "", 18, "Ⅲ-1-2)", "缺少 methods"),
        ("                requirement:\n                  kinds: [{kind: 工作方案, min_count: 1}]\n", "",
         13, "Ⅲ-1-1)", "没有 requirement"),
        ("methods: [问卷调查]\n", "methods: [问卷调查]\n                requirement: {kinds: [{kind: 图片}]}\n",
         21, "Ⅲ-1-2)", "测评方法不含“材料审核”"),
        ("min_count: 1}]\n", "min_count: 1}]\n                  window: 测评以前很久\n", 18, "Ⅲ-1-1)", "无法识别时间范围"),
        ("min_count: 1}]\n", "min_count: 1}]\n                  formats: [p d f]\n", 18, "Ⅲ-1-1)", "文件格式"),
        ("methods: [问卷调查]\n", "methods: [问卷调查]\n                metods: [实地考察]\n", 21, "Ⅲ-1-2)",
         "未知字段“metods”（是否应为“methods”？）"),
        ("kinds: [{kind: 工作方案, min_count: 1}]", "kinds: [{kind: 工作方案}, {kind: 工作方案, min_count: 2}]",
         17, "Ⅲ-1-1)", "重复列出"),
        ("kinds: [{kind: 工作方案, min_count: 1}]", "formats: [pdf]", 17, "Ⅲ-1-1)", "缺少 kinds"),
        ("        title: 志愿服务\n", "        title: 志愿服务\n        title: 志愿服务工作\n", 9, "", "写了两次"),
        ("  - code: Ⅰ-1\n", "  - code: Ⅰ-1\n    title: 重复\n", 6, "", "写了两次"),
    ],
)
def test_each_problem_names_line_and_code(tmp_path: Path, old: str, new: str, line: int, code: str,
                                          fragment: str) -> None:
    assert old in BASE
    problems = problems_of(write(tmp_path, BASE.replace(old, new, 1)))
    assert has(problems, line, code, fragment), problems


def test_empty_levels_are_refused(tmp_path: Path) -> None:
    text = BASE + "          - code: Ⅲ-2\n            title: 空内容\n      - code: Ⅱ-2\n        title: 空指标\n"
    problems = problems_of(write(tmp_path, text))
    assert has(problems, 21, "Ⅲ-2", "测评内容 Ⅲ-2 下没有任何测评标准")
    assert has(problems, 23, "Ⅱ-2", "测评指标 Ⅱ-2 下没有任何测评内容")


def test_manual_without_title_or_projects(tmp_path: Path) -> None:
    problems = problems_of(write(tmp_path, "edition: 1\nprojects: []\n"))
    assert has(problems, 1, "", "缺少手册的 title")
    assert has(problems, 1, "", "下没有任何测评项目")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = (BASE.replace("methods: [问卷调查]", "methods: [问卷]")
            .replace("kind: 工作方案", "kind: 照片")
            .replace("code: Ⅲ-1-2)", "code: Ⅲ-1-1)"))
    problems = problems_of(write(tmp_path, text))
    assert has(problems, 20, "Ⅲ-1-1)", "未知的测评方法")
    assert has(problems, 17, "Ⅲ-1-1)", "未知的材料类别“照片”（是否应为“图片”？）")
    assert has(problems, 18, "Ⅲ-1-1)", "编号重复")
    assert [p[0] for p in problems] == sorted(p[0] or 0 for p in problems)


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    problems = problems_of(write(tmp_path, BASE.replace("title: 制定志愿服务工作方案", "title: [未闭合")))
    assert len(problems) == 1
    line, _, message = problems[0]
    assert "YAML 语法错误" in message and "方括号" in message and line is not None and 14 <= line <= 16


def test_json_manual_and_its_syntax_errors(tmp_path: Path) -> None:
    import yaml

    document = yaml.safe_load(BASE)
    document["projects"][0]["indicators"][0]["contents"][0]["standards"][1]["methods"] = ["问卷"]
    path = write(tmp_path, json.dumps(document, ensure_ascii=False, indent=2), "手册.json")
    problems = problems_of(path)
    bad_line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "问卷\"" in text)
    assert any(code == "Ⅲ-1-2)" and "未知的测评方法" in message and line is not None and line <= bad_line
               for line, code, message in problems)
    broken = write(tmp_path, '{\n  "title": "x",\n  "edition": "1"\n  "projects": []\n}\n', "坏.json")
    (line, _, message), = problems_of(broken)
    assert line == 4 and "JSON 语法错误" in message
    document["projects"][0]["indicators"][0]["contents"][0]["standards"][1]["methods"] = ["问卷调查"]
    tabbed = write(tmp_path, json.dumps(document, ensure_ascii=False, indent="\t"), "tab.json")
    assert load_manual_file(tabbed).standard("Ⅲ-1-2)").methods == ["问卷调查"]


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    (line, _, message), = problems_of(write(tmp_path, BASE.replace("    title: 公共文明", "\ttitle: 公共文明")))
    assert line == 5 and "Tab" in message and "空格" in message


def test_numeric_codes_are_kept_verbatim(tmp_path: Path) -> None:
    text = (BASE.replace("Ⅰ-1", "2").replace("Ⅱ-1", "2.10").replace("code: Ⅲ-1\n", "code: 2.10.1\n")
            .replace("Ⅲ-1-1)", "2.10.1-1").replace("Ⅲ-1-2)", "2.10.1-2"))
    manual = load_manual_file(write(tmp_path, text))
    assert [n.code for n in manual.nodes()] == ["2", "2.10", "2.10.1", "2.10.1-1", "2.10.1-2"]


def test_gbk_encoded_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes(BASE.encode("gb18030"))
    assert load_manual_file(path).title == "测试手册"


def test_unreadable_inputs_are_refused_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="找不到操作手册文件"):
        load_manual_file(tmp_path / "没有.yaml")
    with pytest.raises(UserError, match="manual import"):
        load_manual_file(write(tmp_path, "x", "手册.docx"))


def test_written_yaml_reads_back_identically(tmp_path: Path) -> None:
    manual = load_manual_file(sample_manual_path())
    again = load_manual_file(write(tmp_path, manual_to_yaml(manual, "注释\n第二行")))
    assert again == manual


def test_sample_manual_is_representative() -> None:
    manual = load_manual_file(sample_manual_path())
    counts = manual.counts()
    assert counts["projects"] >= 6 and counts["indicators"] >= 12
    assert counts["contents"] >= 18 and counts["standards"] >= 48
    standards = list(manual.standards())
    assert counts["material_standards"] > counts["standards"] / 2
    method_sets = {tuple(s.methods) for s in standards}
    assert (METHOD_FIELD,) in method_sets and (METHOD_SURVEY,) in method_sets
    assert any(len(m) > 1 for m in method_sets)
    assert all(m in METHODS for s in standards for m in s.methods)
    requirements = [s.requirement for s in manual.material_standards() if s.requirement]
    assert len(requirements) == counts["material_standards"]
    used_kinds = {k.kind for r in requirements for k in r.kinds}
    assert {"正式发文", "工作方案", "情况说明", "台账", "图片"} <= used_kinds <= set(KINDS)
    assert any(r.formats for r in requirements) and any(r.window for r in requirements)
    assert any(r.captions_required for r in requirements)
    assert any(k.min_count >= 3 for r in requirements for k in r.kinds)
    keywords = {k for r in requirements for k in r.keywords}
    assert {"背街小巷", "志愿服务", "未成年人", "垃圾分类", "农贸市场", "公益广告", "文明交通"} <= keywords
    assert any("C#" in s.grading for s in standards)
    for content in manual.contents():
        assert all(s.code.startswith(content.code + "-") and s.code.endswith(")") for s in content.standards)
    assert all(s.needs_materials == (METHOD_MATERIALS in s.methods) for s in standards)


def test_schema_file_agrees_with_the_loader() -> None:
    from review.manual.loader import _FIELDS

    schema = json.loads((sample_manual_path().parent / "manual.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert defs["standard"]["properties"]["methods"]["items"]["enum"] == list(METHODS)
    kind_item = defs["requirement"]["properties"]["kinds"]["items"]
    assert kind_item["properties"]["kind"]["enum"] == list(KINDS)
    for level in ("project", "indicator", "content", "standard", "requirement"):
        assert set(defs[level]["properties"]) == set(_FIELDS[level])
    assert set(schema["properties"]) == set(_FIELDS["manual"]) and set(kind_item["properties"]) == set(_FIELDS["kind"])


def test_impossible_values_are_problems_not_crashes(tmp_path: Path) -> None:
    (_, _, message), = problems_of(write(tmp_path, BASE.replace('edition: "2026"', "edition: 2026-13-45")))
    assert "无法识别的值" in message and "加引号" in message
