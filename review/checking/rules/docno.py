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


HEAD_LINE_CHARS = 40  # the 文号 line holds the number, maybe 签发人 too; a body paragraph is longer


def head_docno(doc: DocText, docnos: list[DocNo]) -> DocNo | None:
    """The document's own 文号: on a short line among its first lines, not one it cites in the body."""
    if not len(doc):
        return None
    head_end = doc.segment(min(len(doc), HEAD_SEGMENTS) - 1).end
    for number in docnos:
        line = doc.at(number.start)
        if number.start <= head_end and line is not None and len(doc.text[line.start:line.end].strip()) <= HEAD_LINE_CHARS:
            return number
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
