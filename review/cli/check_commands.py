"""`check`, `waive`, `rules list|enable|disable|set`."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from review.cli.context import Context
from review.cli.progress_printer import ProgressPrinter
from review.errors import UserError
from review.workspace.permissions import require

if TYPE_CHECKING:
    from review.checking.findings import FindingView


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="按操作手册和扣分规则检查材料",
                       description="检查材料（只重新检查有变化的文件和条目），按测评标准列出问题、位置和修改方法。")
    p.add_argument("--group", help="只检查一个工作组")
    p.add_argument("--json", action="store_true", help="以 JSON 输出全部问题")
    p.add_argument("--all", action="store_true", help="也列出已豁免的问题")
    p.set_defaults(func=cmd_check)

    w = sub.add_parser("waive", help="豁免一个问题或一整条测评标准（须写明理由）")
    w.add_argument("group", metavar="GROUP", help="工作组编号")
    w.add_argument("finding", metavar="ID",
                   help="问题编号（check 列出的“编号”，如 1a2b3c4d），或规则编号（如 MR-PII-002，配合 --file），"
                        "或 --item 时的测评标准编号")
    w.add_argument("--reason", required=True, help="豁免理由")
    w.add_argument("--file", metavar="FILE", help="按规则编号豁免时，问题所在的文件（文件名或相对路径）")
    w.add_argument("--item", action="store_true", help="豁免整条测评标准（例如本市不适用）")
    w.set_defaults(func=cmd_waive)

    r = sub.add_parser("rules", help="检查规则：列出、开关、调整阈值")
    rs = r.add_subparsers(dest="rules_command", metavar="ACTION")
    rs.required = True
    ls = rs.add_parser("list", help="列出全部规则")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_rules_list)
    for name, text in (("enable", "启用规则"), ("disable", "停用规则")):
        q = rs.add_parser(name, help=text)
        q.add_argument("rule", metavar="RULE")
        q.set_defaults(func=cmd_rules_switch, enabled=name == "enable")
    st = rs.add_parser("set", help="调整规则阈值，例如 rules set MR-DUP-002 similarity 0.85")
    st.add_argument("rule", metavar="RULE")
    st.add_argument("name", metavar="NAME")
    st.add_argument("value", metavar="VALUE")
    st.set_defaults(func=cmd_rules_set)


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    from review.assessment.group_state import all_group_states
    from review.checking.engine import run_checks  # here, not at the top: every command starts fast
    from review.checking.findings import list_findings
    from review.checking.rules.finding import short_id

    group = ctx.read_scope(args.group)  # leaders and clerks check and read their own group only
    printer = ProgressPrinter()
    try:
        report = run_checks(ctx.workspace, group_code=group, progress=printer)
    finally:
        printer.close()
    if args.json:
        with ctx.workspace.session() as session:
            findings = list_findings(session, group)
        ctx.json({"summary": report.summary(),
                  "findings": [{**f.to_json(), "short_id": short_id(f.fingerprint)} for f in findings]})
        return 0
    ctx.note(report.summary())
    states = all_group_states(ctx.workspace, [group] if group else None)
    seen: dict[str, FindingView] = {}
    for state in states:
        sections = [(f"{s.code} {s.title}（{s.status_name}）", [*s.open, *(s.waived if args.all else []), *s.hints])
                    for s in state.standards]
        sections.append(("未归类的文件", state.unfiled))
        for title, found in sections:
            if not found:
                continue
            ctx.out(f"【{state.code} {state.name}】{title}")
            for f in found:  # a file's problem is listed under every standard the file is filed for
                seen.setdefault(f.fingerprint, f)
                _print_finding(ctx, f)
    if not seen:
        ctx.out("没有发现问题。")
        return 0
    counts = {s: sum(1 for f in seen.values() if f.severity == s and not f.waived) for s in ("must", "should", "info")}
    ctx.out(f"共 {len(seen)} 个问题：必须修改 {counts['must']}，建议修改 {counts['should']}，提示 {counts['info']}。")
    if any(counts.values()):
        ctx.out("确认某个问题不影响得分时，可写明理由豁免：waive 工作组 编号 --reason 理由")
    return 0


def _print_finding(ctx: Context, f: FindingView) -> None:
    from review.checking.rules.finding import short_id
    from review.checking.rules.place import describe_file_place

    place = "，".join(x for x in (f.file, describe_file_place(f.file, f.page, f.location)) if x)
    waived = f"（已豁免：{f.waiver_reason}）" if f.waived else ""
    ctx.out(f"  [{f.severity_name}] {f.rule_id} {f.title}{waived}  编号 {short_id(f.fingerprint)}")
    ctx.out(f"      位置：{place or '—'}")
    ctx.out(f"      {f.message}")
    ctx.out(f"      修改：{f.hint}")


def cmd_waive(ctx: Context, args: argparse.Namespace) -> int:
    from review.checking.findings import waive, waive_requirement
    from review.checking.rules.finding import short_id
    from review.manual.store import typed_code

    if args.item and args.file:
        raise UserError("--file 只用于按规则编号豁免某个文件中的问题；豁免整条测评标准时不需要。")
    if args.item:
        with ctx.workspace.session() as session:
            code = typed_code(session, args.finding)  # as people type it: "III-1-2" is Ⅲ-1-2)
        waive_requirement(ctx.workspace, ctx.actor, args.group, code, args.reason)
        ctx.out(f"已豁免测评标准 {code}：{args.reason}")
    else:
        waiver = waive(ctx.workspace, ctx.actor, args.group, args.finding, args.reason, file=args.file).waiver
        ctx.out(f"已豁免问题 {short_id(waiver.fingerprint)} {waiver.rule_id}（{waiver.file or waiver.item_code}）："
                f"{args.reason}")
    return 0


def cmd_rules_list(ctx: Context, args: argparse.Namespace) -> int:
    from review.checking.rules.config import RuleConfig, describe_rules

    rows = describe_rules(RuleConfig.from_settings(ctx.workspace.settings()))
    if args.json:
        ctx.json({"rules": rows})
        return 0
    for row in rows:
        state = "启用" if row["enabled"] else "停用"
        thresholds = "，".join(f"{k}={v}" for k, v in row["thresholds"].items())
        ctx.out(f"{row['id']}\t[{row['severity_label']}]\t{state}\t{row['title']}" + (f"（{thresholds}）" if thresholds else ""))
    return 0


def cmd_rules_switch(ctx: Context, args: argparse.Namespace) -> int:
    _update_rule(ctx, args.rule, "enabled", "true" if args.enabled else "false")
    ctx.out(f"已{'启用' if args.enabled else '停用'}规则 {args.rule}。各工作组的问题已按新规则重新核对（只重查受影响的部分）。")
    return 0


def cmd_rules_set(ctx: Context, args: argparse.Namespace) -> int:
    _update_rule(ctx, args.rule, args.name, args.value)
    ctx.out(f"已将规则 {args.rule} 的 {args.name} 设为 {args.value}。各工作组的问题已按新规则重新核对（只重查受影响的部分）。")
    return 0


def _update_rule(ctx: Context, rule: str, name: str, value: str) -> None:
    from review.checking.engine import run_checks
    from review.checking.rules.config import RuleConfig, with_rule_option
    from review.workspace.audit import record

    require(ctx.actor, "settings.edit")
    settings = ctx.workspace.settings()
    settings.rules = with_rule_option(settings.rules, rule, name, value)
    RuleConfig.from_settings(settings)  # refuses unknown rules and bad values before saving
    ctx.workspace.save_settings(settings)
    with ctx.workspace.session() as session:
        record(session, actor=ctx.actor.name, action="settings.edit", target=f"rules.{rule}.{name}",
               details={"value": value})
    run_checks(ctx.workspace)  # findings follow the rules at once
