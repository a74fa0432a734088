"""`manual load|import|show|diff`."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from review.cli.context import Context
from review.errors import UserError
from review.workspace.permissions import require

if TYPE_CHECKING:
    from review.manual.model import Manual, Node

_IMPORT_HELP = (
    "把 Word 手册（一张大表格，列名如 测评项目/测评指标/测评内容/测评标准/测评方法/申报材料要求）转换为本软件的 "
    "YAML 格式。总是先写出 YAML 文件（默认与 Word 文件同名，放在同一文件夹），供核对和手工修改；"
    "加 --apply 时，若转换结果没有问题，再把它载入工作区作为当前版本（需 -w 指定工作区）。"
    "未能读取的表格行会逐行列出。"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("manual", help="载入、导入、查看和比较操作手册（测评体系）")
    s = p.add_subparsers(dest="manual_command", metavar="ACTION")
    s.required = True
    load = s.add_parser("load", help="载入 YAML/JSON 手册（或 sample 内置示例）作为当前版本",
                        description="检查并载入操作手册；有问题时逐条列出（文件、行号、条目编号），不做任何改动。"
                                    "已有的分工和归类记录按编号保留。")
    load.add_argument("file", metavar="FILE", help="手册文件（.yaml/.yml/.json/.docx）或 sample")
    load.set_defaults(func=cmd_load)
    imp = s.add_parser("import", help="把 Word 手册转换为 YAML，可选直接载入", description=_IMPORT_HELP)
    imp.add_argument("file", metavar="FILE.docx")
    imp.add_argument("--out", metavar="FILE.yaml", help="输出的 YAML 文件（默认与 Word 文件同名）")
    imp.add_argument("--apply", action="store_true", help="转换无误后立即载入工作区")
    imp.set_defaults(func=cmd_import)
    show = s.add_parser("show", help="显示当前手册的条目树（编号、测评方法、材料要求）")
    show.add_argument("code", metavar="CODE", nargs="?", help="只显示该条目及其下级")
    show.add_argument("--json", action="store_true", help="以 JSON 输出全部节点")
    show.set_defaults(func=cmd_show)
    diff = s.add_parser("diff", help="比较手册文件与当前版本的差异（不做任何改动）")
    diff.add_argument("file", metavar="FILE")
    diff.add_argument("--json", action="store_true", help="以 JSON 输出")
    diff.set_defaults(func=cmd_diff)


def cmd_load(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual.service import load_manual_into

    ctx.out(load_manual_into(ctx.workspace, args.file, ctx.actor))
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual.service import convert_docx, load_manual_into

    if args.apply:
        require(ctx.actor, "manual.edit")  # refuse before writing anything
    conversion = convert_docx(Path(args.file), Path(args.out) if args.out else None)
    ctx.out(conversion.describe())
    if args.apply:
        ctx.out(load_manual_into(ctx.workspace, str(conversion.out), ctx.actor))
    else:
        ctx.out(f"核对无误后，用 `manual load {conversion.out}` 载入工作区。")
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual.store import current_manual

    with ctx.workspace.session() as session:
        manual = current_manual(session)
    if manual is None:
        raise UserError("工作区还没有载入操作手册。请先运行 `manual load 手册.yaml` 或 `manual import 手册.docx --apply`。")
    nodes = _subtree(manual, args.code)
    if args.json:
        ctx.json({"title": manual.title, "edition": manual.edition, "counts": manual.counts(),
                  "nodes": [{"code": n.code, "level": n.level, "title": n.title, "parent": n.parent_code,
                             **({"body": n.body} if n.body else {})} for n in nodes]})
        return 0
    if args.code is None:
        ctx.out(f"《{manual.title}》（{manual.edition}）")
    for node in nodes:
        ctx.out(_tree_line(node))
    return 0


def cmd_diff(ctx: Context, args: argparse.Namespace) -> int:
    from review.manual.service import diff_against_current

    difference = diff_against_current(ctx.workspace, args.file)
    if args.json:
        ctx.json(difference.to_json())
    else:
        ctx.out(difference.render())
    return 0


def _subtree(manual: Manual, code: str | None) -> list[Node]:
    from review.manual.codes import require_code

    nodes = list(manual.nodes())
    if code is None:
        return nodes
    code = require_code(manual, code)  # as people type it: "III-1" is Ⅲ-1
    inside = {code}
    picked = []
    for node in nodes:
        if node.code in inside or node.parent_code in inside:
            inside.add(node.code)
            picked.append(node)
    return picked


def _tree_line(node: Node) -> str:
    from review.manual.model import LEVELS

    indent = "  " * LEVELS.index(node.level)
    line = f"{indent}{node.code} {node.title}"
    if node.level != "standard":
        return line
    line += f"  [{'、'.join(node.body.get('methods', []))}]"
    requirement = node.body.get("requirement")
    if requirement:
        parts = ["、".join(f"{k['kind']}×{k['min_count']}{'张' if k['kind'] == '图片' else ''}" for k in requirement["kinds"])]
        if requirement.get("formats"):
            parts.append("格式 " + "/".join(requirement["formats"]))
        if requirement.get("window"):
            parts.append("时间 " + requirement["window"])
        if requirement.get("keywords"):
            parts.append("关键词 " + "、".join(requirement["keywords"]))
        if requirement.get("captions_required"):
            parts.append("图片须附说明")
        if requirement.get("sealed"):
            parts.append("须提交盖章原件扫描件")
        if requirement.get("implementation"):
            parts.append("须有落实佐证")
        line += "  材料：" + "；".join(parts)
    return line
