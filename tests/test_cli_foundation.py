"""The command line: exit codes, one-line Chinese errors, JSON output, never a traceback."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from review.cli.main import run


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def ws_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "北湖"
    code, out, _ = cli(capsys, "init", str(folder), "--city", "北湖市", "--year", "2026", "--start", "2026-08-01")
    assert code == 0, out
    return folder


def test_init_reports_window_and_manual(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "init", str(tmp_path / "w"), "--city", "北湖市", "--year", "2026",
                         "--start", "2026-08-01")
    assert code == 0, err
    assert "2025年08月01日至2026年07月31日" in out
    assert (tmp_path / "w" / "workspace.db").exists()


def test_init_refuses_bad_date_with_one_chinese_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "init", str(tmp_path / "w"), "--city", "北湖市", "--year", "2026",
                         "--start", "2026-13-01")
    assert code != 0
    assert err.startswith("错误：") and err.count("\n") == 1 and "2026-08-01" in err
    assert "Traceback" not in err + out


def test_missing_workspace_option_and_unknown_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "status")
    assert code != 0 and "-w" in err
    code, _, err = cli(capsys, "-w", str(tmp_path / "nowhere"), "status")
    assert code != 0 and "不是申报材料审核台的工作区" in err


@pytest.mark.parametrize("argv, says", [
    (["group"], "缺少必需的参数"),
    (["search", "文明", "--limit", "十"], "'十' 不是有效的取值"),
    (["report", "清单", "out.docx"], "无效的选项 '清单'"),
    (["status", "--colour"], "无法识别的参数：--colour"),
    (["search", "文明", "--limit"], "需要一个取值"),
])
def test_usage_errors_are_chinese(argv: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "参数错误" in err and says in err
    assert not re.search(r"invalid|choose from|argument|expected|required|unrecognized", err), err


def test_the_command_line_starts_without_loading_heavy_libraries() -> None:
    """`--help` and parsing any command import no database, PDF, crypto, Qt or search library:
    each command imports what it runs inside its handler (issue: every command paid ≈0.8 s)."""
    probe = (
        "import sys\n"
        "from desktop.entry import register_gui\n"
        "from demo.command import register as register_demo\n"
        "from review.cli.main import build_parser\n"
        "build_parser([register_demo, register_gui]).parse_args(['-w', 'x', 'status'])\n"
        "heavy = ('sqlalchemy', 'alembic', 'fitz', 'pymupdf', 'cryptography', 'numpy', 'openpyxl', 'whoosh',\n"
        "         'jieba', 'docx', 'PySide6', 'PIL', 'yaml', 'orjson')\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    assert loaded_by(probe) == ""


def test_help_status_and_unchanged_rescan_load_no_heavy_library(ws_dir: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Each command loads what it runs and no more: `--help` no database, `status` no PDF, image, OCR,
    crypto, search or YAML library, an unchanged re-scan nothing that reads files (issue 16)."""
    from tests.files import make_docx

    folder = tmp_path / "材料"
    folder.mkdir()
    make_docx(folder / "北湖市背街小巷整治台账.docx", ["北湖市背街小巷整治工作台账"])
    assert cli(capsys, "-w", str(ws_dir), "group", "add", "XC", "宣传组")[0] == 0
    assert cli(capsys, "-w", str(ws_dir), "scan", "XC", str(folder))[0] == 0
    heavy = ("alembic", "fitz", "pymupdf", "cryptography", "numpy", "openpyxl", "jieba", "docx", "PySide6", "PIL",
             "yaml", "psutil", "rapidocr_onnxruntime", "onnxruntime")
    probe = (
        "import sys, io, contextlib\n"
        "from desktop.entry import register_gui\n"
        "from demo.command import register as register_demo\n"
        "from review.cli.main import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = run(sys.argv[1:], extra=[register_demo, register_gui]) if sys.argv[1:] != ['--help'] else 0\n"
        "    if sys.argv[1:] == ['--help']:\n"
        "        try: run(['--help'])\n"
        "        except SystemExit as exc: code = exc.code\n"
        f"heavy = {heavy!r} + (('sqlalchemy', 'whoosh') if sys.argv[1:] == ['--help'] else ())\n"
        "print(code, ' '.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    assert loaded_by(probe, "--help") == "0"
    assert loaded_by(probe, "-w", str(ws_dir), "status") == "0"
    assert loaded_by(probe, "-w", str(ws_dir), "scan", "XC", str(folder)) == "0"  # it opens the search index


def test_group_add_assign_list_and_status(ws_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = ["-w", str(ws_dir)]
    code, out, err = cli(capsys, *w, "manual", "show", "--json")
    assert code == 0, err
    nodes = json.loads(out)["nodes"]
    contents = [n["code"] for n in nodes if n["level"] == "content"]
    assert cli(capsys, *w, "group", "add", "XC", "宣传组")[0] == 0
    code, out, err = cli(capsys, *w, "group", "assign", "XC", contents[0], contents[1])
    assert code == 0, err
    code, _, err = cli(capsys, *w, "group", "assign", "XC", "不存在的编号")
    assert code != 0 and "不存在的编号" in err
    code, out, _ = cli(capsys, *w, "group", "list", "--json")
    groups = json.loads(out)["groups"]
    assert groups[0]["code"] == "XC" and groups[0]["lead_items"] == sorted(contents[:2])
    code, out, _ = cli(capsys, *w, "status", "--json")
    status = json.loads(out)
    assert status["city"] == "北湖市"
    assert status["window"] == {"rule": "测评开始前1月上溯一个年度", "begin": "2025-08-01", "end": "2026-07-31"}
    assert status["groups"][0]["standards"] > 0
    assert len(status["uncovered_standards"]) == status["manual"]["material_standards"] - status["groups"][0]["standards"]


def test_settings_set_and_show(ws_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = ["-w", str(ws_dir)]
    code, out, err = cli(capsys, *w, "settings", "set", "window", "2025-09-01至2026-08-31")
    assert code == 0, err
    code, out, _ = cli(capsys, *w, "settings", "show", "--json")
    assert json.loads(out)["window_dates"] == {"begin": "2025-09-01", "end": "2026-08-31"}
    code, _, err = cli(capsys, *w, "settings", "set", "max_file_mb", "很多")
    assert code != 0 and "单个文件大小上限" in err


def test_unexpected_errors_are_logged_not_shown(ws_dir: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import review.assessment.overview

    def boom(_workspace: object) -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(review.assessment.overview, "workspace_status", boom)
    code, _out, err = cli(capsys, "-w", str(ws_dir), "status")
    assert code == 1
    assert "Traceback" not in err and "internal detail" not in err
    log = (ws_dir / "logs" / "materials-review.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "internal detail" in log


def test_init_with_bad_manual_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "坏手册.yaml"
    bad.write_text("title: x\nedition: 1\nprojects: []\n", encoding="utf-8")
    code, _, err = cli(capsys, "init", str(tmp_path / "w"), "--city", "北湖市", "--year", "2026",
                       "--start", "2026-08-01", "--manual", str(bad))
    assert code != 0 and "坏手册.yaml" in err
    assert not (tmp_path / "w").exists()


def test_the_read_model_loads_no_check_rules_until_something_needs_checking() -> None:
    """`status` and the group views bring findings up to date on every call; when nothing changed
    they must not pay for the rules' libraries (PyMuPDF, numpy, Pillow), the search engine or YAML."""
    probe = (
        "import sys\n"
        "import review.assessment.overview, review.assessment.group_state, review.checking.engine\n"
        "heavy = ('fitz', 'pymupdf', 'numpy', 'PIL', 'whoosh', 'jieba', 'yaml', 'docx', 'openpyxl')\n"
        "rules = [m for m in sys.modules if m.startswith('review.checking.rules.') and m.rsplit('.', 1)[1]\n"
        "         in ('runner', 'duplicates', 'requirements', 'seal', 'kinds')]\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)) + rules))\n"
    )
    assert loaded_by(probe) == ""


def loaded_by(probe: str, *argv: str) -> str:
    """What a fresh interpreter running `probe` with `argv` prints (the heavy modules it found loaded)."""
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    return done.stdout.strip()
