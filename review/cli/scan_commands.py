"""`scan GROUP PATH…`."""
from __future__ import annotations

import argparse
from pathlib import Path

from review.cli.context import WAIT_HELP, Context
from review.cli.progress_printer import ProgressPrinter
from review.progress import CancelToken


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scan", help="扫描工作组的材料文件夹或文件",
                       description="扫描文件夹（含子文件夹）或文件：计算指纹、提取文字、建立索引、按文件名归类，并检查有变化的文件。"
                                   "未变的文件只查看大小和修改时间；可随时按 Ctrl+C 取消，再次运行会继续。")
    p.add_argument("group", metavar="GROUP", help="工作组编号")
    p.add_argument("paths", metavar="PATH", nargs="+", help="文件夹或文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出扫描结果")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_scan)


def cmd_scan(ctx: Context, args: argparse.Namespace) -> int:
    from review.intake.scan import scan

    printer = ProgressPrinter()
    token = CancelToken()
    try:
        report = scan(ctx.workspace, ctx.actor, args.group, [Path(p) for p in args.paths], progress=printer,
                      cancel=token, wait=ctx.waiting)
    except KeyboardInterrupt:
        token.cancel()
        raise
    finally:
        printer.close()
    if args.json:
        ctx.json(report.to_json())
    else:
        ctx.out(report.summary())
        for problem in report.problems:
            ctx.out(f"  {problem.message}")
        if report.checks is not None or report.checks_skipped:
            ctx.out(f"用 `check --group {args.group}` 查看问题清单。")
    return 130 if report.cancelled else 0
