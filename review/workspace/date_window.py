"""The materials date window (材料时间范围).

Offices state the window as a rule relative to the evaluation start, e.g. "测评开始前1月上溯一个年度":
testing that starts in August 2017 accepts materials dated 2016-08-01 … 2017-07-31. A window may
also be given as explicit dates, for the whole workspace or for a single requirement.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from review.errors import UserError

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class DateWindow:
    """An inclusive range of dates a material may carry."""

    begin: date
    end: date

    def __post_init__(self) -> None:
        if self.begin > self.end:
            raise UserError(f"材料时间范围无效：开始日期 {self.begin} 晚于结束日期 {self.end}，请检查设置。")

    def contains(self, day: date) -> bool:
        return self.begin <= day <= self.end

    def describe(self) -> str:
        return f"{self.begin:%Y年%m月%d日}至{self.end:%Y年%m月%d日}"


@dataclass(frozen=True)
class WindowRule:
    """How a window is derived: rolling (relative to the evaluation start) or explicit dates."""

    mode: str = "rolling"  # "rolling" | "explicit"
    months_before_start: int = 1
    span_months: int = 12
    begin: date | None = None
    end: date | None = None

    def resolve(self, start: date) -> DateWindow:
        if self.mode == "explicit":
            if self.begin is None or self.end is None:
                raise UserError("材料时间范围设为固定日期，但缺少开始或结束日期，请在设置中补全。")
            return DateWindow(self.begin, self.end)
        end_year, end_month = add_months(start.year, start.month, -self.months_before_start)
        begin_year, begin_month = add_months(end_year, end_month, -(self.span_months - 1))
        return DateWindow(date(begin_year, begin_month, 1), month_end(end_year, end_month))

    def describe(self) -> str:
        if self.mode == "explicit":
            return f"{self.begin}至{self.end}"
        span = "一个年度" if self.span_months == 12 else f"{self.span_months}个月"
        return f"测评开始前{self.months_before_start}月上溯{span}"

    def to_json(self) -> dict[str, object]:
        return {
            "mode": self.mode,
            "months_before_start": self.months_before_start,
            "span_months": self.span_months,
            "begin": self.begin.isoformat() if self.begin else None,
            "end": self.end.isoformat() if self.end else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> WindowRule:
        return cls(
            mode=str(data.get("mode", "rolling")),
            months_before_start=int(data.get("months_before_start", 1)),  # type: ignore[arg-type]
            span_months=int(data.get("span_months", 12)),  # type: ignore[arg-type]
            begin=date.fromisoformat(str(data["begin"])) if data.get("begin") else None,
            end=date.fromisoformat(str(data["end"])) if data.get("end") else None,
        )


def _number(text: str) -> int:
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text in _CN_DIGITS:
        return _CN_DIGITS[text]
    raise ValueError(text)


_ROLLING = re.compile(
    r"^测评(?:开始)?前\s*(?P<before>\d+|[一二两三四五六七八九十]+)\s*个?月\s*(?:起\s*)?上溯\s*"
    r"(?:(?P<years>\d+|[一二两三四五六七八九十]+)\s*个?(?:年度|年)|(?P<months>\d+|[一二两三四五六七八九十]+)\s*个?月)$"
)
_EXPLICIT = re.compile(r"^(?P<b>\d{4}-\d{1,2}-\d{1,2})\s*(?:至|到|~|—|--)\s*(?P<e>\d{4}-\d{1,2}-\d{1,2})$")


def parse_window_rule(text: str) -> WindowRule:
    """Read a window as offices write it: "测评开始前1月上溯一个年度" or "2025-08-01至2026-07-31"."""
    phrase = text.strip().replace("（", "(").replace("）", ")")
    match = _ROLLING.match(phrase)
    if match:
        span = _number(match["years"]) * 12 if match["years"] else _number(match["months"])
        return WindowRule(mode="rolling", months_before_start=_number(match["before"]), span_months=span)
    match = _EXPLICIT.match(phrase)
    if match:
        try:
            begin = date.fromisoformat(_iso(match["b"]))
            end = date.fromisoformat(_iso(match["e"]))
        except ValueError as exc:
            raise UserError(f"无法识别时间范围“{text}”中的日期：{exc}。请写成 2025-08-01至2026-07-31。") from exc
        return WindowRule(mode="explicit", begin=begin, end=end)
    raise UserError(
        f"无法识别时间范围“{text}”。请写成“测评开始前1月上溯一个年度”或“2025-08-01至2026-07-31”。"
    )


def _iso(text: str) -> str:
    year, month, day = text.split("-")
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
