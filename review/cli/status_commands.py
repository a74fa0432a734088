"""`status`: the state of the workspace at a glance."""
from __future__ import annotations

import argparse
from typing import Any

from review.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("status", help="工作区概况")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_status)


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    from review.assessment.overview import workspace_status

    scope = ctx.read_scope(None)  # leaders and clerks see their own group only
    data = scoped(workspace_status(ctx.workspace), scope)
    if args.json:
        ctx.json(data)
        return 0
    ctx.out(f"工作区：{data['workspace']}")
    ctx.out(f"{data['city']} {data['year']} 年，测评开始 {data['start_date']}；材料时间范围 {data['window']['rule']}"
            f"（{data['window']['begin']} 至 {data['window']['end']}）")
    manual = data["manual"]
    if manual:
        ctx.out(f"操作手册：{manual['title']}（{manual['edition']}）：{manual['projects']} 个测评项目、"
                f"{manual['contents']} 项测评内容、{manual['standards']} 条测评标准，其中 {manual['material_standards']} 条需材料审核")
    else:
        ctx.out("操作手册：尚未载入")
    for g in data["groups"]:
        st = g["status"]
        ctx.out(f"  {g['code']} {g['name']}：负责 {g['standards']} 条标准，材料 {g['files']} 个"
                + (f"（{g['missing_files']} 个已找不到）" if g["missing_files"] else "")
                + f"；{_counts(st)}；就绪 {st['readiness']:.0%}")
        for line in group_lines(g):
            ctx.out(f"      {line}")
    city = data["readiness"]
    if city["total"]:
        ctx.out(f"{'全市' if scope is None else '本组'}：{_counts(city)}；就绪 {city['readiness']:.0%}")
    if data["uncovered_standards"]:
        ctx.out(f"无工作组负责的标准 {len(data['uncovered_standards'])} 条：{'、'.join(data['uncovered_standards'][:20])}"
                + ("…" if len(data["uncovered_standards"]) > 20 else ""))
    return 0


def scoped(data: dict[str, Any], group: str | None) -> dict[str, Any]:
    """The status as one group may see it: that group alone, its readiness in place of the city's.

    `scope` names the group the view is limited to (None: the whole workspace)."""
    if group is None:
        return {**data, "scope": None}
    own = [g for g in data["groups"] if g["code"] == group]
    readiness = own[0]["status"] if own else {"total": 0, "readiness": 0.0}
    return {**data, "scope": group, "groups": own, "readiness": readiness}


def _counts(roll: dict[str, object]) -> str:
    from review.assessment.rollups import STATUS_NAMES

    return "，".join(f"{name} {roll[key]}" for key, name in STATUS_NAMES.items() if roll.get(key))


def group_lines(group: dict[str, Any]) -> list[str]:
    """Sign-off, open must-fix count, and each 缺失 / 有问题 standard with what it lacks."""
    sign = group["signoff"]
    lines = [f"签字：{sign['state_name']}" + (f"（第 {sign['version']} 版，{sign['leader']}，{sign['signed_at']}）"
                                            if sign["version"] else "")
             + (f"；{sign['problem']}" if sign["problem"] else "")
             + f"；来源：{group['source_name']}；未处理的必须修改问题 {group['must_open']} 个"]
    lines.extend(f"注意：{note}" for note in group["notes"])
    for item in group["items"]:
        if item["status"] not in ("missing", "problems"):
            continue
        detail = []
        if item["shortfalls"]:
            detail.append("缺少" + "、".join(item["shortfalls"]))
        elif item["status"] == "missing":
            detail.append("没有归类任何材料")
        if item["must_open"]:
            detail.append(f"必须修改 {item['must_open']} 个")
        if item["should_open"]:
            detail.append(f"建议修改 {item['should_open']} 个")
        if item["exception"]:
            detail.append(f"组长说明：{item['exception']}")
        lines.append(f"{item['status_name']} {item['code']} {item['title']}：{'；'.join(detail) or '已退回'}")
    return lines
