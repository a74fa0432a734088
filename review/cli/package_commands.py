"""`package export GROUP OUT`, `package verify FILE`, `package import FILE`, `package list`."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from review.cli.context import WAIT_HELP, Context
from review.workspace.permissions import require

if TYPE_CHECKING:
    from review.handover.package import VerifiedPackage


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("package", help="工作组材料包：导出、核验、导入（U 盘传递）")
    s = p.add_subparsers(dest="package_command", metavar="ACTION")
    s.required = True
    export = s.add_parser("export", help="把本组已签字的材料导出为一个 .mrpkg 文件",
                          description="OUT 为文件夹（如 U 盘 E:/）时，在其中写出“组号-组名-第N版.mrpkg”；"
                                      "为文件名时写出该文件。已有同名材料包时不覆盖，除非加 --force。")
    export.add_argument("group", metavar="GROUP")
    export.add_argument("out", metavar="OUT", help="文件夹（如 E:/）或材料包文件（如 E:/宣传组.mrpkg）")
    export.add_argument("--force", action="store_true", help="覆盖已有的同名材料包")
    export.set_defaults(func=cmd_export)
    for name, func, help_text in (("verify", cmd_verify, "只核验材料包，不导入"),
                                  ("import", cmd_import, "核验并导入材料包（文明办）")):
        q = s.add_parser(name, help=help_text)
        q.add_argument("file", metavar="FILE")
        q.add_argument("--json", action="store_true", help="以 JSON 输出")
        q.set_defaults(func=func)
        if name == "import":
            q.add_argument("--create-group", action="store_true", help="本工作区还没有该工作组时，按材料包新建")
            q.add_argument("--wait", action="store_true", help=WAIT_HELP)
    ls = s.add_parser("list", help="列出已导入的材料包")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(func=cmd_list)


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from review.handover.package import export_package

    out = export_package(ctx.workspace, ctx.actor, args.group, args.out, force=args.force)  # a str: "E:/" is a folder
    ctx.out(f"已导出工作组 {args.group} 的材料包：{out}")
    return 0


def describe(ctx: Context, package: VerifiedPackage) -> None:
    from review.signing.keys import format_fingerprint

    ctx.out(f"工作组 {package.group_code} {package.group_name}，第 {package.version} 版签字，"
            f"组长 {package.leader}，{package.signed_at}")
    ctx.out(f"签名密钥指纹 {format_fingerprint(package.fingerprint)}；文件 {len(package.files)} 个，"
            f"共 {package.total_bytes} 字节，全部与签字清单一致。")
    for note in package.manifest.exceptions:
        ctx.out(f"  例外：{note.code}（{note.reason}）")
    for note in package.manifest.waivers:
        ctx.out(f"  豁免：{note.code}（{note.reason}）")


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    from review.handover.package import verify_package

    require(ctx.actor, "package.import")
    package = verify_package(ctx.workspace, Path(args.file))
    if args.json:
        ctx.json({**package.to_json(), "state": "valid"})
        return 0
    ctx.out(f"材料包 {Path(args.file).name} 核验通过（未导入）。")
    describe(ctx, package)
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from review.handover.package import import_package

    result = import_package(ctx.workspace, ctx.actor, Path(args.file), create_group=args.create_group,
                            wait=ctx.waiting)
    if args.json:
        ctx.json(result.to_json())
        return 0
    ctx.out(f"已导入材料包 {Path(args.file).name}，保存在 {result.folder}。")
    describe(ctx, result.package)
    if result.replaced_version is not None:
        ctx.out(f"取代此前导入的第 {result.replaced_version} 版；变动 {len(result.differences)} 处：")
        for difference in result.differences:
            ctx.out(f"  {difference.describe()}")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from review.handover.package import imported_packages

    require(ctx.actor, "package.import")
    with ctx.workspace.session() as session:
        rows = [{"group": p.group_code, "group_name": p.group_name, "version": p.signoff_version,
                 "leader": p.leader, "signed_at": p.signed_at, "fingerprint": p.fingerprint,
                 "current": p.is_current, "path": p.folder, "imported_at": p.imported_at.isoformat(),
                 "imported_by": p.imported_by} for p in imported_packages(session)]
    if args.json:
        ctx.json({"packages": rows})
        return 0
    if not rows:
        ctx.out("尚未导入任何材料包。")
    for row in rows:
        mark = "当前" if row["current"] else "已被取代"
        ctx.out(f"{row['group']}\t第 {row['version']} 版\t{row['leader']}\t{row['signed_at']}\t{mark}\t{row['path']}")
    return 0
