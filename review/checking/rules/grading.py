"""What a standard's grading rule (评分规则) says a shortfall costs, for the requirement findings' messages.

Manuals write the rule as clauses, best grade first: "有制度且帮扶到位为A；有制度未落实为B；其余情形为C#",
or "A：…；B：…". A finding about a missing or unusable material puts the top grade at risk ("可能评不到 A");
where a clause describes the shortfall itself ("有制度未落实为B", "只有方案为B", "缺一项为B") that clause's grade
is the best the standard can get ("评分最高为 B"). When the text names no grades the finding says "可能失分".
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_CLAUSES = re.compile(r"[；;。\n]+")
_GRADE_AFTER = re.compile(r"^(?P<condition>.*?)(?:的)?[,，]?\s*(?:评为|为|得|计|定为)\s*(?P<grade>[A-E]#?)\s*(?:档|级|等)?$")
_GRADE_BEFORE = re.compile(r"^(?P<grade>[A-E]#?)\s*(?:档|级|等)?\s*[:：]\s*(?P<condition>.+)$")
# The work was done: what a 制度 or 方案 alone does not show.
IMPLEMENTATION_WORDS = re.compile(r"落实|开展|成效")
_DONE_WORDS = re.compile(r"落实|开展|成效|实施|到位|执行")
# A clause describing the state "the rules exist, the work is not shown".
_NOT_DONE = re.compile(r"未(?:落实|实施|开展|执行|见成效|组织实施)|无(?:成效|案例|实践|落实)|(?:只|仅)有(?:制度|方案|计划|文件|机制|办法)"
                       r"|有(?:制度|方案|机制|计划|办法)(?:但)?(?:未|无)")
# A clause for one missing part of several ("缺一项为B", "只有其一为B").
_ONE_MISSING = re.compile(r"缺(?:少)?(?:一|1)项|只有其一|仅有其一|有其一")


@dataclass(frozen=True)
class Level:
    grade: str
    condition: str

    def quoted(self) -> str:
        return f"“{self.condition}为{self.grade}”"


def levels(grading: str) -> list[Level]:
    """The graded clauses in the order written; clauses without a grade are left out."""
    out = []
    for clause in _CLAUSES.split(unicodedata.normalize("NFKC", grading or "")):
        clause = clause.strip()
        match = _GRADE_AFTER.match(clause) or _GRADE_BEFORE.match(clause)
        if match and match["condition"].strip():
            out.append(Level(match["grade"], match["condition"].strip()))
    return out


def top_at_risk(grading: str) -> str:
    """For a finding that may cost points: the top grade it puts at risk, or "可能失分"."""
    graded = levels(grading)
    if len(graded) < 2:
        return "可能失分"
    return f"按评分规则{graded[0].quoted()}，本条可能评不到 {graded[0].grade}"


def capped(level: Level) -> str:
    return f"按评分规则{level.quoted()}，评分最高为 {level.grade}"


def _first(graded: Sequence[Level], pattern: re.Pattern[str]) -> Level | None:
    return next((level for level in graded[1:] if pattern.search(level.condition)), None)


def missing_parts_risk(grading: str, missing: int) -> str:
    """For `missing` required kinds of material: "缺一项为B" caps one missing kind, else the top grade is at risk."""
    if missing == 1:
        level = _first(levels(grading), _ONE_MISSING)
        if level is not None:
            return capped(level)
    return top_at_risk(grading)


def implementation_risk(grading: str) -> str:
    """For a standard shown only by 制度 and 方案: the clause for "not carried out" caps the grade; otherwise
    the best clause that asks for the work to be done is at risk."""
    graded = levels(grading)
    level = _first(graded, _NOT_DONE)
    if level is not None:
        return capped(level)
    asking = next((i for i, g in enumerate(graded) if _DONE_WORDS.search(g.condition)), None)
    if asking is not None and asking + 1 < len(graded):
        return f"按评分规则{graded[asking].quoted()}，本条可能评不到 {graded[asking].grade}"
    return "可能失分"
