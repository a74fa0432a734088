"""文号 (document numbers) such as 焦文明办〔2019〕12号, and how they break GB/T 9704.

GB/T 9704 wants the issuing office's abbreviation, the year in hexagonal brackets 〔〕, and the
number without padding zeros (不编虚位) or 第, followed by 号.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.checking.rules.finding import Finding
from review.checking.rules.text import DocText

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

_OPEN, _CLOSE = "〔", "〕"
# The bracketed year and what follows; the abbreviation before it is read separately (anchoring
# on the bracket keeps the scan fast: brackets are rare, Chinese characters are everywhere).
DOCNO_PATTERN = re.compile(
    r"(?P<open>[〔\[(（【［〖{｛﹝〘])[ \t]*(?P<year>(?:19|20)\d{2}|[12] [09] \d \d)[ \t]*"
    r"(?P<close>[〕\])）】］〗}｝﹞〙])[ \t]*(?P<di>第?)[ \t]*(?P<num>\d{0,5}(?: \d){0,4})[ \t]*(?P<hao>号?)"
)
_ORG_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,12}(?=[ \t]*$)")
_ORG_REACH = 14
# Words that start a sentence before a cited 文号 ("根据焦文明办〔2019〕12号"), not part of the 代字.
_LEAD_WORDS = re.compile(r"^.*(?:根据|按照|依据|依照|参照|印发|转发|关于|见|及|和|与|的|为|以)")
# An abbreviation usually ends with one of these; used to accept a number that lacks 号.
_ORG_ENDINGS = tuple("发办字函文委政令通电")
_AFTER_BARE_NUMBER = re.compile(r"$|[\s，。、；;,)）]")


@dataclass(frozen=True)
class DocNo:
    start: int
    end: int
    org: str
    open: str
    year: int
    close: str
    di: str
    number: str
    hao: str

    @property
    def text(self) -> str:
        return f"{self.org}{self.open}{self.year}{self.close}{self.di}{self.number}{self.hao}"

    @property
    def corrected(self) -> str:
        number = str(int(self.number)) if self.number else "N"
        return f"{self.org}{_OPEN}{self.year}{_CLOSE}{number}号"

    def defects(self) -> list[str]:
        """What is wrong besides the brackets, in Chinese."""
        out = []
        if not self.org:
            out.append("缺少发文机关代字")
        if not self.number:
            out.append("缺少发文序号")
        elif self.number.startswith("0"):
            out.append("序号编了虚位（前面多了 0）")
        if self.di:
            out.append("序号前多了“第”字")
        if not self.hao:
            out.append("序号后缺少“号”字")
        return out


def find_docnos(doc: DocText) -> list[DocNo]:
    """Every 文号-like string in the text, in order, with whatever brackets it was written with."""
    out = []
    text = doc.text
    for m in DOCNO_PATTERN.finditer(text):
        before = _ORG_BEFORE.search(text, max(0, m.start() - _ORG_REACH), m.start())
        org = _LEAD_WORDS.sub("", before[0]) if before else ""
        if not m["hao"]:
            bare_ok = (m["num"] and org.endswith(_ORG_ENDINGS)
                       and _AFTER_BARE_NUMBER.match(text, m.end()) is not None)
            if not bare_ok:
                continue
        start = before.end() - len(org) if before and org else m.start()
        end = m.end() if m["hao"] or m["num"] else m.end("close")
        # OCR spaces digits out ("〔2 0 2 6〕4 号"): the number is what the digits say
        out.append(DocNo(start, end, org, m["open"], int(m["year"].replace(" ", "")), m["close"], m["di"],
                         m["num"].replace(" ", ""), m["hao"]))
    return out


HEAD_SEGMENTS = 12  # a document's own 文号 stands among its first lines (红头, then the 文号 line)
# What may share the 文号's line besides the number: 签发人 and the name, spaces, punctuation.
_SIGNER = re.compile(r"签发人[:：]?[ \t　]*[\u4e00-\u9fff·]{0,6}")
_FILLER = re.compile(r"[\s　,，.。:：;；、()（）\-—]")
_OWN_LINE_SLACK = 2  # OCR may add a stray mark or two to the line


def head_docno(doc: DocText, docnos: list[DocNo]) -> DocNo | None:
    """The document's own 文号: on a line of its own among the first lines, not one it cites.

    A title ("关于转发《…》（豫文明办〔2026〕3号）的通知") or a sentence ("根据中办发〔2016〕89号
    文件精神") that names a 文号 near the top cites another document; the number is the document's
    own only when nothing but the number (and the 签发人) stands on its line.
    """
    if not len(doc):
        return None
    head_end = doc.segment(min(len(doc), HEAD_SEGMENTS) - 1).end
    for number in docnos:
        if number.start > head_end:
            break
        if _alone_on_line(doc.text, number):
            return number
    return None


def _alone_on_line(text: str, number: DocNo) -> bool:
    begin = text.rfind("\n", 0, number.start) + 1
    end = text.find("\n", number.end)
    rest = text[begin:number.start] + text[number.end:len(text) if end < 0 else end]
    return len(_FILLER.sub("", _SIGNER.sub("", rest))) <= _OWN_LINE_SLACK


# 令 (命令) per GB/T 9704: the 发文机关标志 "焦作市人民政府令", then "第12号" on its own line (no year).
_ORDER_MARK = re.compile(r"^[\u4e00-\u9fff]{2,30}(?:人民政府|政府|委员会|主席|部|局|厅|署|院|委|办)令$")
_ORDER_NUMBER = re.compile(r"^第[ \t]*[0-9０-９](?:[ \t]*[0-9０-９]){0,3}[ \t]*号$")
_ORDER_REACH = 2  # the number stands on the line right after the mark (or the one after)


@dataclass(frozen=True)
class OrderNo:
    """The number of a 令: 焦作市人民政府令 第12号; `start`/`end` span the 第N号 line."""

    mark: str
    number: str
    start: int
    end: int

    @property
    def text(self) -> str:
        return f"{self.mark} {self.number}"


def order_number(doc: DocText) -> OrderNo | None:
    """The 令 number at the head of a 命令 (no 〔year〕, so `find_docnos` does not see it)."""
    lines = [(s, _FILLER.sub("", doc.segment_text(s))) for s in doc.head(HEAD_SEGMENTS)]
    for index, (_segment, line) in enumerate(lines):
        mark = _ORDER_MARK.match(line)
        joined = re.match(r"^(.+?令)(第.+号)$", line)
        if joined and _ORDER_MARK.match(joined[1]) and _ORDER_NUMBER.match(joined[2]):
            segment = lines[index][0]
            return OrderNo(joined[1], joined[2], segment.start, segment.end)
        if not mark:
            continue
        for segment, following in lines[index + 1:index + 1 + _ORDER_REACH]:
            if _ORDER_NUMBER.match(following):
                return OrderNo(line, re.sub(r"[ \t]", "", following), segment.start, segment.end)
    return None


def check(ctx: FileContext) -> list[Finding]:
    """MR-DOCNO-001 (wrong brackets, must) and MR-DOCNO-002 (missing or padded parts, should)."""
    out: list[Finding] = []
    name = ctx.facts.display_name
    for number in ctx.docnos:
        segment = ctx.doc.at(number.start)
        if segment is not None and segment.source == "ocr":
            # On a scan the 文号 is the issuing office's print, which no group can re-bracket, and
            # recognition reads 〔〕 as [] or （） as often as not: nothing to report that a person
            # could act on. The number still serves to recognise the document and its date.
            continue
        wrong_brackets = (number.open, number.close) != (_OPEN, _CLOSE)
        defects = number.defects()
        if not wrong_brackets and not defects:
            continue
        hint = f"改为“{number.corrected}”。"
        if wrong_brackets and ctx.config.is_enabled("MR-DOCNO-001"):
            message = (f"{name}：文号“{number.text}”的年份用了“{number.open}{number.close}”，"
                       f"应使用六角括号“〔〕”。")
            out.append(ctx.finding_at("MR-DOCNO-001", message, number.start, number.end,
                                      hint=f"{hint}（GB/T 9704：年份用六角括号“〔〕”括入。）"))
        if defects and ctx.config.is_enabled("MR-DOCNO-002"):
            message = f"{name}：文号“{number.text}”{'，'.join(defects)}。"
            out.append(ctx.finding_at("MR-DOCNO-002", message, number.start, number.end,
                                      hint=f"{hint}（发文机关代字 + 〔年份〕 + 序号 + 号，序号不编虚位、不加“第”字。）"))
    return out
