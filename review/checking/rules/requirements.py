"""Requirement-level rules: enough materials of the required kinds, the requirement's own formats
and date window, its keywords and, where asked, captions on photos.

Counting: a material counts once for every kind it is recognised as (a 正式发文 that issues a
工作方案 proves both), so the finding lists how each material was recognised and the clerk can see
why a kind is still missing.
"""
from __future__ import annotations

from collections.abc import Sequence

from review.checking.rules import captions, keywords, seal
from review.checking.rules.catalogue import make_finding
from review.checking.rules.config import RuleConfig
from review.checking.rules.context import FileContext
from review.checking.rules.dates import check_window
from review.checking.rules.finding import Finding
from review.checking.rules.kinds import describe
from review.manual.model import KindRequirement, Standard
from review.workspace.date_window import parse_window_rule


def _completeness(standard: Standard, contexts: Sequence[FileContext]) -> list[Finding]:
    requirement = standard.requirement
    wanted = requirement.kinds if requirement and requirement.kinds else []
    out: list[Finding] = []
    recognised = "；".join(f"{c.facts.display_name}：{describe(c.kinds)}" for c in contexts)
    explained = f"已归入材料的识别结果：{recognised}。" if contexts else "本条目还没有归入任何材料。"
    if not wanted:
        needed = requirement.min_total if requirement else 1
        if len(contexts) < needed:
            out.append(make_finding(
                "MR-REQ-001", f"{standard.code} {standard.title}：需要至少 {needed} 份材料，现有 {len(contexts)} 份。{explained}",
                item_code=standard.code, text="材料"))
        return out
    for need in wanted:
        # a file counts once per kind, except photos: each photo of an album counts (张数)
        have = sum(max((k.count for k in c.kinds if k.kind == need.kind), default=0) for c in contexts)
        if have < need.min_count:
            out.append(_missing_kind(standard, need, have, explained))
    return out


def _unit(kind: str) -> str:
    return "张" if kind == "图片" else "份"


def _missing_kind(standard: Standard, need: KindRequirement, have: int, explained: str) -> Finding:
    return make_finding(
        "MR-REQ-001",
        f"{standard.code} {standard.title}：要求至少 {need.min_count} {_unit(need.kind)}“{need.kind}”，"
        f"识别出 {have} {_unit(need.kind)}。{explained}",
        item_code=standard.code, text=need.kind,
        hint=f"补充“{need.kind}”类材料并归入本条目；如已有材料被识别错了种类，请核对其标题、文号和落款。",
    )


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


def check(standard: Standard, contexts: Sequence[FileContext], config: RuleConfig) -> list[Finding]:
    if not standard.needs_materials:
        return []
    enabled = config.is_enabled
    out: list[Finding] = []
    if enabled("MR-REQ-001"):
        out += _completeness(standard, contexts)
    if enabled("MR-FILE-016"):
        out += _formats(standard, contexts)
    if enabled("MR-DATE-003"):
        out += _own_window(standard, contexts)
    if enabled("MR-SEAL-002"):
        out += seal.check_editable_only(standard, contexts)
    if enabled("MR-KEY-001"):
        out += keywords.check(standard, [c.doc.text for c in contexts])
    if enabled("MR-CAP-001") and standard.requirement and standard.requirement.captions_required:
        for c in contexts:
            out += captions.check(c, standard.code)
    return out
