"""`submission export OUT [--zip] [--allow-stale]` and `submission overview [--json]` (the office's view)."""
from __future__ import annotations

import argparse
from pathlib import Path

from review.cli.context import Context
from review.cli.progress_printer import ProgressPrinter
from review.workspace.permissions import require


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("submission", help="最终申报材料：汇总各组并导出（文明办）")
    s = p.add_subparsers(dest="submission_command", metavar="ACTION")
    s.required = True
    export = s.add_parser("export", help="按操作手册顺序导出已签字的材料、清单和报表")
    export.add_argument("out", metavar="OUT", help="新建的目标文件夹，例如 E:/焦作市申报材料")
    export.add_argument("--zip", action="store_true", help="同时生成 OUT.zip 压缩包")
    export.add_argument("--allow-stale", action="store_true",
                        help="有工作组未签字或签字失效时，不纳入这些工作组而继续导出（清单中注明）")
    export.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    export.set_defaults(func=cmd_export)
    overview = s.add_parser("overview", help="汇总查看：各组签字状态、各条目覆盖情况、无人覆盖和重复覆盖的条目")
    overview.add_argument("--json", action="store_true", help="以 JSON 输出")
    overview.set_defaults(func=cmd_overview)


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from review.office.submission import export_submission

    printer = ProgressPrinter()
    try:
        report = export_submission(ctx.workspace, ctx.actor, Path(args.out), zip=args.zip,
                                   allow_stale=args.allow_stale, progress=printer)
    finally:
        printer.close()
    if args.json:
        ctx.json(report.to_json())
        return 0
    ctx.out(report.summary())
    for group in report.skipped:
        ctx.out(f"  未纳入：{group['group']} {group['name']}（{group['state_name']}）{group['problem']}")
    if report.uncovered:
        ctx.out(f"  无材料的测评标准 {len(report.uncovered)} 条：{'、'.join(report.uncovered)}")
    if report.covered_twice:
        ctx.out(f"  由两个及以上工作组提供材料的测评标准：{'、'.join(report.covered_twice)}")
    for file in report.unreadable:
        ctx.out(f"  未能读取（清单中缺页数和日期）：{file['group']} {file['path']}：{file['message']}")
    return 0


def cmd_overview(ctx: Context, args: argparse.Namespace) -> int:
    from review.office.consolidation import consolidated_view

    require(ctx.actor, "submission.export")
    view = consolidated_view(ctx.workspace)
    if args.json:
        ctx.json(view.to_json())
        return 0
    counts = view.counts()
    ctx.out(f"{view.city}：需提交材料的测评标准 {counts['items']} 条，已签字 {counts['signed']}，"
            f"未签字 {counts['unsigned']}，签字已失效 {counts['stale']}，签名无效 {counts['invalid']}，"
            f"豁免 {counts['waived']}，缺材料 {counts['missing']}，重复覆盖 {counts['covered_twice']}。")
    for group in view.groups:
        signed = f"{group.version_text()}，{group.leader}，{group.signed_at}" if group.version else "未签字"
        ctx.out(f"{group.code}\t{group.name}\t{group.source_name}\t{group.state_name}\t{signed}\t"
                f"文件 {len(group.files)} 个{('；' + group.problem) if group.problem else ''}")
    for item in view.uncovered:
        ctx.out(f"  缺材料：{item.code} {item.title}")
    for item in view.covered_twice:
        ctx.out(f"  重复覆盖：{item.code} {item.title}（{'、'.join(item.groups)}）")
    return 0
