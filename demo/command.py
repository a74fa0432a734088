"""`demo DIR`: build the demo workspace (北湖市, sample manual, six groups, generated materials)."""
from __future__ import annotations

import argparse
from pathlib import Path

from review.cli.context import Context
from review.cli.progress_printer import ProgressPrinter


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo", help="生成演示工作区",
        description="在空文件夹中生成演示工作区：北湖市 2026 年、内置示例手册、六个工作组及分工，"
                    "以及约一百个带有常见问题的演示材料（DOCX、PDF、扫描件、照片、表格），并完成扫描。",
    )
    p.add_argument("dir", metavar="DIR", help="演示工作区文件夹（必须为空或尚不存在）")
    p.add_argument("--seed", type=int, default=7, help="随机种子；相同的种子生成相同的材料（默认 7）")
    p.add_argument("--quick", action="store_true",
                   help="读取完文件中的文字就结束（约十秒）；扫描件的文字识别和检查留到桌面程序打开本工作区时在后台进行")
    p.set_defaults(func=cmd_demo)


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from demo.build import build_demo  # inside the handler: see review.cli

    printer = ProgressPrinter()
    try:
        summary = build_demo(Path(args.dir), seed=args.seed, progress=printer, finish=not args.quick)
    finally:
        printer.close()
    for line in summary.lines():
        ctx.out(line)
    return 0
