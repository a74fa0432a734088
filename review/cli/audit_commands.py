"""`audit verify` and `audit show [--limit N] [--json]`."""
from __future__ import annotations

import argparse

from review.cli.context import Context
from review.errors import UserError

BROKEN_EXIT = 5


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="审计记录：核验或查看")
    s = p.add_subparsers(dest="audit_command", metavar="ACTION")
    s.required = True
    check = s.add_parser("verify", help="核验审计记录是否被改动、删除或调换顺序（并与每次签字锚定的链头核对）")
    check.set_defaults(func=cmd_verify)
    show = s.add_parser("show", help="列出审计记录（最近的在后）")
    show.add_argument("--limit", type=int, default=50, metavar="N", help="最多列出 N 条（0 = 全部，默认 50）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(func=cmd_show)


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    from review.signing.audit_anchors import verify_anchored

    _ = ctx.actor  # reading the audit trail needs a login once accounts exist
    with ctx.workspace.session() as session:
        count, problems, anchors = verify_anchored(session)
    if problems:
        for problem in problems:
            ctx.out(problem.message)
        raise UserError(f"审计记录已被改动：{len(problems)} 处问题（见上）。请从 backups 文件夹中的备份核对。",
                        exit_code=BROKEN_EXIT)
    anchored = f"与 {len(anchors)} 次签字锚定的记录一致（最近锚点：第 {anchors[-1].head.seq} 条，{anchors[-1].head.short}），" \
        if anchors else "尚无签字锚点，"
    ctx.out(f"审计记录完好：共 {count} 条，链条连续，{anchored}未发现改动。")
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from review.workspace.audit import ACTION_NAMES, entries

    _ = ctx.actor
    if args.limit < 0:
        raise UserError("--limit 不能为负数；0 表示全部。")
    with ctx.workspace.session() as session:
        rows = [{"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action,
                 "action_name": ACTION_NAMES.get(e.action, e.action), "target": e.target,
                 "details": e.details, "hash": e.hash} for e in entries(session, args.limit or None)]
    if args.json:
        ctx.json({"entries": rows})
        return 0
    if not rows:
        ctx.out("尚无审计记录。")
    for row in rows:
        ctx.out(f"{row['seq']}\t{row['at']}\t{row['actor']}\t{row['action_name']}\t{row['target']}")
    return 0
