"""Workspace settings (本市名称 and its province, campaign year, evaluation start, date window, platform limits).

Settings live in the workspace database, one row per key, so every PC that shares the workspace
sees the same values. Unknown keys are refused with the list of known ones.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any, ClassVar

from index.place_names import city_named, load_cities, province_short
from review.errors import UserError
from review.workspace.date_window import DateWindow, WindowRule, parse_window_rule
from review.workspace.submission_names import DEFAULT_NAME_PATTERN, check_pattern

DEFAULT_FORMATS = ["pdf", "docx", "doc", "wps", "ofd", "jpg", "jpeg", "png", "bmp", "tif", "tiff",
                   "xlsx", "xls", "et", "csv"]

# Default naming conventions for item codes at the start of a folder or file name; issue-specific
# code (review.intake.mapping) interprets them. Kept here so that they are a workspace setting.
DEFAULT_CODE_PATTERNS = [
    r"^(?P<code>(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]+|[IVXivx]+|\d+)(?:\s*[-－—.．_]\s*\d+)*\s*[)）]?(?:\s*[-－—]\s*[①-⑳\d]+)?)",
]


@dataclass
class WorkspaceSettings:
    """Typed view of the settings table. Field docs are shown by `settings show`."""

    city: str = ""
    province: str = ""  # empty: the province of `city` in the city list (see `province_name`)
    year: int = 0
    start_date: date = field(default_factory=date.today)
    window: WindowRule = field(default_factory=WindowRule)
    max_file_mb: int = 50
    allowed_formats: list[str] = field(default_factory=lambda: list(DEFAULT_FORMATS))
    max_filename_length: int = 80
    ocr_enabled: bool = True
    code_patterns: list[str] = field(default_factory=lambda: list(DEFAULT_CODE_PATTERNS))
    submission_name_pattern: str = DEFAULT_NAME_PATTERN
    rules: dict[str, Any] = field(default_factory=dict)
    search_engine: str = "whoosh"  # index.search.ENGINES; "sqlite" indexes big corpora much faster
    backup_keep: int = 10  # rotating database backups kept (review.workspace.backups)

    LABELS: ClassVar[dict[str, str]] = {
        "city": "本市名称",
        "province": "所在省份（留空则按本市名称推断）",
        "year": "创建年度",
        "start_date": "测评开始日期",
        "window": "材料时间范围",
        "max_file_mb": "单个文件大小上限（MB）",
        "allowed_formats": "允许的文件格式",
        "max_filename_length": "文件名长度上限（字符）",
        "ocr_enabled": "启用文字识别（OCR）",
        "code_patterns": "条目编号命名规则（正则表达式）",
        "submission_name_pattern": "最终申报材料文件命名规则",
        "rules": "检查规则设置",
        "search_engine": "搜索引擎（whoosh 或 sqlite）",
        "backup_keep": "保留的自动备份份数",
    }

    def province_name(self) -> str:
        """The province the city checks take as ours: the setting, else the city's in the city list
        ("" when neither says)."""
        if self.province.strip():
            return self.province.strip()
        city = city_named(self.city)
        return city.province if city else ""

    def date_window(self) -> DateWindow:
        return self.window.resolve(self.start_date)

    def to_rows(self) -> dict[str, Any]:
        data = asdict(self)
        data["start_date"] = self.start_date.isoformat()
        data["window"] = self.window.to_json()
        return data

    @classmethod
    def from_rows(cls, rows: dict[str, Any]) -> WorkspaceSettings:
        settings = cls()
        for f in fields(cls):
            if f.name not in rows:
                continue
            value = rows[f.name]
            if f.name == "start_date":
                value = date.fromisoformat(value)
            elif f.name == "window":
                value = WindowRule.from_json(value)
            setattr(settings, f.name, value)
        return settings

    def describe(self) -> list[tuple[str, str, str]]:
        """(key, Chinese label, value as text) for display."""
        out = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "window":
                text = f"{value.describe()}（{self.date_window().describe()}）"
            elif f.name == "province" and not value.strip():
                text = f"{self.province_name()}（按本市名称推断）" if self.province_name() else "（未设置）"
            elif isinstance(value, list):
                text = "、".join(map(str, value))
            elif isinstance(value, bool):
                text = "是" if value else "否"
            else:
                text = str(value)
            out.append((f.name, self.LABELS.get(f.name, f.name), text))
        return out

    def with_value(self, key: str, text: str) -> WorkspaceSettings:
        """A copy with `key` set from user text; validates and explains what is wrong."""
        known = {f.name for f in fields(self)}
        if key not in known:
            raise UserError(f"没有名为“{key}”的设置项。可用的设置项：{'、'.join(sorted(known))}。")
        rows = self.to_rows()
        try:
            if key in ("year", "max_file_mb", "max_filename_length", "backup_keep"):
                number = int(text)
                if number <= 0:
                    raise ValueError
                rows[key] = number
            elif key == "start_date":
                rows[key] = date.fromisoformat(text).isoformat()
            elif key == "window":
                rows[key] = parse_window_rule(text).to_json()
            elif key == "ocr_enabled":
                rows[key] = text.strip().lower() in ("1", "true", "yes", "是", "开", "on")
            elif key in ("allowed_formats", "code_patterns"):
                rows[key] = [part.strip().lstrip(".").lower() if key == "allowed_formats" else part.strip()
                             for part in text.replace("，", ",").split(",") if part.strip()]
            elif key == "submission_name_pattern":
                rows[key] = check_pattern(text.strip())
            elif key == "rules":
                raise UserError("检查规则请用 `rules` 命令设置。")
            elif key == "search_engine":
                rows[key] = _search_engine(text)
            elif key == "province":
                rows[key] = _province(text)
            else:
                rows[key] = text.strip()
        except ValueError as exc:
            raise UserError(f"设置项“{self.LABELS[key]}”的值“{text}”无效，请检查后重试。") from exc
        return WorkspaceSettings.from_rows(rows)


def _province(text: str) -> str:
    """A province's full name from how it is typed (河南 → 河南省); "" to derive it from the city."""
    typed = text.strip()
    if not typed:
        return ""
    provinces = {c.province for c in load_cities()}
    found = next((p for p in sorted(provinces) if typed in (p, province_short(p))), None)
    if found is None:
        raise UserError(f"“{typed}”不是省级行政区的名称，请填写如“河南省”“广西壮族自治区”，或留空按本市名称推断。")
    return found


def _search_engine(text: str) -> str:
    from index.search.opening import ENGINES  # imported here: settings load without the search engines

    engine = text.strip().lower()
    if engine not in ENGINES:
        raise UserError(f"搜索引擎“{text}”无效：请填 {' 或 '.join(ENGINES)}"
                        "（whoosh 为默认；sqlite 在材料很多时建索引快得多）。更换后下次打开工作区时会重建搜索索引。")
    return engine
