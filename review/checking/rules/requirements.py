"""Requirement-level rules: enough materials of the required kinds, evidence that the work was done
where the grading asks for it, the requirement's own formats and date window, its keywords, files that
belong to another standard and, where asked, captions on photos. Every finding names the grade it puts at
risk as far as the grading rule says (review.checking.rules.grading).

Counting: a material counts once for every kind it is recognised as (a 正式发文 that issues a
工作方案 proves both), so the finding lists how each material was recognised and the clerk can see
why a kind is still missing.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from review.checking.rules import captions, grading, keywords, misfiled, seal
from review.checking.rules.catalogue import make_finding
from review.checking.rules.config import RuleConfig
from review.checking.rules.context import FileContext
from review.checking.rules.dates import check_window
from review.checking.rules.finding import Finding
from review.checking.rules.kinds import describe
from review.checking.rules.misfiled import Vocabulary
from review.manual.model import KindRequirement, Standard
from review.workspace.date_window import parse_window_rule


def _completeness(standard: Standard, contexts: Sequence[FileContext]) -> list[Finding]:
    requirement = standard.requirement
    wanted = requirement.kinds if requirement and requirement.kinds else []
    recognised = "；".join(f"{c.facts.display_name}：{describe(c.kinds)}" for c in contexts)
    explained = f"已归入材料的识别结果：{recognised}。" if contexts else "本条目还没有归入任何材料。"
    if not wanted:
        needed = requirement.min_total if requirement else 1
        if len(contexts) >= needed:
            return []
        risk = grading.top_at_risk(standard.grading)
        return [make_finding(
            "MR-REQ-001", f"{standard.code} {standard.title}：需要至少 {needed} 份材料，现有 {len(contexts)} 份，{risk}。"
                          f"{explained}", item_code=standard.code, text="材料")]
    # a file counts once per kind, except photos: each photo of an album counts (张数)
    short = [(need, have) for need in wanted
             if (have := sum(max((k.count for k in c.kinds if k.kind == need.kind), default=0) for c in contexts))
             < need.min_count]
    risk = grading.missing_parts_risk(standard.grading, len(short))
    return [_missing_kind(standard, need, have, risk, explained) for need, have in short]


def _missing_kind(standard: Standard, need: KindRequirement, have: int, risk: str, explained: str) -> Finding:
    return make_finding(
        "MR-REQ-001",
        f"{standard.code} {standard.title}：要求至少 {need.min_count} {need.unit}“{need.kind}”，"
        f"识别出 {have} {need.unit}，{risk}。{explained}",
        item_code=standard.code, text=need.kind,
        hint=f"补充“{need.kind}”类材料并归入本条目；如已有材料被识别错了种类，请核对其标题、文号和落款。",
    )


# Kinds that show rules or plans, and kinds that show the work was done (落实、开展、成效). A 正式发文 or 方案
# whose title also reads as 宣传资料 ("公益广告刊播管理办法") is still a rule; 宣传资料 on its own is evidence.
_RULE_KINDS = frozenset({"正式发文", "工作方案"})
_EVIDENCE_KINDS = frozenset({"台账", "统计表", "情况说明", "会议记录", "图片"})


def _only_rules(context: FileContext) -> bool:
    kinds = {k.kind for k in context.kinds}
    return bool(kinds & _RULE_KINDS) and not kinds & _EVIDENCE_KINDS


def _implementation(standard: Standard, contexts: Sequence[FileContext], config: RuleConfig) -> list[Finding]:
    """Only 制度 and 方案 where the grading (or the requirement) asks for the work to be carried out."""
    requirement = standard.requirement
    asked = grading.IMPLEMENTATION_WORDS.search(standard.grading or "")
    if not contexts or not (asked or (requirement and requirement.implementation)):
        return []
    if not all(_only_rules(c) for c in contexts):
        return []  # some material shows the work, or is of a kind the rule cannot judge (其他)
    if requirement and config.is_enabled("MR-REQ-001") and any(k.kind in _EVIDENCE_KINDS for k in requirement.kinds):
        return []  # the manual names the evidence it wants: MR-REQ-001 reports it missing
    word = asked[0] if asked else "落实"
    names = "、".join(c.facts.display_name for c in contexts)
    what = "制度文件" if all("正式发文" in {k.kind for k in c.kinds} for c in contexts) else "制度、方案类文件"
    return [make_finding(
        "MR-REQ-002",
        f"{standard.code} {standard.title}：只有{what}（{names}），没有体现工作{word}的台账、情况说明、会议记录或图片，"
        f"{grading.implementation_risk(standard.grading)}。",
        item_code=standard.code, text=word)]


def _formats(standard: Standard, contexts: Sequence[FileContext]) -> list[Finding]:
    requirement = standard.requirement
    if requirement is None or not requirement.formats:
        return []
    allowed = {f.lower().lstrip(".") for f in requirement.formats}
    out = []
    for c in contexts:
        if c.facts.extension.lower() not in allowed:
            message = (f"{c.facts.display_name}：{standard.code} 只接受 {'、'.join(sorted(allowed))} 格式，"
                       f"这份材料是 .{c.facts.extension or '（无扩展名）'}。")
            out.append(c.finding("MR-FILE-016", message, item_code=standard.code, text=c.facts.extension))
    return out


def _own_window(standard: Standard, contexts: Sequence[FileContext]) -> list[Finding]:
    requirement = standard.requirement
    if requirement is None or not requirement.window or not contexts:
        return []
    settings = contexts[0].settings
    window = parse_window_rule(requirement.window).resolve(settings.start_date)
    what = f"{standard.code} 要求的时间范围（{requirement.window}）"
    return [f for c in contexts for f in check_window(c, window, "MR-DATE-003", what, item_code=standard.code)]


def check(standard: Standard, contexts: Sequence[FileContext], config: RuleConfig,
          vocabulary: Vocabulary | None = None) -> list[Finding]:
    """`vocabulary`: the describing words of the group's standards, for files that belong to another one."""
    if not standard.needs_materials:
        return []
    enabled = config.is_enabled
    out: list[Finding] = []
    if enabled("MR-REQ-001"):
        out += _completeness(standard, contexts)
    if enabled("MR-REQ-002"):
        out += _implementation(standard, contexts, config)
    if enabled("MR-FILE-016"):
        out += _formats(standard, contexts)
    if enabled("MR-DATE-003"):
        out += _own_window(standard, contexts)
    if enabled("MR-SEAL-002"):
        out += seal.check_editable_only(standard, contexts)
    if enabled("MR-KEY-001"):
        out += keywords.check(standard, [c.doc.text for c in contexts])
    if enabled("MR-KEY-002"):
        out += misfiled.check(standard, contexts, vocabulary)
    if enabled("MR-CAP-001") and standard.requirement and standard.requirement.captions_required:
        for c in contexts:
            out += captions.check(c, standard.code)
    return _graded(standard, out)


_OWN_RISK = frozenset({"MR-REQ-001", "MR-REQ-002"})  # their messages say the grade in their own terms


def _graded(standard: Standard, findings: list[Finding]) -> list[Finding]:
    """Each finding names the grade it puts at risk (the top grade, as far as the grading rule says)."""
    risk = grading.top_at_risk(standard.grading)
    return [f if f.rule_id in _OWN_RISK else replace(f, message=f"{f.message}{risk}。") for f in findings]
