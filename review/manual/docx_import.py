"""Importing a manual from Word: one big table, columns recognised by their header text.

Public manuals are tables with columns such as 测评项目 / 测评指标 / 测评内容 / 测评标准 / 测评方法 /
申报材料要求. Higher levels are vertically merged cells (python-docx repeats the merged cell's text in
every row it spans) or simply left empty below their first row; both are filled downwards. One cell
often holds several standards numbered 1) 2) 3); each becomes its own standard, coded
"<content>-1)". The material requirement prose is read heuristically into kinds and counts and is
kept verbatim in the notes, so an office can correct the result in the YAML it writes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

from review.errors import UserError
from review.manual.model import (
    METHOD_FIELD,
    METHOD_MATERIALS,
    METHOD_ONLINE,
    METHOD_SURVEY,
    Content,
    Indicator,
    KindRequirement,
    Manual,
    MaterialRequirement,
    Project,
    Standard,
)
from review.workspace.date_window import parse_window_rule


@dataclass(frozen=True)
class SkippedRow:
    row_no: int  # the row's number in its table as Word shows it (the header is row 1)
    reason: str
    text: str
    table: int = 1

    def describe(self) -> str:
        return f"第{self.table}张表第{self.row_no}行：{self.reason}（{self.text}）"


@dataclass
class ImportResult:
    manual: Manual
    skipped: list[SkippedRow] = field(default_factory=list)


# Header text → column role. Checked in order, the first pattern found in the header wins.
_HEADER_RULES: tuple[tuple[str, str], ...] = (
    ("seq", r"^(序号|编号)$"),
    ("content_standard", r"内容(及|与|和)(评价|测评)?标准"),
    ("project", r"一级|测评项目|^项目"),
    ("indicator", r"二级|指标"),
    ("content", r"三级|内容"),
    ("requirement", r"材料|申报要求|提交要求"),
    ("grading", r"评分|计分|等级|等次|评定"),
    ("methods", r"方法|方式"),
    ("standard", r"标准"),
)
_HIERARCHY = ("project", "indicator", "content")
_ATTACHMENT = re.compile(r"^附件\s*\d*[:：]?$")
_EMPTY_PROSE = re.compile(r"^[\s无—\-/／、.。]*$")

_ROMAN_CODE = re.compile(r"^\s*([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]?(?:-\d+)+\)?)\s*[、.．:：]?\s*")
_NUMERIC_CODE = re.compile(r"^\s*(\d+(?:\.\d+)*)(?:\s+|[、．:：]\s*|\.(?=\D))")
_CN_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])\s*")
_LEVEL_PREFIX = {"project": "Ⅰ", "indicator": "Ⅱ", "content": "Ⅲ"}

# Numbered items inside one cell: 1) 1） (1) （1） 1. 1． 1、 ①
_MARKER = re.compile(
    r"[(（]\s*(\d{1,2})\s*[)）]|(?<![\d.])(\d{1,2})\s*[)）]|([①-⑳])"
    r"|(?:^|(?<=[\s。；;，,:：]))(\d{1,2})\s*(?:[、．]|\.(?!\d))"
)

_METHOD_WORDS = ((METHOD_MATERIALS, r"材料|网上申报|资料审核"), (METHOD_FIELD, r"实地"), (METHOD_SURVEY, r"问卷|调查"),
                 (METHOD_ONLINE, r"网上测评|网络测评|网上监测|网络监测"))
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("会议记录", r"会议记录|纪要"),
    ("正式发文", r"正式发文|发文|文件|红头"),
    ("工作方案", r"方案|计划"),
    ("台账", r"台账|名册|花名册"),
    ("统计表", r"统计|报表|数据表"),
    ("图片", r"图片|照片|截图|影像"),
    ("宣传资料", r"宣传资料|宣传册|宣传品|海报"),
    ("情况说明", r"说明|总结|报告"),
)
_PHOTO = re.compile(r"图片|照片|截图|影像")
_CAPTION = re.compile(r"说明|标注|注明|时间.{0,4}地点|文字")
_SEALED = re.compile(r"盖章|加盖|公章|印章|原件扫描|扫描件")
_NOT_SEALED = re.compile(r"(?:无需|不需|不必|不用|免于?)(?:加盖|盖章|盖)")
_IMPLEMENTATION = re.compile(r"落实|开展情况|实施情况|工作成效|成效")
_COUNT = re.compile(r"(?:不少于|至少|不低于|不得少于)\s*(\d+|[一二两三四五六七八九十])|(\d+|[一二两三四五六七八九十])\s*(?:张|份|篇|件|个|次)\s*(?:以上|及以上)?")
_CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_FORMATS = ((r"pdf", "pdf"), (r"jpe?g", "jpg"), (r"png", "png"), (r"word|docx?", "docx"),
            (r"excel|xlsx?", "xlsx"), (r"ofd", "ofd"))
_WINDOW = re.compile(
    r"测评(?:开始)?前\s*(?:\d+|[一二两三四五六七八九十]+)\s*个?月\s*(?:起\s*)?上溯\s*(?:\d+|[一二两三四五六七八九十]+)\s*个?(?:年度|年|月)"
)


def import_manual_docx(path: Path) -> ImportResult:
    """Read the manual table(s) of a Word file; raises UserError when no table can be read."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise UserError(f"{path} 不是 .docx 文件。旧版 .doc 或 WPS 文件请先在 Word/WPS 中另存为 .docx 再导入。")
    try:
        document = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        if not path.exists():
            raise UserError(f"找不到文件 {path}，请检查路径。") from exc
        raise UserError(f"无法打开 Word 文件 {path}：文件已损坏或不是 Word 文档。请在 Word 中打开并另存为 .docx 后重试。") from exc
    title = next((t for p in document.paragraphs if (t := p.text.strip()) and not _ATTACHMENT.match(t)), path.stem)
    builder = _Builder(title)
    layout: _Layout | None = None
    for number, table in enumerate(document.tables, start=1):
        found = _columns(table)
        if found is not None:
            header_row, columns = found
            layout = _Layout(columns, len(table.columns), [c.text.strip() for c in table.rows[header_row].cells])
            builder.start_table()
            builder.read_rows(number, table, header_row + 1, layout)
        elif layout is not None and len(table.columns) == layout.width:
            builder.read_rows(number, table, 0, layout)  # the table continues after a break, without a header
    if layout is None:
        raise UserError(
            f"{path} 中没有找到测评体系表格：表头应含“测评内容”或“测评标准”等列名。请确认手册是 Word 表格而非图片。"
        )
    if not builder.manual.projects:
        raise UserError(f"{path} 的表格中没有可读取的测评标准，请检查表格内容。")
    return ImportResult(builder.manual, builder.skipped)


def _role(header: str) -> str | None:
    text = re.sub(r"\s+", "", header)
    return next((role for role, pattern in _HEADER_RULES if re.search(pattern, text)), None) if text else None


def _columns(table: Table) -> tuple[int, dict[str, int]] | None:
    """Find the header row among the first rows: (row index, role → column index)."""
    for index, row in enumerate(table.rows[:5]):
        columns: dict[str, int] = {}
        previous = None
        for column, cell in enumerate(row.cells):
            if previous is not None and cell._tc is previous._tc:
                continue  # a header cell spanning several columns counts once
            previous = cell
            role = _role(cell.text)
            if role and role not in columns:
                columns[role] = column
        has_standard = "standard" in columns or "content_standard" in columns
        if has_standard and ("content" in columns or "content_standard" in columns):
            return index, columns
    return None


@dataclass(frozen=True)
class _Layout:
    """Which column holds what, as read from a table's header row."""

    columns: dict[str, int]
    width: int
    header_texts: list[str]


class _Builder:
    """Accumulates rows into the hierarchy, keyed by the text of each level's cell."""

    def __init__(self, title: str) -> None:
        year = re.search(r"(20\d\d)", title)
        self.manual = Manual(title=title, edition=year.group(1) if year else "导入版")
        self.skipped: list[SkippedRow] = []
        self.used_codes: set[str] = set()
        self.projects: dict[str, Project] = {}
        self.indicators: dict[tuple[str, str], Indicator] = {}
        self.contents: dict[tuple[str, str], Content] = {}
        self.heading: str = ""
        self.above: dict[str, str] = {level: "" for level in _HIERARCHY}

    def start_table(self) -> None:
        self.above = {level: "" for level in _HIERARCHY}

    def read_rows(self, number: int, table: Table, first_row: int, layout: _Layout) -> None:
        columns = layout.columns
        above = self.above
        for index, row in enumerate(table.rows[first_row:], start=first_row + 1):
            cells = row.cells
            texts = [c.text.strip() for c in cells]
            if not any(texts) or texts == layout.header_texts:
                continue
            if all(c._tc is cells[0]._tc for c in cells):
                self.heading = texts[0]  # a full-width row: a section heading naming the 测评项目
                above.update({level: "" for level in _HIERARCHY})
                continue

            def cell(role: str, row_texts: list[str] = texts) -> str:
                column = columns.get(role)
                return row_texts[column] if column is not None and column < len(row_texts) else ""

            for level in _HIERARCHY:
                above[level] = cell(level) or above[level]
            standards_text = cell("standard") or cell("content_standard")
            content_text = above["content"]
            if "content" not in columns:
                content_text, standards_text = _split_content(standards_text)
            reason = self._row_problem(content_text, standards_text, cell("methods"), cell("requirement"))
            if reason:
                self.skipped.append(SkippedRow(index, reason, " | ".join(t for t in texts if t)[:80], number))
                continue
            project_text = above["project"] or self.heading or self.manual.title
            indicator_text = above["indicator"] or project_text
            content = self._content(project_text, indicator_text, content_text)
            self._standards(content, standards_text, cell("methods"), cell("requirement"), cell("grading"))

    @staticmethod
    def _row_problem(content_text: str, standards_text: str, methods_text: str, prose: str) -> str:
        if not standards_text:
            return "测评标准一栏为空"
        if not content_text:
            return "无法确定所属的测评内容（该行及上方各行的测评内容均为空）"
        if not parse_methods(methods_text) and _EMPTY_PROSE.match(prose):
            return "未写测评方法，也没有申报材料要求，无法判断如何测评"
        return ""

    def _code(self, level: str, text: str) -> tuple[str, str]:
        """Split "Ⅲ-1 健全学习制度" into code and title; number the level when the text has no code."""
        for pattern in (_ROMAN_CODE, _NUMERIC_CODE):
            match = pattern.match(text + " ")
            if match:
                return match.group(1), text[match.end():].strip() or match.group(1)
        title = _CN_ORDINAL.sub("", text).strip() or text
        number = 1
        while f"{_LEVEL_PREFIX[level]}-{number}" in self.used_codes:
            number += 1
        return f"{_LEVEL_PREFIX[level]}-{number}", title

    def _claim(self, code: str) -> str:
        self.used_codes.add(code)
        return code

    def _content(self, project_text: str, indicator_text: str, content_text: str) -> Content:
        project = self.projects.get(project_text)
        if project is None:
            code, title = self._code("project", project_text)
            project = self.projects[project_text] = Project(self._claim(code), title)
            self.manual.projects.append(project)
        indicator = self.indicators.get((project.code, indicator_text))
        if indicator is None:
            code, title = self._code("indicator", indicator_text)
            indicator = self.indicators[(project.code, indicator_text)] = Indicator(self._claim(code), title)
            project.indicators.append(indicator)
        content = self.contents.get((indicator.code, content_text))
        if content is None:
            code, title = self._code("content", content_text)
            content = self.contents[(indicator.code, content_text)] = Content(self._claim(code), title)
            indicator.contents.append(content)
        return content

    def _standards(self, content: Content, text: str, methods_text: str, prose: str, grading: str) -> None:
        items = split_numbered(text)
        per_item_methods = _per_item(methods_text, len(items))
        per_item_prose = _per_item(prose, len(items))
        for position, (number, title) in enumerate(items):
            methods = parse_methods(per_item_methods[position])
            item_prose = per_item_prose[position]
            has_prose = not _EMPTY_PROSE.match(item_prose)
            if not methods:
                methods = [METHOD_MATERIALS] if has_prose else []
            requirement = None
            notes = ""
            if METHOD_MATERIALS in methods:
                requirement = parse_requirement(item_prose if has_prose else "")
            elif has_prose:
                notes = item_prose
            code = self._standard_code(content, number)
            content.standards.append(Standard(self._claim(code), title, methods, grading, requirement, notes))

    def _standard_code(self, content: Content, number: int | None) -> str:
        """"<content>-n)" (or "<content>-n" under a numeric code); the cell's own number when still free."""
        def code(n: int) -> str:
            return f"{content.code}-{n}" if re.fullmatch(r"[\d.]+", content.code) else f"{content.code}-{n})"

        if number is not None and code(number) not in self.used_codes:
            return code(number)
        number = len(content.standards) + 1
        while code(number) in self.used_codes:
            number += 1
        return code(number)


def _split_content(text: str) -> tuple[str, str]:
    """A 测评内容及标准 cell: the content's title before the first numbered standard."""
    markers = _markers(text)
    if not markers:
        first, _, rest = text.partition("\n")
        return first.strip(), rest.strip()
    start = markers[0][1].start()
    return text[:start].strip(" \n:："), text[start:]


def _markers(text: str) -> list[tuple[int, re.Match[str]]]:
    """Item markers numbered in order (1, 2, 3 …, or n, n+1 … when the cell starts with marker n,
    as in a table with one standard per row); other digits in the prose are not markers."""
    found: list[tuple[int, re.Match[str]]] = []
    for match in _MARKER.finditer(text):
        digits = match.group(1) or match.group(2) or match.group(4)
        number = int(digits) if digits else ord(match.group(3)) - ord("①") + 1
        starts_cell = not found and not text[:match.start()].strip()
        if number == (found[-1][0] + 1 if found else 1) or starts_cell:
            found.append((number, match))
    return found


def split_numbered(text: str) -> list[tuple[int | None, str]]:
    """Split "1) … 2) …" into [(1, "…"), (2, "…")]; an unnumbered cell is one item (None, text)."""
    markers = _markers(text)
    if not markers or text[:markers[0][1].start()].strip():
        return [(None, _clean(text))]
    items = []
    for i, (number, match) in enumerate(markers):
        end = markers[i + 1][1].start() if i + 1 < len(markers) else len(text)
        items.append((number, _clean(text[match.end():end])))
    return [(n, t) for n, t in items if t]


def _per_item(text: str, count: int) -> list[str]:
    """Methods or prose numbered like the standards go to each one; otherwise all share the text."""
    items = split_numbered(text)
    if count > 1 and len(items) == count and items[0][0] is not None:
        return [t for _, t in items]
    return [text.strip()] * count


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ；;。,，")


def parse_methods(text: str) -> list[str]:
    return [method for method, pattern in _METHOD_WORDS if re.search(pattern, text)]


def parse_requirement(prose: str) -> MaterialRequirement:
    """Read kinds, counts (图片 in 张), captions, formats, a window override, whether the files must be sealed
    scans (盖章、原件扫描件) and whether the work's 落实 must be shown, from requirement prose."""
    kinds: dict[str, int] = {}
    captions = False
    for clause in re.split(r"[；;。\n]", _WINDOW.sub("", prose)):
        photo = bool(_PHOTO.search(clause))
        if photo and _CAPTION.search(clause):
            captions = True
        found: list[tuple[int, str]] = []
        for kind, pattern in _KIND_WORDS:
            if photo and kind == "情况说明":
                continue  # "图片须附文字说明" asks for captions, not for a report
            match = re.search(pattern, clause)
            if match:
                found.append((match.start(), kind))
        found.sort()
        count_match = _COUNT.search(clause)
        counted = _nearest_kind(found, count_match.start()) if count_match and found else None
        for _, kind in found:
            count = _count(count_match) if count_match and kind == counted else 1
            kinds[kind] = max(kinds.get(kind, 0), count)
    window = _WINDOW.search(prose)
    window_text = None
    if window:
        try:
            parse_window_rule(window.group(0))
            window_text = window.group(0)
        except UserError:
            window_text = None
    formats: list[str] = []
    if "格式" in prose:
        lowered = prose.lower()
        formats = [name for pattern, name in _FORMATS if re.search(pattern, lowered) and name not in formats]
    return MaterialRequirement(
        kinds=[KindRequirement(k, n) for k, n in kinds.items()] or [KindRequirement("其他", 1)],
        formats=formats, window=window_text, captions_required=captions,
        sealed=bool(_SEALED.search(prose)) and not _NOT_SEALED.search(prose),
        implementation=bool(_IMPLEMENTATION.search(prose)), notes=prose.strip(),
    )


def _nearest_kind(found: list[tuple[int, str]], position: int) -> str:
    """The kind a count belongs to: the last one named before it, else the first named after."""
    before = [kind for start, kind in found if start <= position]
    return before[-1] if before else found[0][1]


def _count(match: re.Match[str]) -> int:
    text = match.group(1) or match.group(2)
    return int(text) if text.isdigit() else _CN_NUMBERS.get(text, 1)
