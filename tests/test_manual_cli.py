"""`materials-review init` and `manual load|import|show|diff`: output, exit codes, Chinese errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from review.cli.main import run


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("错误：") and "Traceback" not in err
    return lines[0]


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "北湖"
    code, out, _ = cli(capsys, "init", str(folder), "--city", "北湖市", "--year", "2026", "--start", "2026-08-01")
    assert code == 0
    assert "已新建工作区" in out and "2025年08月01日至2026年07月31日" in out
    assert "7 个测评项目、14 个测评指标、20 项测评内容、60 条测评标准" in out
    return folder


def test_show_tree_subtree_and_json(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "-w", str(ws), "manual", "show")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "《全国文明城市测评体系操作手册（示例）》（示例版 2026）"
    assert "Ⅰ-4 城市管理与市容环境" in lines
    ledger = next(line for line in lines if "Ⅲ-11-2)" in line)
    assert ledger.startswith("      Ⅲ-11-2) 建立背街小巷整治台账并按月销号  [材料审核]")
    assert "台账×1" in ledger and "格式 xlsx/xls" in ledger and "关键词 背街小巷" in ledger

    code, out, _ = cli(capsys, "-w", str(ws), "manual", "show", "Ⅲ-12")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["Ⅲ-12", "Ⅲ-12-1)", "Ⅲ-12-2)", "Ⅲ-12-3)"]
    assert "时间 测评开始前1月上溯三个年度" in out

    code, out, _ = cli(capsys, "-w", str(ws), "manual", "show", "--json")
    document = json.loads(out)
    assert code == 0 and len(document["nodes"]) == 101
    standard = next(n for n in document["nodes"] if n["code"] == "Ⅲ-12-2)")
    assert (standard["level"], standard["parent"]) == ("standard", "Ⅲ-12")
    assert standard["body"]["requirement"]["captions_required"] is True
    assert next(n for n in document["nodes"] if n["code"] == "Ⅰ-1")["parent"] is None

    code, _, err = cli(capsys, "-w", str(ws), "manual", "show", "Ⅸ-9")
    assert code != 0 and "没有编号为 Ⅸ-9 的条目" in one_line_error(err)


def test_load_bad_manual_fails_with_one_line_naming_lines(ws: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "坏手册.yaml"
    bad.write_text("title: 坏\nedition: 1\nprojects:\n  - code: Ⅰ-1\n    title: 甲\n    indicators: []\n"
                   "  - code: Ⅰ-1\n    title: 乙\n", encoding="utf-8")
    code, out, err = cli(capsys, "-w", str(ws), "manual", "load", str(bad))
    line = one_line_error(err)
    assert code == 2 and out == ""
    assert "有 3 处问题" in line and "第4行［Ⅰ-1］" in line and "第7行［Ⅰ-1］：编号重复" in line

    code, _, err = cli(capsys, "-w", str(ws), "manual", "load", str(tmp_path / "没有.yaml"))
    assert code == 2 and "找不到操作手册文件" in one_line_error(err)


def test_load_diff_and_relinking(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "-w", str(ws), "group", "add", "CG", "城管组")[0] == 0
    assert cli(capsys, "-w", str(ws), "group", "assign", "CG", "Ⅲ-11", "Ⅲ-12-1)")[0] == 0
    edited = (Path(__file__).parents[1] / "resources/manuals/sample-manual.yaml").read_text(encoding="utf-8")
    edited = edited.replace("Ⅲ-12-1)", "Ⅲ-12-4)").replace("edition: 示例版 2026", "edition: 示例版 2027")
    new = tmp_path / "2027.yaml"
    new.write_text(edited, encoding="utf-8")

    code, out, _ = cli(capsys, "-w", str(ws), "manual", "diff", str(new))
    assert code == 0
    assert out.splitlines()[0] == "与当前版本相比新增 1 项、删除 1 项、修改 0 项。"
    assert "+ 新增 测评标准 Ⅲ-12-4)" in out and "- 删除 测评标准 Ⅲ-12-1)" in out
    code, out, _ = cli(capsys, "-w", str(ws), "manual", "diff", "--json", str(new))
    assert json.loads(out)["removed"][0]["code"] == "Ⅲ-12-1)"

    code, out, _ = cli(capsys, "-w", str(ws), "manual", "load", str(new))
    assert code == 0
    assert "（示例版 2027" in out
    assert "已有的 2 条分工和归类记录中 1 条仍对应新版本的条目" in out and "Ⅲ-12-1)" in out


def test_import_writes_yaml_and_apply_loads_it(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["测评内容", "测评标准", "测评方法"],
                             ["Ⅲ-1 健全学习制度", "1) 制定学习计划 2) 群众知晓", "1) 材料审核 2) 问卷调查"],
                             ["", "", ""]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    docx = tmp_path / "手册.docx"
    document.save(str(docx))

    code, out, _ = cli(capsys, "manual", "import", str(docx), "--out", str(tmp_path / "转换.yaml"))
    assert code == 0 and (tmp_path / "转换.yaml").exists()
    assert "2 条测评标准，其中 1 条需要材料审核" in out and "manual load" in out

    code, out, _ = cli(capsys, "-w", str(ws), "manual", "import", str(docx), "--apply")
    assert code == 0 and (tmp_path / "手册.yaml").exists()
    assert "已载入操作手册" in out and "与当前版本相比" in out
    code, out, _ = cli(capsys, "-w", str(ws), "manual", "show")
    assert "Ⅲ-1-2) 群众知晓  [问卷调查]" in out and "Ⅲ-20" not in out

    code, _, err = cli(capsys, "manual", "import", str(tmp_path / "转换.yaml"))
    assert code == 2 and "不是 .docx 文件" in one_line_error(err)


def test_help_and_usage_errors_are_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(["manual", "import", "--help"])
    assert exit_info.value.code == 0
    assert "--apply" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        run(["manual", "load"])
    assert exit_info.value.code == 2 and "缺少必需的参数" in capsys.readouterr().err
