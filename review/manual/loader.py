"""Reading a manual file (YAML or JSON) and checking it, reporting every problem at once.

Offices edit manuals by hand, so a refusal must say where: each problem carries the file, the
line and the item code. Lines come from a YAML loader whose mappings remember where they start
(JSON is read through the same loader, since JSON is YAML). `code` values are taken verbatim from
the file, so numeric codes such as 2.10 are not turned into the number 2.1.
"""
from __future__ import annotations

import difflib
import json
import re
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from review.errors import UserError
from review.manual.model import KINDS, LEVEL_NAMES, METHOD_MATERIALS, METHODS, Manual, manual_from_document
from review.workspace.date_window import parse_window_rule

MANUAL_SUFFIXES = (".yaml", ".yml", ".json")
_CODE_MAX = 100  # the width of the code columns in the database
_FORMAT = re.compile(r"^[a-z0-9]{1,10}$")

# Known fields per level; the child list each level holds.
_FIELDS: dict[str, tuple[str, ...]] = {
    "manual": ("title", "edition", "projects"),
    "project": ("code", "title", "indicators"),
    "indicator": ("code", "title", "contents"),
    "content": ("code", "title", "notes", "standards"),
    "standard": ("code", "title", "methods", "grading", "notes", "requirement"),
    "requirement": ("kinds", "formats", "window", "keywords", "captions_required", "sealed", "implementation", "notes"),
    "kind": ("kind", "min_count"),
}
_SWITCHES = ("captions_required", "sealed", "implementation")  # requirement fields that are true or false
_CHILDREN = {"manual": ("projects", "project"), "project": ("indicators", "indicator"),
             "indicator": ("contents", "content"), "content": ("standards", "standard")}


@dataclass(frozen=True)
class ManualProblem:
    file: str
    line: int | None
    code: str  # the item's code, or "" for problems outside any item
    message: str

    def describe(self) -> str:
        where = f" 第{self.line}行" if self.line else ""
        item = f"［{self.code}］" if self.code else ""
        return f"{self.file}{where}{item}：{self.message}"


class ManualError(UserError):
    """The manual was refused; `problems` lists every reason found."""

    def __init__(self, file: str, problems: list[ManualProblem], intro: str = "") -> None:
        self.problems = problems
        listing = "；".join(p.describe() for p in problems)
        intro = intro or f"操作手册 {file} 有 {len(problems)} 处问题，未载入，请逐条改正后重试"
        super().__init__(f"{intro}：{listing}")


class _LinedDict(dict):
    """A mapping that remembers its line and the line of each value."""

    line: int | None = None
    key_lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    duplicate_keys: list[tuple[int, str]]


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Any:
    data = _LinedDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(None, None, "unhashable key", key_node.start_mark)
        if key in data:
            loader.duplicate_keys.append((key_node.start_mark.line + 1, str(key)))
        if key == "code" and isinstance(value_node, yaml.ScalarNode):
            value: Any = value_node.value
        else:
            value = loader.construct_object(value_node, deep=True)
        data[key] = value
        data.key_lines[str(key)] = value_node.start_mark.line + 1


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load_manual_file(path: Path) -> Manual:
    """Read and check a manual file; raises ManualError listing every problem, or UserError."""
    path = Path(path)
    name = str(path)
    if path.suffix.lower() not in MANUAL_SUFFIXES:
        raise UserError(f"无法读取操作手册 {name}：只支持 .yaml、.yml、.json 文件；Word 手册请用 `manual import`。")
    text = _read_text(path)
    document, duplicates = _parse(text, name, is_json=path.suffix.lower() == ".json")
    problems = [ManualProblem(name, line, "", f"字段“{key}”在同一处写了两次，请删除多余的一个") for line, key in duplicates]
    return check_manual_document(document, name, problems)


def check_manual_document(document: Any, file: str, problems: list[ManualProblem] | None = None) -> Manual:
    """Check a document in the exchange format and build the Manual; raises ManualError."""
    checker = _Checker(file)
    checker.problems.extend(problems or [])
    checker.check(document)
    if checker.problems:
        checker.problems.sort(key=lambda p: p.line or 0)
        raise ManualError(file, checker.problems)
    return manual_from_document(document)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(f"找不到操作手册文件 {path}，请检查路径。") from exc
    except OSError as exc:
        raise UserError(f"无法读取操作手册 {path}：{exc.strerror}。请确认文件未被占用且有读取权限。") from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"操作手册 {path} 的文字编码无法识别，请用 UTF-8 编码另存后重试。")


def _parse(text: str, file: str, *, is_json: bool) -> tuple[Any, list[tuple[int, str]]]:
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ManualError(file, [ManualProblem(file, exc.lineno, "", f"JSON 语法错误（第{exc.colno}列附近），"
                                                   "请检查逗号、引号和括号是否配对")]) from exc
        # Valid JSON has tabs only between tokens, where YAML wants spaces; the YAML reading only
        # adds line numbers, so JSON that YAML cannot read is still accepted, without them.
        try:
            return _parse(text.replace("\t", " "), file, is_json=False)
        except ManualError:
            return data, []
    loader = _LineLoader(text)
    loader.duplicate_keys = []
    try:
        document = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f"第{mark.column + 1}列附近" if mark else ""
        raise ManualError(file, [ManualProblem(file, line, "", f"YAML 语法错误{column}：{_yaml_problem(exc.problem)}")]) from exc
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date such as 2026-13-45
        raise ManualError(file, [ManualProblem(file, None, "", f"有无法识别的值（{exc}），日期等文字请加引号")]) from exc
    finally:
        loader.dispose()
    return document, loader.duplicate_keys


_YAML_PROBLEMS = (
    ("'\\t'", "用了 Tab 缩进，请改用空格"),
    ("could not find expected ':'", "缺少冒号，或上一行的引号没有闭合"),
    ("mapping values are not allowed", "此处不应出现冒号：“键: 值”的冒号后要有空格，文字中的冒号请加引号"),
    ("unexpected end of stream", "引号或括号没有闭合"),
    ("expected <block end>", "缩进不一致，同一层的各项应对齐"),
    ("expected ',' or ']'", "方括号列表没有闭合或缺少逗号"),
    ("expected ',' or '}'", "花括号没有闭合或缺少逗号"),
    ("unhashable key", "键不能是列表或映射"),
)


def _yaml_problem(problem: str | None) -> str:
    text = problem or ""
    return next((chinese for marker, chinese in _YAML_PROBLEMS if marker in text),
                f"{text}，请检查缩进、冒号和引号")


class _Checker:
    """Walks a document level by level, collecting problems; normalises codes to strings."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[ManualProblem] = []
        self.seen: dict[str, int | None] = {}

    def add(self, line: int | None, code: str, message: str) -> None:
        self.problems.append(ManualProblem(self.file, line, code, message))

    def check(self, document: Any) -> None:
        if not isinstance(document, dict):
            self.add(1, "", "文件最外层应是含 title、edition、projects 的映射，请对照 resources/manuals/README.md")
            return
        self._unknown_fields(document, "manual", "")
        for key in ("title", "edition"):
            if not _text(document.get(key)):
                self.add(_line(document), "", f"缺少手册的 {key}（{'标题' if key == 'title' else '版本'}）")
        self._children(document, "manual", "")

    def _children(self, parent: dict, level: str, code: str) -> None:
        key, child_level = _CHILDREN[level]
        children = parent.get(key)
        where = f"{LEVEL_NAMES[level]} {code}" if code else "手册"
        if children is None or children == []:
            self.add(_line(parent), code, f"{where} 下没有任何{LEVEL_NAMES[child_level]}（{key} 为空或缺失）")
            return
        if not isinstance(children, list):
            self.add(_key_line(parent, key), code, f"{key} 应是列表（每项以“- ”开头）")
            return
        for child in children:
            if not isinstance(child, dict):
                self.add(_key_line(parent, key), code, f"{key} 中有一项不是映射（应含 code、title 等字段）")
                continue
            child_code = self._item(child, child_level)
            if child_level == "standard":
                self._standard(child, child_code)
            else:
                self._children(child, child_level, child_code)

    def _item(self, item: dict, level: str) -> str:
        """Check code and title; returns the code (or "" when missing)."""
        line = _line(item)
        raw = item.get("code")
        code = "" if raw is None else str(raw).strip()
        if not code:
            self.add(line, "", f"{LEVEL_NAMES[level]}缺少 code（编号）")
        else:
            item["code"] = code
            if len(code) > _CODE_MAX or any(ch.isspace() for ch in code):
                self.add(line, code, f"编号“{code}”不能含空格，且不超过{_CODE_MAX}个字符")
            if code in self.seen:
                first = self.seen[code]
                self.add(line, code, f"编号重复：第{first}行已有同一编号，编号在整本手册中必须唯一")
            else:
                self.seen[code] = line
        if not _text(item.get("title")):
            self.add(line, code, f"{LEVEL_NAMES[level]}缺少 title（名称）")
        self._unknown_fields(item, level, code)
        return code

    def _standard(self, standard: dict, code: str) -> None:
        line = _line(standard)
        methods = standard.get("methods")
        if not methods:
            self.add(line, code, f"缺少 methods（测评方法），请填写 {'、'.join(METHODS)} 中的一项或多项")
            methods = []
        elif not isinstance(methods, list):
            methods = standard["methods"] = [methods]
        for method in methods:
            if method not in METHODS:
                hint = _suggest(str(method), METHODS)
                self.add(_key_line(standard, "methods"), code,
                         f"未知的测评方法“{method}”{hint}，只能是 {'、'.join(METHODS)}")
        requirement = standard.get("requirement")
        if METHOD_MATERIALS in methods and requirement is None:
            self.add(line, code, "测评方法含“材料审核”，但没有 requirement（材料要求），请写明需要哪些材料")
        if requirement is not None and methods and set(methods) <= set(METHODS) and METHOD_MATERIALS not in methods:
            self.add(_key_line(standard, "requirement"), code,
                     "有 requirement（材料要求），但测评方法不含“材料审核”：请在 methods 中加入 材料审核，或删除 requirement")
        if requirement is not None:
            self._requirement(requirement, code, _key_line(standard, "requirement"))
        for key in ("grading", "notes"):
            if key in standard and not isinstance(standard[key], str):
                self.add(_key_line(standard, key), code, f"{key} 应是一段文字")

    def _requirement(self, requirement: Any, code: str, line: int | None) -> None:
        if not isinstance(requirement, dict):
            self.add(line, code, "requirement 应是映射（含 kinds、formats、window 等字段）")
            return
        self._unknown_fields(requirement, "requirement", code)
        kinds = requirement.get("kinds")
        if not kinds or not isinstance(kinds, list):
            self.add(_line(requirement), code, f"requirement 缺少 kinds（材料类别），请至少列出一种：{'、'.join(KINDS)}")
            kinds = []
        named: set[str] = set()
        for entry in kinds:
            self._kind(entry, code, named, _key_line(requirement, "kinds"))
        formats = requirement.get("formats", [])
        cleaned = [str(f).strip().lstrip(".").lower() for f in (formats if isinstance(formats, list) else [formats])]
        for fmt in cleaned:
            if not _FORMAT.match(fmt):
                self.add(_key_line(requirement, "formats"), code, f"文件格式“{fmt}”无效，请写扩展名，例如 pdf、docx、jpg")
        if "formats" in requirement:
            requirement["formats"] = cleaned
        window = requirement.get("window")
        if window is not None:
            try:
                parse_window_rule(str(window))
            except UserError:
                self.add(_key_line(requirement, "window"), code,
                         f"无法识别时间范围“{window}”，请写成“测评开始前1月上溯两个年度”或“2024-08-01至2026-07-31”")
        keywords = requirement.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            self.add(_key_line(requirement, "keywords"), code, "keywords 应是非空文字的列表，例如 [背街小巷, 台账]")
        for switch in _SWITCHES:
            if not isinstance(requirement.get(switch, False), bool):
                self.add(_key_line(requirement, switch), code, f"{switch} 只能是 true 或 false")

    def _kind(self, entry: Any, code: str, named: set[str], line: int | None) -> None:
        if not isinstance(entry, dict):
            self.add(line, code, "kinds 的每一项应写成 {kind: 图片, min_count: 3}")
            return
        self._unknown_fields(entry, "kind", code)
        kind = entry.get("kind")
        if kind not in KINDS:
            hint = _suggest(str(kind), KINDS)
            self.add(_line(entry), code, f"未知的材料类别“{kind}”{hint}，只能是 {'、'.join(KINDS)}")
        elif kind in named:
            self.add(_line(entry), code, f"材料类别“{kind}”重复列出，请合并为一项并写明数量")
        named.add(str(kind))
        count = entry.get("min_count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            self.add(_key_line(entry, "min_count"), code, f"min_count（最少份数）应是不小于1的整数，现为“{count}”")

    def _unknown_fields(self, item: dict, level: str, code: str) -> None:
        for key in item:
            if key not in _FIELDS[level]:
                hint = _suggest(str(key), _FIELDS[level])
                self.add(_key_line(item, str(key)), code, f"未知字段“{key}”{hint}，请删除或改正")


def _text(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool) and bool(str(value).strip())


def _line(item: Any) -> int | None:
    return getattr(item, "line", None)


def _key_line(item: Any, key: str) -> int | None:
    lines = getattr(item, "key_lines", None)
    return (lines or {}).get(key) or _line(item)


def _suggest(value: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
    return f"（是否应为“{close[0]}”？）" if close else ""


def manual_to_yaml(manual: Manual, header: str = "") -> str:
    """The manual in the exchange format as YAML text; `header` becomes leading comment lines."""
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    body = yaml.safe_dump(manual.to_document(), allow_unicode=True, sort_keys=False, width=1000)
    return comment + body
