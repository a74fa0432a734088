"""`group add|list|assign|load`."""
from __future__ import annotations

import argparse
from pathlib import Path

from review.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("group", help="管理创建工作组及其负责的条目")
    s = p.add_subparsers(dest="group_command", metavar="ACTION")
    s.required = True
    add = s.add_parser("add", help="新建工作组，例如 group add XC 宣传组")
    add.add_argument("code", metavar="CODE")
    add.add_argument("name", metavar="NAME")
    add.set_defaults(func=cmd_add)
    ls = s.add_parser("list", help="列出工作组")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=cmd_list)
    assign = s.add_parser("assign", help="把测评内容或测评标准分配给工作组")
    assign.add_argument("code", metavar="CODE", help="工作组编号")
    assign.add_argument("items", metavar="ITEM", nargs="+", help="测评内容或测评标准的编号")
    role = assign.add_mutually_exclusive_group()
    role.add_argument("--lead", dest="role", action="store_const", const="lead", help="牵头（默认）")
    role.add_argument("--support", dest="role", action="store_const", const="support", help="配合")
    assign.set_defaults(func=cmd_assign, role="lead")
    load = s.add_parser("load", help="从 YAML、CSV 或 XLSX 文件载入工作组及分工")
    load.add_argument("file", metavar="FILE")
    load.set_defaults(func=cmd_load)


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual import group_admin

    group_admin.add_group(ctx.workspace, ctx.actor, args.code, args.name)
    ctx.out(f"已新建工作组 {args.code} {args.name}。")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from review.workspace import groups

    with ctx.workspace.session() as session:
        rows = groups.summaries(session)
    if args.json:
        ctx.json({"groups": [r.to_json() for r in rows]})
        return 0
    if not rows:
        ctx.out("尚无工作组。用 `group add 编号 名称` 新建。")
    for r in rows:
        ctx.out(f"{r.code}\t{r.name}\t组长：{'、'.join(r.leaders) or '未设'}\t材料员：{'、'.join(r.clerks) or '未设'}")
        ctx.out(f"\t牵头：{'、'.join(r.lead_items) or '无'}")
        if r.support_items:
            ctx.out(f"\t配合：{'、'.join(r.support_items)}")
    return 0


def cmd_assign(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual import assignment, group_admin

    added = group_admin.assign(ctx.workspace, ctx.actor, args.code, args.items, args.role)
    role = assignment.ROLE_NAMES[args.role]
    ctx.out(f"已将 {len(args.items)} 个条目分配给 {args.code}（{role}），其中新增 {len(added)} 个。")
    return 0


def cmd_load(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual import group_admin

    count = group_admin.load_groups_file(ctx.workspace, ctx.actor, Path(args.file))
    ctx.out(f"已从 {args.file} 载入 {count} 个工作组。")
    return 0
