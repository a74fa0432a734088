"""`review approve|return|list|history`: the leader's decisions per 测评标准."""
from __future__ import annotations

import argparse

from review.cli.context import Context
from review.errors import UserError
from review.workspace.permissions import Actor, require


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="审核：对测评标准作出通过或退回的结论")
    s = p.add_subparsers(dest="review_command", metavar="ACTION")
    s.required = True
    for verdict, help_text in (("approve", "审核通过"), ("return", "退回（必须写明原因）")):
        d = s.add_parser(verdict, help=help_text)
        d.add_argument("item", metavar="ITEM", help="测评标准编号")
        d.add_argument("--comment", default="", help="审核意见；退回时必填")
        d.add_argument("--group", metavar="G", help="工作组编号（默认为本人所在的组）")
        d.set_defaults(func=cmd_decide, verdict=verdict)
    ls = s.add_parser("list", help="列出本组各条目的审核状态")
    ls.add_argument("--group", metavar="G", help="工作组编号（默认为本人所在的组）")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=cmd_list)
    hist = s.add_parser("history", help="一个条目的全部审核记录")
    hist.add_argument("item", metavar="ITEM")
    hist.add_argument("--group", metavar="G", help="工作组编号（默认为本人所在的组）")
    hist.add_argument("--json", action="store_true", help="以 JSON 输出")
    hist.set_defaults(func=cmd_history)


def group_of(actor: Actor, group: str | None) -> str:
    """The group named on the command line, else the actor's own group."""
    if group:
        return group
    if actor.group_code:
        return actor.group_code
    raise UserError("请用 --group 指定工作组编号，例如 --group XC。")


def _typed_item(ctx: Context, typed: str) -> str:
    """The 测评标准 code as the manual spells it ("III-1-1" → "Ⅲ-1-1)"); refused with close codes when unknown."""
    from review.manual.store import typed_code

    with ctx.workspace.session() as session:
        return typed_code(session, typed)


def cmd_decide(ctx: Context, args: argparse.Namespace) -> int:
    from review.assessment.approval import decide
    from review.assessment.decisions import VERDICTS

    actor = ctx.actor
    group = group_of(actor, args.group)
    code = _typed_item(ctx, args.item)
    decision = decide(ctx.workspace, actor, group, code, args.verdict, args.comment).decision
    files = "、".join(f.rel_path for f in decision.files) or "无材料"
    ctx.out(f"{group} {code}：{VERDICTS[args.verdict]}（{actor.name}）。涉及文件：{files}")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from review.assessment.decisions import standard_reviews

    actor = ctx.actor
    group = group_of(actor, args.group)
    require(actor, "read.group", group)
    with ctx.workspace.session() as session:
        states = standard_reviews(session, group)
    if args.json:
        ctx.json({"group": group, "requirements": [s.to_json() for s in states.values()]})
        return 0
    for code, state in states.items():
        extra = "（已重新提交）" if state.resubmitted else ""
        ctx.out(f"{code}\t{state.state_name}{extra}")
        for change in state.changed_files:
            ctx.out(f"\t{change.change_name}：{change.path}")
    return 0


def cmd_history(ctx: Context, args: argparse.Namespace) -> int:
    from review.assessment.decisions import decision_json, history

    actor = ctx.actor
    group = group_of(actor, args.group)
    require(actor, "read.group", group)
    code = _typed_item(ctx, args.item)
    with ctx.workspace.session() as session:
        rows = [decision_json(d) for d in history(session, group, code)]
    if args.json:
        ctx.json({"group": group, "item": code, "decisions": rows})
        return 0
    if not rows:
        ctx.out(f"{group} {code} 尚无审核记录。")
    for row in rows:
        comment = f"：{row['comment']}" if row["comment"] else ""
        ctx.out(f"{row['at']}\t{row['by']}\t{row['verdict_name']}{comment}\t文件 {len(row['files'])} 个")
    return 0
