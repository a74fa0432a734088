"""MR-DATE-004: what period a document says it covers (2024年度, 2025年上半年, 截至2024年底).

A material dated inside the window can still be last year's: a 2024年度 总结 signed in 2026, or a
report re-dated with the old figures left in. The title names the period unmistakably (必须修改);
in the body a period is only evidence when it frames the content ("截至2024年12月底，全市…") and
nothing in the body is of the window: a report that compares with last year ("较2024年度增长")
or recalls an honour ("荣获2024年度…") covers the current period. That judgement is 建议修改.

Only periods that end before the window begins are reported; a period after it is a plan's target.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING

from review.checking.rules.dates import (
    CN_NUMBER,
    CN_YEAR,
    CN_YEAR_CHARS,
    CN_YEAR_DIGITS,
    cn_number,
    find_dates,
    signature_date,
)
from review.checking.rules.finding import Finding, Severity
from review.checking.rules.kinds import IMAGE_FORMATS, SHEET_FORMATS
from review.checking.rules.text import DocText
from review.workspace.date_window import DateWindow, month_end

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

RULE = "MR-DATE-004"
_YEAR = rf"(?:19|20)\d{{2}}|[12] [09] \d \d|{CN_YEAR}"
_MONTH = rf"(?:\d{{1,2}}|{CN_NUMBER})"
# A year (or a range of years), its unit, and what qualifies it. Qualifiers are optional: the
# caller decides what a bare "2024年" means (a period in a title, nothing in the body).
PERIOD_PATTERN = re.compile(
    rf"(?<![\d{CN_YEAR_CHARS}])(?P<cut>(?:截至|截止|截止到|截至到|至|到)\s*)?"
    rf"(?P<y1>{_YEAR})\s*(?:[—–\-－~～至到]\s*(?P<y2>{_YEAR})\s*)?"
    r"(?:(?P<school>学年度?)"
    r"|年\s*(?P<whole_year>度)?\s*(?:"
    r"(?P<half>[上下])半年"
    r"|第?(?P<quarter>[一二三四1-4])季度"
    r"|(?P<all>全年)"
    r"|(?P<term>春季|秋季|春|秋)(?:季)?学期"
    rf"|(?P<month>{_MONTH})\s*月(?:份)?\s*(?:(?P<month_end>底|末)|(?P<day>{_MONTH})\s*[日号])?"
    r"|(?P<year_end>底|末)"
    r")?)"
)
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}

# Words around a period that make it history or a comparison rather than what the body covers.
_BEFORE_NOT_CLAIM = re.compile(r"(?:较|比|同比|相比|对比|与|超过|高于|低于|自|从|荣获|获评|获得|被评为|评为|授予|命名|表彰|继)\s*$")
_AFTER_NOT_CLAIM = re.compile(r"^\s*(?:相比|同期|以来|起|开始|至今|以前|之前|曾|先后|被评为|荣获|获评|评为|先进|优秀|表彰|增长|下降|提高|减少)")
# Titles of acts that happen now about a past period: honouring last year's volunteers, publishing
# last year's assessment results.
_TITLE_ABOUT_PAST = re.compile(r"表彰|评选|评比|命名|表扬|奖励|考核结果|测评结果|公示|先进|优秀")
_NOT_TITLE_LINE = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[、.．)）]")
# A title has no sentence punctuation; a PDF wraps the body into short lines that do.
_SENTENCE = re.compile(r"[，。；：:,;]")
_TITLE_END = re.compile(r"(?:通知|总结|报告|说明|方案|计划|规划|汇报|台账|表|纪要|记录|意见|办法|决定|要点|请示|函|通报)[）)]?$")
_TITLE_LINES = 6
_TITLE_MAX_CHARS = 60


@dataclass(frozen=True)
class Period:
    """A stretch of time named in the text, `first`..`last`; `framed` when it is an explicit period
    (年度, 上半年, 季度, 全年, 学年, 学期, a range of years) or a 截至 point, not a bare year or month."""

    first: date
    last: date
    framed: bool
    start: int
    end: int
    text: str


def _year(text: str) -> int:
    text = text.replace(" ", "")
    if text.isdigit():
        return int(text)
    return int("".join(str(CN_YEAR_DIGITS[c]) for c in text))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else cn_number(text)


def _period(m: re.Match[str]) -> Period | None:
    y1 = _year(m["y1"])
    y2 = _year(m["y2"]) if m["y2"] else None
    framed = True
    try:
        if m["school"]:
            if y2 is None or y2 != y1 + 1:
                return None
            first, last = date(y1, 9, 1), date(y2, 7, 31)  # the summer holiday is no school work
        elif y2 is not None:
            if not y1 < y2 <= y1 + 10:
                return None
            first, last = date(y1, 1, 1), date(y2, 12, 31)
        elif m["half"]:
            first, last = (date(y1, 1, 1), date(y1, 6, 30)) if m["half"] == "上" else (date(y1, 7, 1), date(y1, 12, 31))
        elif m["quarter"]:
            q = _QUARTERS.get(m["quarter"]) or int(m["quarter"])
            first, last = date(y1, 3 * q - 2, 1), month_end(y1, 3 * q)
        elif m["term"]:
            first, last = ((date(y1, 2, 1), date(y1, 7, 31)) if m["term"].startswith("春")
                           else (date(y1, 9, 1), date(y1 + 1, 1, 31)))
        elif m["month"]:
            month = _number(m["month"])
            if m["day"]:
                first = last = date(y1, month, _number(m["day"]))
            else:
                first, last = date(y1, month, 1), month_end(y1, month)
            framed = bool(m["cut"])
        elif m["year_end"]:
            first = last = date(y1, 12, 31)
            framed = bool(m["cut"])
        else:
            first, last = date(y1, 1, 1), date(y1, 12, 31)
            framed = bool(m["whole_year"] or m["all"]) or (bool(m["cut"]) and m["cut"].startswith("截"))
    except ValueError:
        return None
    if m["cut"] and not m["cut"].startswith("截"):
        framed = False  # "到2026年底" is a target, not what the document covers
    if m["cut"] and m["cut"].startswith("截"):
        first = last  # 截至 a day: the state on that day
    return Period(first, last, framed, m.start(), m.end(), m[0].strip())


def find_periods(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Period]:
    for m in PERIOD_PATTERN.finditer(text, pos, len(text) if endpos is None else endpos):
        found = _period(m)
        if found is not None:
            yield found


def _is_claim(text: str, period: Period) -> bool:
    before = text[max(0, period.start - 6):period.start]
    after = text[period.end:period.end + 6]
    return not _BEFORE_NOT_CLAIM.search(before) and not _AFTER_NOT_CLAIM.match(after)


def title_lines(doc: DocText) -> list[tuple[int, int]]:
    """The title's spans: the first short lines, past the masthead and the 文号 line, up to the
    主送 or the first paragraph."""
    out: list[tuple[int, int]] = []
    for segment in doc.head(_TITLE_LINES):
        line = doc.segment_text(segment).strip()
        if not line or line.endswith("文件") or re.search(r"[〔\[(（【［﹝].{4,9}[〕\])）】］﹞]\s*第?\s*\d+\s*号", line):
            if out:
                break
            continue
        if len(line) > _TITLE_MAX_CHARS or _NOT_TITLE_LINE.search(line) or _SENTENCE.search(line):
            break
        out.append((segment.start, segment.end))
        if len(out) == 2 or _TITLE_END.search(line):
            break
    return out


def _title_period(ctx: FileContext, window: DateWindow) -> Finding | None:
    doc = ctx.doc
    for start, end in title_lines(doc):
        line = doc.text[start:end]
        if _TITLE_ABOUT_PAST.search(line):
            return None
        for period in find_periods(doc.text, start, end):
            if period.last < window.begin:
                message = (f"{ctx.facts.display_name}：标题写明“{line.strip()}”，内容所属时段“{period.text}”"
                           f"不在材料时间范围（{window.describe()}）内，{_signed(ctx)}。")
                return ctx.finding_at(RULE, message, period.start, period.end)
    stem = PurePath(ctx.facts.name).stem
    if _TITLE_ABOUT_PAST.search(stem):
        return None
    for period in find_periods(stem):
        if period.last < window.begin and "年" in period.text:
            message = (f"{ctx.facts.display_name}：文件名写明的时段“{period.text}”不在材料时间范围"
                       f"（{window.describe()}）内，{_signed(ctx)}。")
            return ctx.finding(RULE, message, location="文件名", text=period.text)
    return None


def _clause(text: str, period: Period, reach: int = 30) -> str:
    """The clause a period stands in, for the message: from the sentence start to the next comma."""
    left = max(text.rfind(stop, max(0, period.start - reach), period.start) for stop in "。；\n")
    left = left + 1 if left >= 0 else max(0, period.start - reach)
    ends = [i for i in (text.find(stop, period.end, period.end + reach) for stop in "，。；\n") if i >= 0]
    return text[left:min(ends) if ends else period.end + reach].strip()


def _signed(ctx: FileContext) -> str:
    dated = ctx.document_date
    return f"虽然{dated.describe()}在范围内" if dated is not None else "请核对材料是否为本测评周期的"


def _body_period(ctx: FileContext, window: DateWindow) -> Finding | None:
    """A framing period before the window, and nothing in the body of the window."""
    doc = ctx.doc
    text = doc.text
    signed = signature_date(doc)
    segment = doc.at(signed.start) if signed is not None else None
    body_end = segment.start if segment is not None else len(text)
    claim: Period | None = None
    for period in find_periods(text, 0, body_end):
        if period.first <= window.end and period.last >= window.begin:
            return None  # the body speaks of the window: an old period in it is history
        if claim is None and period.framed and period.last < window.begin and _is_claim(text, period):
            claim = period
    if claim is None or any(d.within(window) for d in find_dates(text, 0, body_end)):
        return None
    message = (f"{ctx.facts.display_name}：正文写明“{_clause(text, claim)}”，所述时段"
               f"“{claim.text}”不在材料时间范围（{window.describe()}）内，正文中也没有时间范围内的内容，"
               f"{_signed(ctx)}，可能是往年材料改了落款。")
    # the body is evidence to weigh, not proof: the reviewer confirms it
    return ctx.finding_at(RULE, message, claim.start, claim.end, severity=Severity.SHOULD)


def check(ctx: FileContext) -> list[Finding]:
    """MR-DATE-004 on documents whose own date is inside the window (MR-DATE-001 reports the rest)."""
    if not ctx.config.is_enabled(RULE):
        return []
    fmt = ctx.extraction.format or ctx.facts.format
    window = ctx.settings.date_window()
    dated = ctx.document_date
    if fmt in IMAGE_FORMATS or (dated is not None and not dated.found.within(window)):
        return []
    found = _title_period(ctx, window)
    if found is None and fmt not in SHEET_FORMATS:
        found = _body_period(ctx, window)
    return [found] if found is not None else []
