"""`report list|signoff|issues OUT.docx`: 申报材料清单, 审核签字表, 问题清单."""
from __future__ import annotations

import argparse
from pathlib import Path

from review.cli.context import Context
from review.office.report_names import REPORT_NAMES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="生成报表（Word 文档）：材料清单、审核签字表、问题清单")
    p.add_argument("kind", choices=list(REPORT_NAMES), metavar="KIND",
                   help="；".join(f"{k}：{v}" for k, v in REPORT_NAMES.items()))
    p.add_argument("out", metavar="OUT.docx", help="报表文件，例如 材料清单.docx")
    p.set_defaults(func=cmd_report)


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    from review.office.reports import write_report

    out = write_report(ctx.workspace, ctx.actor, args.kind, Path(args.out))
    ctx.out(f"已生成{REPORT_NAMES[args.kind]}：{out}")
    return 0
