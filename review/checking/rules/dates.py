"""Dates in Chinese documents, and the one date a material is judged by.

Formats: 2019年3月15日, 二〇一九年三月十五日 (〇/零/○, 十/二十/三十一), 2019.3.15, 2019-03-15,
2019/3/15 and month precision 2019年3月. A month-precision date is inside a window when any day of
that month is; a 文号 year when any day of that year is.

The document's own date, by priority: the 落款 date (a short line near the end), the 文号 year, the
latest date in the text that is not after the evaluation start, the file's creation date, the
photo's EXIF date, and last a date in the file name ("2024-05-12 志愿服务.jpg", "20240512_巡查.jpg"):
photos without EXIF are often named by the day they were taken. In a photo, a date among the words
of the scene (a banner, a sign, read by OCR) comes after its EXIF date and its name. A date that
OCR read makes a finding to verify, never a 必须修改 on its own.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from index.document import Extraction
from review.checking.rules.docno import head_docno
from review.checking.rules.finding import Finding
from review.checking.rules.material import IMAGE_FORMATS
from review.checking.rules.text import DocText
from review.workspace.date_window import DateWindow, month_end

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext
    from review.checking.rules.docno import DocNo

# The zero of a year in Chinese numerals is written 〇, 零 or ○, and typed (or read by OCR) as the
# letter O as often: 二O二六年.
CN_YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4,
                   "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_YEAR_CHARS = "".join(CN_YEAR_DIGITS)
CN_YEAR = f"[一二][{CN_YEAR_CHARS}]{{3}}"  # 一九九八 … 二〇九九
_CN_SMALL = "一二三四五六七八九"
_FIELD_LABEL = re.compile(r"[\u4e00-\u9fff]{2,4}[:：]")
CN_NUMBER = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"

# OCR often reads the digits of a scanned date with spaces between them (2 0 2 6 年 3 月 1 5 日):
# before 年 / 月 / 日, digits may be one space apart.
DATE_PATTERN = re.compile(
    r"(?=[12一二])"  # lets the engine skip other positions quickly
    r"(?:(?<![\d.])(?P<y>(?:19|20)\d{2}|[12] [09] \d \d)\s*(?:"
    r"年\s*(?P<m1>\d(?: ?\d)?)\s*月(?:\s*(?P<d1>\d(?: ?\d)?)\s*[日号])?"
    r"|(?P<sep>[.\-/．])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?![\d.]))"
    rf"|(?P<cy>{CN_YEAR})\s*年\s*(?P<cm>{CN_NUMBER})\s*月(?:\s*(?P<cd>{CN_NUMBER})\s*日)?)"
)

# Dates in a file name beyond what DATE_PATTERN reads (after "_" is read as "-"): the digits
# cameras and phones write, 20240512 or 20240512093015 (IMG_20240512_093015, 微信图片_20240512093015).
# Serial numbers (IMG_4032), sizes and 文号 numbers (…20240512号) are not dates.
_COMPACT_NAME_DATE = re.compile(
    r"(?<!\d)(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:(?:[01]\d|2[0-3])[0-5]\d[0-5]\d)?(?![\d号])")
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
_NAME_YEARS = range(2000, 2100)
FILE_NAME_SOURCE = "文件名中的日期"

# The last lines of a document that may hold the 落款 (signature block with the date).
_SIGNATURE_TAIL = 10
_SIGNATURE_MAX_CHARS = 40


@dataclass(frozen=True)
class FoundDate:
    """A date as written: `first`..`last` is the day, or the whole month for month precision."""

    first: date
    last: date
    precision: str  # day | month | year
    start: int = -1
    end: int = -1
    text: str = ""

    def within(self, window: DateWindow) -> bool:
        return self.first <= window.end and self.last >= window.begin

    def describe(self) -> str:
        if self.precision == "day":
            return f"{self.first.year}年{self.first.month}月{self.first.day}日"
        if self.precision == "month":
            return f"{self.first.year}年{self.first.month}月"
        return f"{self.first.year}年"


@dataclass(frozen=True)
class DocumentDate:
    """The date a material is judged by and where it came from (for the finding's message)."""

    found: FoundDate
    source: str  # 落款日期 | 文号年份 | 正文日期 | 文件创建时间 | 照片拍摄时间（EXIF） | 文件名中的日期 | 图片中的文字日期

    def describe(self) -> str:
        return f"{self.source}“{self.found.text or self.found.describe()}”"


def cn_number(text: str) -> int:
    if "十" not in text:
        return _CN_SMALL.index(text) + 1
    tens, _, ones = text.partition("十")
    return (_CN_SMALL.index(tens) + 1 if tens else 1) * 10 + (_CN_SMALL.index(ones) + 1 if ones else 0)


def _from_match(m: re.Match[str]) -> FoundDate | None:
    if m["cy"]:
        year = int("".join(str(CN_YEAR_DIGITS[c]) for c in m["cy"]))
        month = cn_number(m["cm"])
        day = cn_number(m["cd"]) if m["cd"] else None
    else:
        year = int(m["y"].replace(" ", ""))
        month = int((m["m1"] or m["m2"]).replace(" ", ""))
        day_text = m["d1"] or m["d2"]
        day = int(day_text.replace(" ", "")) if day_text else None
    try:
        if day is None:
            return FoundDate(date(year, month, 1), month_end(year, month), "month", m.start(), m.end(), m[0])
        day_date = date(year, month, day)
    except ValueError:
        return None
    return FoundDate(day_date, day_date, "day", m.start(), m.end(), m[0])


def find_dates(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[FoundDate]:
    """Every valid date written in `text[pos:endpos]` (offsets are into `text`)."""
    for m in DATE_PATTERN.finditer(text, pos, len(text) if endpos is None else endpos):
        found = _from_match(m)
        if found is not None:
            yield found


def signature_date(doc: DocText) -> FoundDate | None:
    """The 落款 date: on a short line among the document's last lines, the last full date found.
    A line of labelled fields (时间：… 地点：…) is a caption or a record, not a 落款.

    A 成文日期 names the day; a month ("（三）总结提升阶段（2026年12月）", the last stage of a plan)
    is a schedule, not a 落款.
    """
    for segment in reversed(doc.tail(_SIGNATURE_TAIL)):
        if segment.end - segment.start > _SIGNATURE_MAX_CHARS:
            continue
        if len(_FIELD_LABEL.findall(doc.text, segment.start, segment.end)) >= 2:
            continue  # "时间：… 地点：… 事由：…": a photo's caption or a record's fields, not a 落款
        found = [d for d in find_dates(doc.text, segment.start, segment.end) if d.precision == "day"]
        if found:
            return found[-1]
    return None


def text_date(doc: DocText, evaluation_start: date) -> FoundDate | None:
    """The latest date in the text not after the evaluation start (plans name future deadlines)."""
    return _latest_not_after(list(find_dates(doc.text)), evaluation_start)


def _latest_not_after(found: list[FoundDate], evaluation_start: date) -> FoundDate | None:
    if not found:
        return None
    past = [d for d in found if d.first <= evaluation_start]
    return max(past or found, key=lambda d: d.first)


def name_date(name: str, evaluation_start: date) -> FoundDate | None:
    """A date in the file name (years 2000–2099), chosen like a date in the text.

    The date keeps the name's spelling as its text and no offsets: it is not in the document's text.
    """
    stem = _EXTENSION.sub("", name)
    found = [replace(d, start=-1, end=-1, text=stem[d.start:d.end]) for d in find_dates(stem.replace("_", "-"))]
    for m in _COMPACT_NAME_DATE.finditer(stem):
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        found.append(FoundDate(day, day, "day", text=m[0]))
    return _latest_not_after([d for d in found if d.first.year in _NAME_YEARS], evaluation_start)


def fact_date(facts: dict[str, Any], key: str) -> FoundDate | None:
    value = facts.get(key)
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        day = datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None
    return FoundDate(day, day, "day", text=f"{day.year}年{day.month}月{day.day}日")


def document_date(doc: DocText, extraction: Extraction, docnos: Sequence[DocNo],
                  evaluation_start: date, name: str) -> DocumentDate | None:
    """The date the material is judged by; `name` is the file name, the last source."""
    signed = signature_date(doc)
    if signed is not None:
        return DocumentDate(signed, "落款日期")
    number = head_docno(doc, list(docnos))  # a 文号 cited in the body dates the cited document
    if number is not None:
        return DocumentDate(FoundDate(date(number.year, 1, 1), date(number.year, 12, 31), "year",
                                      number.start, number.end, number.text), "文号年份")
    in_text = text_date(doc, evaluation_start)
    # The words in a photo are the scene's (a banner, a sign, a poster), read by OCR: the photo is
    # dated by when it was taken, or by its name, and by those words only when nothing else says.
    photo = extraction.format in IMAGE_FORMATS
    if in_text is not None and not photo:
        return DocumentDate(in_text, "正文日期")
    for key, source in (("created", "文件创建时间"), ("taken", "照片拍摄时间（EXIF）")):
        found = fact_date(extraction.facts, key)
        if found is not None:
            return DocumentDate(found, source)
    named = name_date(name, evaluation_start)
    if named is not None:
        return DocumentDate(named, FILE_NAME_SOURCE)
    return DocumentDate(in_text, "图片中的文字日期") if in_text is not None else None


def place_of(ctx: FileContext, dated: DocumentDate) -> dict[str, Any]:
    """Page, location and box of a date found in the text (and whether OCR read it, which makes
    the finding one to verify); only where it came from otherwise."""
    found = dated.found
    segment = ctx.doc.at(found.start) if found.start >= 0 else None
    if segment is None:
        return {"location": "文件名" if dated.source == FILE_NAME_SOURCE else "文件属性"}
    return {"page": segment.page, "location": segment.location, "bbox": segment.bbox,
            "read_by_ocr": segment.source == "ocr", "confidence": segment.confidence}


def check_window(ctx: FileContext, window: DateWindow, rule_id: str, what: str,
                 item_code: str = "") -> list[Finding]:
    """Findings when the material's own date falls outside `window` (`what` names the window)."""
    dated = ctx.document_date
    if dated is None or dated.found.within(window):
        return []
    message = (f"{ctx.facts.display_name}：按{dated.describe()}判断，材料日期不在{what}"
               f"（{window.describe()}）内。")
    return [ctx.finding(rule_id, message, text=dated.found.text or dated.found.describe(),
                        item_code=item_code, **place_of(ctx, dated))]


def check(ctx: FileContext) -> list[Finding]:
    """MR-DATE-001 (outside the workspace window) and MR-DATE-002 (no date at all)."""
    out: list[Finding] = []
    if ctx.config.is_enabled("MR-DATE-001"):
        out += check_window(ctx, ctx.settings.date_window(), "MR-DATE-001", "工作区设定的材料时间范围")
    if ctx.config.is_enabled("MR-DATE-002") and ctx.document_date is None and _has_content(ctx):
        out.append(ctx.finding("MR-DATE-002", f"{ctx.facts.display_name}：落款、文号、正文、文件属性、照片信息和"
                                              "文件名中都没有找到日期，无法判断是否在材料时间范围内。"))
    return out


def _has_content(ctx: FileContext) -> bool:
    """Files that could not be read are reported by the file-quality rules, not as undated."""
    return bool(ctx.extraction.pages) and not ctx.extraction.problem("encrypted")
