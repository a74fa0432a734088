"""`map FILE ITEM`, `unmap FILE ITEM`, `unmapped [--group G]`."""
from __future__ import annotations

import argparse

from review.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("map", help="把文件归到测评标准", description="把已扫描的文件归到一条测评标准（按路径或文件名指定文件）。")
    p.add_argument("file", metavar="FILE", help="文件路径（完整路径、相对扫描文件夹的路径或文件名）")
    p.add_argument("item", metavar="ITEM", help="测评标准编号（Ⅲ-2-2)、III-2-2、Ⅲ-2-2） 等写法均可）")
    p.add_argument("--group", help="工作组编号（文件名在多个组中重复时用）")
    p.add_argument("--suggested", action="store_true", help="记为采纳了系统建议（见 suggest 命令）")
    p.set_defaults(func=cmd_map)
    sg = sub.add_parser("suggest", help="为未归类的文件建议测评标准（按文字匹配程度排序，不会自动归类）")
    sg.add_argument("--group", required=True, help="工作组编号")
    sg.add_argument("--json", action="store_true", help="以 JSON 输出")
    sg.set_defaults(func=cmd_suggest)
    u = sub.add_parser("unmap", help="取消文件的归类")
    u.add_argument("file", metavar="FILE")
    u.add_argument("item", metavar="ITEM")
    u.add_argument("--group")
    u.set_defaults(func=cmd_unmap)
    ls = sub.add_parser("unmapped", help="列出未归类的文件和没有材料的测评标准")
    ls.add_argument("--group", help="只看一个工作组")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=cmd_unmapped)


def cmd_map(ctx: Context, args: argparse.Namespace) -> int:
    from review.intake import mapping

    [mapped] = mapping.assign(ctx.workspace, ctx.actor, [args.file], args.item, group_code=args.group,
                              source="suggestion" if args.suggested else "manual")
    ctx.out(f"已将 {mapped.path} 归到 {mapped.item_code}。")
    return 0


def cmd_unmap(ctx: Context, args: argparse.Namespace) -> int:
    from review.intake import mapping

    [removed] = mapping.unassign(ctx.workspace, ctx.actor, [args.file], args.item, group_code=args.group)
    ctx.out(f"已取消 {removed.path} 在 {removed.item_code} 下的归类。")
    return 0


def cmd_unmapped(ctx: Context, args: argparse.Namespace) -> int:
    from review.intake import mapping
    from review.workspace.groups import summaries

    group = ctx.read_scope(args.group)  # leaders and clerks see their own group only
    with ctx.workspace.session() as session:
        files = mapping.unmapped_files(session, group)
        names = {s.code: s.name for s in summaries(session)}
        codes = [group] if group else sorted(names)
        empty = {code: mapping.standards_without_materials(session, code) for code in codes}
    if args.json:
        ctx.json({"unmapped_files": [{"path": f.path, "rel_path": f.rel_path, "group": f.group} for f in files],
                  "standards_without_materials": empty})
        return 0
    ctx.out(f"未归类的文件 {len(files)} 个：")
    for f in files:
        ctx.out(f"  [{f.group}] {f.path}")
    for code, items in empty.items():
        if items:
            ctx.out(f"{code} {names.get(code, '')}：没有材料的测评标准 {len(items)} 条：{'、'.join(items)}")
    return 0


def cmd_suggest(ctx: Context, args: argparse.Namespace) -> int:
    from review.intake.suggestions import suggest
    from review.workspace.permissions import require

    require(ctx.actor, "read.group", args.group)
    rows = suggest(ctx.workspace, args.group)
    if args.json:
        ctx.json({"group": args.group, "files": [r.to_json() for r in rows]})
        return 0
    if not rows:
        ctx.out(f"工作组 {args.group} 没有未归类的文件。")
    for row in rows:
        ctx.out(row.path)
        if not row.suggestions:
            ctx.out("    （没有足够匹配的测评标准，请人工归类）")
        for s in row.suggestions:
            ctx.out(f"    {s.item_code} {s.title}：{s.reason}（匹配度 {s.score:.1f}）")
    if rows:
        ctx.out(f"采纳建议：materials-review -w {ctx.workspace_dir} map 文件 条目编号 --suggested")
    return 0
